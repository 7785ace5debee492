package exprgen

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/numkit/numkit/numeric"
)

// engineConst compiles and evaluates a constant expression on the gonum backend.
func engineConst(src string) (numeric.Result, error) {
	x, err := numeric.Compile(src, numeric.WithBackend(numeric.BackendGonum))
	if err != nil {
		return numeric.Result{}, err
	}
	return x.Eval(context.Background(), numeric.Vars{})
}

// sameValue reports whether the engine's scalar r is the constant v.
func sameValue(r numeric.Result, v value) bool {
	switch d := r.Data.(type) {
	case bool:
		return v.kind == vBool && d == v.b
	case int32:
		return v.kind == vInt && v.i.IsInt64() && v.i.Int64() == int64(d)
	case int64:
		return v.kind == vInt && v.i.IsInt64() && v.i.Int64() == d
	case float64:
		return v.kind == vFloat && (math.Float64bits(d) == math.Float64bits(v.f) || math.IsNaN(d) && math.IsNaN(v.f))
	}
	return false
}

var foldLits = []string{"0", "1", "2", "3", "7", "31", "32", "63", "64", "100", "2147483647", "2147483648",
	"4294967296", "9223372036854775807", "0x1F", "0b101", "1_000", "3000000000", "True", "False",
	"0.0", "0.5", "2.5", "1e300", "5e-324", "1e16", "7.0"}

var foldOps = []string{"+", "-", "*", "/", "//", "%", "**", "&", "|", "^", "<<", ">>", "<", "==", ">="}

// literalTree makes a random expression of literals and operators with its exact value
// (bad: Python's folding fails somewhere in it).
func literalTree(rng *rand.Rand, depth int) *Node {
	if depth == 0 || rng.IntN(3) == 0 {
		text := foldLits[rng.IntN(len(foldLits))]
		return &Node{Kind: Lit, Name: text, Type: litType(text), Konst: true, val: literal(text)}
	}
	var n *Node
	if rng.IntN(5) == 0 {
		n = &Node{Kind: Unary, Op: []string{"-", "+", "~"}[rng.IntN(3)], Args: []*Node{literalTree(rng, depth-1)}, Konst: true}
	} else {
		n = &Node{Kind: Binary, Op: foldOps[rng.IntN(len(foldOps))], Konst: true,
			Args: []*Node{literalTree(rng, depth-1), literalTree(rng, depth-1)}}
	}
	for _, a := range n.Args {
		if a.bad {
			n.bad = true
			return n
		}
	}
	if y := n.Args[len(n.Args)-1]; (n.Op == "<<" || n.Op == "**") && y.val.kind == vInt && y.val.i.BitLen() > 32 {
		// The engine panics on 1 << 9223372036854775807 and hangs on
		// 4 ** 9223372036854775807 (compile/exact.go's size checks overflow int64):
		// reported, not tested here until it is fixed.
		n.Args[1] = &Node{Kind: Lit, Name: "64", Type: Int32, Konst: true, val: literal("64")}
	}
	v, ok := pyFold(n)
	n.val, n.bad = v, !ok
	if ok {
		n.Type, _ = v.typeOf()
	}
	return n
}

// TestPythonFoldMatchesEngine checks the generator's exact folding of literal-only
// expressions against the engine's on random expressions: the same value and type, or
// both an error (a fold beyond int64 at the top, a division by zero, ...).
func TestPythonFoldMatchesEngine(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 2))
	accepted, rejected := 0, 0
	for range 4000 {
		n := literalTree(rng, 3)
		bad := n.bad
		if !bad {
			_, ok := n.val.typeOf()
			bad = !ok
		}
		src := n.String()
		r, err := engineConst(src)
		switch {
		case bad && err == nil && r.Type.IsComplex():
			rejected++ // a negative base to a fractional power: complex, as in Python; the generator makes no complex values
		case bad && err == nil:
			t.Errorf("%s: the generator rejects it, the engine gives %v %v", src, r.Type, r.Data)
		case !bad && err != nil:
			t.Errorf("%s: the generator folds it to %v (%v), the engine rejects it: %v", src, n.val, n.Type, err)
		case !bad && (r.Type.String() != n.Type.String() || !sameValue(r, n.val)):
			t.Errorf("%s: the generator folds it to %v %v, the engine to %v %v", src, n.Type, fmtValue(n.val), r.Type, r.Data)
		case bad:
			rejected++
		default:
			accepted++
		}
	}
	if accepted < 1000 || rejected < 200 {
		t.Errorf("%d folds accepted and %d rejected: want both kinds often", accepted, rejected)
	}
}

