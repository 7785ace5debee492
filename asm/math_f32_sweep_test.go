package asm

import (
	"math"
	"testing"
)

// f32Run is a range of float32 bit patterns, lo to hi by step; f32Sweep also
// takes the negative of each.
type f32Run struct{ lo, hi, step uint32 }

// f32Sweep runs f at every level over runs and checks that each SIMD level gives
// the twin's bits and that the error against ref (float64, far more accurate than
// float32) is at most 1 ULP; with -f32exhaustive, the widest level only and the
// error only (as TestF32ExpLogSweep).
func f32Sweep(t *testing.T, name string, f func(dst, x []float32), twin func(float32) float32, ref func(float64) float64, runs []f32Run) {
	t.Helper()
	const batch = 1 << 16
	x := make([]float32, 0, batch)
	got := make([]float32, batch)
	for _, l := range levels() {
		if *f32Exhaustive && l != Supported() {
			continue // the widest level only, ULP only; the sample checks the rest
		}
		atLevel(t, l, func() {
			worst, worstX, n := 0.0, float32(0), 0
			flush := func() {
				f(got[:len(x)], x)
				for i, v := range x {
					if l != LevelNone && !*f32Exhaustive {
						if tw := twin(v); math.Float32bits(tw) != math.Float32bits(got[i]) && !(tw != tw && got[i] != got[i]) {
							t.Fatalf("%s at %v: %s(%g) = %g (%#x), twin %g (%#x)", name, l, name, v, got[i], math.Float32bits(got[i]), tw, math.Float32bits(tw))
						}
					}
					if e := f32ULP(got[i], ref(float64(v))); e > worst {
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
			t.Logf("%s f32 %v: max %.4f ULP at %g (%#x), %d inputs", name, l, worst, worstX, math.Float32bits(worstX), n)
			if worst > 1 {
				t.Errorf("%s f32 %v: %.4f ULP at %g", name, l, worst, worstX)
			}
		})
	}
}

// f32Stride is the sampling step over all float32 inputs: every input with
// -f32exhaustive, a coarser one with -short.
func f32Stride(normal, short uint32) uint32 {
	switch {
	case *f32Exhaustive:
		return 1
	case testing.Short():
		return short
	}
	return normal
}

// TestF32Exp2 checks Exp2F32 (float32 lanes): every level against the twin bit for
// bit and within 1 ULP of math.Exp2, over a sample of all float32 inputs (all of
// them with -f32exhaustive), dense runs around the integers where k changes
// (r = ±1/2) and around 0, the overflow threshold 128, the subnormal range
// (-126 to -149) and the clamps, subnormal inputs, and ±Inf and NaN.
func TestF32Exp2(t *testing.T) {
	f32Sweep(t, "exp2", Exp2F32, exp2F32, math.Exp2, []f32Run{
		{0, 0x7f800010, f32Stride(1021, 8191)},      // and the negatives
		{0x3f000000 - 1<<12, 0x3f000000 + 1<<12, 1}, // 1/2: k changes
		{0x3fc00000 - 1<<12, 0x3fc00000 + 1<<12, 1}, // 3/2
		{0x3f800000 - 1<<12, 0x3f800000 + 1<<12, 1}, // 1
		{0, 0x3e000000, 4093},                       // tiny, subnormal: 2^x near 1
		{0x43000000 - 1<<10, 0x43000000 + 1<<10, 1}, // 128: overflow (and -128)
		{0x42fc0000, 0x43160000, 97},                // 126 to 150: subnormal results of -x
		{0x43020000, 0x43020000, 1},                 // 130, the clamp
		{0x43200000, 0x43200000, 1},                 // 160, the clamp
		{0x7fc00000, 0x7fc00004, 1},                 // quiet NaNs
	})
}

// TestF32Tanh checks TanhF32 (float32 lanes): every level against the twin bit for
// bit and within 1 ULP of math.Tanh, over a sample of all float32 inputs (all of
// them with -f32exhaustive), dense runs at the branch point 0.55 and near 1/2,
// through [0.5, 2] (where the exp branch's error is least damped) and [2, 10],
// around the clamp 10 and where tanh rounds to 1, tiny and subnormal inputs, and
// ±Inf and NaN.
func TestF32Tanh(t *testing.T) {
	f32Sweep(t, "tanh", TanhF32, tanhF32, math.Tanh, []f32Run{
		{0, 0x7f800010, f32Stride(1021, 8191)},      // and the negatives
		{0x3f0ccccd - 1<<12, 0x3f0ccccd + 1<<12, 1}, // 0.55, the branch point
		{0x3f000000, 0x40000000, 67},                // [0.5, 2]
		{0x40000000, 0x41200000, 401},               // [2, 10]
		{0x41100000, 0x41110000, 1},                 // 9 to 9.06: rounds to 1
		{0x41200000 - 64, 0x41200000 + 64, 1},       // the clamp 10
		{0, 0x3a000000, 4093},                       // tiny, subnormal
		{0x7fc00000, 0x7fc00004, 1},                 // quiet NaNs
	})
}
