package asm

import "math"

// Scalar float64 routines of expm1, exp2, sinh, cosh and tanh. Like those of the
// other functions without assembly (math_logfam_scalar.go, math_trig_scalar.go,
// math_pow.go), each reuses a vector kernel's reduction and polynomial (exp, log,
// sin/cos) and carries the parts that decide the last bit as double-doubles, so
// that the result is within 1 ULP where Go's math is not (math.Log2 near 1,
// math.Pow, math.Asin, math.Tan near pi/2, ...).

// expReduce is expF64's reduction: x = k*ln2 + r + rl.
func expReduce(x float64) (k, r, rl float64) {
	k = math.RoundToEven(x * log2e)
	r1 := math.FMA(-k, ln2Hi, x)
	t := float64(k * ln2Lo)
	tl := math.FMA(k, ln2Lo, -t)
	r = r1 - t
	return k, r, ((r1 - r) - t) - tl
}

// expPoly returns e^(r+rl) as an unnormalized double-double h + l, |r| <= ln2/2.
func expPoly(r, rl float64) (h, l float64) {
	p := expPolyP(r)
	h = 1 + r
	return h, ((1 - h) + r) + math.FMA(r*r, p, math.FMA(rl, r, rl))
}

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

func exp2F64(x float64) float64 {
	x = math.Min(math.Max(x, -1080), 1030)
	k := math.RoundToEven(x)
	r := x - k
	a, al := twoProd(r, ddLn2Hi)
	h, l := expPoly(a, al+float64(r*ddLn2Lo))
	return scale2(h+l, k)
}

// expm1DD returns e^x - 1 as a double-double for |x| <= 50.
func expm1DD(x float64) (float64, float64) {
	if math.Abs(x) <= 0.34657359027997264 {
		return fastTwoSum(x, float64(x*x*expPolyP(x)))
	}
	k, r, rl := expReduce(x)
	h, l := expPoly(r, rl)
	s := pow2(k)
	a, ae := twoSum(float64(h*s), -1)
	return fastTwoSum(a, ae+float64(l*s))
}

func expm1F64(x float64) float64 {
	switch {
	case x != x:
		return x
	case x > 40:
		return expF64(x)
	case x < -40:
		return -1
	case math.Abs(x) < 0x1p-54:
		return x
	}
	h, l := expm1DD(x)
	return h + l
}

// halfExpBig returns e^a / 2 for a > 40, where e^-a no longer matters.
func halfExpBig(a float64) float64 {
	if a > 711 {
		return math.Inf(1)
	}
	k, r, rl := expReduce(a)
	h, l := expPoly(r, rl)
	return scale2(h+l, k-1)
}

func sinhF64(x float64) float64 {
	a := math.Abs(x)
	var r float64
	switch {
	case a != a || a < 0x1p-27:
		return x
	case a > 40:
		r = halfExpBig(a)
	default: // (em + em/(1+em)) / 2 with em = e^a - 1: no cancellation
		eh, el := expm1DD(a)
		dh, dl := ddAdd(1, 0, eh, el)
		qh, ql := ddDiv(eh, el, dh, dl)
		sh, sl := ddAdd(eh, el, qh, ql)
		r = 0.5 * (sh + sl)
	}
	return math.Copysign(r, x)
}

func coshF64(x float64) float64 {
	a := math.Abs(x)
	switch {
	case a != a:
		return a
	case a < 0x1p-27:
		return 1
	case a > 40:
		return halfExpBig(a)
	}
	k, r, rl := expReduce(a)
	h, l := expPoly(r, rl)
	s := pow2(k)
	h, l = fastTwoSum(float64(h*s), float64(l*s))
	ih := 1 / h
	il := (math.FMA(-ih, h, 1) - float64(ih*l)) / h
	sh, sl := ddAdd(h, l, ih, il)
	return 0.5 * (sh + sl)
}

func tanhF64(x float64) float64 {
	a := math.Abs(x)
	switch {
	case a != a || a < 0x1p-27:
		return x
	case a > 22:
		return math.Copysign(1, x)
	}
	eh, el := expm1DD(2 * a)
	dh, dl := ddAdd(eh, el, 2, 0)
	qh, ql := ddDiv(eh, el, dh, dl)
	return math.Copysign(qh+ql, x)
}
