package asm

import "math"

// LogF64 sets dst[i] = ln(x[i]) for every i, within 1 ULP; special values as math.Log.
func LogF64(dst, x []float64) {
	checkLen2("LogF64", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		logF64AVX512(dst, x)
	case active >= LevelAVX2:
		logF64AVX2(dst, x)
	case active >= LevelNEON:
		logF64NEON(dst, x)
	default:
		logF64Go(dst, x)
	}
}

// LogF32 sets dst[i] = ln(x[i]) for every i, within 1 ULP; special values as math.Log.
func LogF32(dst, x []float32) {
	checkLen2("LogF32", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		logF32AVX512(dst, x)
	case active >= LevelAVX2:
		logF32AVX2(dst, x)
	default:
		logF32Go(dst, x)
	}
}

func logF64Go(dst, x []float64) {
	dst = dst[:len(x)]
	for i, v := range x {
		dst[i] = logF64(v)
	}
}

func logF32Go(dst, x []float32) {
	dst = dst[:len(x)]
	for i, v := range x {
		dst[i] = logF32(v)
	}
}

// logSpecial reports whether log(x) is a special value and returns it.
func logSpecial(x float64) (float64, bool) {
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

// logSplit returns m and e with x = m * 2^e, sqrt(2)/2 <= m <= sqrt(2), for
// finite x > 0 (subnormals included), as VGETMANTPD/VGETEXPPD do.
func logSplit(x float64) (m, e float64) {
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

// logF64 is the element kernel the assembly vectorizes (fdlibm's formulation
// with our own fit): log(x) = e*ln2Hi - ((hfsq - (s*(hfsq+R) + e*ln2Lo)) - f).
func logF64(x float64) float64 {
	if v, ok := logSpecial(x); ok {
		return v
	}
	m, e := logSplit(x)
	f := m - 1
	s := f / (2 + f)
	z := s * s
	p := logPolyP(z)
	hfsq := float64(0.5 * (f * f))
	r := math.FMA(z, p, hfsq)
	t := math.FMA(s, r, e*ln2Lo)
	return math.FMA(e, ln2Hi, -((hfsq - t) - f))
}

// logF32 is the element kernel of the float32 assembly, in float32 arithmetic
// (16 lanes per zmm). With x = m*2^e and f = m-1 (exact), log(x) = e*ln2 +
// log1p(f), log1p(f) = f - f^2/2 + f^3*R(f). a = f - f^2/2 is one FMA and al, its
// rounding error, another (f - a is exact); hi = e*ln2Hi is exact (16-bit ln2Hi) and
// s + err = hi + a exactly (|hi| >= |a| or hi = 0). The sum of the small terms
// lo = err + al + e*ln2Lo + f^3*R (under 0.03 of the result) is added last: the
// final rounding (0.5 ulp) and lo's errors (about 0.1 ulp) stay below 1 ulp; over
// every float32 input the error is at most 0.61 ulp (0.6131).
func logF32(x float32) float32 {
	switch {
	case x == 0:
		return float32(math.Inf(-1))
	case !(x > 0):
		return float32(math.NaN())
	case x > math.MaxFloat32:
		return x
	}
	m, e := logF32Split(x)
	f := m - 1
	hf := float32(-0.5 * f)
	a := scFMAF32(hf, f, f)
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
	hi := float32(e * logF32Ln2Hi)
	s := hi + a         // the assembly: FMA(e, ln2Hi, a), the same as hi is exact
	err := (hi - s) + a // the assembly: FMA(e, ln2Hi, -s) + a
	lo := scFMAF32(e, logF32Ln2Lo, al)
	lo = scFMAF32(f3, q, lo)
	lo += err
	return s + lo
}

// logF32Split returns m and e with x = m*2^e, c <= m < 2c (c = float32(sqrt(2)/2)),
// for finite x > 0, subnormals scaled by 2^23 first. The AVX2 kernel does the same
// with integer operations; the AVX-512 kernel gets the same m and e from VGETMANTPS
// and VGETEXPPS (m in [1, 2); m >= 2c is halved and e incremented).
func logF32Split(x float32) (m, e float32) {
	b := math.Float32bits(x)
	bias := int32(0)
	if b < 1<<23 {
		b = math.Float32bits(x * 0x1p23)
		bias = -23
	}
	u := int32(b - logF32C)
	e = float32(u>>23 + bias)
	m = math.Float32frombits(uint32(u&(1<<23-1)) + logF32C)
	return m, e
}

// logPolyP is the float64 log kernel's polynomial in z = s*s, s = f/(2+f).
func logPolyP(z float64) float64 {
	p := logF64C6
	p = math.FMA(p, z, logF64C5)
	p = math.FMA(p, z, logF64C4)
	p = math.FMA(p, z, logF64C3)
	p = math.FMA(p, z, logF64C2)
	p = math.FMA(p, z, logF64C1)
	return math.FMA(p, z, logF64C0)
}
