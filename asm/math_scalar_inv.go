package asm

import "math"

// Inverse trigonometric functions and pow, as scalar float64 routines (see math_scalar.go).

// atan: after t -> 1/t (t > 1) and t -> (t-c)/(1+t*c) with c = tan(j*pi/8),
// atan(u) = u + u*z*P(z), z = u^2, |u| <= tan(pi/16); fit by asm/internal/mpgen/fit.py.
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

// atanDD returns atan(th+tl) as a double-double for a double-double th+tl >= 0
// (th may be +Inf).
func atanDD(th, tl float64) (float64, float64) {
	flip := th > 1 // atan(t) = pi/2 - atan(1/t)
	if flip {
		if th > 0x1p60 {
			return fastTwoSum(ddPio2Hi, ddPio2Lo-1/th)
		}
		th, tl = ddDiv(1, 0, th, tl)
	}
	uh, ul := th, tl
	var jh, jl float64 // j*pi/8
	switch {
	case th <= tanPio16:
	case th <= tan3Pio16:
		nh, nl := ddAdd(th, tl, -ddTanPio8Hi, -ddTanPio8Lo)
		dh, dl := ddMul(th, tl, ddTanPio8Hi, ddTanPio8Lo)
		dh, dl = ddAdd(1, 0, dh, dl)
		uh, ul = ddDiv(nh, nl, dh, dl)
		jh, jl = ddPio8Hi, ddPio8Lo
	default:
		nh, nl := ddAdd(th, tl, -1, 0)
		dh, dl := ddAdd(th, tl, 1, 0)
		uh, ul = ddDiv(nh, nl, dh, dl)
		jh, jl = 2*ddPio8Hi, 2*ddPio8Lo
	}
	z := float64(uh * uh)
	p := atanF64C9
	p = math.FMA(p, z, atanF64C8)
	p = math.FMA(p, z, atanF64C7)
	p = math.FMA(p, z, atanF64C6)
	p = math.FMA(p, z, atanF64C5)
	p = math.FMA(p, z, atanF64C4)
	p = math.FMA(p, z, atanF64C3)
	p = math.FMA(p, z, atanF64C2)
	p = math.FMA(p, z, atanF64C1)
	p = math.FMA(p, z, atanF64C0)
	ah, al := fastTwoSum(uh, float64(uh*z*p)+float64(ul*(1-z)))
	rh, rl := ddAdd(jh, jl, ah, al)
	if flip {
		return ddAdd(ddPio2Hi, ddPio2Lo, -rh, -rl)
	}
	return rh, rl
}

func atanF64(x float64) float64 {
	if x != x {
		return x
	}
	h, l := atanDD(math.Abs(x), 0)
	return math.Copysign(h+l, x)
}

// sqrt1mx2 returns sqrt(1 - a*a) as a double-double for 0 <= a < 1.
func sqrt1mx2(a float64) (float64, float64) {
	ph, pl := twoProd(a, a)
	sh, sl := ddAdd(1, 0, -ph, -pl)
	rh := math.Sqrt(sh)
	return rh, (math.FMA(-rh, rh, sh) + sl) / (2 * rh)
}

func asinF64(x float64) float64 {
	a := math.Abs(x)
	switch {
	case x != x || a < 0x1p-26:
		return x
	case a > 1:
		return math.NaN()
	case a == 1:
		return math.Copysign(ddPio2Hi, x)
	}
	rh, rl := sqrt1mx2(a)
	th, tl := ddDiv(a, 0, rh, rl)
	h, l := atanDD(th, tl)
	return math.Copysign(h+l, x)
}

func acosF64(x float64) float64 {
	a := math.Abs(x)
	switch {
	case x != x:
		return x
	case a > 1:
		return math.NaN()
	case x == 1:
		return 0
	case x == -1:
		return ddPiHi
	case a < 0x1p-57:
		return ddPio2Hi
	}
	rh, rl := sqrt1mx2(a)
	th, tl := ddDiv(rh, rl, a, 0)
	h, l := atanDD(th, tl)
	if x < 0 {
		h, l = ddAdd(ddPiHi, ddPiLo, -h, -l)
	}
	return h + l
}

