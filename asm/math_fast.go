package asm

import "math"

// The fast accuracy mode's vector math (numeric's WithAccuracy("fast")): shorter
// evaluation schemes with a stated bound of 4 ULP instead of the default 1. Like the
// default kernels, every level gives the twin's bits. Only the functions listed by
// FastMathFuncs have fast kernels; the others have no fast form.

// ExpFastF64 sets dst[i] = e**x[i] for every i, within 4 ULP (measured 1.5 on the
// reference data, docs/simd.md); special values as math.Exp.
func ExpFastF64(dst, x []float64) {
	checkLen2("ExpFastF64", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		expFastF64AVX512(dst, x)
	case active >= LevelAVX2:
		expFastF64AVX2(dst, x)
	default:
		dst = dst[:len(x)]
		for i, v := range x {
			dst[i] = expFastF64(v)
		}
	}
}

// ExpFastF32 sets dst[i] = e**x[i] for every i, within 4 ULP; special values as
// math.Exp.
func ExpFastF32(dst, x []float32) {
	checkLen2("ExpFastF32", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		expFastF32AVX512(dst, x)
	case active >= LevelAVX2:
		expFastF32AVX2(dst, x)
	default:
		dst = dst[:len(x)]
		for i, v := range x {
			dst[i] = expFastF32(v)
		}
	}
}

// expFastF64 is the element kernel of the fast float64 exp: the default kernel's
// Cody–Waite reduction without its double-double remainder (r = x - k*ln2Hi -
// k*ln2Lo, two FMAs, one rounding of r), and its polynomial, 1 + r + r^2*P(r), run as
// one Horner chain of FMAs; then p*2^k rounded once as in expF64. 18 vector
// operations per 8 lanes instead of 32.
func expFastF64(x float64) float64 {
	x = math.Min(math.Max(x, expF64Min), expF64Max) // NaN stays NaN
	k := math.RoundToEven(x * log2e)
	r := math.FMA(-k, ln2Hi, x)
	r = math.FMA(-k, ln2Lo, r)
	p := expF64C9
	p = math.FMA(p, r, expF64C8)
	p = math.FMA(p, r, expF64C7)
	p = math.FMA(p, r, expF64C6)
	p = math.FMA(p, r, expF64C5)
	p = math.FMA(p, r, expF64C4)
	p = math.FMA(p, r, expF64C3)
	p = math.FMA(p, r, expF64C2)
	p = math.FMA(p, r, expF64C1)
	p = math.FMA(p, r, expF64C0)
	p = math.FMA(p, r, 1)
	p = math.FMA(p, r, 1)
	return scale2(p, k)
}

// expFastF32 is the element kernel of the fast float32 exp, in float32 arithmetic:
// expF32's reduction, and 1 + r + r^2*G(r) as one Horner chain of FMAs (the default
// kernel adds 1 + r exactly and r^2*G separately); then p*2^k rounded once.
func expFastF32(x float32) float32 {
	if x != x {
		return x
	}
	x = min(max(x, expF32Min), expF32Max)
	k := float32(math.RoundToEven(float64(x * expF32Log2e)))
	r := float32(float64(x) - float64(float64(k)*float64(expF32Ln2Hi)))
	r = scFMAF32(-k, expF32Ln2Lo, r)
	g := scFMAF32(expF32P4, r, expF32P3)
	g = scFMAF32(g, r, expF32P2)
	g = scFMAF32(g, r, expF32P1)
	g = scFMAF32(g, r, expF32P0)
	g = scFMAF32(g, r, 1)
	g = scFMAF32(g, r, 1)
	return float32(float64(g) * pow2(float64(k)))
}

// FastMathFuncs lists the functions of the fast accuracy mode, each with its bound
// (MaxULP, 4) and Go's math as the reference for special values.
func FastMathFuncs() []MathFunc {
	fast := func(f MathFunc) MathFunc { f.MaxULP = 4; return f }
	return []MathFunc{
		fast(unary("exp", ExpFastF64, ExpFastF32, math.Exp)),
	}
}
