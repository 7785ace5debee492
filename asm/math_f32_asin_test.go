package asm

import (
	"math"
	"testing"
)

// TestF32AsinAcos checks AsinF32 and AcosF32 (float32 lanes) at every level: bit
// for bit against the twin, and within 1 ULP of math.Asin and math.Acos in float64,
// over a sample of every float32 in [-1, 1] (all of them with -f32exhaustive), the
// inputs next to the branch point 1/2 and to ±1, tiny and subnormal inputs, and the
// special values (±0, ±Inf, NaN, |x| > 1).
func TestF32AsinAcos(t *testing.T) {
	stride := uint32(1009)
	if testing.Short() {
		stride = 4001
	}
	if *f32Exhaustive {
		stride = 1
	}
	type run struct{ lo, hi, step uint32 }
	runs := []run{
		{0, 0x3f800000, stride},                     // [0, 1] and, below, [-1, -0]
		{0x3f000000 - 1<<12, 0x3f000000 + 1<<12, 1}, // around 1/2
		{0x3f800000 - 1<<13, 0x3f800000 + 64, 1},    // up to 1 and past it
		{0, 1 << 23, 4093},                          // subnormals
		{0x39000000, 0x3a000000, 257},               // small: asin(x) = x + ...
		{0x7f7ffff0, 0x7f800010, 1},                 // huge, Inf, signalling NaNs
		{0x7fc00000, 0x7fc00004, 1},                 // quiet NaNs
	}
	funcs := []struct {
		name string
		f    func(dst, x []float32)
		twin func(float32) float32
		ref  func(float64) float64
	}{
		{"arcsin", AsinF32, asinF32, math.Asin},
		{"arccos", AcosF32, acosF32, math.Acos},
	}
	const batch = 1 << 16
	x := make([]float32, 0, batch)
	got := make([]float32, batch)
	for _, l := range levels() {
		if *f32Exhaustive && l != Supported() && l != LevelNone {
			continue
		}
		atLevel(t, l, func() {
			for _, fn := range funcs {
				worst, worstX, n := 0.0, float32(0), 0
				flush := func() {
					fn.f(got[:len(x)], x)
					for i, v := range x {
						if l != LevelNone {
							if tw := fn.twin(v); math.Float32bits(tw) != math.Float32bits(got[i]) && !(tw != tw && got[i] != got[i]) {
								t.Fatalf("%s at %v: %s(%g) = %g (%#x), twin %g (%#x)", fn.name, l, fn.name, v, got[i], math.Float32bits(got[i]), tw, math.Float32bits(tw))
							}
						}
						if e := f32ULP(got[i], fn.ref(float64(v))); e > worst {
							worst, worstX = e, v
						}
					}
					n += len(x)
					x = x[:0]
				}
				for _, r := range runs {
					for b := uint64(r.lo); b <= uint64(r.hi); b += uint64(r.step) {
						for _, s := range []uint64{b, b ^ 1<<31} {
							if x = append(x, math.Float32frombits(uint32(s))); len(x) == batch {
								flush()
							}
						}
					}
				}
				flush()
				t.Logf("%s f32 %v: max %.4f ULP at %g (%#x), %d inputs", fn.name, l, worst, worstX, math.Float32bits(worstX), n)
				if worst > 1 {
					t.Errorf("%s f32 %v: %.4f ULP at %g", fn.name, l, worst, worstX)
				}
			}
		})
	}
}
