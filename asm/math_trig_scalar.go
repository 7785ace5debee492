package asm

import "math"

// Element kernels of tan and the inverse trigonometric functions: the pure-Go
// twins that the assembly in math_trig_amd64.s vectorizes step by step (every
// branch below is a per-lane blend there).

// atan: after the reduction in atan2F64, atan(u) = u + u*z*P(z), z = u^2,
// |u| <= tan(pi/16); fit by asm/_gen/mpgen/fit.py.
const (
	atanF64C0 = -0.3333333333333333
	atanF64C1 = 0.19999999999999998
	atanF64C2 = -0.14285714285714007
	atanF64C3 = 0.11111111111020787
	atanF64C4 = -0.09090909076058387
	atanF64C5 = 0.07692306287945008
	atanF64C6 = -0.06666585647457932
	atanF64C7 = 0.05879449622489799
	atanF64C8 = -0.05199835552821791
	atanF64C9 = 0.03983705620274932
)

// atanSanitize maps ay = |y|, ax = |x| with an infinity or two zeros to finite
// values with the same angle (Inf/Inf -> 1/1, Inf/x -> 1/0, y/Inf -> 0/1,
// 0/0 -> 0/1); NaNs stay NaN.
func atanSanitize(ay, ax float64) (float64, float64) {
	iy, ix := ay == math.Inf(1), ax == math.Inf(1)
	ty, tx := ay, ax
	if ix {
		ty = ay * 0
	}
	if iy {
		ty = 1
	}
	if iy {
		tx = ax * 0
	}
	if ix {
		tx = 1
	}
	if ty == 0 && tx == 0 {
		tx = 1
	}
	return ty, tx
}

// atanSelect returns the reduction of atan(ay/ax): k (the centre is k*pi/8,
// k = 0..4), and A, B with tan(atan(ay/ax) - k*pi/8) = (ay*A - ax*B)/(ay*B + ax*A):
// for ay <= ax, A = 1 and B = c = tan(j*pi/8); beyond, A = c and B = 1 with
// j = 4-k (the reflection atan(t) = pi/2 - atan(1/t) folded in). c is 0,
// tan(pi/8) (as hi+lo) or 1; |u| <= tan(pi/16) in every case.
func atanSelect(ay, ax float64) (kf, ah, al, bh, bl float64) {
	m1 := ay > float64(atanT1*ax)
	m2 := ay > float64(atanT3*ax)
	m3 := ay > float64(atanT5*ax)
	m4 := ay > float64(atanT7*ax)
	flip := ay > ax
	if m1 {
		kf++
	}
	if m2 {
		kf++
	}
	if m3 {
		kf++
	}
	if m4 {
		kf++
	}
	var ch, cl float64
	if m1 != m4 { // j >= 1
		ch, cl = ddTanPio8Hi, ddTanPio8Lo
	}
	if m2 != m3 { // j == 2
		ch, cl = 1, 0
	}
	if flip {
		return kf, ch, cl, 1, 0
	}
	return kf, 1, 0, ch, cl
}

// Scaling of |y|, |x| in atan2F64: the larger one is brought below 2^1000, so
// that the denominator and 1/den stay normal, and above 2^-900, so that the FMA
// error terms of the products do not underflow. The smaller one can lose bits
// only where the angle is 0 or pi/2 to within far below an ULP (then u = -ax/ay),
// or where y/x underflows to 0 (scaled down by only 2^-24).
const (
	atanBig, atanDown = 0x1p1000, 0x1p-24
	atanSmall, atanUp = 0x1p-900, 0x1p600
)

// atan2F64 is the element kernel of arctan2 (atanF64 is its x = 1 case). After
// sanitizing and scaling |y|, |x| (atanBig, ...), the reduced argument
// u = (|y|*A - |x|*B)/(|y|*B + |x|*A) is formed with numerator and denominator
// as double-doubles (exact products by FMA, two-sums), u = nh/dh and its error
// carried in ul, so u+ul is good to ~2^-100 and |u| <= tan(pi/16).
// For x < 0 the angle is pi - (k*pi/8 + atan(u)) = (8-k)*pi/8 + atan(-u).
// The result is J + u + (ul*(1-z) + u*z*P(z)) with J = k*pi/8 as a
// double-double and J + u summed exactly, rounded once: within ~0.55 ULP.
func atan2F64(y, x float64) float64 {
	ay, ax := atanSanitize(math.Abs(y), math.Abs(x))
	m := math.Max(ay, ax)
	if m > atanBig {
		ay, ax = ay*atanDown, ax*atanDown
	}
	if m < atanSmall {
		ay, ax = ay*atanUp, ax*atanUp
	}
	kf, ah, al, bh, bl := atanSelect(ay, ax)
	// num = ay*A - ax*B
	p := float64(ay * ah)
	pl := math.FMA(ay, ah, -p)
	q := float64(ax * bh)
	ql := math.FMA(ax, bh, -q)
	nh := p - q
	bb := nh - p
	ne := (p - (nh - bb)) - (q + bb)
	nl := math.FMA(ay, al, math.FMA(-ax, bl, ne+(pl-ql)))
	// den = ay*B + ax*A
	p = float64(ay * bh)
	pl = math.FMA(ay, bh, -p)
	q = float64(ax * ah)
	ql = math.FMA(ax, ah, -q)
	dh := p + q
	bb = dh - p
	de := (p - (dh - bb)) + (q - bb)
	dl := math.FMA(ay, bl, math.FMA(ax, al, de+(pl+ql)))
	if math.Signbit(x) {
		nh, nl, kf = -nh, -nl, 8-kf
	}
	inv := 1 / dh
	u := nh / dh // correctly rounded: for a tiny y/x it is the result
	r := math.FMA(-u, dh, nh)
	ul := float64((r + math.FMA(-u, dl, nl)) * inv)
	if math.Abs(nh) < 0x1p-969 { // r may have underflowed; then nl = dl = 0 and u is y/x rounded
		ul = 0
	}
	return atanFinish(u, ul, kf, y)
}

