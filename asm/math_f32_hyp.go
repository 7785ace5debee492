package asm

import "math"

// float32 arcsinh, arccosh and arctanh: their own kernels in float64 lanes (8 per
// zmm, 4 per ymm; math_f32_hyp_amd64.s), without the double-double bookkeeping of
// the float64 kernels, which a float32 result does not need. Each is the logarithm
// of a w >= 1 computed in float64 from the float32 input, a = |x|:
//
//	arcsinh(x) = sign(x) * log(a + sqrt(1 + a^2))     (a^2 exact)
//	arccosh(x) = log(x + sqrt(t*(2 + t))),  t = x - 1 (exact)
//	arctanh(x) = sign(x) * log((1 + a)/(1 - a)) / 2  (1 ± a exact)
//
// with no overflow (a^2 < 2^256 for a float32 a). hypF32Log is log(w) = k*ln2 +
// 2*atanh(s) for w = 2^k * m, m in [sqrt(2)/2, sqrt(2)], s = (m - 1)/(m + 1), with
// the series of atanh to s^11 (|s| <= 0.1716, z <= 0.0295: truncation about
// z^6/13 < 2^-34 relative), by Horner's scheme with FMAs, and k*ln2 added by an
// FMA. w carries an absolute error of a few 2^-53, which is below 2^-40 of the
// result where a >= hypF32Tiny (arccosh: x >= 1 + 2^-23, so the result exceeds
// 2^-11); below it arcsinh and arctanh are a -/+ a^3/6 and a + a^3/3 (next terms
// below 2^-49 relative). So the float64 result is within about 2^-34 relative of
// the exact value and its rounding to float32 within 0.5 + 2^-10 ULP, measured
// against math's float64 functions (TestF32Hyp, TestF32HypTight). Products feeding
// a sum outside an FMA are written float64(a*b), so that no compiler fuses them.

// AsinhF32 sets dst[i] = arcsinh(x[i]) for every i; special values as math.Asinh.
func AsinhF32(dst, x []float32) {
	checkLen2("AsinhF32", len(dst), len(x))
	hypF32(dst, x, hypF32Asinh)
}

// AcoshF32 sets dst[i] = arccosh(x[i]) for every i; special values as math.Acosh.
func AcoshF32(dst, x []float32) {
	checkLen2("AcoshF32", len(dst), len(x))
	hypF32(dst, x, hypF32Acosh)
}

// AtanhF32 sets dst[i] = arctanh(x[i]) for every i; special values as math.Atanh.
func AtanhF32(dst, x []float32) {
	checkLen2("AtanhF32", len(dst), len(x))
	hypF32(dst, x, hypF32Atanh)
}

// hypF32Op selects the function of hypF32 and of the assembly kernels (op is
// their last argument).
type hypF32Op int

const (
	hypF32Asinh hypF32Op = iota
	hypF32Acosh
	hypF32Atanh
)

// hypF32 runs op at the active level; len(dst) == len(x).
func hypF32(dst, x []float32, op hypF32Op) {
	switch {
	case active >= LevelAVX512:
		hypF32AVX512(dst, x, op)
		return
	case active >= LevelAVX2:
		hypF32AVX2(dst, x, op)
		return
	}
	f := asinhF32
	switch op {
	case hypF32Acosh:
		f = acoshF32
	case hypF32Atanh:
		f = atanhF32
	}
	for i, v := range x[:len(dst)] {
		dst[i] = f(v)
	}
}

// hypF32Tiny: below it arcsinh and arctanh take their series' first two terms.
const hypF32Tiny = 0x1p-12

// asinhF32 is the element twin of AsinhF32's kernels.
func asinhF32(x float32) float32 {
	v := float64(x)
	a := math.Abs(v)
	if !(a <= math.MaxFloat64) {
		return x // NaN, ±Inf
	}
	a2 := float64(a * a)
	r := hypF32Log(a + math.Sqrt(1+a2))
	if a < hypF32Tiny {
		r = a - float64(float64(a*a2)*(1.0/6))
	}
	return float32(math.Copysign(r, v))
}

// acoshF32 is the element twin of AcoshF32's kernels.
func acoshF32(x float32) float32 {
	v := float64(x)
	switch {
	case v != v:
		return x
	case v < 1:
		return float32(math.NaN())
	case v > math.MaxFloat64:
		return x // +Inf
	}
	t := v - 1
	return float32(hypF32Log(v + math.Sqrt(float64(t*(2+t)))))
}

// atanhF32 is the element twin of AtanhF32's kernels.
func atanhF32(x float32) float32 {
	v := float64(x)
	a := math.Abs(v)
	switch {
	case a != a:
		return x
	case a > 1:
		return float32(math.NaN())
	case a == 1:
		return float32(math.Copysign(math.Inf(1), v))
	}
	r := 0.5 * hypF32Log((1+a)/(1-a))
	if a < hypF32Tiny {
		r = a + float64(float64(float64(a*a)*a)*(1.0/3))
	}
	return float32(math.Copysign(r, v))
}

// hypF32C are the coefficients 1/3, 1/5, ..., 1/11 of the series
// log((1 + s)/(1 - s)) = 2s + 2s*z*(1/3 + z/5 + ... + z^4/11), z = s^2.
var hypF32C = [5]float64{1.0 / 3, 1.0 / 5, 1.0 / 7, 1.0 / 9, 1.0 / 11}

// hypF32Log returns log(w) for a finite w >= 1, within about 2^-34 relative.
func hypF32Log(w float64) float64 {
	b := math.Float64bits(w)
	k := float64(int64(b>>52) - 1023)
	m := math.Float64frombits(b&(1<<52-1) | 0x3ff0000000000000) // [1, 2)
	if m > math.Sqrt2 {
		m *= 0.5
		k++
	}
	s := (m - 1) / (m + 1) // m - 1 exact
	z := s * s
	p := math.FMA(math.FMA(math.FMA(math.FMA(hypF32C[4], z, hypF32C[3]), z, hypF32C[2]), z, hypF32C[1]), z, hypF32C[0])
	t := s + s
	return math.FMA(k, math.Ln2, math.FMA(t*z, p, t))
}