func fmtValue(v value) string {
	switch v.kind {
	case vBool:
		return fmt.Sprint(v.b)
	case vInt:
		return v.i.String()
	case vFloat:
		return fmt.Sprint(v.f)
	}
	return "unknown"
}

// typedTree makes a random integer constant with calls in it through the generator's
// node, which folds it in its type (nil when a production does not apply).
func typedTree(rng *rand.Rand, depth int) *Node {
	if depth == 0 || rng.IntN(4) == 0 {
		n := literalTree(rng, rng.IntN(2))
		if n.bad || !n.Type.IsInt() || n.val.i.BitLen() > 63 {
			return (&gen{}).lit([]string{"0", "1", "-1", "2", "7", "46341", "2147483647", "3000000000", "9223372036854775807"}[rng.IntN(9)])
		}
		return n
	}
	x, y, z := typedTree(rng, depth-1), typedTree(rng, depth-1), typedTree(rng, depth-1)
	xy := max(x.Type, y.Type)
	switch rng.IntN(9) {
	case 0:
		return node(Call, []string{"abs", "sign", "floor", "round"}[rng.IntN(4)], x.Type, x)
	case 1:
		return node(Call, []string{"maximum", "minimum"}[rng.IntN(2)], xy, x, y)
	case 2:
		return node(Call, "clip", max(xy, z.Type), x, y, z)
	case 3:
		return node(Call, "pow", x.Type, x, (&gen{}).lit([]string{"0", "1", "2", "3", "13", "31"}[rng.IntN(6)]))
	case 4:
		c := node(Binary, []string{"<", ">=", "=="}[rng.IntN(3)], Bool, node(Call, "abs", x.Type, x), y)
		return node(Call, "where", max(y.Type, z.Type), c, y, z)
	case 5:
		return node(Unary, []string{"-", "~"}[rng.IntN(2)], x.Type, node(Call, "abs", x.Type, x))
	}
	op := []string{"+", "-", "*", "//", "%", "&", "|", "^", "<<", ">>"}[rng.IntN(10)]
	return node(Binary, op, xy, node(Call, "abs", x.Type, x), y)
}

// TestTypedFoldMatchesEngine checks the generator's folding of integer constants with
// calls (in their types, an error where the exact value does not fit) against the
// engine's: whatever the generator accepts with a known value, the engine computes to
// the same value and type. The generator may reject more than the engine does (a
// shift count beyond the width; MinInt // -1), never less.
func TestTypedFoldMatchesEngine(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 3))
	accepted, rejected := 0, 0
	for range 4000 {
		n := typedTree(rng, 3)
		src := n.String()
		if n.bad || n.val.kind == 0 {
			rejected++
			continue
		}
		accepted++
		r, err := engineConst(src)
		switch {
		case err != nil:
			t.Errorf("%s: the generator folds it to %v %v, the engine rejects it: %v", src, n.Type, fmtValue(n.val), err)
		case r.Type.String() != n.Type.String() || !sameValue(r, n.val):
			t.Errorf("%s: the generator folds it to %v %v, the engine to %v %v", src, n.Type, fmtValue(n.val), r.Type, r.Data)
		}
	}
	if accepted < 1000 || rejected < 200 {
		t.Errorf("%d folds accepted and %d rejected: want both kinds often", accepted, rejected)
	}
}

// TestCFormOfFolds checks that the C form writes a literal-only subexpression as its
// folded value (C would divide 3/7 as integers, giving 0).
func TestCFormOfFolds(t *testing.T) {
	g := &gen{}
	a := &Node{Kind: Var, Name: "a", Type: Float64, Array: true}
	for _, c := range []struct {
		n    *Node
		want string
	}{
		{node(Binary, "/", Float64, g.lit("3"), g.lit("7")), "0.42857142857142855"},
		{node(Binary, "**", Float64, g.lit("2"), node(Unary, "-", Float64, g.lit("2.5"))), "0.1767766952966369"},
		{node(Binary, "-", Int32, g.lit("3"), g.lit("10")), "(-7.0)"},
		{node(Binary, "%", Float64, g.lit("10"), g.lit("0.1")), "0.09999999999999945"},
	} {
		got, ok := C(node(Binary, "*", Float64, a, c.n))
		if want := "(a[i]*" + c.want + ")"; !ok || got != want {
			t.Errorf("C(a * %s) = %q, %v; want %q", c.n, got, ok, want)
		}
	}
}
