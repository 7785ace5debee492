package asm

import "math"

// Element kernels of expm1, exp2, sinh, cosh and tanh: the pure-Go twins that the
// assembly (math_expfam_amd64.s) vectorizes step by step, branch-free over lanes.
//
// float64: all five are built on expFamCore, the exp kernel's Cody–Waite reduction
// and degree-11 polynomial (expF64) with e^y kept as a normalized double-double
// 2^k * (h + l). The reduced argument r is exact inside h + l, so h + l - 2^-k
// loses nothing for k = 0 (|y| <= ln2/2) and, for k != 0, h + l - 2^-k is at least
// a third of h + l: with m = 2^-k,
//
//	e^y - 1 = 2^k (h + l - m)
//	tanh(a) = (h + l - m) / (h + l + m)              with e^(2a) = 2^k (h + l)
//	sinh(a) = 2^(k-1) (P + m P/(h + l)), P = h + l - m   (= 2^(k-1) (G - m^2/G))
//	cosh(a) = 2^(k-1) (h + l + m^2/(h + l))
//
// and every sum is of terms of one sign. The quotients take one division, 1/hi,
// and one correction step (the residual by an FMA), so each result is a
// double-double good to about 2^-54 relative (the polynomial's 2^-52 on r^2/2)
// rounded once: by the last addition or, with a subnormal or overflowing result,
// by the scaling (scale2, or VSCALEFPD). Signs come back by OR-ing in x's sign bit
// (expm1, sinh and tanh are odd or sign-preserving), which also gives -0 for -0.
//
// float32: computed in float64 from the float32 exp kernel's reduction and
// degree-7 polynomial (expF32), e^y = 2^k (1 + q), relative error below 2^-30;
// e^y - 1 = 2^k q + (2^k - 1) is one FMA without cancellation, and the quotients
// are plain float64 divisions. The final float32 rounding dominates (<= 0.5 ULP
// plus 2^-6).

// expFamCore returns k and the normalized double-double h + l with
// e^y = 2^k * (h + l), for y in [-50, 711] (expF64's reduction and polynomial;
// the reduced argument r + rl is added exactly, as in expPoly).
func expFamCore(y float64) (k, h, l float64) {
	k = math.RoundToEven(y * log2e)
	r1 := math.FMA(-k, ln2Hi, y)
	t := float64(k * ln2Lo)
	tl := math.FMA(k, ln2Lo, -t)
	r := r1 - t
	rl := ((r1 - r) - t) - tl
	p := expPolyP(r)
	h = 1 + r
	l = ((1 - h) + r) + math.FMA(r*r, p, math.FMA(rl, r, rl))
	s := h + l
	return k, s, l - (s - h)
}

// expFamM returns 2^-min(k, 1000) (k >= -1000): the 2^-k of the formulas above,
// kept normal; beyond k = 1000 it is far below the last bit of h + l.
func expFamM(k float64) float64 {
	return pow2(-math.Min(k, 1000))
}

// orSign returns y with x's sign bit OR-ed in.
func orSign(y, x float64) float64 {
	return math.Float64frombits(math.Float64bits(y) | math.Float64bits(x)&(1<<63))
}

// expm1F64: e^x - 1 = 2^k (h - m + l) with h - m split exactly (two-sum).
func expm1F64(x float64) float64 {
	y := math.Min(math.Max(x, -50), 710) // e^-50 - 1 rounds to -1; NaN stays
	k, h, l := expFamCore(y)
	m := expFamM(k)
	s := h - m
	bb := s - h
	e := (h - (s - bb)) - (m + bb) // h - m - s, exactly
	return orSign(scale2(s+(e+l), k), x)
}

// exp2F64: k = round(x), r = x - k exactly, e^(r*ln2) with r*ln2 a double-double.
func exp2F64(x float64) float64 {
	y := math.Min(math.Max(x, -1080), 1030)
	k := math.RoundToEven(y)
	r := y - k
	a := float64(r * ddLn2Hi)
	al := math.FMA(r, ddLn2Hi, -a) + float64(r*ddLn2Lo)
	p := expPolyP(a)
	h := 1 + a
	l := ((1 - h) + a) + math.FMA(a*a, p, math.FMA(al, a, al))
	return scale2(h+l, k)
}

// tanhF64: with e^(2a) = 2^k (h + l), tanh(a) = P/D, P = h + l - m, D = h + l + m
// (both normalized double-doubles; h >= m), one division and a correction step.
// Above a = 22 the quotient rounds to 1.
func tanhF64(x float64) float64 {
	y := 2 * math.Min(math.Abs(x), 22)
	k, h, l := expFamCore(y)
	m := pow2(-k)
	s := h - m
	ph, pl := fastTwoSum(s, l-((s-h)+m))
	d := h + m
	dh, dl := fastTwoSum(d, (m-(d-h))+l)
	inv := 1 / dh
	q := ph * inv
	res := math.FMA(-q, dh, ph) + (pl - float64(q*dl))
	return orSign(math.FMA(res, inv, q), x)
}

