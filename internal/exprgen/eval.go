package exprgen

import (
	"fmt"
	"math"
)

// Evaluator computes an expression of the float subset (float32 or float64 inputs,
// integer and float literals, arithmetic, compares, bool logic, where, the float
// functions, and a sum outermost) in plain Go, one node at a time over blocks of
// EvalBlock elements on one goroutine, with Go's math: the benchmark's Go baseline and
// its check. Values are held as float64; a float32 node is rounded to float32 after
// each operation, a bool is 0 or 1. log, log10 and pow are correct for subnormal
// arguments, where Go's are not (eval_math.go). Powers by a literal follow docs/language.md
// (integers and half-integers up to 50 by multiplication, else math.Pow). A
// subexpression of literals and operators only is the value the generator folded by
// Python's rules, as the language folds it ((3/7) ** -1.5 is one correctly rounded
// quotient and one math.Pow, not a rewritten power).
type Evaluator struct {
	root   *Node
	body   *Node // root, or the argument of an outermost sum
	inputs map[string]any
	n      int
	temps  map[*Node][]float64
	konst  map[*Node]bool // literal-only nodes, their temps holding the folded value
	args   map[*Node][][]float64
	out    any // []float64, []float32 or []bool; nil for a sum
	sum    float64
	tweak  float64 // Perturb's factor
}

// Perturb makes every function the language promises only within an ULP bound (see
// Node.IsTranscendental) return its value times 1+rel: evaluations perturbed up and
// down show how much the expression amplifies such errors, element by element.
func (ev *Evaluator) Perturb(rel float64) { ev.tweak = rel }

// EvalBlock is the evaluator's block length.
const EvalBlock = 1024

// NewEvaluator prepares root over inputs ([]float64 or []float32 of length n each).
func NewEvaluator(root *Node, inputs map[string]any, n int) (*Evaluator, error) {
	ev := &Evaluator{root: root, body: root, inputs: inputs, n: n, temps: map[*Node][]float64{}, konst: map[*Node]bool{}, args: map[*Node][][]float64{}}
	if root.Kind == Call && root.Op == "sum" {
		ev.body = root.Args[0]
	}
	var bad error
	ev.body.Walk(func(m *Node) {
		switch {
		case bad != nil:
		case m.Type == Int64 || m.Type == Int32 && !m.Konst:
			bad = fmt.Errorf("exprgen: the evaluator has no integer operations: %s", m)
		case m.Kind == Call && reductions[m.Op]:
			bad = fmt.Errorf("exprgen: the evaluator has only an outermost sum: %s", m)
		case m.Kind == Var:
			switch v := inputs[m.Name].(type) {
			case []float64:
				if len(v) != n {
					bad = fmt.Errorf("exprgen: input %s has %d elements, want %d", m.Name, len(v), n)
				}
			case []float32:
				if len(v) != n {
					bad = fmt.Errorf("exprgen: input %s has %d elements, want %d", m.Name, len(v), n)
				}
			default:
				bad = fmt.Errorf("exprgen: input %s is %T, want []float64 or []float32", m.Name, v)
			}
		}
		if _, ok := ev.temps[m]; !ok {
			ev.temps[m] = make([]float64, EvalBlock)
			ev.args[m] = make([][]float64, len(m.Args))
		}
		if m.val.kind != 0 && m.literalOnly() {
			ev.konst[m] = true
			x, _ := m.val.float()
			for i := range ev.temps[m] {
				ev.temps[m][i] = x
			}
		}
	})
	if bad != nil {
		return nil, bad
	}
	if ev.body == root {
		switch root.Type {
		case Float32:
			ev.out = make([]float32, n)
		case Bool:
			ev.out = make([]bool, n)
		default:
			ev.out = make([]float64, n)
		}
	}
	return ev, nil
}

// Run evaluates the expression; Result then returns its value.
func (ev *Evaluator) Run() {
	ev.sum = 0
	for lo := 0; lo < ev.n; lo += EvalBlock {
		hi := min(lo+EvalBlock, ev.n)
		v := ev.eval(ev.body, lo, hi)
		switch out := ev.out.(type) {
		case nil:
			for _, x := range v {
				ev.sum += x
			}
		case []float64:
			copy(out[lo:hi], v)
		case []float32:
			for i, x := range v {
				out[lo+i] = float32(x)
			}
		case []bool:
			for i, x := range v {
				out[lo+i] = x != 0
			}
		}
	}
}

// Result is the last Run's value: the output slice, or the sum as float64 or float32.
func (ev *Evaluator) Result() any {
	if ev.out != nil {
		return ev.out
	}
	if ev.root.Type == Float32 {
		return float32(ev.sum)
	}
	return ev.sum
}

// eval computes node m over elements [lo, hi) into its temporary.
func (ev *Evaluator) eval(m *Node, lo, hi int) []float64 {
	out := ev.temps[m][:hi-lo]
	if ev.konst[m] {
		return out
	}
	switch m.Kind {
	case Var:
		switch v := ev.inputs[m.Name].(type) {
		case []float64:
			return v[lo:hi]
		case []float32:
			for i, x := range v[lo:hi] {
				out[i] = float64(x)
			}
		}
		return out
	case Lit:
		x, _ := litValue(m.Name)
		if m.Type == Bool {
			x = 0
			if m.Name == "True" {
				x = 1
			}
		}
		for i := range out {
			out[i] = x
		}
		return out
	}
	args := ev.args[m]
	for k, a := range m.Args {
		args[k] = ev.eval(a, lo, hi)
	}
	switch {
	case m.Kind == Unary:
		unary(m.Op, m.Type, out, args[0])
	case m.Kind == Binary && m.Op == "**", m.Kind == Call && m.Op == "pow":
		ev.power(m, out, args[0], args[1])
	case m.Kind == Binary:
		binary(m.Op, m.Args[0].Type, out, args[0], args[1])
	default:
		call(m.Op, out, args)
	}
	if ev.tweak != 0 && m.IsTranscendental() {
		for i, x := range out {
			out[i] = x * (1 + ev.tweak)
		}
	}
	if m.Type == Float32 {
		for i, x := range out {
			out[i] = float64(float32(x))
		}
	}
	return out
}

