// Package exprgen generates random, well-typed expressions of numkit's language
// (docs/language.md) and random inputs for them, from a seed: the same seed and
// configuration always give the same expression and the same values. It serves the
// differential fuzzer (numeric/difffuzz_test.go) and the generality benchmark
// (`numkit bench --suite random`), and prints the float subset as C and NumPy
// expressions for ../shared/peers.
//
// The generator types every node by the language's rules (promotion order
// bool < int32 < int64 < float32 < float64, literals typed int32 when they fit and int64
// otherwise, float literals float64, a constant float exponent taking the base's float
// type), so what it makes compiles; the fuzzer checks that the reference interpreter
// agrees with the types it records. It computes every constant subexpression's exact
// value as the language folds it (konst.go: a literal-only one by Python's rules and
// typed from its value, so 2**40 is int64; one with a call in its operands' types) and
// re-draws any the language rejects (beyond int64, wrapping, division by zero);
// Overflow makes such constants on purpose.
package exprgen

import (
	"fmt"
	"strings"
)

// Type is an element type of the language.
type Type uint8

// The types, in promotion order.
const (
	Bool Type = iota
	Int32
	Int64
	Float32
	Float64
	Complex64  // Config.Complex only
	Complex128 // Config.Complex only
)

var typeNames = [...]string{"bool", "int32", "int64", "float32", "float64", "complex64", "complex128"}

func (t Type) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return fmt.Sprintf("Type(%d)", t)
}

// IsInt reports whether t is int32 or int64.
func (t Type) IsInt() bool { return t == Int32 || t == Int64 }

// IsFloat reports whether t is float32 or float64.
func (t Type) IsFloat() bool { return t == Float32 || t == Float64 }

// IsNumber reports whether t is not bool.
func (t Type) IsNumber() bool { return t != Bool }

// floatOf is the float type a function of t gives: float32 for float32, else float64.
func floatOf(t Type) Type {
	if t == Float32 {
		return Float32
	}
	return Float64
}

// Kind is what a node is.
type Kind uint8

// The node kinds.
const (
	Var    Kind = iota // an input, Name
	Lit                // a literal, Name is its source text
	Unary              // Op is "-", "+" or "~"
	Binary             // Op is the operator token
	Call               // Op is the function name
)

// Node is one node of a generated expression, with its type as the language gives it.
type Node struct {
	Kind  Kind
	Op    string
	Name  string
	Args  []*Node
	Type  Type
	Array bool  // varies with the element index (depends on an array input)
	Konst bool  // made of literals only (a constant for numexpr's power rewriting)
	Attr  bool  // a call of real or imag written as x.real, x.imag
	Axis  int   // a reduction's axis argument: axes[Axis], none for 0
	val   value // a constant's value where the generator computed it
	bad   bool  // a constant the language rejects, or typed otherwise than Type says
}

// String is the expression in the language, every operation parenthesized.
func (n *Node) String() string {
	var b strings.Builder
	n.write(&b)
	return b.String()
}

func (n *Node) write(b *strings.Builder) {
	switch n.Kind {
	case Var, Lit:
		b.WriteString(n.Name)
	case Unary:
		b.WriteString("(" + n.Op)
		n.Args[0].write(b)
		b.WriteString(")")
	case Binary:
		b.WriteString("(")
		n.Args[0].write(b)
		b.WriteString(" " + n.Op + " ")
		n.Args[1].write(b)
		b.WriteString(")")
	case Call:
		if n.Attr {
			x := n.Args[0]
			if x.Kind == Lit { // 2.real would scan as the float 2. and a name
				b.WriteString("(" + x.Name + ")")
			} else {
				x.write(b)
			}
			b.WriteString("." + n.Op)
			return
		}
		b.WriteString(n.Op + "(")
		for i, a := range n.Args {
			if i > 0 {
				b.WriteString(", ")
			}
			a.write(b)
		}
		if n.Axis > 0 {
			b.WriteString(", " + axes[n.Axis])
		}
		b.WriteString(")")
	}
}

// Ops counts the operators and calls in the expression.
func (n *Node) Ops() int {
	c := 0
	n.Walk(func(m *Node) {
		if m.Kind != Var && m.Kind != Lit {
			c++
		}
	})
	return c
}

// Walk calls f on every node, children before their parent.
func (n *Node) Walk(f func(*Node)) {
	for _, a := range n.Args {
		a.Walk(f)
	}
	f(n)
}

// Replace returns a copy of the expression in which every node for which sub returns
// a non-nil node is replaced by it (the replacement's children are not visited).
func (n *Node) Replace(sub func(*Node) *Node) *Node {
	if r := sub(n); r != nil {
		return r
	}
	c := *n
	c.Args = make([]*Node, len(n.Args))
	for i, a := range n.Args {
		c.Args[i] = a.Replace(sub)
	}
	return &c
}

// Has reports whether any node satisfies pred.
func (n *Node) Has(pred func(*Node) bool) bool {
	found := false
	n.Walk(func(m *Node) { found = found || pred(m) })
	return found
}

// IsReduction reports whether n is a call of a reduction.
func (n *Node) IsReduction() bool { return n.Kind == Call && reductions[n.Op] }

// IsTranscendental reports whether n is a function (or a power by pow) whose result
// the language promises only within an ULP bound: the float functions, the float
// functions of two arguments other than fmod, copysign and nextafter, and x**y unless
// y is a constant the power rewriting turns into multiplications and square roots.
func (n *Node) IsTranscendental() bool {
	switch {
	case n.Kind == Call && (floatFuncs[n.Op] && n.Op != "sqrt" || n.Op == "arctan2" || n.Op == "hypot"):
		return true
	case n.Kind == Call && n.Op == "pow", n.Kind == Binary && n.Op == "**":
		return !n.Type.IsInt() && !RewrittenPow(n.Args[1])
	}
	return false
}

// RewrittenPow reports whether x ** y is computed by multiplications (and a square root
// and a reciprocal): y a literal integer or half-integer with |y| <= 50.
func RewrittenPow(y *Node) bool {
	neg := y.Kind == Unary && y.Op == "-"
	if neg {
		y = y.Args[0]
	}
	if y.Kind != Lit {
		return false
	}
	v, ok := litValue(y.Name)
	if !ok {
		return false
	}
	if v < 0 {
		v = -v
	}
	return v <= 50 && 2*v == float64(int64(2*v))
}

// FuncName is the language's name of n's operation for ULP tables: the function name,
// "pow" for a power by pow, or the operator.
func (n *Node) FuncName() string {
	if n.Kind == Binary && n.Op == "**" {
		return "pow"
	}
	return n.Op
}
