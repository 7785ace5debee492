package asm

import "math"

// The fast accuracy mode's vector math (numeric's WithAccuracy("fast")): shorter
// evaluation schemes with a stated bound of 4 ULP instead of the default 1. Like the
// default kernels, every level gives the twin's bits. Only the functions listed by
// FastMathFuncs have fast kernels; the others have no fast form.

// ExpFastF64 sets dst[i] = e**x[i] for every i, within 4 ULP (measured 1.5 on the
// reference data, docs/simd.md); special values as math.Exp.
func ExpFastF64(dst, x []float64) {
	checkLen2("ExpFastF64", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		expFastF64AVX512(dst, x)
	case active >= LevelAVX2:
		expFastF64AVX2(dst, x)
	default:
		dst = dst[:len(x)]
		for i, v := range x {
			dst[i] = expFastF64(v)
		}
	}
}

// ExpFastF32 sets dst[i] = e**x[i] for every i, within 4 ULP; special values as
// math.Exp.
func ExpFastF32(dst, x []float32) {
	checkLen2("ExpFastF32", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		expFastF32AVX512(dst, x)
	case active >= LevelAVX2:
		expFastF32AVX2(dst, x)
	default:
		dst = dst[:len(x)]
		for i, v := range x {
			dst[i] = expFastF32(v)
		}
	}
}

// expFastF64 is the element kernel of the fast float64 exp: the default kernel's
// Cody–Waite reduction without its double-double remainder (r = x - k*ln2Hi -
// k*ln2Lo, two FMAs, one rounding of r), and its polynomial, 1 + r + r^2*P(r), run as
// one Horner chain of FMAs; then p*2^k rounded once as in expF64. 18 vector
// operations per 8 lanes instead of 32.
func expFastF64(x float64) float64 {
	x = math.Min(math.Max(x, expF64Min), expF64Max) // NaN stays NaN
	k := math.RoundToEven(x * log2e)
	r := math.FMA(-k, ln2Hi, x)
	r = math.FMA(-k, ln2Lo, r)
	p := expF64C9
	p = math.FMA(p, r, expF64C8)
	p = math.FMA(p, r, expF64C7)
	p = math.FMA(p, r, expF64C6)
	p = math.FMA(p, r, expF64C5)
	p = math.FMA(p, r, expF64C4)
	p = math.FMA(p, r, expF64C3)
	p = math.FMA(p, r, expF64C2)
	p = math.FMA(p, r, expF64C1)
	p = math.FMA(p, r, expF64C0)
	p = math.FMA(p, r, 1)
	p = math.FMA(p, r, 1)
	return scale2(p, k)
}

// expFastF32 is the element kernel of the fast float32 exp, in float32 arithmetic:
// expF32's reduction, and 1 + r + r^2*G(r) as one Horner chain of FMAs (the default
// kernel adds 1 + r exactly and r^2*G separately); then p*2^k rounded once.
func expFastF32(x float32) float32 {
	if x != x {
		return x
	}
	x = min(max(x, expF32Min), expF32Max)
	k := float32(math.RoundToEven(float64(x * expF32Log2e)))
	r := float32(float64(x) - float64(float64(k)*float64(expF32Ln2Hi)))
	r = scFMAF32(-k, expF32Ln2Lo, r)
	g := scFMAF32(expF32P4, r, expF32P3)
	g = scFMAF32(g, r, expF32P2)
	g = scFMAF32(g, r, expF32P1)
	g = scFMAF32(g, r, expF32P0)
	g = scFMAF32(g, r, 1)
	g = scFMAF32(g, r, 1)
	return float32(float64(g) * pow2(float64(k)))
}

// SinFastF64 sets dst[i] = sin(x[i]) for every i, within 4 ULP; special values as
// math.Sin.
func SinFastF64(dst, x []float64) {
	checkLen2("SinFastF64", len(dst), len(x))
	sinCosFast(dst, x, 0)
}

// CosFastF64 sets dst[i] = cos(x[i]) for every i, within 4 ULP; special values as
// math.Cos.
func CosFastF64(dst, x []float64) {
	checkLen2("CosFastF64", len(dst), len(x))
	sinCosFast(dst, x, 1)
}

func sinCosFast(dst, x []float64, offset uint64) {
	var big bool
	switch {
	case active >= LevelAVX512 && offset == 0:
		big = sinFastF64AVX512(dst, x)
	case active >= LevelAVX512:
		big = cosFastF64AVX512(dst, x)
	case active >= LevelAVX2 && offset == 0:
		big = sinFastF64AVX2(dst, x)
	case active >= LevelAVX2:
		big = cosFastF64AVX2(dst, x)
	default:
		dst = dst[:len(x)]
		for i, v := range x {
			dst[i] = sinCosFastF64(v, offset)
		}
	}
	if big {
		patchF64(dst[:len(x)], trigF64Max, offset) // the default kernel's Payne–Hanek lanes
	}
}

