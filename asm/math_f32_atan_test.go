package asm

import (
	"math"
	"testing"
)

// TestF32Atan checks AtanF32 (float32 lanes) at every level: bit for bit against
// the twin, and within 1 ULP of math.Atan in float64, over a sample of all float32
// inputs (every input with -f32exhaustive), dense runs at the reduction's split
// points tan(pi/8) and tan(3pi/8), around 1, tiny and subnormal inputs, the clamp
// 2^30, and ±Inf and NaN.
func TestF32Atan(t *testing.T) {
	stride := uint32(1021)
	if testing.Short() {
		stride = 8191
	}
	if *f32Exhaustive {
		stride = 1
	}
	type run struct{ lo, hi, step uint32 }
	runs := []run{
		{0, 0x7fc00010, stride},                     // and the negatives
		{0x3f000000 - 1<<12, 0x3f000000 + 1<<12, 1}, // 1/2
		{0x401a827a - 1<<12, 0x401a827a + 1<<12, 1}, // tan(3pi/8)
		{0x3f800000 - 1<<12, 0x3f800000 + 1<<12, 1}, // 1
		{0x3e400000, 0x3f400000, 211},               // [0.1875, 0.75]: the first two branches
		{0x3f400000, 0x41000000, 211},               // [0.75, 8]
		{0, 1 << 23, 4093},                          // subnormals
		{0x4e800000 - 64, 0x4e800000 + 64, 1},       // the clamp 2^30
		{0x7f7ffff0, 0x7f800010, 1},                 // huge, Inf, signalling NaNs
		{0x7fc00000, 0x7fc00004, 1},                 // quiet NaNs
	}
	const batch = 1 << 16
	x := make([]float32, 0, batch)
	got := make([]float32, batch)
	for _, l := range levels() {
		if *f32Exhaustive && l != Supported() && l != LevelNone {
			continue
		}
		atLevel(t, l, func() {
			worst, worstX, n := 0.0, float32(0), 0
			flush := func() {
				AtanF32(got[:len(x)], x)
				for i, v := range x {
					if l != LevelNone {
						if tw := atanF32(v); math.Float32bits(tw) != math.Float32bits(got[i]) && !(tw != tw && got[i] != got[i]) {
							t.Fatalf("arctan at %v: arctan(%g) = %g (%#x), twin %g (%#x)", l, v, got[i], math.Float32bits(got[i]), tw, math.Float32bits(tw))
						}
					}
					if e := f32ULP(got[i], math.Atan(float64(v))); e > worst {
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
			t.Logf("arctan f32 %v: max %.4f ULP at %g (%#x), %d inputs", l, worst, worstX, math.Float32bits(worstX), n)
			if worst > 1 {
				t.Errorf("arctan f32 %v: %.4f ULP at %g", l, worst, worstX)
			}
		})
	}
}