// atanF64 is the element kernel of arctan: atan2F64 with x = 1 and the steps
// that x = 1 makes trivial left out. |x| is clamped to 2^60 (Inf included),
// beyond which atan rounds to pi/2. num = a*A - B is exact in float64 (a - c
// and a*c - 1 by Sterbenz's lemma, a*c rounded with its FMA error kept), den =
// a*B + A is a two-sum plus the FMA error, and u = 0 stays exact for a tiny.
func atanF64(x float64) float64 {
	a := math.Min(math.Abs(x), 0x1p60)
	kf, ah, al, bh, bl := atanSelect(a, 1)
	p := float64(a * ah)
	pl := math.FMA(a, ah, -p)
	nh := p - bh
	nl := math.FMA(a, al, pl-bl)
	q := float64(a * bh)
	ql := math.FMA(a, bh, -q)
	dh := q + ah
	bb := dh - q
	de := (q - (dh - bb)) + (ah - bb)
	dl := math.FMA(a, bl, de+ql) + al
	inv := 1 / dh
	u := float64(nh * inv)
	r := math.FMA(-u, dh, nh)
	ul := float64((r + math.FMA(-u, dl, nl)) * inv)
	return atanFinish(u, ul, kf, x)
}

// atanFinish returns sign(y) * (k*pi/8 + atan(u+ul)) for |u| <= tan(pi/16).
func atanFinish(u, ul, kf, y float64) float64 {
	z := float64(u * u)
	pp := atanF64C9
	pp = math.FMA(pp, z, atanF64C8)
	pp = math.FMA(pp, z, atanF64C7)
	pp = math.FMA(pp, z, atanF64C6)
	pp = math.FMA(pp, z, atanF64C5)
	pp = math.FMA(pp, z, atanF64C4)
	pp = math.FMA(pp, z, atanF64C3)
	pp = math.FMA(pp, z, atanF64C2)
	pp = math.FMA(pp, z, atanF64C1)
	pp = math.FMA(pp, z, atanF64C0)
	small := math.FMA(float64(u*z), pp, math.FMA(-ul, z, ul))
	jh := float64(kf * ddPio8Hi)
	jl := math.FMA(kf, ddPio8Lo, math.FMA(kf, ddPio8Hi, -jh))
	s := jh + u
	e := u - (s - jh)
	res := s + (e + (jl + small))
	return math.Float64frombits(math.Float64bits(res) ^ math.Float64bits(y)&(1<<63))
}