// sinCosFastF64 is the element kernel of the fast float64 sin (offset 0) and cos
// (offset 1): the default kernel's reduction to hi + lo, |hi| <= pi/4, then the
// polynomials on hi alone (dropping lo costs at most half an ULP of hi): sin(hi) =
// hi + hi*y*S(y) and cos(hi) = 1 + y*(-1/2 + y*C(y)), y = hi^2, each one FMA after
// its polynomial (the default kernel carries lo and a double-double 1 - y/2, 13
// operations more per 8 lanes). Arguments beyond trigF64Max take the default kernel
// (Payne–Hanek).
func sinCosFastF64(x float64, offset uint64) float64 {
	ax := math.Abs(x)
	if ax > trigF64Max {
		return sinCosF64(x, offset)
	}
	q, hi, _ := trigReduceCW(ax)
	y := hi * hi
	sp := sinF64C5
	sp = math.FMA(sp, y, sinF64C4)
	sp = math.FMA(sp, y, sinF64C3)
	sp = math.FMA(sp, y, sinF64C2)
	sp = math.FMA(sp, y, sinF64C1)
	sp = math.FMA(sp, y, sinF64C0)
	sinr := math.FMA(float64(hi*y), sp, hi)
	cp := cosF64C5
	cp = math.FMA(cp, y, cosF64C4)
	cp = math.FMA(cp, y, cosF64C3)
	cp = math.FMA(cp, y, cosF64C2)
	cp = math.FMA(cp, y, cosF64C1)
	cp = math.FMA(cp, y, cosF64C0)
	cp = math.FMA(cp, y, -0.5)
	cosr := math.FMA(cp, y, 1)
	n := q + offset
	r := sinr
	if n&1 != 0 {
		r = cosr
	}
	b := math.Float64bits(r) ^ (n&2)<<62
	if offset == 0 {
		b ^= math.Float64bits(x) & (1 << 63)
	}
	return math.Float64frombits(b)
}

// LogFastF32 sets dst[i] = ln(x[i]) for every i, within 4 ULP; special values as
// math.Log. float64 log has no fast kernel: its default one is already short (one
// division and a degree-6 polynomial in s^2), and a division-free one needs a table
// lookup, which is slow here (docs/simd.md).
func LogFastF32(dst, x []float32) {
	checkLen2("LogFastF32", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		logFastF32AVX512(dst, x)
	case active >= LevelAVX2:
		logFastF32AVX2(dst, x)
	default:
		dst = dst[:len(x)]
		for i, v := range x {
			dst[i] = logFastF32(v)
		}
	}
}

// logFastF32 is the element kernel of the fast float32 log: logF32's split and
// polynomial, log(x) = e*ln2 + f - f^2/2 + f^3*R(f), summed by FMAs from the smallest
// term up (the default kernel carries e*ln2Hi + a as hi + lo and adds the rounding
// errors back: 8 operations more per 16 lanes).
func logFastF32(x float32) float32 {
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
	f3 := float32(float32(f*f) * f)
	q := scFMAF32(logF32P8, f, logF32P7)
	q = scFMAF32(q, f, logF32P6)
	q = scFMAF32(q, f, logF32P5)
	q = scFMAF32(q, f, logF32P4)
	q = scFMAF32(q, f, logF32P3)
	q = scFMAF32(q, f, logF32P2)
	q = scFMAF32(q, f, logF32P1)
	q = scFMAF32(q, f, logF32P0)
	y := scFMAF32(f3, q, a)
	y = scFMAF32(e, logF32Ln2Lo, y)
	return scFMAF32(e, logF32Ln2Hi, y)
}

// SinFastF32 sets dst[i] = sin(x[i]) for every i, within 4 ULP; special values as
// math.Sin.
func SinFastF32(dst, x []float32) {
	checkLen2("SinFastF32", len(dst), len(x))
	sinCosFast32(dst, x, 0)
}

// CosFastF32 sets dst[i] = cos(x[i]) for every i, within 4 ULP; special values as
// math.Cos.
func CosFastF32(dst, x []float32) {
	checkLen2("CosFastF32", len(dst), len(x))
	sinCosFast32(dst, x, 1)
}

func sinCosFast32(dst, x []float32, offset uint64) {
	var big bool
	switch {
	case active >= LevelAVX512 && offset == 0:
		big = sinFastF32AVX512(dst, x)
	case active >= LevelAVX512:
		big = cosFastF32AVX512(dst, x)
	case active >= LevelAVX2 && offset == 0:
		big = sinFastF32AVX2(dst, x)
	case active >= LevelAVX2:
		big = cosFastF32AVX2(dst, x)
	default:
		dst = dst[:len(x)]
		for i, v := range x {
			dst[i] = sinCosFastF32(v, offset)
		}
	}
	if big {
		patchF32(dst[:len(x)], float64(sinCosF32FastMax), offset)
	}
}

