package asm

import (
	"math"
	"math/rand/v2"
	"testing"
)

// expFamInputs returns float64 arguments dense around the thresholds of the
// expm1/exp2/tanh/sinh/cosh kernels (ln2/2, where k changes, the clamps, the
// overflow and underflow bounds, subnormals) plus random ones of every size.
func expFamInputs(n int, rng *rand.Rand) []float64 {
	edges := []float64{0, 0x1p-1074, 0x1p-1022, 0x1p-54, 0x1p-27, 0.34657359027997264, 0.5, 0.6931471805599453, 1,
		17.3, 22, 37.5, 40, 44, 50, 88.72, 89.4, 100, 709.78, 710.47, 711, 1022, 1024, 1074, 1075, 1080}
	xs := make([]float64, 0, n)
	for _, e := range edges {
		for _, s := range []float64{1, -1} {
			for d := -8; d <= 8; d++ {
				xs = append(xs, s*math.Float64frombits(uint64(int64(math.Float64bits(e))+int64(d))))
			}
			for i := 0; i < 20; i++ {
				xs = append(xs, s*e*(1+(rng.Float64()-0.5)*1e-3))
			}
		}
	}
	for len(xs) < n {
		switch rng.IntN(3) {
		case 0:
			xs = append(xs, (rng.Float64()*2-1)*1100)
		case 1:
			xs = append(xs, (rng.Float64()*2-1)*2)
		default:
			xs = append(xs, math.Copysign(math.Exp(rng.Float64()*760-745), rng.Float64()-0.5))
		}
	}
	return xs
}

func ulpDiff64(a, b float64) float64 {
	if a == b || math.IsNaN(a) && math.IsNaN(b) {
		return 0
	}
	if math.IsInf(a, 0) || math.IsInf(b, 0) || math.IsNaN(a) || math.IsNaN(b) {
		return math.Inf(1)
	}
	u := math.Abs(math.Nextafter(b, math.Inf(1)) - b)
	return math.Abs(a-b) / u
}

// TestExpFamDense compares every level with the twin bit for bit and with Go's
// math (float64: within 4 ULP, as math.Sinh is off by up to 3; float32: within 1 ULP of
// Go's math rounded to float32) on many arguments.
func TestExpFamDense(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	xs := expFamInputs(100000, rng)
	x32 := make([]float32, len(xs))
	for i, v := range xs {
		x32[i] = float32(v)
	}
	for _, f := range MathFuncs() {
		switch f.Name {
		case "expm1", "exp2", "tanh", "sinh", "cosh":
		default:
			continue
		}
		want := make([]float64, len(xs))
		want32 := make([]float32, len(xs))
		atLevel(t, LevelNone, func() {
			f.F64(want, xs)
			f.F32(want32, x32)
		})
		for i, x := range xs {
			g := f.Go64(x)
			if math.IsInf(g, 0) && math.Abs(x) > 709 && math.Abs(x) < 710.4758600739439 {
				continue // math.Sinh and math.Cosh overflow early (e^x/2 with e^x = +Inf)
			}
			if d := ulpDiff64(want[i], g); d > 4 {
				t.Errorf("%s(%v) = %v, Go's math %v (%.2f ULP)", f.Name, x, want[i], g, d)
			}
			g32 := float32(f.Go64(float64(x32[i])))
			if d := ulpDiff32(want32[i], g32); d > 1 {
				t.Errorf("float32 %s(%v) = %v, Go's math %v (%.2f ULP)", f.Name, x32[i], want32[i], g32, d)
			}
		}
		for _, l := range levels() {
			atLevel(t, l, func() {
				got := make([]float64, len(xs))
				got32 := make([]float32, len(xs))
				f.F64(got, xs)
				f.F32(got32, x32)
				for i := range xs {
					if !sameBits64(got[i], want[i]) {
						t.Fatalf("%v: %s(%v) = %v, twin %v", l, f.Name, xs[i], got[i], want[i])
					}
					if !sameBits64(float64(got32[i]), float64(want32[i])) {
						t.Fatalf("%v: float32 %s(%v) = %v, twin %v", l, f.Name, x32[i], got32[i], want32[i])
					}
				}
			})
		}
	}
}

func ulpDiff32(a, b float32) float64 {
	if a == b || a != a && b != b {
		return 0
	}
	if math.IsInf(float64(a), 0) || math.IsInf(float64(b), 0) || a != a || b != b {
		return math.Inf(1)
	}
	u := math.Abs(float64(math.Nextafter32(b, float32(math.Inf(1))) - b))
	return math.Abs(float64(a)-float64(b)) / u
}
