package numeric

// The conformance table's operators: every binary operator on every pair of types,
// arrays and scalars, literals, constants, unary operators and power rewriting.

import (
	"fmt"
	"math"
	"strings"
)

var confBinaryOps = []string{"+", "-", "*", "/", "//", "%", "**", "<", "<=", "==", "!=",
	">=", ">", "&", "|", "^", "<<", ">>"}

// confOpULP is the ULP key of an operator with two array operands.
func confOpULP(op string) string {
	switch op {
	case "/", "//", "%":
		return "/"
	case "**":
		return "pow"
	}
	return ""
}

// confOperatorCases: array op array for every operator and pair of types, over every
// pair of special values; unary operators on every type.
func confOperatorCases() []confCase {
	var cases []confCase
	for _, op := range confBinaryOps {
		for _, x := range confTypeVars {
			for _, y := range confTypeVars {
				cases = append(cases, confCase{src: x.one + " " + op + " " + y.two,
					n: confPairLen, ulp: confOpULP(op)})
			}
		}
	}
	for _, op := range []string{"-", "+", "~"} {
		for _, x := range confTypeVars {
			cases = append(cases, confCase{src: op + x.one, n: confBlock},
				confCase{src: op + "(" + x.one + " " + op + " " + x.two + ")", n: confPairLen})
		}
	}
	// Casts in both directions of every promotion, through where and comparisons.
	for _, x := range confTypeVars {
		for _, y := range confTypeVars {
			cases = append(cases, confCase{src: fmt.Sprintf("where(b1, %s, %s)", x.one, y.two), n: confPairLen})
		}
	}
	return cases
}

// confScalarCases: the same operators with Go scalars in Vars on either side, and
// special scalar values.
func confScalarCases() []confCase {
	var cases []confCase
	for _, op := range confBinaryOps {
		for _, x := range confTypeVars {
			for _, y := range confTypeVars {
				cases = append(cases,
					confCase{src: x.one + " " + op + " " + y.sc, n: confBlock, ulp: confOpULP(op)},
					confCase{src: x.sc + " " + op + " " + y.one, n: confBlock, ulp: confOpULP(op)},
					confCase{src: x.sc + " " + op + " " + y.sc, n: 1, ulp: confOpULP(op)})
			}
		}
		for _, s := range []string{"si", "sbig"} {
			cases = append(cases, confCase{src: "i1 " + op + " " + s, n: confBlock, ulp: confOpULP(op)},
				confCase{src: s + " " + op + " l1", n: confBlock, ulp: confOpULP(op)})
		}
	}
	specials := []any{0.0, math.Copysign(0, -1), math.Inf(1), math.NaN(), -1.0, math.MaxFloat64,
		math.SmallestNonzeroFloat64, float32(0), float32(math.Inf(-1)), float32(math.NaN()),
		float32(-1), float32(math.SmallestNonzeroFloat32), int32(0), int32(-1), int32(math.MinInt32),
		int32(math.MaxInt32), int32(31), int32(32), int64(0), int64(-1), int64(math.MinInt64),
		int64(math.MaxInt64), int64(63), int64(64), false, true}
	base := confVars(confBlock)
	for _, s := range specials {
		vars := Vars{"s": s}
		for k, v := range base {
			vars[k] = v
		}
		for _, op := range confBinaryOps {
			for _, x := range confTypeVars {
				name := fmt.Sprintf("%s %s s (s=%T %v)", x.one, op, s, s)
				cases = append(cases,
					confCase{name: name, src: x.one + " " + op + " s", vars: vars, ulp: confOpULP(op)},
					confCase{name: "swapped " + name, src: "s " + op + " " + x.one, vars: vars, ulp: confOpULP(op)})
			}
		}
	}
	return cases
}

