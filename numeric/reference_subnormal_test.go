package numeric

// The reference's logarithms and powers of subnormal numbers. Go's math.Log is wrong
// for subnormal arguments on amd64 (golang/go#56600), and math.Log10 and math.Pow
// inherit it; the reference computes these cases from x = frac * 2^exp with the
// exponent's part in big.Float, so its results are within about 1 ULP.

import (
	"math"
	"math/big"
)

// refLn2 is ln 2 to 50 digits.
var refLn2, _ = new(big.Float).SetPrec(200).SetString("0.69314718055994530941723212145817656807550013436026")

// refLn10 is ln 10 to 50 digits.
var refLn10, _ = new(big.Float).SetPrec(200).SetString("2.3025850929940456840179914546843642076011074234116")

func refSubnormal(x float64) bool { return x > 0 && x < 0x1p-1022 }

// refLnBig is ln x for a subnormal x, as a big.Float.
func refLnBig(x float64) *big.Float {
	frac, exp := math.Frexp(x)
	l := new(big.Float).SetPrec(200).Mul(refLn2, new(big.Float).SetInt64(int64(exp)))
	return l.Add(l, new(big.Float).SetPrec(200).SetFloat64(math.Log(frac)))
}

func refLog(x float64) float64 {
	if !refSubnormal(x) {
		return math.Log(x)
	}
	f, _ := refLnBig(x).Float64()
	return f
}

func refLog10(x float64) float64 {
	if !refSubnormal(x) {
		return math.Log10(x)
	}
	f, _ := new(big.Float).SetPrec(200).Quo(refLnBig(x), refLn10).Float64()
	return f
}

// refPow is math.Pow, except for a subnormal base and a non-integer exponent:
// 2^t with t = y * log2 x in big.Float, split into an integer and a fraction.
func refPow(x, y float64) float64 {
	if !refSubnormal(math.Abs(x)) || y == math.Trunc(y) || math.IsInf(y, 0) || math.IsNaN(y) {
		return math.Pow(x, y)
	}
	if x < 0 {
		return math.NaN()
	}
	t := new(big.Float).SetPrec(200).Quo(refLnBig(x), refLn2)
	t.Mul(t, new(big.Float).SetPrec(200).SetFloat64(y))
	tf, _ := t.Float64()
	switch {
	case tf > 1100:
		return math.Inf(1)
	case tf < -1200:
		return 0
	}
	n := math.Floor(tf)
	r, _ := t.Sub(t, new(big.Float).SetFloat64(n)).Float64()
	return math.Ldexp(math.Exp2(r), int(n))
}
