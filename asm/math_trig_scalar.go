package asm

import "math"

// Scalar float64 routines of tan and the inverse trigonometric functions (see
// math_expfam_scalar.go).

func tanF64(x float64) float64 {
	n, hi, lo, ok := trigReduce(math.Abs(x))
	if !ok {
		return math.NaN()
	}
	sh, sl, ch, cl := sinCosPairs(hi, lo)
	sh, sl = fastTwoSum(sh, sl)
	ch, cl = fastTwoSum(ch, cl)
	var th, tl float64
	if n&1 == 0 {
		th, tl = ddDiv(sh, sl, ch, cl)
	} else {
		th, tl = ddDiv(ch, cl, sh, sl)
		th, tl = -th, -tl
	}
	return math.Copysign(1, x) * (th + tl)
}

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