// confLiteralCases: literals with arrays, and expressions of literals only (folded at
// compile time, which must agree with evaluation).
func confLiteralCases() []confCase {
	var cases []confCase
	lits := []string{"2", "-3", "0", "2.5", "-0.0", "0.0", "True", "3000000000", "1e-320",
		"0x7FFFFFFF", "-2147483648", "0b101", "0o17", "1_000", "1.", ".5", "1e308"}
	for _, op := range confBinaryOps {
		for _, x := range confTypeVars {
			for _, lit := range lits {
				cases = append(cases,
					confCase{src: x.one + " " + op + " " + lit, n: confBlock, ulp: confOpULP(op)},
					confCase{src: lit + " " + op + " " + x.one, n: confBlock, ulp: confOpULP(op)})
			}
		}
	}
	constants := []string{"7.0 // 0.1", "-7.0 % 3", "7.0 % -3", "-7 // 2", "-7 % 2", "7 % -2",
		"-7 // -2", "2**10", "-2**2", "2**-1", "(-2)**3", "2**31", "2**63", "3000000000 * 4",
		"1//0", "1 % 0", "0 // 0", "1.0 // 0", "-1.0 // 0", "0.0 // 0", "1.0 % 0", "1 / 0",
		"-1 / 0", "0 / 0", "True & False", "True | False", "True ^ True", "~True", "~5",
		"-2147483648 // -1", "-9223372036854775807 - 1", "(-9223372036854775807 - 1) // -1",
		"(-9223372036854775807 - 1) % -1", "2147483647 + 1", "-(-2147483647 - 1)",
		"1 << 31", "1 << 32", "1 << -1", "-8 >> 1", "-8 >> 40", "8 >> 40", "5 < 7",
		"5.0 == 5", "True == True", "True > False", "2.5 * 2", "1e308 * 10", "0.1 + 0.2",
		"7 / 2", "sqrt(2)", "sin(1.0)", "where(1 < 2, 3, 4.5)", "round(2.5)", "round(-0.5)",
		"abs(-2147483647 - 1)", "sign(-0.0)", "maximum(1, 2.5)", "minimum(0.0, -0.0)",
		"maximum(0.0, -0.0)", "1.1 ** 3", "5e-324 ** -0.3", "1.1 ** -3", "2.0 ** 0.5", "3.0 ** 1.5",
		"clip(5, 0, 3)", "0 ** 0", "0.0 ** 0", "(-1) ** 3", "1 + 2 * 3 - 4 // 2 % 3",
		"1 + 2 - 3 + 4", "2 ** 3 ** 2", "(1 < 2) & (3 > 4) | ~(5 == 5)"}
	for _, src := range constants {
		cases = append(cases, confCase{src: src, n: 1, ulp: confConstULP(src)})
	}
	// The same with an array nearby, so they are not folded whole.
	for _, src := range constants {
		cases = append(cases, confCase{src: "where(c, " + src + ", " + src + ")", n: 3,
			ulp: confConstULP(src)})
	}
	cases = append(cases, confPowCases()...)
	return cases
}

func confConstULP(src string) string {
	switch {
	case strings.Contains(src, "sin"):
		return "sin"
	case strings.Contains(src, "**"):
		return "pow"
	case strings.Contains(src, "/"):
		return "/"
	}
	return ""
}

// confPowCases: x ** c for constant c on every type, rewritten or not.
func confPowCases() []confCase {
	var cases []confCase
	exps := []string{"0", "1", "2", "3", "5", "7", "8", "13", "31", "50", "51", "-1", "-2",
		"-5", "-50", "0.5", "-0.5", "1.5", "2.5", "-2.5", "49.5", "50.5", "-50.5", "2.7",
		"-0.0", "2.0", "-3.0", "3000000000", "(1+1)", "-(2)", "1e10", "0.25"}
	for _, x := range []string{"f1", "d1", "i1", "l1", "x", "xf", "y", "yf", "sd", "sf", "s32"} {
		for _, c := range exps {
			cases = append(cases, confCase{src: x + " ** " + c, n: confBlock, ulp: "pow"})
		}
	}
	for _, c := range []string{"2", "-2", "0.5", "2.7", "-1.5"} {
		cases = append(cases, confCase{src: "pow(d1, " + c + ")", n: confBlock, ulp: "pow"},
			confCase{src: "pow(f1, " + c + ")", n: confBlock, ulp: "pow"})
	}
	// Variable exponents: integer powers with negative and large exponents.
	cases = append(cases,
		confCase{src: "i1 ** i2", n: confPairLen},
		confCase{src: "l1 ** i2", n: confPairLen},
		confCase{src: "n32 ** s32", n: 200},
		confCase{src: "x ** y", n: 200, ulp: "pow"},
		confCase{src: "xf ** yf", n: 200, ulp: "pow"},
		confCase{src: "pow(i1, i2)", n: confPairLen})
	// A constant base of one: 1 for every exponent, NaN and infinities included.
	for _, y := range []string{"f1", "d1", "i1", "sd", "sf"} {
		cases = append(cases, confCase{src: "1 ** " + y, n: confBlock, ulp: "pow"},
			confCase{src: "1.0 ** " + y, n: confBlock, ulp: "pow"},
			confCase{src: "pow(1, " + y + ")", n: confBlock, ulp: "pow"})
	}
	return cases
}