// sinhF64: sinh(a) = 2^(k-1) (P + m*P/G) with G = h + l = e^a/2^k, P = G - m.
func sinhF64(x float64) float64 {
	a := math.Min(math.Abs(x), 711) // sinh overflows above 710.4758600739439
	k, h, l := expFamCore(a)
	m := expFamM(k)
	s := h - m
	ph, pl := fastTwoSum(s, l-((s-h)+m))
	inv := 1 / h
	q := ph * inv
	ql := (math.FMA(-q, h, ph) + (pl - float64(q*l))) * inv
	mq := float64(m * q)
	s2 := ph + mq
	e2 := mq - (s2 - ph)
	return orSign(scale2(s2+(e2+(pl+float64(m*ql))), k-1), x)
}

// coshF64: cosh(a) = 2^(k-1) (G + m^2/G) with G = h + l = e^a/2^k.
func coshF64(x float64) float64 {
	a := math.Min(math.Abs(x), 711)
	k, h, l := expFamCore(a)
	m := expFamM(k)
	mm := m * m
	inv := 1 / h
	c := float64(mm * inv)
	cl := float64((math.FMA(-c, h, mm) - float64(c*l)) * inv)
	s := h + c
	e := c - (s - h)
	return scale2(s+(e+(l+cl)), k-1)
}

// expFamCoreF32 returns s = 2^k and q with e^y = s * (1 + q) for y in [-110, 110]
// (expF32's reduction and polynomial, in float64).
func expFamCoreF32(y float64) (s, q float64) {
	k := math.RoundToEven(y * log2e)
	r := math.FMA(-k, ln2F64, y)
	p := expF32C5
	p = math.FMA(p, r, expF32C4)
	p = math.FMA(p, r, expF32C3)
	p = math.FMA(p, r, expF32C2)
	p = math.FMA(p, r, expF32C1)
	p = math.FMA(p, r, expF32C0)
	return pow2(k), math.FMA(r*r, p, r)
}

// expm1F32: 2^k q + (2^k - 1) in one FMA; for k = 0 it is q = r + r^2 P(r).
func expm1F32(x float32) float32 {
	xd := float64(x)
	s, q := expFamCoreF32(math.Min(math.Max(xd, -30), 100))
	return float32(orSign(math.FMA(s, q, s-1), xd))
}

// exp2F32: k = round(x), r = x - k exactly, e^(r*ln2) = 1 + q.
func exp2F32(x float32) float32 {
	y := math.Min(math.Max(float64(x), -160), 130)
	k := math.RoundToEven(y)
	a := (y - k) * ln2F64
	p := expF32C5
	p = math.FMA(p, a, expF32C4)
	p = math.FMA(p, a, expF32C3)
	p = math.FMA(p, a, expF32C2)
	p = math.FMA(p, a, expF32C1)
	p = math.FMA(p, a, expF32C0)
	s := pow2(k)
	return float32(math.FMA(s, math.FMA(a*a, p, a), s))
}

// tanhF32: E/(E + 2) with E = e^(2a) - 1; above a = 10 it rounds to 1.
func tanhF32(x float32) float32 {
	xd := float64(x)
	s, q := expFamCoreF32(2 * math.Min(math.Abs(xd), 10))
	e := math.FMA(s, q, s-1)
	return float32(orSign(e/(e+2), xd))
}

// sinhF32: (E + E/(E + 1))/2 with E = e^a - 1.
func sinhF32(x float32) float32 {
	xd := float64(x)
	s, q := expFamCoreF32(math.Min(math.Abs(xd), 100))
	e := math.FMA(s, q, s-1)
	return float32(orSign(0.5*(e+e/(e+1)), xd))
}

// coshF32: (e^a + 1/e^a)/2.
func coshF32(x float32) float32 {
	s, q := expFamCoreF32(math.Min(math.Abs(float64(x)), 100))
	e := math.FMA(s, q, s)
	return float32(0.5 * (e + 1/e))
}

// expPolyP is expF64's polynomial P(r), e^r = 1 + r + r^2 P(r) for |r| <= ln2/2
// (also used by expF64 in math_exp.go).
func expPolyP(r float64) float64 {
	p := expF64C9
	p = math.FMA(p, r, expF64C8)
	p = math.FMA(p, r, expF64C7)
	p = math.FMA(p, r, expF64C6)
	p = math.FMA(p, r, expF64C5)
	p = math.FMA(p, r, expF64C4)
	p = math.FMA(p, r, expF64C3)
	p = math.FMA(p, r, expF64C2)
	p = math.FMA(p, r, expF64C1)
	return math.FMA(p, r, expF64C0)
}
