package asm

import "math"

// arcsinh, arccosh, arctanh: the exported slice functions and their element
// kernels, which take their logarithm from the log family's logFamM
// (math_logfam_scalar.go). math_hyp_amd64.s vectorizes the float64 kernels step by
// step for AVX-512 and AVX2; NEON runs them in Go; float32 has its own kernels
// (math_f32_hyp.go). Each builds
// the argument of the logarithm as a double-double u + c, so that
//
//	log(u + c) = e*ln2 + (a + t) + c/u   (u = m*2^e, log(m) = a + t, |c/u| <= 2^-52)
//
// is good to about 2^-60 relative, and rounds once at the end: at most 0.54
// (arcsinh), 0.58 (arccosh) and 0.53 (arctanh) ULP on the reference data
// (TestMathAccuracy, 06:19 UTC).

// AsinhF64 sets dst[i] = arcsinh(x[i]) for every i; special values as math.Asinh.
func AsinhF64(dst, x []float64) {
	checkLen2("AsinhF64", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		asinhF64AVX512(dst, x)
		return
	case active >= LevelAVX2:
		asinhF64AVX2(dst, x)
		return
	}
	mapF64(dst, x, asinhF64)
}

// AcoshF64 sets dst[i] = arccosh(x[i]) for every i; special values as math.Acosh.
func AcoshF64(dst, x []float64) {
	checkLen2("AcoshF64", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		acoshF64AVX512(dst, x)
		return
	case active >= LevelAVX2:
		acoshF64AVX2(dst, x)
		return
	}
	mapF64(dst, x, acoshF64)
}

// AtanhF64 sets dst[i] = arctanh(x[i]) for every i; special values as math.Atanh.
func AtanhF64(dst, x []float64) {
	checkLen2("AtanhF64", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		atanhF64AVX512(dst, x)
		return
	case active >= LevelAVX2:
		atanhF64AVX2(dst, x)
		return
	}
	mapF64(dst, x, atanhF64)
}

// hypTiny: below it arcsinh(x) and arctanh(x) round to x (x^2/3 < 2^-57).
const hypTiny = 0x1p-28

// hypBig: above it arcsinh(x) and arccosh(x) are log(2x) to within 2^-58.
const hypBig = 0x1p28

// logParts returns log(u + c) + k*ln2 as hi + lo (|lo| <= ulp(hi) or so), for
// finite u > 0 and |c| <= ulp(u): log1pF64's steps without the last sum.
func logParts(u, c, k float64) (hi, lo float64) {
	e, a, t := logFamM(u)
	e += k
	eh := float64(e * ln2Hi) // exact: ln2Hi has 21 low zero bits
	hi = eh + a
	lo = float64(a-float64(hi-eh)) + (t + math.FMA(e, ln2Lo, c/u))
	return hi, lo
}

// sqrtDD returns sqrt(s + sl) as r + rl (one Newton correction of sqrt(s)).
func sqrtDD(s, sl float64) (r, rl float64) {
	r = math.Sqrt(s)
	re := math.FMA(-r, r, s) // s - r*r, exact
	return r, (re + sl) / (2 * r)
}

// logSum returns log(b + r + rl) rounded, for b <= r (arcsinh) or b >= r
// (arccosh): b + r is split by a two-sum, then renormalized.
func logSum(b, r, rl float64) float64 {
	vh := b + r
	bb := vh - b
	vl := (float64(b-float64(vh-bb)) + float64(r-bb)) + rl
	u := vh + vl
	c := vl - (u - vh)
	hi, lo := logParts(u, c, 0)
	return hi + lo
}

// asinhF64: arcsinh|x| = log(|x| + sqrt(1 + x^2)), 1 + x^2 from an exact square
// and a two-sum.
func asinhF64(x float64) float64 {
	ax := math.Abs(x)
	switch {
	case ax != ax || ax > math.MaxFloat64 || ax < hypTiny:
		return x // NaN, ±Inf, tiny (±0 included)
	case ax > hypBig:
		hi, lo := logParts(ax, 0, 1)
		return math.Copysign(hi+lo, x)
	}
	p := float64(ax * ax)
	pe := math.FMA(ax, ax, -p)
	s := p + 1
	bb := s - p
	se := float64(p-float64(s-bb)) + float64(1-bb)
	r, rl := sqrtDD(s, se+pe)
	return math.Copysign(logSum(ax, r, rl), x)
}

// acoshF64: arccosh(x) = log(x + sqrt(x^2 - 1)), x^2 - 1 from an exact square and
// a two-sum (exact near 1, where the result is about sqrt(2(x-1))).
func acoshF64(x float64) float64 {
	switch {
	case x != x || x > math.MaxFloat64:
		return x
	case x < 1:
		return math.NaN()
	case x == 1:
		return 0
	case x > hypBig:
		hi, lo := logParts(x, 0, 1)
		return hi + lo
	}
	p := float64(x * x)
	pe := math.FMA(x, x, -p)
	s := p - 1
	bb := s - p
	se := float64(p-float64(s-bb)) + float64(-1-bb)
	r, rl := sqrtDD(s, se+pe)
	return logSum(x, r, rl)
}

// atanhF64: arctanh|x| = (log(1 + |x|) - log(1 - |x|))/2, 1 ± |x| split by two-sums
// and the logarithms (of opposite signs, so no cancellation) kept as hi + lo.
func atanhF64(x float64) float64 {
	ax := math.Abs(x)
	switch {
	case ax != ax || ax < hypTiny:
		return x
	case ax > 1:
		return math.NaN()
	case ax == 1:
		return math.Copysign(math.Inf(1), x)
	}
	u1 := 1 + ax
	b1 := u1 - 1
	c1 := float64(1-float64(u1-b1)) + float64(ax-b1)
	u2 := 1 - ax
	b2 := u2 - 1
	c2 := float64(1-float64(u2-b2)) + float64(-ax-b2)
	h1, l1 := logParts(u1, c1, 0)
	h2, l2 := logParts(u2, c2, 0)
	d := h1 - h2
	bb := d - h1
	de := float64(h1-float64(d-bb)) + float64(-h2-bb)
	return math.Copysign(0.5*(d+(de+(l1-l2))), x)
}
