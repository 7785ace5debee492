package asm

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestPowKernelsWide compares pow at every level with the twin (LevelNone) bit for
// bit on random bit patterns, results near overflow and underflow (the lanes the
// vector kernels hand back to the scalar routine), negative x with integer y,
// subnormals, negative x with any y (the lanes powVec runs again as |x|), and in
// place.
func TestPowKernelsWide(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	const n = 20000
	x, y := make([]float64, n), make([]float64, n)
	for i := range x {
		switch rng.IntN(8) {
		case 0:
			x[i], y[i] = math.Float64frombits(rng.Uint64()), math.Float64frombits(rng.Uint64())
		case 1:
			x[i] = math.Exp(rng.Float64()*4 - 2)
			y[i] = (rng.Float64()*2 - 1) * 1500 / math.Abs(math.Log(x[i])) // |y log x| up to 1500
		case 2:
			x[i], y[i] = -math.Exp(rng.Float64()*10-5), float64(rng.IntN(200)-100)
		case 3:
			x[i], y[i] = math.Float64frombits(rng.Uint64N(1<<52)), rng.Float64()*2-1
		case 4:
			x[i], y[i] = specialF64[rng.IntN(len(specialF64))], specialF64[rng.IntN(len(specialF64))]
		case 6: // negative x: integer y past 2^24 and 2^53 (even), near overflow, zero, not integer
			x[i] = -math.Exp(rng.Float64()*20 - 10)
			y[i] = [...]float64{0x1p24 + 1, 0x1p24 + 2, 0x1p53 + 2, 1e300, 0, math.Copysign(0, -1), 0.5, -2.5, 1e-300,
				math.Round(700 / math.Log(-x[i])), math.Round(-745 / math.Log(-x[i])), float64(rng.IntN(9) - 4)}[rng.IntN(12)]
		case 7: // negative x at the ends of the range, integer y
			x[i] = -math.Float64frombits(rng.Uint64N(0x7ff0000000000000))
			y[i] = float64(rng.IntN(7) - 3)
		default:
			x[i], y[i] = math.Exp(rng.Float64()*20-10), rng.Float64()*40-20
		}
	}
	x32, y32 := make([]float32, n), make([]float32, n)
	for i := range x {
		x32[i], y32[i] = float32(x[i]), float32(y[i])
	}
	want, want32 := make([]float64, n), make([]float32, n)
	atLevel(t, LevelNone, func() {
		PowF64(want, x, y)
		PowF32(want32, x32, y32)
	})
	for _, l := range levels() {
		atLevel(t, l, func() {
			got, got32 := make([]float64, n), make([]float32, n)
			PowF64(got, x, y)
			PowF32(got32, x32, y32)
			inx := append([]float64(nil), x...)
			PowF64(inx, inx, y)
			iny := append([]float64(nil), y...)
			PowF64(iny, x, iny)
			for i := range x {
				if !sameBits64(got[i], want[i]) || !sameBits64(inx[i], want[i]) || !sameBits64(iny[i], want[i]) {
					t.Fatalf("pow f64 %v: pow(%v, %v) = %v (in place %v, %v), twin %v", l, x[i], y[i], got[i], inx[i], iny[i], want[i])
				}
				if !sameBits64(float64(got32[i]), float64(want32[i])) {
					t.Fatalf("pow f32 %v: pow(%v, %v) = %v, twin %v", l, x32[i], y32[i], got32[i], want32[i])
				}
			}
		})
	}
}
