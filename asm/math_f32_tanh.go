package asm

import "math"

// float32 tanh in float32 lanes (16 per zmm, 8 per ymm): tanhF32 is the element
// kernel that math_f32_tanh_amd64.s vectorizes step by step (both branches are
// computed and blended there), in float32 arithmetic with scFMAF32 where the
// assembly fuses. With a = |x| clamped to 10 (tanh rounds to 1 from 9.01 on):
//
//	a < 0.55: tanh(a) = a + a*z*P(z), z = a^2, P of degree 4
//	          (asm/_gen/mpgen/fit_f32_tanh.py)
//	beyond:   tanh(a) = 1 - 2/D, D = e^(2a) + 1 >= 4, so the result is >= 1/2
//
// e^(2a) = 2^k * p is expF32's reduction and polynomial, the scaling exact
// (k <= 29). D = E + 1 keeps its rounding error dl (a fast two-sum), and
// q = 2/D its residual by an FMA, so 2/(E + 1) = q + ql with
// ql = (2 - q*D - q*dl) * q/2; 1 - q is summed exactly and ql added last. The
// error of E (its float32 rounding, about 0.7 * 2^-24 relative) reaches the
// result damped by 2/D <= 1/2; with the final rounding the bound is below 0.9 ULP.
// Measured over float32 inputs: TestF32Tanh and docs/simd.md.
const (
	tanhF32Max   float32 = 10
	tanhF32Split float32 = 0.55 // above atanh(1/2): the exp branch gives results >= 1/2

	// tanhF32: degree 4 in z on [0, 0.303091], max error 0.0199 * 2^-24
	tanhF32P0 float32 = -0.33333316445350647
	tanhF32P1 float32 = 0.1333254724740982
	tanhF32P2 float32 = -0.053848061710596085
	tanhF32P3 float32 = 0.021053440868854523
	tanhF32P4 float32 = -0.006247500889003277
)

// tanhF32 returns tanh(x) within 1 ULP; special values as math.Tanh.
func tanhF32(x float32) float32 {
	if x != x {
		return x
	}
	a := min(math.Float32frombits(math.Float32bits(x)&^(1<<31)), tanhF32Max)
	var t float32
	if a < tanhF32Split {
		z := a * a
		p := scFMAF32(tanhF32P4, z, tanhF32P3)
		p = scFMAF32(p, z, tanhF32P2)
		p = scFMAF32(p, z, tanhF32P1)
		p = scFMAF32(p, z, tanhF32P0)
		t = scFMAF32(a*z, p, a)
	} else {
		y := a + a
		k := float32(math.RoundToEven(float64(y * expF32Log2e)))
		r := scFMAF32(-k, expF32Ln2Hi, y)
		r = scFMAF32(-k, expF32Ln2Lo, r)
		r2 := r * r
		g := scFMAF32(expF32P4, r, expF32P3)
		g = scFMAF32(g, r, expF32P2)
		g = scFMAF32(g, r, expF32P1)
		g = scFMAF32(g, r, expF32P0)
		h := 1 + r
		hl := (1 - h) + r
		e := float32(float64(h+scFMAF32(r2, g, hl)) * pow2(float64(k))) // exact
		d := e + 1
		dl := 1 - (d - e)
		q := 2 / d
		ql := float32(scFMAF32(-q, dl, scFMAF32(-q, d, 2)) * (q * 0.5)) // not fused into u + ql
		s := 1 - q
		u := (s - 1) + q // s - (1 - q), exactly (a fast two-sum)
		t = s - (u + ql)
	}
	return math.Float32frombits(math.Float32bits(t) | math.Float32bits(x)&(1<<31))
}