func unary(op string, t Type, out, x []float64) {
	for i, v := range x {
		switch {
		case op == "-":
			out[i] = -v
		case op == "~" && t == Bool:
			out[i] = 1 - v
		default:
			out[i] = v
		}
	}
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func binary(op string, _ Type, out, x, y []float64) {
	switch op {
	case "+":
		for i := range out {
			out[i] = x[i] + y[i]
		}
	case "-":
		for i := range out {
			out[i] = x[i] - y[i]
		}
	case "*":
		for i := range out {
			out[i] = x[i] * y[i]
		}
	case "/":
		for i := range out {
			out[i] = x[i] / y[i]
		}
	case "%", "//":
		for i := range out {
			m := math.Mod(x[i], y[i])
			if m != 0 && (m < 0) != (y[i] < 0) {
				m += y[i]
			} else if m == 0 {
				m = math.Copysign(0, y[i]) // NumPy's npy_divmod
			}
			if op == "%" {
				out[i] = m
			} else {
				out[i] = math.Floor(x[i] / y[i])
			}
		}
	case "<", "<=", "==", "!=", ">=", ">":
		for i := range out {
			a, b := x[i], y[i]
			out[i] = b2f(op == "<" && a < b || op == "<=" && a <= b || op == "==" && a == b ||
				op == "!=" && a != b || op == ">=" && a >= b || op == ">" && a > b)
		}
	case "&":
		for i := range out {
			out[i] = x[i] * y[i]
		}
	case "|":
		for i := range out {
			out[i] = math.Max(x[i], y[i])
		}
	case "^":
		for i := range out {
			out[i] = b2f(x[i] != y[i])
		}
	}
}

var evalFuncs = map[string]func(float64) float64{
	"sin": math.Sin, "cos": math.Cos, "tan": math.Tan, "arcsin": math.Asin, "arccos": math.Acos,
	"arctan": math.Atan, "sinh": math.Sinh, "cosh": math.Cosh, "tanh": math.Tanh,
	"arcsinh": math.Asinh, "arccosh": math.Acosh, "arctanh": math.Atanh, "exp": math.Exp,
	"expm1": math.Expm1, "exp2": math.Exp2, "log": evalLog, "log1p": math.Log1p,
	"log2": math.Log2, "log10": evalLog10, "sqrt": math.Sqrt, "abs": math.Abs,
	"ceil": math.Ceil, "floor": math.Floor, "trunc": math.Trunc, "round": math.RoundToEven,
}

var evalFuncs2 = map[string]func(x, y float64) float64{
	"arctan2": math.Atan2, "hypot": math.Hypot, "fmod": math.Mod, "copysign": math.Copysign,
	"maximum": nanMax, "minimum": nanMin,
}

func nanMax(x, y float64) float64 {
	if math.IsNaN(x) || math.IsNaN(y) {
		return math.NaN()
	}
	return math.Max(x, y)
}

func nanMin(x, y float64) float64 {
	if math.IsNaN(x) || math.IsNaN(y) {
		return math.NaN()
	}
	return math.Min(x, y)
}

func call(name string, out []float64, args [][]float64) {
	switch {
	case evalFuncs[name] != nil:
		f := evalFuncs[name]
		for i, x := range args[0] {
			out[i] = f(x)
		}
	case evalFuncs2[name] != nil:
		f := evalFuncs2[name]
		for i := range out {
			out[i] = f(args[0][i], args[1][i])
		}
	case name == "where":
		for i := range out {
			if args[0][i] != 0 {
				out[i] = args[1][i]
			} else {
				out[i] = args[2][i]
			}
		}
	case name == "clip":
		for i := range out {
			out[i] = nanMin(nanMax(args[0][i], args[1][i]), args[2][i])
		}
	default:
		panic("exprgen: evaluator: function " + name) // NewEvaluator's check lets none through
	}
}

// power is x ** y with docs/language.md's rewriting of literal exponents; a float32
// result rounds each multiplication.
func (ev *Evaluator) power(m *Node, out, x, y []float64) {
	round := func(v float64) float64 {
		if m.Type == Float32 {
			return float64(float32(v))
		}
		return v
	}
	if !RewrittenPow(m.Args[1]) {
		for i := range out {
			out[i] = evalPow(x[i], round(y[i])) // a float32 power's exponent is float32
		}
		return
	}
	c := y[0]
	whole, half := int(math.Abs(c)), math.Abs(c) != math.Trunc(math.Abs(c))
	for i, v := range x {
		p := 1.0
		if whole > 0 {
			have := false
			for base, k := v, whole; ; base = round(base * base) {
				if k&1 != 0 {
					if have {
						p = round(p * base)
					} else {
						p, have = base, true
					}
				}
				if k >>= 1; k == 0 {
					break
				}
			}
		}
		if half {
			s := round(math.Sqrt(v))
			if whole > 0 {
				s = round(p * s)
			}
			p = s
		}
		if c < 0 {
			p = round(1 / p)
		}
		out[i] = p
	}
}
