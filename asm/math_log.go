package asm

import "math"

// LogF64 sets dst[i] = ln(x[i]) for i < len(x), within 1 ULP; special values as math.Log.
func LogF64(dst, x []float64) {
	switch {
	case active >= LevelAVX512:
		logF64AVX512(dst, x)
	case active >= LevelAVX2:
		logF64AVX2(dst, x)
	default:
		logF64Go(dst, x)
	}
}

// LogF32 sets dst[i] = ln(x[i]) for i < len(x), within 1 ULP; special values as math.Log.
func LogF32(dst, x []float32) {
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

// logF32 computes in float64 with a degree-3 polynomial in z.
func logF32(x float32) float32 {
	if v, ok := logSpecial(float64(x)); ok {
		return float32(v)
	}
	m, e := logSplit(float64(x))
	f := m - 1
	s := f / (2 + f)
	z := s * s
	p := logF32C3
	p = math.FMA(p, z, logF32C2)
	p = math.FMA(p, z, logF32C1)
	p = math.FMA(p, z, logF32C0)
	hfsq := 0.5 * (f * f)
	r := math.FMA(z, p, hfsq)
	t := math.FMA(-s, r, hfsq)
	return float32(math.FMA(e, ln2F64, f-t))
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
