package asm

import "math"

// Scalar float64 routines of log1p, log2 and log10 (see math_expfam_scalar.go).

// logMDD returns e and log(m) as a double-double, x = m*2^e (logSplit), finite x > 0.
func logMDD(x float64) (e, hi, lo float64) {
	m, e := logSplit(x)
	f := m - 1
	s := f / (2 + f)
	z := s * s
	p := logPolyP(z)
	hfsq := float64(0.5 * (f * f))
	hl := math.FMA(0.5*f, f, -hfsq)
	a, ae := twoSum(f, -hfsq)
	hi, lo = fastTwoSum(a, (ae-hl)+float64(s*math.FMA(z, p, hfsq)))
	return e, hi, lo
}

// logDD returns log(x) as a double-double (about 2^-58 relative) for finite x > 0.
func logDD(x float64) (float64, float64) {
	e, h, l := logMDD(x)
	return ddAdd(float64(e*ln2Hi), float64(e*ln2Lo), h, l)
}

func log2F64(x float64) float64 {
	if v, ok := logSpecial(x); ok {
		return v
	}
	e, h, l := logMDD(x)
	h, l = ddMul(h, l, ddInvLn2Hi, ddInvLn2Lo)
	s, t := twoSum(e, h)
	return s + (t + l)
}

func log10F64(x float64) float64 {
	if v, ok := logSpecial(x); ok {
		return v
	}
	h, l := logDD(x)
	h, l = ddMul(h, l, ddInvLn10Hi, ddInvLn10Lo)
	return h + l
}

func log1pF64(x float64) float64 {
	switch {
	case x != x || x > math.MaxFloat64:
		return x
	case x < -1:
		return math.NaN()
	case x == -1:
		return math.Inf(-1)
	case math.Abs(x) < 0x1p-54:
		return x
	}
	u, c := twoSum(1, x) // 1 + x = u + c exactly
	h, l := logDD(u)
	return h + (l + c/u)
}
