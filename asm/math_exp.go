package asm

import "math"

// ExpF64 sets dst[i] = e**x[i] for every i, within 1 ULP; special values as math.Exp.
func ExpF64(dst, x []float64) {
	checkLen2("ExpF64", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		expF64AVX512(dst, x)
	case active >= LevelAVX2:
		expF64AVX2(dst, x)
	case active >= LevelNEON:
		expF64NEON(dst, x)
	default:
		expF64Go(dst, x)
	}
}

// ExpF32 sets dst[i] = e**x[i] for every i, within 1 ULP; special values as math.Exp.
func ExpF32(dst, x []float32) {
	checkLen2("ExpF32", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		expF32AVX512(dst, x)
	case active >= LevelAVX2:
		expF32AVX2(dst, x)
	default:
		expF32Go(dst, x)
	}
}

func expF64Go(dst, x []float64) {
	dst = dst[:len(x)]
	for i, v := range x {
		dst[i] = expF64(v)
	}
}

func expF32Go(dst, x []float32) {
	dst = dst[:len(x)]
	for i, v := range x {
		dst[i] = expF32(v)
	}
}

// expF64 is the element kernel the assembly vectorizes: Cody–Waite reduction
// x = k*ln2 + (r+rl) with r+rl carried as a double-double (the first FMA is exact,
// k*ln2Lo is split by an FMA), a degree-11 polynomial, 1 + r split exactly, and
// p*2^k rounded once (VSCALEFPD, or an exact product and a rounding one).
func expF64(x float64) float64 {
	x = math.Min(math.Max(x, expF64Min), expF64Max) // NaN stays NaN
	k := math.RoundToEven(x * log2e)
	r1 := math.FMA(-k, ln2Hi, x)
	t := float64(k * ln2Lo)
	tl := math.FMA(k, ln2Lo, -t)
	r := r1 - t
	rl := ((r1 - r) - t) - tl
	p := expPolyP(r)
	h := 1 + r
	hl := (1 - h) + r
	p = h + (hl + math.FMA(r*r, p, rl))
	return scale2(p, k)
}

// expF32 is the element kernel of the float32 assembly, in float32 arithmetic
// (16 lanes per zmm): k = round(x*log2e); r = x - k*ln2Hi is exact (x and k*ln2Hi
// are multiples of 2^-25 once k != 0, and |r| < 1/2), r -= k*ln2Lo rounds once
// (both steps are FMAs in the assembly; here the float64 sums are exact, so
// rounding them to float32 is the FMA); exp(r) = h + (hl + r^2*G(r)) with
// h + hl = 1 + r exactly; then p*2^k is rounded once, as VSCALEFPS does (AVX2:
// p*2^(k>>1) exact, times 2^(k-(k>>1)) rounded). The rounding of r (up to 0.18 ulp
// of the result), of G's terms (under 0.1) and the last one (0.5) stay below 1 ulp;
// a subnormal result rounds p again, which adds at most half an ulp of the
// subnormal and halves the rest. Over every float32 input: at most 0.80 ulp.
func expF32(x float32) float32 {
	if x != x {
		return x
	}
	x = min(max(x, expF32Min), expF32Max)
	k := float32(math.RoundToEven(float64(x * expF32Log2e)))
	r := float32(float64(x) - float64(float64(k)*float64(expF32Ln2Hi)))
	r = float32(float64(r) - float64(float64(k)*float64(expF32Ln2Lo)))
	r2 := float32(r * r)
	g := scFMAF32(expF32P4, r, expF32P3)
	g = scFMAF32(g, r, expF32P2)
	g = scFMAF32(g, r, expF32P1)
	g = scFMAF32(g, r, expF32P0)
	h := 1 + r
	hl := (1 - h) + r
	p := h + scFMAF32(r2, g, hl)
	return float32(float64(p) * pow2(float64(k)))
}

// scale2 returns p*2^k for integral k in [-1100, 1100] and p in [0.5, 2], rounded
// once: p*2^(k/2) is exact and normal, the second product rounds (to a subnormal,
// a normal or Inf), which is what VSCALEFPD does in one step.
func scale2(p, k float64) float64 {
	k1 := math.Floor(k * 0.5)
	return p * pow2(k1) * pow2(k-k1)
}

// pow2 returns 2^k for integral k in [-1022, 1023].
func pow2(k float64) float64 {
	return math.Float64frombits(uint64(int64(k)+1023) << 52)
}
