package asm

import "math"

// float32 arcsin and arccos in float32 lanes (16 per zmm, 8 per ymm): asinAcosF32
// is the element kernel that math_f32_asin_amd64.s vectorizes step by step (each
// branch is a per-lane blend there), in float32 arithmetic with scFMAF32 where the
// assembly fuses. It is asinAcosF64's method in float32:
//
//	|x| <= 1/2: w = |x|, z = x^2, asin(w) = w + w*z*P(z)
//	|x| >  1/2: z = (1-|x|)/2 (exact), w + wl = sqrt(z) (wl = (z - w^2)/(2w) by
//	            an FMA and a division), asin(|x|) = pi/2 - 2*asin(w + wl)
//
// and the result K + sigma*(w + corr), corr = wl + w*z*P(z), with K (0, pi/2 or
// pi as a float32 hi + lo) and sigma (±1, ±2) chosen per branch: K + sigma*w
// exactly by a fast two-sum, the rest added once. The rounding of the square
// root, which 2*asin(w) would amplify to 0.58 ULP of the result, is what wl
// carries. P is the float64-lane kernel's degree-5 polynomial (asinF32C*)
// rounded to float32. Measured over every float32 in [-1, 1]: see
// TestF32AsinAcos and docs/simd.md.
const (
	asinF32Pio2Hi float32 = 1.5707963705062866     // float32(pi/2)
	asinF32Pio2Lo float32 = -4.371138828673793e-08 // float32(pi/2 - asinF32Pio2Hi)
	asinF32PiHi   float32 = 3.1415927410125732     // float32(pi)
	asinF32PiLo   float32 = -8.742277657347586e-08 // float32(pi - asinF32PiHi)
	asinF32Tiny   float32 = 0x1p-60                // keeps 0/0 out of wl at |x| = 1

	asinF32P0 float32 = 0.1666666567325592 // float32(asinF32C0), ...
	asinF32P1 float32 = 0.07500094920396805
	asinF32P2 float32 = 0.044599201530218124
	asinF32P3 float32 = 0.031103264540433884
	asinF32P4 float32 = 0.017135750502347946
	asinF32P5 float32 = 0.03371497243642807
)

// asinAcosF32 returns arcsin(x) (acos false) or arccos(x), within 1 ULP.
func asinAcosF32(x float32, acos bool) float32 {
	a := math.Float32frombits(math.Float32bits(x) &^ (1 << 31))
	small := a <= 0.5
	z := (1 - a) * 0.5
	w := float32(math.Sqrt(float64(z))) // correctly rounded, as VSQRTPS
	d := scFMAF32(-w, w, z)
	wl := d / max(w+w, asinF32Tiny)
	if small {
		z, w, wl = a*a, a, 0
	}
	p := scFMAF32(asinF32P5, z, asinF32P4)
	p = scFMAF32(p, z, asinF32P3)
	p = scFMAF32(p, z, asinF32P2)
	p = scFMAF32(p, z, asinF32P1)
	p = scFMAF32(p, z, asinF32P0)
	corr := scFMAF32(w*z, p, wl)
	var kh, kl, sg float32
	neg := math.Float32bits(x)>>31 != 0
	switch {
	case !acos && small:
		kh, kl, sg = 0, 0, 1
	case !acos:
		kh, kl, sg = asinF32Pio2Hi, asinF32Pio2Lo, -2
	case small:
		kh, kl, sg = asinF32Pio2Hi, asinF32Pio2Lo, -1
		if neg {
			sg = 1
		}
	case neg:
		kh, kl, sg = asinF32PiHi, asinF32PiLo, -2
	default:
		kh, kl, sg = 0, 0, 2
	}
	sw := float32(sg * w) // exact
	s := kh + sw
	e := sw - (s - kh)
	res := s + (e + scFMAF32(sg, corr, kl))
	if !acos {
		res = math.Float32frombits(math.Float32bits(res) ^ math.Float32bits(x)&(1<<31))
	}
	return res
}
