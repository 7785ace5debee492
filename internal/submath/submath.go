// Package submath is Go's math.Log, math.Log10 and math.Pow with subnormal arguments
// handled correctly, for every package of numkit that computes them in Go: the gonum
// backend's kernels (numeric/internal/generic) and the random-expression evaluator
// (internal/exprgen), which must agree with it bit for bit.
package submath

import "math"

// Go's math.Log has an amd64 assembly version that is wrong for subnormal arguments
// (golang/go#56600: math.Log(5e-324) is -709.09, not -744.44), and math.Log10 and
// math.Pow (through Log) inherit the error. For a subnormal x these functions work
// from x = frac * 2^exp (math.Frexp, exact) in double-double arithmetic, so the gonum
// backend's results are within 1 ULP, as simd's and OpenCL's are (docs/language.md,
// Accuracy).

const (
	minNormal = 0x1p-1022
	// ln2Hi + ln2Lo is ln 2; ln2Hi ends in 21 zero bits, so exp*ln2Hi is exact.
	ln2Hi = 6.93147180369123816490e-01
	ln2Lo = 1.9082149292705877e-10
	// invLn10Hi + invLn10Lo is 1/ln 10.
	invLn10Hi = 0.4342944819032518
	invLn10Lo = 1.098319650216765e-17
)

func isSubnormal(x float64) bool { return x > 0 && x < minNormal }

// logParts returns ln x = hi + lo for a subnormal x, |lo| tiny beside hi.
func logParts(x float64) (hi, lo float64) {
	frac, exp := math.Frexp(x) // frac in [0.5, 1): math.Log is accurate there
	e := float64(exp)
	hi = e * ln2Hi
	small := e*ln2Lo + math.Log(frac)
	s := hi + small
	return s, small - (s - hi)
}

// Log is the natural logarithm, correct for subnormal x.
func Log(x float64) float64 {
	if isSubnormal(x) {
		hi, lo := logParts(x)
		return hi + lo
	}
	return math.Log(x)
}

// Log10 is the base-10 logarithm, correct for subnormal x.
func Log10(x float64) float64 {
	if isSubnormal(x) {
		hi, lo := logParts(x)
		p := float64(hi * invLn10Hi) // rounded: not fused into the sum below (arm64)
		err := math.FMA(hi, invLn10Hi, -p)
		return p + (err + hi*invLn10Lo + lo*invLn10Hi)
	}
	return math.Log10(x)
}

// Pow is x**y, accurate for a subnormal x and a non-integer y (math.Pow handles
// integer y without Log): 2^(y*log2 x) with y*log2 x = y*exp + y*log2(frac) carried in
// two parts, its integer part applied by Ldexp.
func Pow(x, y float64) float64 {
	if !isSubnormal(math.Abs(x)) || y == math.Trunc(y) || math.IsInf(y, 0) || math.IsNaN(y) {
		return math.Pow(x, y)
	}
	if x < 0 {
		return math.NaN() // a negative base to a fractional power
	}
	frac, exp := math.Frexp(x)
	e := float64(exp)
	// The conversion rounds y*e, so that no compiler fuses it into hi - n below: on
	// arm64 FMA(y, e, -n) and the residual in lo would count the residual twice.
	hi := float64(y * e)
	lo := math.FMA(y, e, -hi) + y*math.Log2(frac)
	switch {
	case hi+lo > 1100:
		return math.Inf(1)
	case hi+lo < -1200:
		return 0
	}
	n := math.Round(hi)
	r := (hi - n) + lo
	return math.Ldexp(math.Exp2(r), int(n))
}
