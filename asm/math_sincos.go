package asm

import "math"

// SinF64 sets dst[i] = sin(x[i]) for every i, within 1 ULP; special values as math.Sin.
func SinF64(dst, x []float64) {
	checkLen2("SinF64", len(dst), len(x))
	var big bool
	switch {
	case active >= LevelAVX512:
		big = sinF64AVX512(dst, x)
	case active >= LevelAVX2:
		big = sinF64AVX2(dst, x)
	case active >= LevelNEON:
		big = sinF64NEON(dst, x)
	default:
		sinF64Go(dst, x)
	}
	if big {
		patchF64(dst[:len(x)], trigF64Max, 0)
	}
}

// CosF64 sets dst[i] = cos(x[i]) for every i, within 1 ULP; special values as math.Cos.
func CosF64(dst, x []float64) {
	checkLen2("CosF64", len(dst), len(x))
	var big bool
	switch {
	case active >= LevelAVX512:
		big = cosF64AVX512(dst, x)
	case active >= LevelAVX2:
		big = cosF64AVX2(dst, x)
	case active >= LevelNEON:
		big = cosF64NEON(dst, x)
	default:
		cosF64Go(dst, x)
	}
	if big {
		patchF64(dst[:len(x)], trigF64Max, 1)
	}
}

// SinF32 sets dst[i] = sin(x[i]) for every i, within 1 ULP; special values as math.Sin.
func SinF32(dst, x []float32) {
	checkLen2("SinF32", len(dst), len(x))
	var big bool
	switch {
	case active >= LevelAVX512:
		big = sinF32AVX512(dst, x)
	case active >= LevelAVX2:
		big = sinF32AVX2(dst, x)
	default:
		sinF32Go(dst, x)
	}
	if big {
		patchF32(dst[:len(x)], trigF32Max, 0)
	}
}

// CosF32 sets dst[i] = cos(x[i]) for every i, within 1 ULP; special values as math.Cos.
func CosF32(dst, x []float32) {
	checkLen2("CosF32", len(dst), len(x))
	var big bool
	switch {
	case active >= LevelAVX512:
		big = cosF32AVX512(dst, x)
	case active >= LevelAVX2:
		big = cosF32AVX2(dst, x)
	default:
		cosF32Go(dst, x)
	}
	if big {
		patchF32(dst[:len(x)], trigF32Max, 1)
	}
}

// The vector kernels copy x[i] to dst[i] where |x[i]| > max (Inf included) and
// report whether any lane did; no sine or cosine exceeds 1, so those elements are
// found again in dst (even when dst aliases x) and finished by the twin, which
// uses the Payne–Hanek reduction there. offset is 0 for sin, 1 for cos.
func patchF64(dst []float64, max float64, offset uint64) {
	for i, v := range dst {
		if math.Abs(v) > max {
			dst[i] = sinCosF64(v, offset)
		}
	}
}

func patchF32(dst []float32, max float64, offset uint64) {
	for i, v := range dst {
		if math.Abs(float64(v)) > max {
			dst[i] = float32(sinCosF64(float64(v), offset))
		}
	}
}

func sinF64Go(dst, x []float64) {
	dst = dst[:len(x)]
	for i, v := range x {
		dst[i] = sinCosF64(v, 0)
	}
}

func cosF64Go(dst, x []float64) {
	dst = dst[:len(x)]
	for i, v := range x {
		dst[i] = sinCosF64(v, 1)
	}
}

func sinF32Go(dst, x []float32) {
	dst = dst[:len(x)]
	for i, v := range x {
		dst[i] = sinCosF32(v, 0)
	}
}

func cosF32Go(dst, x []float32) {
	dst = dst[:len(x)]
	for i, v := range x {
		dst[i] = sinCosF32(v, 1)
	}
}

