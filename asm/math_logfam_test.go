package asm

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestLogFamKernelsWide compares log1p, log2 and log10 at every level with their
// twins (LevelNone) bit for bit on many more arguments than TestMathKernels: random
// bit patterns, subnormals, values near 1 and -1 (log1p), and the thresholds.
func TestLogFamKernelsWide(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	const n = 20000
	x := make([]float64, 0, n+64)
	for len(x) < n {
		switch r := rng.IntN(6); r {
		case 0:
			x = append(x, math.Float64frombits(rng.Uint64()))
		case 1:
			x = append(x, math.Float64frombits(rng.Uint64N(1<<52))) // subnormal
		case 2:
			x = append(x, 1+(rng.Float64()-0.5)*math.Exp(-rng.Float64()*40))
		case 3:
			x = append(x, -1+rng.Float64()*math.Exp(-rng.Float64()*40))
		case 4:
			x = append(x, math.Copysign(math.Exp(rng.Float64()*100-90), rng.Float64()-0.3))
		default:
			x = append(x, math.Ldexp(rng.Float64(), rng.IntN(2200)-1100))
		}
	}
	x = append(x, 0, math.Copysign(0, -1), 1, -1, 2, 0.5, logFamTiny, -logFamTiny, logFamTiny/2, -logFamTiny/2,
		sqrt2, math.Nextafter(sqrt2, 2), sqrt2/2, math.Nextafter(sqrt2/2, 0),
		math.MaxFloat64, math.SmallestNonzeroFloat64, 0x1p-1022, math.Inf(1), math.Inf(-1), math.NaN(),
		math.Nextafter(-1, 0), math.Nextafter(-1, -2), 0x1p-29, -0x1p-29, 0x1p53, 0x1p54, 0x1p60, 3e38, -0.5)
	x32 := make([]float32, len(x))
	for i, v := range x {
		x32[i] = float32(v)
	}
	funcs := []struct {
		name string
		f64  func(dst, x []float64)
		f32  func(dst, x []float32)
	}{{"log1p", Log1pF64, Log1pF32}, {"log2", Log2F64, Log2F32}, {"log10", Log10F64, Log10F32}}
	for _, f := range funcs {
		want := make([]float64, len(x))
		want32 := make([]float32, len(x))
		atLevel(t, LevelNone, func() {
			f.f64(want, x)
			f.f32(want32, x32)
		})
		for _, l := range levels() {
			atLevel(t, l, func() {
				got := make([]float64, len(x))
				got32 := make([]float32, len(x))
				f.f64(got, x)
				f.f32(got32, x32)
				for i := range x {
					if !sameBits64(got[i], want[i]) {
						t.Fatalf("%s f64 %v: x=%v (%#x): %v, twin %v", f.name, l, x[i], math.Float64bits(x[i]), got[i], want[i])
					}
					if !sameBits64(float64(got32[i]), float64(want32[i])) {
						t.Fatalf("%s f32 %v: x=%v: %v, twin %v", f.name, l, x32[i], got32[i], want32[i])
					}
				}
			})
		}
	}
}
