package asm

import (
	"math"
	"testing"
)

// sinCosRef is the reference for float32 sin (offset 0) and cos (offset 1): the
// float64 kernel, within 1 ULP of float64 (TestMathAccuracy checks it against
// mpmath) with a reduction good to about 100 bits, so its error is below 2^-28
// ULP of float32.
func sinCosRef(offset uint64) func(float64) float64 {
	return func(x float64) float64 { return sinCosF64(x, offset) }
}

// TestF32SinCosNearMultiples checks float32 sin and cos within 1 ULP at every level,
// bit-identical to the twin, on the inputs where the reduction cancels most: the
// float32 values nearest to every multiple of pi/2 up to 2^17, and their
// neighbours (TestF32ExpLogSweep samples the rest, up to trigF32Max and beyond).
func TestF32SinCosNearMultiples(t *testing.T) {
	var x []float32
	kmax := int(math.Floor(float64(1<<17)/(math.Pi/2))) + 8
	for k := 1; k <= kmax; k++ {
		b := math.Float32bits(float32(float64(k) * (math.Pi / 2)))
		for d := uint32(0); d < 7; d++ {
			x = append(x, math.Float32frombits(b+d-3))
		}
	}
	for off := range uint64(2) {
		ref := sinCosRef(off)
		worst, worstX := 0.0, float32(0)
		for _, v := range x {
			if e := f32ULP(sinCosF32(v, off), ref(float64(v))); e > worst {
				worst, worstX = e, v
			}
		}
		t.Logf("twin offset %d: max %.4f ULP at %g, %d inputs", off, worst, worstX, len(x))
		if worst > 1 {
			t.Errorf("twin offset %d: %.4f ULP at %g", off, worst, worstX)
		}
	}
	got := make([]float32, len(x))
	for _, l := range levels() {
		for off, f := range []func(dst, x []float32){SinF32, CosF32} {
			atLevel(t, l, func() { f(got, x) })
			ref := sinCosRef(uint64(off))
			worst, worstX := 0.0, float32(0)
			for i, v := range x {
				if tw := sinCosF32(v, uint64(off)); math.Float32bits(tw) != math.Float32bits(got[i]) {
					t.Fatalf("offset %d at %v: f(%g) = %g, twin %g", off, l, v, got[i], tw)
				}
				if e := f32ULP(got[i], ref(float64(v))); e > worst {
					worst, worstX = e, v
				}
			}
			t.Logf("%v offset %d: max %.4f ULP at %g, %d inputs", l, off, worst, worstX, len(x))
			if worst > 1 {
				t.Errorf("%v offset %d: %.4f ULP at %g", l, off, worst, worstX)
			}
		}
	}
}