// sinCosF64 is the element kernel the assembly vectorizes; quadrant offset 0 gives
// sin, 1 gives cos (cos x = sin(x + pi/2)). Lanes beyond trigF64Max take the
// Payne–Hanek reduction (in Go, after the vector loop) and the same polynomials.
func sinCosF64(x float64, offset uint64) float64 {
	n, hi, lo, ok := trigReduce(math.Abs(x))
	if !ok {
		return math.NaN()
	}
	r := sinCosKernel(hi, lo, n+offset)
	if offset == 0 {
		r = math.Copysign(1, x) * r // sin is odd
	}
	return r
}

// sinCosKernel returns sin(hi+lo + n*pi/2) for |hi+lo| <= pi/4 (plus an ulp): the
// sine or cosine polynomial chosen by n&1, negated by n&2.
func sinCosKernel(hi, lo float64, n uint64) float64 {
	sh, sl, ch, cl := sinCosPairs(hi, lo)
	r := sh + sl
	if n&1 != 0 {
		r = ch + cl
	}
	return math.Float64frombits(math.Float64bits(r) ^ (n&2)<<62)
}

// sinCosPairs returns sin(hi+lo) = sh + sl and cos(hi+lo) = ch + cl, each an
// unnormalized double-double whose small part is the polynomial correction.
func sinCosPairs(hi, lo float64) (sh, sl, ch, cl float64) {
	y := hi * hi
	// sin(hi+lo) = hi + hi*y*S(y) + lo*(1 - y/2)
	sp := sinF64C5
	sp = math.FMA(sp, y, sinF64C4)
	sp = math.FMA(sp, y, sinF64C3)
	sp = math.FMA(sp, y, sinF64C2)
	sp = math.FMA(sp, y, sinF64C1)
	sp = math.FMA(sp, y, sinF64C0)
	sh, sl = hi, math.FMA(hi*y, sp, math.FMA(-0.5*y, lo, lo))
	// cos(hi+lo) = (1 - y/2) + y*y*C(y) - hi*lo - (hi*hi - y)/2, with 1 - y/2 split exactly
	cp := cosF64C5
	cp = math.FMA(cp, y, cosF64C4)
	cp = math.FMA(cp, y, cosF64C3)
	cp = math.FMA(cp, y, cosF64C2)
	cp = math.FMA(cp, y, cosF64C1)
	cp = math.FMA(cp, y, cosF64C0)
	hy := float64(0.5 * y)
	w := 1 - hy
	u := math.FMA(hi, lo, 0.5*math.FMA(hi, hi, -y))
	ch, cl = w, ((1-w)-hy)+math.FMA(y*y, cp, -u)
	return sh, sl, ch, cl
}

// sinCosF32 computes in float64: a two-part reduction (the first FMA exact) and
// degree-9/8 polynomials, rounded once to float32.
func sinCosF32(x float32, offset uint64) float32 {
	xd := float64(x)
	ax := math.Abs(xd)
	if ax > trigF32Max {
		return float32(sinCosF64(xd, offset))
	}
	q := math.RoundToEven(ax * twoOverPi)
	r := math.FMA(-q, pio2C1, ax)
	r = math.FMA(-q, pio2C2, r)
	y := r * r
	sp := sinF32C3
	sp = math.FMA(sp, y, sinF32C2)
	sp = math.FMA(sp, y, sinF32C1)
	sp = math.FMA(sp, y, sinF32C0)
	sinr := math.FMA(r*y, sp, r)
	cp := cosF32C3
	cp = math.FMA(cp, y, cosF32C2)
	cp = math.FMA(cp, y, cosF32C1)
	cp = math.FMA(cp, y, cosF32C0)
	cp = math.FMA(cp, y, -0.5)
	cosr := math.FMA(cp, y, 1)

	n := math.Float64bits(q+0x1p52) + offset
	rr := sinr
	if n&1 != 0 {
		rr = cosr
	}
	b := math.Float64bits(rr) ^ (n&2)<<62
	if offset == 0 {
		b ^= math.Float64bits(xd) & (1 << 63)
	}
	return float32(math.Float64frombits(b))
}
