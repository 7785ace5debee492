package exprgen

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// BenchFuncs are the functions of the benchmark's expressions: those that the C math
// library, NumPy and numexpr 2.8 (Debian's, which ../shared/peers/run.sh installs) all
// have, and an outermost sum.
var BenchFuncs = []string{"where", "sin", "cos", "tan", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh",
	"arcsinh", "exp", "expm1", "log", "log1p", "log10", "sqrt", "abs", "ceil", "floor", "arctan2", "fmod", "sum"}

// BenchOps are the benchmark's binary operators.
var BenchOps = []string{"+", "-", "*", "/", "%", "**", "&", "|", "<", "<=", "==", "!=", ">=", ">"}

// BenchConfig is the generator configuration of the benchmark's expressions: inputs
// a..e (at most five: the peers' C loop has five arrays), all of type dtype (Float32 or
// Float64), small integer and float literals (float literals make a float32
// expression float64, as in numexpr, so float32 ones have integer literals only),
// no True or False (numexpr 2.8 rejects True & x), and a sum outermost sometimes.
func BenchConfig(dtype Type) Config {
	c := Config{MinInputs: 2, MaxInputs: 5, MinOps: 2, MaxOps: 20, Types: []Type{dtype},
		Funcs: BenchFuncs, Ops: BenchOps, Reductions: true, Only: []Type{Bool, dtype}, NoBoolLits: true,
		IntLits: []string{"2", "3", "4", "10", "1"}, FloatLits: []string{"0.5", "1.5", "2.5", "0.25", "3.0", "0.1"}}
	if dtype == Float32 {
		c.FloatLits = nil
		c.Only = []Type{Bool, Float32}
	}
	return c
}

// C writes n as a C expression over arrays a[i], b[i], ... for the peers' loop (an
// outermost sum as "sum:" and its summand). Float32 nodes use the float functions
// (sinf, ...). ok is false for what C cannot say in one expression (an inner
// reduction, integer operations, predicates).
func C(n *Node) (string, bool) {
	var b strings.Builder
	body := n
	if n.Kind == Call && n.Op == "sum" {
		b.WriteString("sum:")
		body = n.Args[0]
	}
	ok := writeC(&b, body)
	return b.String(), ok
}

var cNames = map[string]string{"arcsin": "asin", "arccos": "acos", "arctan": "atan", "arcsinh": "asinh",
	"arctan2": "atan2", "abs": "fabs", "maximum": "fmax", "minimum": "fmin", "round": "rint"}

func writeC(b *strings.Builder, n *Node) bool {
	f := func(name string) string {
		if c, ok := cNames[name]; ok {
			name = c
		}
		if n.Type == Float32 {
			name += "f"
		}
		return name
	}
	args := func(open string, sep string) bool {
		b.WriteString(open)
		for i, a := range n.Args {
			if i > 0 {
				b.WriteString(sep)
			}
			if !writeC(b, a) {
				return false
			}
		}
		b.WriteString(")")
		return true
	}
	switch {
	case n.Kind != Lit && n.val.kind != 0 && n.literalOnly():
		// Folded by Python's rules, as the language folds it: C would compute 3/7 as 0.
		b.WriteString(cConst(n.val))
	case n.Kind == Var:
		b.WriteString(n.Name + "[i]")
	case n.Kind == Lit && n.Type == Bool:
		b.WriteString(map[bool]string{true: "1", false: "0"}[n.Name == "True"])
	case n.Kind == Lit:
		b.WriteString(n.Name)
	case n.Type.IsInt() && !n.Konst || n.Kind == Call && (reductions[n.Op] || predicates[n.Op] || likeFuncs[n.Op] || n.Op == "sign" || n.Op == "nextafter"):
		return false
	case n.Kind == Unary && n.Op == "~":
		b.WriteString("(!")
		return args("", "")
	case n.Kind == Unary:
		b.WriteString("(" + n.Op)
		return args("", "")
	case n.Kind == Binary && (n.Op == "**"), n.Kind == Call && n.Op == "pow":
		return args(f("pow")+"(", ",")
	case n.Kind == Binary && n.Op == "%":
		// Python's modulo: x - floor(x/y)*y, the sign of the divisor.
		x, okx := cExpr(n.Args[0])
		y, oky := cExpr(n.Args[1])
		fmt.Fprintf(b, "((%s)-%s((%s)/(%s))*(%s))", x, f("floor"), x, y, y)
		return okx && oky
	case n.Kind == Binary && n.Op == "//":
		x, okx := cExpr(n.Args[0])
		y, oky := cExpr(n.Args[1])
		fmt.Fprintf(b, "%s((%s)/(%s))", f("floor"), x, y)
		return okx && oky
	case n.Kind == Binary:
		b.WriteString("(")
		if !writeC(b, n.Args[0]) {
			return false
		}
		b.WriteString(n.Op)
		if !writeC(b, n.Args[1]) {
			return false
		}
		b.WriteString(")")
	case n.Op == "where":
		c, okc := cExpr(n.Args[0])
		x, okx := cExpr(n.Args[1])
		y, oky := cExpr(n.Args[2])
		fmt.Fprintf(b, "(%s?%s:%s)", c, x, y)
		return okc && okx && oky
	case n.Op == "clip":
		x, okx := cExpr(n.Args[0])
		lo, oklo := cExpr(n.Args[1])
		hi, okhi := cExpr(n.Args[2])
		fmt.Fprintf(b, "%s(%s(%s,%s),%s)", f("fmin"), f("fmax"), x, lo, hi)
		return okx && oklo && okhi
	default:
		return args(f(n.Op)+"(", ",")
	}
	return true
}

// cConst is a folded constant as a C double constant.
func cConst(v value) string {
	f, _ := v.float()
	switch {
	case math.IsNaN(f):
		return "NAN"
	case math.IsInf(f, 1):
		return "INFINITY"
	case math.IsInf(f, -1):
		return "(-INFINITY)"
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	if f < 0 || s[0] == '-' {
		s = "(" + s + ")"
	}
	return s
}

func cExpr(n *Node) (string, bool) {
	var b strings.Builder
	ok := writeC(&b, n)
	return b.String(), ok
}

// NumPy writes n as a NumPy expression over arrays a, b, ... (np.where, np.sin, ...).
func NumPy(n *Node) string {
	var b strings.Builder
	writeNumPy(&b, n)
	return b.String()
}

var npNames = map[string]string{"pow": "power"}

func writeNumPy(b *strings.Builder, n *Node) {
	switch n.Kind {
	case Var, Lit:
		b.WriteString(n.Name)
	case Unary:
		b.WriteString("(" + n.Op)
		writeNumPy(b, n.Args[0])
		b.WriteString(")")
	case Binary:
		b.WriteString("(")
		writeNumPy(b, n.Args[0])
		b.WriteString(n.Op)
		writeNumPy(b, n.Args[1])
		b.WriteString(")")
	case Call:
		name := n.Op
		if np, ok := npNames[name]; ok {
			name = np
		}
		b.WriteString("np." + name + "(")
		for i, a := range n.Args {
			if i > 0 {
				b.WriteString(",")
			}
			writeNumPy(b, a)
		}
		b.WriteString(")")
	}
}