func atan2F64(y, x float64) float64 {
	if y != y || x != x || y == 0 || x == 0 || math.IsInf(y, 0) || math.IsInf(x, 0) {
		return math.Atan2(y, x)
	}
	ay, ax := math.Abs(y), math.Abs(x)
	switch m := math.Max(ay, ax); {
	case m < 0x1p-500:
		ay, ax = ay*0x1p600, ax*0x1p600
	case m > 0x1p500:
		ay, ax = ay*0x1p-600, ax*0x1p-600
	}
	qh := ay / ax
	var ql float64
	if qh < 0x1p60 && qh > 0x1p-900 {
		ql = math.FMA(-qh, ax, ay) / ax
	}
	h, l := atanDD(qh, ql)
	if x < 0 {
		h, l = ddAdd(ddPiHi, ddPiLo, -h, -l)
	}
	return math.Copysign(h+l, y)
}

// powLogTab holds c = 2^(j/16) rounded to float64 and log(c) as a double-double,
// j = -8..8 (asm/internal/mpgen/fit.py --tables).
var powLogTab = [17][3]float64{
	{0.7071067811865476, -0.3465735902799726, 1.2517012761299022e-18},
	{0.7384130729697497, -0.30325189149497606, 6.5063710563652624e-18},
	{0.7711054127039704, -0.2599301927099795, -1.8611363299267038e-17},
	{0.8052451659746271, -0.21660849392498294, 1.2106038172662732e-17},
	{0.8408964152537145, -0.17328679513998638, 9.61928934371463e-19},
	{0.8781260801866497, -0.12996509635498976, -3.864039705298585e-19},
	{0.9170040432046712, -0.08664339756999317, -6.92228978553855e-18},
	{0.9576032806985737, -0.043321698784996525, -1.5098993035174924e-18},
	{1.0, 0.0, 0.0},
	{1.0442737824274138, 0.0433216987849965, 2.8229547235855373e-18},
	{1.0905077326652577, 0.08664339756999319, 3.0823477611946923e-18},
	{1.1387886347566916, 0.12996509635498968, -1.146747467523389e-17},
	{1.189207115002721, 0.1732867951399863, 6.856931399313918e-20},
	{1.241857812073484, 0.21660849392498288, -9.444839008039898e-18},
	{1.2968395546510096, 0.25993019270997947, 3.0016280666260435e-18},
	{1.3542555469368927, 0.303251891494976, 1.5731065366625215e-17},
	{1.4142135623730951, 0.3465735902799727, 2.4442169414592898e-17},
}

// powLog returns log(x) as a double-double good to about 2^-66 relative, for
// finite x > 0: x = 2^e * c * (1+s)/(1-s) with |s| < 0.011, and
// log((1+s)/(1-s)) = 2s + 2s^3/3 + ... with 2s kept exact.
func powLog(x float64) (float64, float64) {
	m, e := logSplit(x)
	j := int(math.RoundToEven(math.Log(m) * (16 / ln2F64)))
	j = min(max(j, -8), 8)
	c := powLogTab[j+8]
	dh, dl := twoSum(m, c[0])
	sh, sl := ddDiv(m-c[0], 0, dh, dl) // m - c is exact
	z := sh * sh
	t := 2.0 / 11
	t = math.FMA(t, z, 2.0/9)
	t = math.FMA(t, z, 2.0/7)
	t = math.FMA(t, z, 2.0/5)
	t = math.FMA(t, z, 2.0/3)
	lh, ll := fastTwoSum(2*sh, 2*sl+float64(sh*z*t))
	ah, al := ddAdd(float64(e*ln2Hi), float64(e*ln2Lo), c[1], c[2])
	return ddAdd(ah, al, lh, ll)
}

func powF64(x, y float64) float64 {
	switch {
	case y == 0 || x == 1:
		return 1
	case x != x || y != y || x == 0 || math.IsInf(x, 0) || math.IsInf(y, 0):
		return math.Pow(x, y)
	}
	negate := false
	if x < 0 {
		yi, yf := math.Modf(y)
		if yf != 0 {
			return math.NaN()
		}
		negate = math.Abs(yi) < 0x1p53 && int64(yi)&1 == 1
		x = -x
	}
	lh, ll := powLog(x)
	wh, wl := twoProd(y, lh)
	wl += float64(y * ll)
	var r float64
	switch {
	case wh > 710:
		r = math.Inf(1)
	case wh < -746:
		r = 0
	default:
		k, rr, rl := expReduce(wh)
		rr, rl = fastTwoSum(rr, rl+wl)
		h, l := expPoly(rr, rl)
		r = scale2(h+l, k)
	}
	if negate {
		r = -r
	}
	return r
}
