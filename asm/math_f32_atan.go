package asm

import "math"

// float32 arctan in float32 lanes (16 per zmm, 8 per ymm): atanF32 is the element
// kernel that math_f32_atan_amd64.s vectorizes step by step (each branch is a
// per-lane mask or blend there), in float32 arithmetic with scFMAF32 where the
// assembly fuses. With a = |x| (clamped to 2^30, past which arctan rounds to
// pi/2):
//
//	a <= 1/2:           atan(a) = atan(t),        t = a
//	a <= tan(3pi/8):    atan(a) = pi/4 + atan(t), t = (a - 1)/(a + 1)
//	beyond:             atan(a) = pi/2 + atan(t), t = -1/a
//
// so |t| <= 1/2. The numerator is exact (a - 1 by Sterbenz's lemma, which is why
// the first split is at 1/2 and not at tan(pi/8); or a; or -1); the denominator's
// rounding error dl is exact too (a + 1 - den by a two-sum), so t + tl with
// tl = (num - t*den - t*dl)/den (the residual by FMAs, times the reciprocal) is
// good far beyond float32. atan(t + tl) =
// t + (t*z*P(z) + tl*(1 - z)), z = t^2, P of degree 5 from
// asm/_gen/mpgen/fit_f32_atan.py; the offset J (0, pi/4, pi/2) is a float32
// hi + lo, J + t is summed exactly by a fast two-sum, and the rest is added
// once. Measured over float32 inputs: TestF32Atan and docs/simd.md.
const (
	atanF32LClamp float32 = 0x1p30
	atanF32LT1    float32 = 0.5                     // a - 1 is exact from here on
	atanF32LT3    float32 = 2.4142136573791504      // float32(tan(3pi/8))
	atanF32LPio4H float32 = 0.7853981852531433      // float32(pi/4)
	atanF32LPio4L float32 = -2.1855694143368964e-08 // float32(pi/4 - atanF32LPio4H)

	// atanF32L: degree 5 in z on [0, 0.250489], max error 0.0066 * 2^-24
	atanF32LP0 float32 = -0.33333325386047363
	atanF32LP1 float32 = 0.19999392330646515
	atanF32LP2 float32 = -0.14270099997520447
	atanF32LP3 float32 = 0.10923667252063751
	atanF32LP4 float32 = -0.07915949076414108
	atanF32LP5 float32 = 0.03773530572652817
)

// atanF32 returns arctan(x) within 1 ULP; special values as math.Atan.
func atanF32(x float32) float32 {
	a := min(math.Float32frombits(math.Float32bits(x)&^(1<<31)), atanF32LClamp) // NaN stays
	num, den, dl, jh, jl := a, float32(1), float32(0), float32(0), float32(0)
	if a > atanF32LT1 {
		num, den = a-1, a+1
		dl = a - (den - 1) // exact
		jh, jl = atanF32LPio4H, atanF32LPio4L
	}
	if a > atanF32LT3 {
		num, den, dl = -1, a, 0
		jh, jl = asinF32Pio2Hi, asinF32Pio2Lo
	}
	inv := 1 / den
	t := float32(num * inv) // not fused into jh + t below (arm64, GOAMD64=v3)
	r := scFMAF32(-t, den, num)
	tl := scFMAF32(-t, dl, r) * inv
	z := t * t
	p := scFMAF32(atanF32LP5, z, atanF32LP4)
	p = scFMAF32(p, z, atanF32LP3)
	p = scFMAF32(p, z, atanF32LP2)
	p = scFMAF32(p, z, atanF32LP1)
	p = scFMAF32(p, z, atanF32LP0)
	corr := scFMAF32(t*z, p, scFMAF32(-tl, z, tl))
	s := jh + t
	e := t - (s - jh)
	res := s + (e + (jl + corr))
	return math.Float32frombits(math.Float32bits(res) ^ math.Float32bits(x)&(1<<31))
}
