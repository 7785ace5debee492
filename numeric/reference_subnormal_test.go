package numeric

// The reference's logarithms and powers of subnormal numbers. Go's math.Log is wrong
// for subnormal arguments on amd64 (golang/go#56600), and math.Log10 and math.Pow
// inherit it. docs/language.md gives the recipe for these cases (x = frac * 2^exp,
// the exponent's part carried in double-double), which the gonum backend follows; the
// reference follows it too, so the two agree bit for bit as they do elsewhere through
// Go's math. numeric/internal/generic's TestSubnormalMath checks the recipe against
// 50-digit values (within 1 ULP).

import "math"

const (
	refLn2Hi     = 6.93147180369123816490e-01 // ln 2 = refLn2Hi + refLn2Lo
	refLn2Lo     = 1.9082149292705877e-10
	refInvLn10Hi = 0.4342944819032518 // 1/ln 10 = refInvLn10Hi + refInvLn10Lo
	refInvLn10Lo = 1.098319650216765e-17
)

func refSubnormal(x float64) bool { return x > 0 && x < 0x1p-1022 }

// refLnParts is ln x = hi + lo for a subnormal x.
func refLnParts(x float64) (hi, lo float64) {
	frac, exp := math.Frexp(x)
	big := float64(exp) * refLn2Hi
	small := float64(exp)*refLn2Lo + math.Log(frac)
	hi = big + small
	return hi, small - (hi - big)
}

func refLog(x float64) float64 {
	if !refSubnormal(x) {
		return math.Log(x)
	}
	hi, lo := refLnParts(x)
	return hi + lo
}

func refLog10(x float64) float64 {
	if !refSubnormal(x) {
		return math.Log10(x)
	}
	hi, lo := refLnParts(x)
	p := hi * refInvLn10Hi
	return p + (math.FMA(hi, refInvLn10Hi, -p) + hi*refInvLn10Lo + lo*refInvLn10Hi)
}

// refPow is math.Pow, except for a subnormal base and a non-integer exponent:
// 2^(y*exp + y*log2(frac)), the integer part of the exponent applied with Ldexp.
func refPow(x, y float64) float64 {
	if !refSubnormal(math.Abs(x)) || y == math.Trunc(y) || math.IsInf(y, 0) || math.IsNaN(y) {
		return math.Pow(x, y)
	}
	if x < 0 {
		return math.NaN()
	}
	frac, exp := math.Frexp(x)
	hi := y * float64(exp)
	lo := math.FMA(y, float64(exp), -hi) + y*math.Log2(frac)
	if t := hi + lo; t > 1100 {
		return math.Inf(1)
	} else if t < -1200 {
		return 0
	}
	n := math.Round(hi)
	return math.Ldexp(math.Exp2((hi-n)+lo), int(n))
}
