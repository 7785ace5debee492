package exprgen

// The evaluator's subnormal-correct functions, for TestEvaluatorSubnormalMath.
var (
	EvalLog   = evalLog
	EvalLog10 = evalLog10
	EvalPow   = evalPow
)
