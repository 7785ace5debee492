package asm

import "math"

// Element kernels of log1p, log2 and log10: the pure-Go twins that
// math_logfam_amd64.s vectorizes step by step (same operations, same order, FMAs
// where the assembly has them), so every level gives the same bits.
//
// All of them split x = m*2^e with sqrt(2)/2 <= m <= sqrt(2) (logFamSplit, as
// VGETMANTPD/VGETEXPPD do) and take log(m) from the log kernel: f = m-1,
// s = f/(2+f), log(m) = f - hfsq + s*(hfsq + z*P(z)), z = s*s, hfsq = f*f/2.
// The float64 kernels carry f - hfsq exactly (hfsq split by an FMA, a fast
// two-sum), so log(m) = a + t with an error near 2^-60 relative; the float32 ones
// compute in float64 with a degree-3 P and round once to float32 at the end.

// logFamSpecial reports whether log(x) (log2, log10) is a special value and returns it.
func logFamSpecial(x float64) (float64, bool) {
	switch {
	case x != x || x > math.MaxFloat64:
		return x, true
	case x < 0:
		return math.NaN(), true
	case x == 0:
		return math.Inf(-1), true
	}
	return 0, false
}

// logFamSplit returns m and e with x = m * 2^e, sqrt(2)/2 <= m <= sqrt(2), for
// finite x > 0 (subnormals included), as VGETMANTPD/VGETEXPPD do.
func logFamSplit(x float64) (m, e float64) {
	b := math.Float64bits(x)
	bias := -1023.0
	if b < 1<<52 {
		b = math.Float64bits(x * (1 << 52))
		bias -= 52
	}
	e = float64(b>>52) + bias
	m = math.Float64frombits(b&(1<<52-1) | 0x3ff<<52)
	if m > logFamSqrt2 {
		m *= 0.5
		e++
	}
	return m, e
}

// logFamM returns e and log(m) = a + t, x = m*2^e, for finite x > 0: a = fl(f - hfsq)
// and t the rest, |t| < 0.05|a| (not normalized: its callers multiply or add it
// into a tail anyway).
func logFamM(x float64) (e, a, t float64) {
	m, e := logFamSplit(x)
	f := m - 1
	s := f / (2 + f)
	z := s * s
	p := logFamC6
	p = math.FMA(p, z, logFamC5)
	p = math.FMA(p, z, logFamC4)
	p = math.FMA(p, z, logFamC3)
	p = math.FMA(p, z, logFamC2)
	p = math.FMA(p, z, logFamC1)
	p = math.FMA(p, z, logFamC0)
	hf := 0.5 * f
	hfsq := float64(hf * f)
	hl := math.FMA(hf, f, -hfsq) // hfsq + hl = f*f/2 exactly
	a = f - hfsq
	ae := float64(f-a) - hfsq // f - hfsq = a + ae exactly (|f| >= hfsq)
	r := math.FMA(z, p, hfsq)
	t = math.FMA(s, r, ae-hl)
	return e, a, t
}

// logFamM32 returns e and log(m) in float64 (relative error near 2^-30), x = m*2^e,
// for x > 0 normal in float64 (every float32 is).
func logFamM32(x float64) (e, lm float64) {
	m, e := logFamSplit(x)
	f := m - 1
	s := f / (2 + f)
	z := s * s
	p := logFamF32C3
	p = math.FMA(p, z, logFamF32C2)
	p = math.FMA(p, z, logFamF32C1)
	p = math.FMA(p, z, logFamF32C0)
	hfsq := 0.5 * (f * f)
	r := math.FMA(z, p, hfsq)
	t := math.FMA(-s, r, hfsq)
	return e, f - t
}

// log2F64: log2(x) = e + (a+t)/ln2. a*(1/ln2)Hi is split exactly by an FMA, the
// small products go into the tail, and e + p is a fast two-sum (e is an integer
// and |p| <= 1/2), so the only rounding that matters is the last.
func log2F64(x float64) float64 {
	if v, ok := logFamSpecial(x); ok {
		return v
	}
	e, a, t := logFamM(x)
	p := float64(a * logFamInvLn2Hi)
	tl := math.FMA(a, logFamInvLn2Hi, -p)
	tl = math.FMA(a, logFamInvLn2Lo, tl)
	tl = math.FMA(t, logFamInvLn2Hi, tl)
	s := e + p
	return s + (float64(p-float64(s-e)) + tl)
}

// log10F64: log10(x) = e*log10(2) + (a+t)/ln10 as log2F64, with e*log10(2) split
// into an exact product and a tail term (|p| <= 0.151 < log10(2) <= |e*hi| or e = 0).
func log10F64(x float64) float64 {
	if v, ok := logFamSpecial(x); ok {
		return v
	}
	e, a, t := logFamM(x)
	p := float64(a * logFamInvLn10Hi)
	tl := math.FMA(a, logFamInvLn10Hi, -p)
	tl = math.FMA(a, logFamInvLn10Lo, tl)
	tl = math.FMA(e, logFamLog10of2Lo, tl)
	tl = math.FMA(t, logFamInvLn10Hi, tl)
	eh := float64(e * logFamLog10of2Hi)
	s := eh + p
	return s + (float64(p-float64(s-eh)) + tl)
}

// log1pF64: u = 1 + x rounded, c = 1 + x - u exactly (two-sum), then
// log1p(x) = e*ln2 + (a+t) + c/u (log(u+c) = log(u) + c/u - ..., |c/u| <= 2^-53),
// with e*ln2Hi + a a fast two-sum (|a| <= 0.347 < ln2 or e = 0). Lanes with
// |x| < 2^-54 return x.
func log1pF64(x float64) float64 {
	switch {
	case x != x || x > math.MaxFloat64:
		return x
	case x < -1:
		return math.NaN()
	case x == -1:
		return math.Inf(-1)
	case math.Abs(x) < logFamTiny:
		return x
	}
	u := 1 + x
	bb := u - 1
	c := float64(1-float64(u-bb)) + float64(x-bb)
	e, a, t := logFamM(u)
	eh := float64(e * logFamLn2Hi)
	s := eh + a
	return s + (float64(a-float64(s-eh)) + (t + math.FMA(e, logFamLn2Lo, c/u)))
}

func log2F32(x float32) float32 {
	if v, ok := logFamSpecial(float64(x)); ok {
		return float32(v)
	}
	e, lm := logFamM32(float64(x))
	return float32(math.FMA(lm, logFamInvLn2Hi, e))
}

func log10F32(x float32) float32 {
	if v, ok := logFamSpecial(float64(x)); ok {
		return float32(v)
	}
	e, lm := logFamM32(float64(x))
	return float32(math.FMA(e, logFamLog10of2, float64(lm*logFamInvLn10Hi)))
}

// log1pF32 computes in float64: u = 1 + x and c = (1 - u) + x. For a float32 x,
// c is the exact error of u when |x| <= 1 (Sterbenz), and 0 when x > 1 (u is then
// exact, or 1 - u rounds to -x); c is nonzero only for |x| < 2^-29, where u is
// within 2^-29 of 1 and c stands for c/u well within float32's needs.
func log1pF32(x float32) float32 {
	xd := float64(x)
	switch {
	case x != x || xd > math.MaxFloat64:
		return x
	case x < -1:
		return float32(math.NaN())
	case x == -1:
		return float32(math.Inf(-1))
	case math.Abs(xd) < logFamTiny:
		return x
	}
	u := 1 + xd
	c := float64(1-u) + xd
	e, lm := logFamM32(u)
	return float32(math.FMA(e, logFamLn2, lm+c))
}
