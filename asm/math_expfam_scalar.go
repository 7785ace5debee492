package asm

import "math"

// Element kernels of expm1, exp2, sinh, cosh and tanh: the pure-Go twins that the
// assembly (math_expfam_amd64.s) vectorizes step by step, branch-free over lanes.
//
// float64: expm1, tanh, sinh and cosh are built on expFamCore, the exp kernel's
// Cody–Waite reduction (as in expF64) and expFamPoly, which sums 1 + r + r^2/2
// exactly and adds r^3 Q(r), so that e^y = 2^k * (h + l), a normalized
// double-double with absolute error below 2^-58 in h + l. The reduced argument r
// is exact inside h + l, so h + l - 2^-k loses nothing for k = 0 (|y| <= ln2/2),
// and for k != 0, h + l - 2^-k is at least 0.29 (h + l): the error grows at most
// 3.4 times. With m = 2^-k:
//
//	e^y - 1 = 2^k (h + l - m)
//	tanh(a) = P / (h + l + m)          with e^(2a) = 2^k (h + l), P = h + l - m
//	sinh(a) = 2^(k-1) (P + m P/(h + l))         (= 2^(k-1) (G - m^2/G), G = h + l)
//	cosh(a) = 2^(k-1) (h + l + m^2/(h + l))
//
// and every sum is of terms of one sign. A quotient takes one division, 1/hi, and
// one correction step (the residual by an FMA), so each result is a double-double
// good to about 2^-56 relative, rounded once: by the last addition or, for a
// subnormal or overflowing result, by the scaling (scale2, or VSCALEFPD). Signs
// come back by OR-ing in x's sign bit (expm1, sinh and tanh keep the sign of x),
// which also gives -0 for -0. exp2 reduces exactly (r = x - round(x)) and runs
// expFamPoly on r*ln2 as a double-double. Measured on testdata/ulp and on denser
// samples near |y| = ln2/2: at most 0.56 ULP, except exp2 with subnormal results
// (0.70: the sum s + l is rounded to 53 bits before the scaling rounds it again).
//
// float32 expm1, sinh and cosh (exp2 and tanh compute in float32 lanes:
// math_f32_exp2.go, math_f32_tanh.go): computed in float64 from the float32 exp
// kernel's reduction and degree-7 polynomial (expF32), e^y = 2^k (1 + q),
// relative error below 2^-30;
// e^y - 1 = 2^k q + (2^k - 1) is one FMA without cancellation, and the quotients
// are plain float64 divisions. The final float32 rounding dominates (<= 0.5 ULP
// plus 2^-6).

// expFamCore returns k and the normalized double-double h + l with
// e^y = 2^k * (h + l), for y in [-50, 711]: expF64's reduction y = k*ln2 + r + rl
// and expFamPoly.
func expFamCore(y float64) (k, h, l float64) {
	k = math.RoundToEven(y * log2e)
	r1 := math.FMA(-k, ln2Hi, y)
	t := float64(k * ln2Lo)
	tl := math.FMA(k, ln2Lo, -t)
	r := r1 - t
	rl := ((r1 - r) - t) - tl
	s, l := expFamPoly(r, rl)
	h = s + l
	return k, h, l - (h - s)
}

// expFamPoly returns e^(r+rl) as s + l (|l| < 2^-4 s), |r| <= ln2/2, |rl| <= 2^-40:
// 1 + r + r^2/2 summed exactly (two-sum and two-product), then
// r^3 Q(r) + rl (1 + r) added to the low part (Q in math_expfam_coef.go). The
// absolute error is below 2^-58 (Q's fit, the rounding of r*Q and of the low
// part).
func expFamPoly(r, rl float64) (s, l float64) {
	q := expFamC9
	q = math.FMA(q, r, expFamC8)
	q = math.FMA(q, r, expFamC7)
	q = math.FMA(q, r, expFamC6)
	q = math.FMA(q, r, expFamC5)
	q = math.FMA(q, r, expFamC4)
	q = math.FMA(q, r, expFamC3)
	q = math.FMA(q, r, expFamC2)
	q = math.FMA(q, r, expFamC1)
	q = math.FMA(q, r, expFamC0)
	w := float64(r * q)
	h := 1 + r
	hl := (1 - h) + r
	r2 := float64(r * r)
	r2l := math.FMA(r, r, -r2)
	hr := float64(0.5 * r2)
	tail := math.FMA(r2, w, math.FMA(rl, r, rl))
	s = h + hr
	e := hr - (s - h)
	return s, e + (hl + (float64(0.5*r2l) + tail))
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
	s, l := expFamPoly(a, al)
	return scale2(s+l, k)
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
	p := expFamF32C5
	p = math.FMA(p, r, expFamF32C4)
	p = math.FMA(p, r, expFamF32C3)
	p = math.FMA(p, r, expFamF32C2)
	p = math.FMA(p, r, expFamF32C1)
	p = math.FMA(p, r, expFamF32C0)
	return pow2(k), math.FMA(r*r, p, r)
}

// expm1F32: 2^k q + (2^k - 1) in one FMA; for k = 0 it is q = r + r^2 P(r).
func expm1F32(x float32) float32 {
	xd := float64(x)
	s, q := expFamCoreF32(math.Min(math.Max(xd, -30), 100))
	return float32(orSign(math.FMA(s, q, s-1), xd))
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
