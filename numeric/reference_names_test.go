package numeric

// The reference interpreter's names, functions and call checks (see reference_test.go).

import (
	"fmt"
	"math"

	"github.com/numkit/numkit/numeric/internal/syntax"
)

// refNames lists the variables in order of first appearance and rejects function names
// used as variables, unknown functions and wrong argument counts.
func refNames(e syntax.Expr) ([]string, error) {
	var names []string
	seen := map[string]bool{}
	var walk func(e syntax.Expr) error
	walk = func(e syntax.Expr) error {
		switch e := e.(type) {
		case *syntax.Ident:
			if _, ok := refArity[e.Name]; ok {
				return fmt.Errorf("reference: function %s used as a variable", e.Name)
			}
			if !seen[e.Name] {
				seen[e.Name] = true
				names = append(names, e.Name)
			}
		case *syntax.ParenExpr:
			return walk(e.X)
		case *syntax.UnaryExpr:
			return walk(e.X)
		case *syntax.BinaryExpr:
			if err := walk(e.X); err != nil {
				return err
			}
			return walk(e.Y)
		case *syntax.BasicLit:
			if e.Kind == syntax.NoneLit {
				return fmt.Errorf("reference: None outside an axis")
			}
		case *syntax.CallExpr:
			args, err := refCallArgs(e)
			if err != nil {
				return err
			}
			for _, a := range args {
				if err := walk(a); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if err := walk(e); err != nil {
		return nil, err
	}
	return names, nil
}

var refArity = map[string]int{"where": 3, "clip": 3, "copy": 1, "real": 1, "imag": 1, "ones_like": 1,
	"conj": 1, "complex": 2}

// refCallArgs checks a call's arity and keywords and returns its value arguments: a
// reduction may have an axis (second or keyword), None or a constant 0 or -1.
func refCallArgs(e *syntax.CallExpr) ([]syntax.Expr, error) {
	arity, ok := refArity[e.Fun.Name]
	if !ok {
		return nil, fmt.Errorf("reference: unknown function %s", e.Fun.Name)
	}
	args := e.Args
	var axis syntax.Expr
	if refReductions[e.Fun.Name] && len(args) == 2 {
		args, axis = args[:1], args[1]
	}
	for _, kw := range e.Keywords {
		if !refReductions[e.Fun.Name] || kw.Name.Name != "axis" || axis != nil {
			return nil, fmt.Errorf("reference: keyword %s of %s", kw.Name.Name, e.Fun.Name)
		}
		axis = kw.Value
	}
	if len(args) != arity {
		return nil, fmt.Errorf("reference: bad call of %s", e.Fun.Name)
	}
	if axis != nil {
		if lit, ok := syntax.Unparen(axis).(*syntax.BasicLit); !ok || lit.Kind != syntax.NoneLit {
			if !refLiteralOnly(axis) {
				return nil, fmt.Errorf("reference: axis not constant")
			}
			t, v, err := refFold(axis)
			if err != nil || !refIsInt(t) || v.i != 0 && v.i != -1 {
				return nil, fmt.Errorf("reference: axis must be None, 0 or -1")
			}
		}
	}
	return args, nil
}

var (
	refFloatFuncs = map[string]func(float64) float64{
		"sin": math.Sin, "cos": math.Cos, "tan": math.Tan, "arcsin": math.Asin,
		"arccos": math.Acos, "arctan": math.Atan, "sinh": math.Sinh, "cosh": math.Cosh,
		"tanh": math.Tanh, "arcsinh": math.Asinh, "arccosh": math.Acosh,
		"arctanh": math.Atanh, "exp": math.Exp, "expm1": math.Expm1, "exp2": math.Exp2,
		"log": refLog, "log1p": math.Log1p, "log2": math.Log2, "log10": refLog10,
		"sqrt": math.Sqrt,
	}
	refFloatFuncs2 = map[string]func(x, y float64) float64{
		"arctan2": math.Atan2, "hypot": math.Hypot, "fmod": math.Mod,
		"copysign": math.Copysign, "nextafter": math.Nextafter,
	}
	refRoundFuncs = map[string]func(float64) float64{
		"ceil": math.Ceil, "floor": math.Floor, "trunc": math.Trunc, "round": math.RoundToEven,
	}
	refPredicates = map[string]func(float64) bool{
		"isnan": math.IsNaN, "isinf": func(x float64) bool { return math.IsInf(x, 0) },
		"isfinite": func(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) },
		"signbit":  math.Signbit,
	}
	refReductions = map[string]bool{"sum": true, "prod": true, "min": true, "max": true, "mean": true}
)

func init() {
	for _, m := range []map[string]func(float64) float64{refFloatFuncs, refRoundFuncs} {
		for k := range m {
			refArity[k] = 1
		}
	}
	for k := range refFloatFuncs2 {
		refArity[k] = 2
	}
	for k := range refPredicates {
		refArity[k] = 1
	}
	for k := range refReductions {
		refArity[k] = 1
	}
	refArity["abs"], refArity["sign"] = 1, 1
	refArity["maximum"], refArity["minimum"], refArity["pow"] = 2, 2, 2
}
