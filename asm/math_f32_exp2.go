package asm

import "math"

// float32 exp2 in float32 lanes (16 per zmm, 8 per ymm): exp2F32 is the element
// kernel that math_f32_exp2_amd64.s vectorizes step by step, in float32
// arithmetic with scFMAF32 where the assembly fuses. With x clamped to
// [-160, 130] (2^-160 rounds to 0, 2^130 overflows): k = round(x), r = x - k
// exactly (|r| <= 1/2), 2^r = 1 + r*Q(r) as one FMA after Q's Horner steps (Q of
// degree 5 from asm/_gen/mpgen/fit_f32_exp2.py), and p*2^k rounded once, as
// VSCALEFPS does (AVX2: p*2^(k>>1) exact, times 2^(k-(k>>1)) rounded). The
// rounding of Q (at most 2^-25 absolute, times |r| <= 1/2) and of the FMA stay
// below 1 ULP; a subnormal result rounds p again. Measured over float32 inputs:
// TestF32Exp2 and docs/simd.md.
const (
	exp2F32Min float32 = -160
	exp2F32Max float32 = 130

	// exp2F32: degree 5 on [-0.500488, 0.500488], max error 0.0504 * 2^-24
	exp2F32Q0 float32 = 0.6931471824645996
	exp2F32Q1 float32 = 0.24022647738456726
	exp2F32Q2 float32 = 0.05550359562039375
	exp2F32Q3 float32 = 0.009618503041565418
	exp2F32Q4 float32 = 0.0013390997191891074
	exp2F32Q5 float32 = 0.0001532780734123662
)

// exp2F32 returns 2**x within 1 ULP; special values as math.Exp2.
func exp2F32(x float32) float32 {
	if x != x {
		return x
	}
	y := min(max(x, exp2F32Min), exp2F32Max)
	k := float32(math.RoundToEven(float64(y)))
	r := y - k
	q := scFMAF32(exp2F32Q5, r, exp2F32Q4)
	q = scFMAF32(q, r, exp2F32Q3)
	q = scFMAF32(q, r, exp2F32Q2)
	q = scFMAF32(q, r, exp2F32Q1)
	q = scFMAF32(q, r, exp2F32Q0)
	p := scFMAF32(r, q, 1)
	return float32(float64(p) * pow2(float64(k)))
}
