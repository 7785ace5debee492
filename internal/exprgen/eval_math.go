package exprgen

import "math"

// Go's math.Log is wrong for subnormal arguments on amd64 (golang/go#56600:
// math.Log(5e-324) is -709.09, not -744.44), and math.Log10 and math.Pow with a
// non-integer exponent inherit it. The gonum backend computes these by the algorithm
// docs/language.md specifies (Accuracy, gonum), and so does the evaluator, step for
// step, so that its results equal the gonum backend's bit for bit
// (TestEvaluatorSubnormalMath checks it): with x = frac * 2^e (math.Frexp, exact),
//
//   - ln x is e*ln2Hi + (e*ln2Lo + log(frac)), ln2Hi having 21 trailing zero bits so
//     that e*ln2Hi is exact;
//   - log10 x is that double-double times 1/ln 10 (also a double-double);
//   - x**y, y not an integer, is 2^(y*e + y*log2(frac)), y*e split exactly by a fused
//     multiply-add and its integer part applied by math.Ldexp.
//
// Only the algorithm is shared (the evaluator cannot import numeric/internal).

const (
	smallestNormal = 0x1p-1022
	ln2Hi          = 6.93147180369123816490e-01 // 0x3fe62e42fee00000
	ln2Lo          = 1.9082149292705877e-10     // ln 2 - ln2Hi
	invLn10Hi      = 0.4342944819032518         // 1/ln 10 = invLn10Hi + invLn10Lo
	invLn10Lo      = 1.098319650216765e-17
)

func subnormal(x float64) bool { return x > 0 && x < smallestNormal }

// logParts is ln x = hi + lo for a subnormal x, |lo| at most half an ULP of hi.
func logParts(x float64) (hi, lo float64) {
	frac, exp := math.Frexp(x) // frac in [0.5, 1), where math.Log is accurate
	e := float64(exp)
	big := e * ln2Hi
	small := e*ln2Lo + math.Log(frac)
	hi = big + small
	return hi, small - (hi - big)
}

// evalLog is ln x, correct for a subnormal x.
func evalLog(x float64) float64 {
	if !subnormal(x) {
		return math.Log(x)
	}
	hi, lo := logParts(x)
	return hi + lo
}

// evalLog10 is log10 x, correct for a subnormal x.
func evalLog10(x float64) float64 {
	if !subnormal(x) {
		return math.Log10(x)
	}
	hi, lo := logParts(x)
	p := hi * invLn10Hi
	perr := math.FMA(hi, invLn10Hi, -p) // hi*invLn10Hi = p + perr exactly
	return p + (perr + hi*invLn10Lo + lo*invLn10Hi)
}

// evalPow is x**y, accurate for a subnormal |x| and a non-integer y (math.Pow computes
// an integer y by multiplications, without Log).
func evalPow(x, y float64) float64 {
	if !subnormal(math.Abs(x)) || y == math.Trunc(y) || math.IsInf(y, 0) || math.IsNaN(y) {
		return math.Pow(x, y)
	}
	if x < 0 {
		return math.NaN() // a negative base to a fractional power
	}
	frac, exp := math.Frexp(x)
	e := float64(exp)
	hi := y * e
	lo := math.FMA(y, e, -hi) + y*math.Log2(frac) // y*e = hi + FMA's remainder exactly
	switch {
	case hi+lo > 1100:
		return math.Inf(1)
	case hi+lo < -1200:
		return 0
	}
	n := math.Round(hi)
	return math.Ldexp(math.Exp2((hi-n)+lo), int(n))
}
