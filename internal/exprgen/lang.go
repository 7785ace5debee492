package exprgen

import (
	"strconv"
	"strings"
)

// The language's functions by how they are typed (numeric/internal/compile/funcs.go).
var (
	floatFuncs = setOf("sin", "cos", "tan", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh",
		"arcsinh", "arccosh", "arctanh", "exp", "expm1", "exp2", "log", "log1p", "log2", "log10", "sqrt")
	floatFuncs2  = setOf("arctan2", "hypot", "fmod", "copysign", "nextafter")
	numberFuncs  = setOf("abs", "sign")
	roundFuncs   = setOf("ceil", "floor", "trunc", "round")
	numberFuncs2 = setOf("maximum", "minimum")
	predicates   = setOf("isnan", "isinf", "isfinite", "signbit")
	// reductions are those the reference interpreter knows; var, std, skew and kurt are
	// not generated (the reference has none of them, and the opencl backend none).
	reductions = setOf("sum", "prod", "min", "max", "mean")
	// likeFuncs take any type and give it back (Config.Extras).
	likeFuncs = setOf("copy", "real", "imag", "ones_like")
)

// Functions lists every function the generator may call.
func Functions() []string {
	var out []string
	for _, m := range []map[string]bool{floatFuncs, floatFuncs2, numberFuncs, roundFuncs, numberFuncs2, predicates, reductions, likeFuncs} {
		for k := range m {
			out = append(out, k)
		}
	}
	return append(out, "where", "clip", "pow")
}

// Operators lists every binary operator the generator may use.
var Operators = []string{"+", "-", "*", "/", "//", "%", "**", "&", "|", "^", "<<", ">>", "<", "<=", "==", "!=", ">=", ">"}

var compareOps = []string{"<", "<=", "==", "!=", ">=", ">"}

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// DefaultIntLits are integer literals of every size: small, at the int32 edges (the
// first that needs int64 is 2147483648), in other bases, and the int64 maximum.
var DefaultIntLits = []string{"0", "1", "2", "3", "7", "10", "31", "100", "255", "65535",
	"2147483647", "2147483648", "4294967296", "9223372036854775807", "0x1F", "0o17", "0b101", "1_000",
	"46341", "3000000000"}

// DefaultFloatLits are float literals from subnormal to huge, in each syntax.
var DefaultFloatLits = []string{"0.0", "0.5", "1.5", "2.5", "3.25", ".5", "1.", "1e-3", "0.1",
	"123456.789", "1e16", "1e300", "1e-300", "5e-324", "2.2250738585072014e-308",
	"1.7976931348623157e308", "4503599627370497.0", "0.49999999999999994", "7.0", "1e-10"}

// litValue is a literal's value as a float64 (ok false if it does not parse).
func litValue(text string) (float64, bool) {
	text = strings.ReplaceAll(text, "_", "")
	if i, err := strconv.ParseInt(text, 0, 64); err == nil {
		return float64(i), true
	}
	f, err := strconv.ParseFloat(text, 64)
	return f, err == nil
}

// litType is the type of an integer or float literal.
func litType(text string) Type {
	if text == "True" || text == "False" {
		return Bool
	}
	clean := strings.ReplaceAll(text, "_", "")
	if i, err := strconv.ParseInt(clean, 0, 64); err == nil {
		if i >= -1<<31 && i < 1<<31 {
			return Int32
		}
		return Int64
	}
	return Float64
}
