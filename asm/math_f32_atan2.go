package asm

import "math"

// float32 arctan2 in float32 lanes (16 per zmm, 8 per ymm): atan2F32 is the element
// kernel that math_f32_atan2_amd64.s vectorizes step by step (each branch is a
// per-lane mask or blend there), in float32 arithmetic with scFMAF32 where the
// assembly fuses. It is atanF32's method on ay = |y|, ax = |x|:
//
//	ay <= ax/2:        t = ay/ax,              J = 0
//	ay <= 2*ax:        t = (ay - ax)/(ay + ax), J = pi/4
//	beyond:            t = -ax/ay,             J = pi/2
//
// so |t| <= 1/2, every numerator exact (ay - ax by Sterbenz's lemma) and the
// denominator's rounding error dl exact (a fast two-sum of the larger and the
// smaller); t = num/den is correctly rounded and tl = (num - t*den - t*dl)/den by
// FMA residuals. For x < 0 (its sign bit) the angle is pi - that: num changes sign
// and J becomes pi - J (pi, 3pi/4 or pi/2 as float32 hi + lo). Then as atanF32 and
// y's sign. Before that, infinities and two zeros are mapped to finite values with
// the same angle (as atanSanitize), and both are scaled by 2^-40 when the larger
// is above 2^100 (ay + ax must not overflow) or by 2^100 when it is below 2^-40
// (the residuals must not underflow). Where |num| or |t| is below 2^-100, the
// residual or tl may have underflowed and is dropped: there |t| <= 2^-51, the
// angle is t (correctly rounded by the division) or J + t to far below an ULP.
// Measured: TestF32Atan2 and docs/simd.md.
const (
	atan2F32Big   float32 = 0x1p100
	atan2F32Down  float32 = 0x1p-40
	atan2F32Small float32 = 0x1p-40
	atan2F32Up    float32 = 0x1p100
	atan2F32Tiny  float32 = 0x1p-100
	atan2F32P34H  float32 = 2.356194496154785      // float32(3pi/4)
	atan2F32P34L  float32 = -5.962440319251527e-09 // float32(3pi/4 - atan2F32P34H)
)

// atan2F32 returns arctan(y/x) in the quadrant of (x, y) within 1 ULP; special
// values as math.Atan2.
func atan2F32(y, x float32) float32 {
	ay := math.Float32frombits(math.Float32bits(y) &^ (1 << 31))
	ax := math.Float32frombits(math.Float32bits(x) &^ (1 << 31))
	inf := float32(math.Inf(1))
	iy, ix := ay == inf, ax == inf
	ty, tx := ay, ax
	if ix {
		ty = ay * 0
	}
	if iy {
		ty = 1
		tx = ax * 0
	}
	if ix {
		tx = 1
	}
	if ty == 0 && tx == 0 {
		tx = 1
	}
	ay, ax = ty, tx
	if m := max(ay, ax); m > atan2F32Big {
		ay, ax = ay*atan2F32Down, ax*atan2F32Down
	} else if m < atan2F32Small {
		ay, ax = ay*atan2F32Up, ax*atan2F32Up
	}
	num, den, dl, jh, jl := ay, ax, float32(0), float32(0), float32(0)
	mid, flip := ay > 0.5*ax, ay > ax+ax
	if mid {
		hi, lo := max(ay, ax), min(ay, ax)
		num, den = ay-ax, hi+lo
		dl = lo - (den - hi) // exact
		jh, jl = atanF32LPio4H, atanF32LPio4L
	}
	if flip {
		num, den, dl = -ax, ay, 0
		jh, jl = asinF32Pio2Hi, asinF32Pio2Lo
	}
	if math.Float32bits(x)>>31 != 0 {
		num = -num
		switch {
		case !mid:
			jh, jl = asinF32PiHi, asinF32PiLo
		case !flip:
			jh, jl = atan2F32P34H, atan2F32P34L
		}
	}
	t := num / den
	inv := 1 / den
	r := scFMAF32(-t, den, num)
	tl := scFMAF32(-t, dl, r) * inv
	if min(math.Float32frombits(math.Float32bits(num)&^(1<<31)), math.Float32frombits(math.Float32bits(t)&^(1<<31))) < atan2F32Tiny {
		tl = 0 // the residual or tl itself may have underflowed; t alone is right here
	}
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
	return math.Float32frombits(math.Float32bits(res) ^ math.Float32bits(y)&(1<<31))
}