// Constants of the fast float32 sin and cos, in float32 lanes: 2/pi, pi/2 split in
// three float32 parts, and the largest argument they reduce (beyond it the default
// kernel's reduction runs, see sinCosFastF32).
const (
	sinCosF32TwoOverPi float32 = 2 / math.Pi
	sinCosF32P1        float32 = math.Pi / 2
	sinCosF32P2        float32 = -0x1.777a5cp-25 // float32(pi/2 - sinCosF32P1)
	sinCosF32P3        float32 = -0x1.ee59dap-50 // float32(pi/2 - sinCosF32P1 - sinCosF32P2), by mpmath
	sinCosF32FastMax   float32 = 1 << 18
)

// sinCosFastF32 is the element kernel of the fast float32 sin (offset 0) and cos
// (offset 1), in float32 arithmetic (16 lanes per zmm instead of the default kernel's 8
// float64 lanes): q = round(|x|*2/pi), r = |x| - q*pi/2 by three FMAs with pi/2 in
// three float32 parts (the first product is exact and so is the first difference),
// the default float32 polynomials rounded to float32 on r, selection by quadrant.
// Arguments beyond sinCosF32FastMax = 2^18 (Inf included) take the default
// reduction in float64 (patchF32): up to 2^18 TestFastF32SinCosScan measures at most
// 1.54 ULP, near every multiple of pi/2 included; by 2^20 it is 1.8.
func sinCosFastF32(x float32, offset uint64) float32 {
	ax := float32(math.Abs(float64(x)))
	if ax > sinCosF32FastMax {
		return float32(sinCosF64(float64(x), offset))
	}
	q := float32(math.RoundToEven(float64(ax * sinCosF32TwoOverPi)))
	r := scFMAF32(-q, sinCosF32P1, ax)
	r = scFMAF32(-q, sinCosF32P2, r)
	r = scFMAF32(-q, sinCosF32P3, r)
	y := r * r
	sp := scFMAF32(float32(sinF32C3), y, float32(sinF32C2))
	sp = scFMAF32(sp, y, float32(sinF32C1))
	sp = scFMAF32(sp, y, float32(sinF32C0))
	sinr := scFMAF32(float32(r*y), sp, r)
	cp := scFMAF32(float32(cosF32C3), y, float32(cosF32C2))
	cp = scFMAF32(cp, y, float32(cosF32C1))
	cp = scFMAF32(cp, y, float32(cosF32C0))
	cp = scFMAF32(cp, y, -0.5)
	cosr := scFMAF32(cp, y, 1)
	n := uint32(int32(q)) + uint32(offset)
	v := sinr
	if n&1 != 0 {
		v = cosr
	}
	b := math.Float32bits(v) ^ (n&2)<<30
	if offset == 0 {
		b ^= math.Float32bits(x) & (1 << 31)
	}
	return math.Float32frombits(b)
}

// FastMathFuncs lists the functions of the fast accuracy mode, each with its bound
// (MaxULP, 4) and Go's math as the reference for special values. F32 or F64 is nil
// where the fast mode has no kernel of that type (the default one runs there).
func FastMathFuncs() []MathFunc {
	fast := func(f MathFunc) MathFunc { f.MaxULP = 4; return f }
	return []MathFunc{
		fast(unary("exp", ExpFastF64, ExpFastF32, math.Exp)),
		fast(unary("log", nil, LogFastF32, math.Log)),
		fast(unary("sin", SinFastF64, SinFastF32, math.Sin)),
		fast(unary("cos", CosFastF64, CosFastF32, math.Cos)),
	}
}

// FastModeMathFuncs is MathFuncs as the fast accuracy mode runs them: each fast kernel
// (FastMathFuncs) in place of the default one of its function and type. MaxULP stays
// the default bound; HasFastKernel says where the fast bound (4 ULP) applies.
func FastModeMathFuncs() []MathFunc {
	fast := map[string]MathFunc{}
	for _, f := range FastMathFuncs() {
		fast[f.Name] = f
	}
	funcs := MathFuncs()
	for i, f := range funcs {
		if ff, ok := fast[f.Name]; ok {
			if ff.F64 != nil {
				funcs[i].F64 = ff.F64
			}
			if ff.F32 != nil {
				funcs[i].F32 = ff.F32
			}
		}
	}
	return funcs
}

// HasFastKernel reports whether function name (as in MathFuncs) has a fast kernel for
// typ ("f64" or "f32"), and its bound in ULPs (4) if so.
func HasFastKernel(name, typ string) (bound float64, ok bool) {
	for _, f := range FastMathFuncs() {
		if f.Name == name && (typ == "f64" && f.F64 != nil || typ == "f32" && f.F32 != nil) {
			return f.MaxULP, true
		}
	}
	return 0, false
}
