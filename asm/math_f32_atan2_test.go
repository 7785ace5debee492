package asm

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestF32Atan2 checks Atan2F32 (float32 lanes) at every level: bit for bit against
// the twin, and within 1 ULP of math.Atan2 in float64, on every pair of a list of
// special and edge values (±0, ±Inf, NaN, subnormals, the scaling thresholds, the
// largest finite), on pairs whose ratio sweeps densely across the reduction's split
// points 1/2 and 2 and 1 at many magnitudes, and on random pairs of all exponents.
func TestF32Atan2(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 17))
	edge := []float32{0, 1, 0.5, 2, 3, 0x1p-149, 0x1p-126, 0x1.fffffcp-127, 0x1p-100, 0x1p-40, 0x1p-41, 0x1p100,
		0x1.000002p100, 0x1p127, math.MaxFloat32, float32(math.Inf(1)), float32(math.NaN()), 1e-30, 1e30, 0.41421357}
	var ys, xs []float32
	for _, a := range edge {
		for _, b := range edge {
			for _, s := range [][2]float32{{1, 1}, {-1, 1}, {1, -1}, {-1, -1}} {
				ys, xs = append(ys, s[0]*a), append(xs, s[1]*b)
			}
		}
	}
	n := 400_000
	if testing.Short() {
		n = 50_000
	}
	for i := 0; i < n; i++ {
		var y, x float32
		switch i % 3 {
		case 0: // ratio near 1/2, 1 or 2 (the splits), at any magnitude
			x = math.Float32frombits(uint32(1+rng.IntN(253))<<23 | rng.Uint32()&(1<<23-1))
			c := []float32{0.5, 1, 2}[rng.IntN(3)]
			y = float32(float64(x) * float64(c) * (1 + (rng.Float64()-0.5)*0x1p-12))
		case 1: // any two finite values
			y = math.Float32frombits(rng.Uint32()&^(0xff<<23) | uint32(rng.IntN(255))<<23)
			x = math.Float32frombits(rng.Uint32()&^(0xff<<23) | uint32(rng.IntN(255))<<23)
		default: // moderate ratios
			x = float32(rng.NormFloat64())
			y = float32(rng.NormFloat64())
		}
		if rng.IntN(2) == 0 {
			y = -y
		}
		if rng.IntN(2) == 0 {
			x = -x
		}
		ys, xs = append(ys, y), append(xs, x)
	}
	got := make([]float32, len(ys))
	for _, l := range levels() {
		atLevel(t, l, func() {
			Atan2F32(got, ys, xs)
			worst, wy, wx := 0.0, float32(0), float32(0)
			for i := range got {
				y, x := ys[i], xs[i]
				if l != LevelNone {
					if tw := atan2F32(y, x); math.Float32bits(tw) != math.Float32bits(got[i]) && !(tw != tw && got[i] != got[i]) {
						t.Fatalf("arctan2 at %v: arctan2(%g, %g) = %g (%#x), twin %g (%#x)", l, y, x, got[i], math.Float32bits(got[i]), tw, math.Float32bits(tw))
					}
				}
				if e := f32ULP(got[i], math.Atan2(float64(y), float64(x))); e > worst {
					worst, wy, wx = e, y, x
				}
			}
			t.Logf("arctan2 f32 %v: max %.4f ULP at (%g, %g), %d pairs", l, worst, wy, wx, len(got))
			if worst > 1 {
				t.Errorf("arctan2 f32 %v: %.4f ULP at (%g, %g)", l, worst, wy, wx)
			}
		})
	}
}
