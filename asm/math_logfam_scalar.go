package asm

import "math"

// Element kernels of log1p, log2 and log10: the pure-Go twins that
// math_logfam_amd64.s vectorizes step by step (same operations, same order, FMAs
// where the assembly has them), so every level gives the same bits.
//
// The float64 kernels split x = m*2^e with sqrt(2)/2 <= m <= sqrt(2)
// (logFamSplit, as VGETMANTPD/VGETEXPPD do) and take log(m) from the log kernel:
// f = m-1, s = f/(2+f), log(m) = f - hfsq + s*(hfsq + z*P(z)), z = s*s,
// hfsq = f*f/2. They carry f - hfsq exactly (hfsq split by an FMA, a fast
// two-sum), so log(m) = a + t with an error near 2^-60 relative.
//
// The float32 kernels compute in float32 (16 lanes per zmm, 8 per ymm in
// math_logfam_f32_amd64.s) with the float32 log kernel's split and polynomial
// (logF32Split, logF32 in math_log.go): log(m) = a + t as a float32 double-float
// (logFamM32), scaled by hi+lo constants with exact FMAs and rounded once at the
// end. Over every float32 input the errors are at most 0.691 (log2), 0.633
// (log10) and 0.661 (log1p) ULP; scFMAF32 is the float32 FMA of the assembly.

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
	if m > sqrt2 {
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
	p := logF64C6
	p = math.FMA(p, z, logF64C5)
	p = math.FMA(p, z, logF64C4)
	p = math.FMA(p, z, logF64C3)
	p = math.FMA(p, z, logF64C2)
	p = math.FMA(p, z, logF64C1)
	p = math.FMA(p, z, logF64C0)
	hf := 0.5 * f
	hfsq := float64(hf * f)
	hl := math.FMA(hf, f, -hfsq) // hfsq + hl = f*f/2 exactly
	a = f - hfsq
	ae := float64(f-a) - hfsq // f - hfsq = a + ae exactly (|f| >= hfsq)
	r := math.FMA(z, p, hfsq)
	t = math.FMA(s, r, ae-hl)
	return e, a, t
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
	eh := float64(e * ln2Hi)
	s := eh + a
	return s + (float64(a-float64(s-eh)) + (t + math.FMA(e, ln2Lo, c/u)))
}

// logFamM32 returns log(m) = a + t for the float32 kernels, in float32 arithmetic
// as logF32 (math_log.go) does, m from logF32Split: f = m-1 (exact), a = f - f^2/2
// rounded (one FMA) and t = al + f^3*R(f), al the rounding error of a (another
// FMA). |t| < 0.04|a|, so a + t carries log(m) to about 2^-30 relative.
func logFamM32(m float32) (a, t float32) {
	f := m - 1
	hf := float32(-0.5 * f)
	a = scFMAF32(hf, f, f)
	al := scFMAF32(hf, f, f-a)
	f3 := float32(float32(f*f) * f)
	q := scFMAF32(logF32P8, f, logF32P7)
	q = scFMAF32(q, f, logF32P6)
	q = scFMAF32(q, f, logF32P5)
	q = scFMAF32(q, f, logF32P4)
	q = scFMAF32(q, f, logF32P3)
	q = scFMAF32(q, f, logF32P2)
	q = scFMAF32(q, f, logF32P1)
	q = scFMAF32(q, f, logF32P0)
	return a, scFMAF32(f3, q, al)
}

// logFamSpecial32 reports whether log(x) (log2, log10) is a special value and
// returns it, as logF32 (and the VFIXUPIMMPS table of its kernel) does.
func logFamSpecial32(x float32) (float32, bool) {
	switch {
	case x == 0:
		return float32(math.Inf(-1)), true
	case !(x > 0):
		return float32(math.NaN()), true
	case x > math.MaxFloat32:
		return x, true
	}
	return 0, false
}

// log2F32 in float32 lanes: log2(x) = e + (a+t)/ln2 with 1/ln2 = kh + kl. p =
// a*kh rounded, its error taken by an FMA; the small products go into the tail
// tl, and s + err = e + p exactly (fast two-sum: e is an integer, |p| <= 1/2), so
// the final s + (err + tl) rounds once with a tail good to about 2^-30 of it.
func log2F32(x float32) float32 {
	if v, ok := logFamSpecial32(x); ok {
		return v
	}
	m, e := logF32Split(x)
	a, t := logFamM32(m)
	p := float32(a * logFamF32InvLn2Hi)
	tl := scFMAF32(a, logFamF32InvLn2Hi, -p)
	tl = scFMAF32(a, logFamF32InvLn2Lo, tl)
	tl = scFMAF32(t, logFamF32InvLn2Hi, tl)
	s := e + p
	err := p - (s - e)
	return s + (err + tl)
}

// log10F32 as log2F32: log10(x) = e*log10(2) + (a+t)/ln10, e*log10(2) = eh + e*l
// with eh exact (16-bit hi), and s + err = eh + p exactly (|p| <= 0.151 <
// log10(2) <= |eh|, or e = 0).
func log10F32(x float32) float32 {
	if v, ok := logFamSpecial32(x); ok {
		return v
	}
	m, e := logF32Split(x)
	a, t := logFamM32(m)
	p := float32(a * logFamF32InvLn10Hi)
	tl := scFMAF32(a, logFamF32InvLn10Hi, -p)
	tl = scFMAF32(a, logFamF32InvLn10Lo, tl)
	tl = scFMAF32(e, logFamF32Log10of2Lo, tl)
	tl = scFMAF32(t, logFamF32InvLn10Hi, tl)
	eh := float32(e * logFamF32Log10of2Hi)
	s := eh + p
	err := p - (s - eh)
	return s + (err + tl)
}

// log1pF32 in float32 lanes: u = 1 + x rounded and c = 1 + x - u exactly
// (two-sum), log1p(x) = log(u) + c/u (the next term, (c/u)^2/2, is below 2^-48
// of the result), log(u) as logF32: s + err = e*ln2Hi + a exactly, and the small
// terms summed into lo. Specials come from u (u = 0: -Inf, u < 0 or NaN: NaN,
// +Inf: +Inf) and |x| < 2^-29 returns x (keeps -0).
func log1pF32(x float32) float32 {
	switch {
	case x != x || x > math.MaxFloat32:
		return x
	case x < -1:
		return float32(math.NaN())
	case x == -1:
		return float32(math.Inf(-1))
	case float32(math.Abs(float64(x))) < logFamF32Tiny:
		return x
	}
	u := 1 + x
	bb := u - 1
	c := (1 - (u - bb)) + (x - bb)
	d := c / u
	m, e := logF32Split(u)
	a, t := logFamM32(m)
	hi := float32(e * logF32Ln2Hi)
	s := hi + a
	err := (hi - s) + a
	lo := scFMAF32(e, logF32Ln2Lo, t)
	lo += d
	lo += err
	return s + lo
}