// asinAcosF64 is the element kernel of arcsin (acos false) and arccos. With
// a = |x|: for a <= 1/2, w = a and z = a^2; beyond, z = (1-a)/2 (exact) and
// w = sqrt(z) as a double-double (one FMA residual and a division), using
// asin(a) = pi/2 - 2*asin(w) and acos(a) = 2*asin(w). Then
// asin(w) = w + (wl + w*z*P(z)), and the result is K + sigma*asin(w) with K
// (0, pi/2 or pi as hi+lo) and sigma (±1, ±2) chosen per lane, K + sigma*w
// summed exactly (|K| >= |sigma*w| where K != 0) and rounded once.
func asinAcosF64(x float64, acos bool) float64 {
	a := math.Abs(x)
	small := a <= 0.5
	z := (1 - a) * 0.5
	sq := math.Sqrt(z)
	d := math.FMA(-sq, sq, z)
	den := sq + sq
	if den < 0x1p-60 { // a == 1: d == 0, keep 0/0 away
		den = 0x1p-60
	}
	wl := d / den
	w := sq
	if small {
		z, w, wl = float64(a*a), a, 0
	}
	pp := asinF64C12
	pp = math.FMA(pp, z, asinF64C11)
	pp = math.FMA(pp, z, asinF64C10)
	pp = math.FMA(pp, z, asinF64C9)
	pp = math.FMA(pp, z, asinF64C8)
	pp = math.FMA(pp, z, asinF64C7)
	pp = math.FMA(pp, z, asinF64C6)
	pp = math.FMA(pp, z, asinF64C5)
	pp = math.FMA(pp, z, asinF64C4)
	pp = math.FMA(pp, z, asinF64C3)
	pp = math.FMA(pp, z, asinF64C2)
	pp = math.FMA(pp, z, asinF64C1)
	pp = math.FMA(pp, z, asinF64C0)
	corr := math.FMA(float64(w*z), pp, wl)
	var kh, kl, sg float64
	switch {
	case !acos && small:
		kh, kl, sg = 0, 0, 1
	case !acos:
		kh, kl, sg = ddPio2Hi, ddPio2Lo, -2
	case small:
		kh, kl, sg = ddPio2Hi, ddPio2Lo, -1
		if math.Signbit(x) {
			sg = 1
		}
	case math.Signbit(x):
		kh, kl, sg = ddPiHi, ddPiLo, -2
	default:
		kh, kl, sg = 0, 0, 2
	}
	sw := float64(sg * w)
	s := kh + sw
	e := sw - (s - kh)
	res := s + (e + math.FMA(sg, corr, kl))
	if !acos {
		res = math.Float64frombits(math.Float64bits(res) ^ math.Float64bits(x)&(1<<63))
	}
	return res
}

func asinF64(x float64) float64 { return asinAcosF64(x, false) }

func acosF64(x float64) float64 { return asinAcosF64(x, true) }

func asinF32(x float32) float32 { return asinAcosF32(x, false) }

func acosF32(x float32) float32 { return asinAcosF32(x, true) }

// tanF64 is the element kernel of tan: the sin/cos reduction and polynomials
// (trigReduceCW, or Payne–Hanek beyond trigF64Max, and sinCosPairs), both pairs
// normalized by a fast two-sum, then s/c (q even) or -c/s (q odd) as a
// double-double quotient: one division, its residual by FMA, rounded once.
// Near a pole the divisor is sin(r) with r = hi+lo good to ~2^-100 relative.
func tanF64(x float64) float64 {
	ax := math.Abs(x)
	var n uint64
	var hi, lo float64
	if ax > trigF64Max { // Inf included; the vector kernels leave these lanes to this code
		var ok bool
		n, hi, lo, ok = trigReduce(ax)
		if !ok {
			return math.NaN()
		}
	} else {
		n, hi, lo = trigReduceCW(ax)
	}
	sh, sl, ch, cl := sinCosPairs(hi, lo)
	s := sh + sl
	sl = sl - (s - sh)
	c := ch + cl
	cl = cl - (c - ch)
	nh, nl, dh, dl := s, sl, c, cl
	if n&1 != 0 {
		nh, nl, dh, dl = c, cl, s, sl
	}
	inv := 1 / dh
	t := float64(nh * inv)
	r := math.FMA(-t, dh, nh)
	tl := float64((r + math.FMA(-t, dl, nl)) * inv)
	res := t + tl
	sign := math.Float64bits(x) & (1 << 63)
	if n&1 != 0 {
		sign ^= 1 << 63
	}
	return math.Float64frombits(math.Float64bits(res) ^ sign)
}

// tanF32 computes in float64 with the float32 sin/cos reduction and
// polynomials (as sinCosF32) and one division, rounded once to float32.
func tanF32(x float32) float32 {
	xd := float64(x)
	ax := math.Abs(xd)
	if ax > trigF32Max {
		return float32(tanF64(xd))
	}
	q := math.RoundToEven(ax * twoOverPi)
	r := math.FMA(-q, pio2C1, ax)
	r = math.FMA(-q, pio2C2, r)
	y := float64(r * r)
	sp := sinF32C3
	sp = math.FMA(sp, y, sinF32C2)
	sp = math.FMA(sp, y, sinF32C1)
	sp = math.FMA(sp, y, sinF32C0)
	sinr := math.FMA(float64(r*y), sp, r)
	cp := cosF32C3
	cp = math.FMA(cp, y, cosF32C2)
	cp = math.FMA(cp, y, cosF32C1)
	cp = math.FMA(cp, y, cosF32C0)
	cp = math.FMA(cp, y, -0.5)
	cosr := math.FMA(cp, y, 1)
	n := math.Float64bits(q + 0x1p52)
	num, den := sinr, cosr
	sign := math.Float64bits(xd) & (1 << 63)
	if n&1 != 0 {
		num, den = cosr, sinr
		sign ^= 1 << 63
	}
	res := num / den
	return float32(math.Float64frombits(math.Float64bits(res) ^ sign))
}
