package asm

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestF32Hyp checks AsinhF32, AcoshF32 and AtanhF32: every level against the twin
// bit for bit and within 1 ULP of math's float64 functions, over a sample of all
// float32 inputs (every one with -f32exhaustive) and dense runs around 0, 1,
// hypF32Tiny, 2^26, the point where w crosses sqrt(2) (k changes), the largest inputs,
// subnormals, ±Inf and NaN.
func TestF32Hyp(t *testing.T) {
	all := f32Run{0, 0x7f800010, f32Stride(1021, 8191)}
	around := func(v float32, half uint32) f32Run {
		b := math.Float32bits(v)
		return f32Run{b - half, b + half, 1}
	}
	f32Sweep(t, "arcsinh", AsinhF32, asinhF32, math.Asinh, []f32Run{
		all, {0, 1 << 14, 1}, around(0x1p-12, 1<<12), around(0.35355338, 1<<14), around(1, 1<<12),
		around(0x1p26, 1<<10), around(0x1p63, 1<<10), {0x7f7f0000, 0x7f800001, 1},
	})
	f32Sweep(t, "arccosh", AcoshF32, acoshF32, math.Acosh, []f32Run{
		all, {0x3f800000, 0x3f800000 + 1<<16, 1}, around(1.0606602, 1<<14), around(2, 1<<12),
		around(0x1p26, 1<<10), around(0x1p64, 1<<10), {0x7f7f0000, 0x7f800001, 1},
	})
	f32Sweep(t, "arctanh", AtanhF32, atanhF32, math.Atanh, []f32Run{
		all, {0, 1 << 14, 1}, around(0x1p-12, 1<<12), around(0.17157288, 1<<14), {0x3f7f0000, 0x3f800010, 1},
	})
}

// TestF32HypTight bounds the error tighter than the documented 1 ULP: the float64
// computation is good to about 2^-34, so the rounding to float32 stays within
// 0.5 + 2^-10 ULP of math's float64 value (itself within 2^-28 ULP of float32).
func TestF32HypTight(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 3))
	const n = 200_000
	x := make([]float32, n)
	got := make([]float32, n)
	for _, fn := range []struct {
		name string
		f    func(dst, x []float32)
		ref  func(float64) float64
		gen  func() float32
	}{
		{"arcsinh", AsinhF32, math.Asinh, func() float32 { return float32(math.Ldexp(rng.Float64()*2-1, rng.IntN(80)-60)) }},
		{"arccosh", AcoshF32, math.Acosh, func() float32 { return float32(1 + math.Ldexp(rng.Float64(), rng.IntN(80)-40)) }},
		{"arctanh", AtanhF32, math.Atanh, func() float32 { return float32(math.Ldexp(rng.Float64()*2-1, -rng.IntN(30))) }},
	} {
		for i := range x {
			x[i] = fn.gen()
		}
		for _, l := range levels() {
			atLevel(t, l, func() {
				fn.f(got, x)
				worst, at := 0.0, float32(0)
				for i, v := range x {
					if e := f32ULP(got[i], fn.ref(float64(v))); e > worst {
						worst, at = e, v
					}
				}
				if worst > 0.5+0x1p-10 {
					t.Errorf("%s f32 at %v: %.6f ULP at %g", fn.name, l, worst, at)
				}
			})
		}
	}
}

// TestF32HypKernels checks the kernels against the twins on lengths around the
// vector widths, in place, with special values, and the values math gives there.
func TestF32HypKernels(t *testing.T) {
	special := []float32{0, float32(math.Copysign(0, -1)), 1, -1, 0x1p-149, -0x1p-149, 0x1p-126, 0x1p-28, -0x1p-28,
		float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.NaN()), math.MaxFloat32, -math.MaxFloat32,
		0.99999994, -0.99999994, 1.0000001, 2, 0.5, -0.5, 1e20, -1e-20, 1.5, -1.5}
	funcs := []struct {
		name string
		f    func(dst, x []float32)
		twin func(float32) float32
		ref  func(float64) float64
	}{
		{"arcsinh", AsinhF32, asinhF32, math.Asinh},
		{"arccosh", AcoshF32, acoshF32, math.Acosh},
		{"arctanh", AtanhF32, atanhF32, math.Atanh},
	}
	rng := rand.New(rand.NewPCG(16, 2))
	const n = 301
	x := make([]float32, n)
	for i := range x {
		if i%3 == 0 {
			x[i] = special[rng.IntN(len(special))]
		} else {
			x[i] = math.Float32frombits(rng.Uint32())
		}
	}
	for _, fn := range funcs {
		for _, v := range special { // math's special values
			want := float32(fn.ref(float64(v)))
			if got := fn.twin(v); math.Float32bits(got) != math.Float32bits(want) && !(got != got && want != want) &&
				(math.IsNaN(float64(want)) || math.IsInf(float64(want), 0) || want == 0) {
				t.Errorf("%s(%g) = %g, math %g", fn.name, v, got, want)
			}
		}
	}
	for _, l := range levels() {
		atLevel(t, l, func() {
			for _, fn := range funcs {
				for m := range 40 {
					for _, off := range []int{0, 1} {
						src := x[off : off+m]
						got := make([]float32, m)
						fn.f(got, src)
						in := append([]float32(nil), src...)
						fn.f(in, in)
						for i, v := range src {
							w := fn.twin(v)
							for _, g := range []float32{got[i], in[i]} {
								if math.Float32bits(g) != math.Float32bits(w) && !(g != g && w != w) {
									t.Fatalf("%s at %v, n=%d: %s(%g) = %g, twin %g", fn.name, l, m, fn.name, v, g, w)
								}
							}
						}
					}
				}
				dst := make([]float32, n)
				if a := testing.AllocsPerRun(5, func() { fn.f(dst, x) }); a != 0 {
					t.Errorf("%s at %v: %v allocations", fn.name, l, a)
				}
			}
		})
	}
}
