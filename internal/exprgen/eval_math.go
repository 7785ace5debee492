package exprgen

import "github.com/numkit/numkit/internal/submath"

// Go's math.Log is wrong for subnormal arguments on amd64 (golang/go#56600:
// math.Log(5e-324) is -709.09, not -744.44), and math.Log10 and math.Pow with a
// non-integer exponent inherit it. The evaluator computes them with the gonum
// backend's functions (internal/submath), so that its results equal the gonum
// backend's bit for bit (TestEvaluatorSubnormalMath checks it).
var (
	evalLog   = submath.Log
	evalLog10 = submath.Log10
	evalPow   = submath.Pow
)
