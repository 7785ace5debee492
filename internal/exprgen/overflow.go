package exprgen

import (
	"fmt"
	"math/rand/v2"
)

// OverflowConsts are constant expressions the language rejects: folds of literals whose
// exact value is beyond int64 ("integer constant ... does not fit in int64"), and
// constants with a function whose integer result would wrap ("integer overflow in a
// constant expression").
var OverflowConsts = []string{
	"(4294967296 * 4294967296)", "((100 + 0b101) << 64)", "(9223372036854775807 + 9223372036854775807)",
	"(9223372036854775807 + 1)", "(2 ** 63)", "(3 ** 41)", "(-(2 ** 64))", "(~(-9223372036854775807 - 2))",
	"((-9223372036854775807 - 1) - 1)", "(0x7FFFFFFFFFFFFFFF * 2)", "(1 << 100)", "(10 ** 19)",
	"pow(4294967296, 13)", "abs((-2147483647 - 1))", "(abs(-5) * 2147483647)", "pow(3, 21)",
	"(-abs((-9223372036854775807 - 1)))", "(maximum(2147483647, 1) + 1)",
}

// Overflow is the expression of seed under cfg with one of OverflowConsts in it, for
// checking that every backend rejects what the language rejects: it replaces an
// integer constant of the expression (one whose parent is not folded with it, so that
// its value reaches the rest), or, if there is none, makes the expression
// where(abs(C) > 0, e, e) (not C > 0: Python would fold that comparison exactly). The returned Expr's Root
// is a plain node naming the source; only its String and Inputs are meaningful.
func Overflow(seed uint64, cfg Config) (*Expr, string, error) {
	e, err := Generate(seed, cfg)
	if err != nil {
		return nil, "", err
	}
	g := &gen{rng: rand.New(rand.NewPCG(seed, 0x6f766572))}
	bad := pick(g, OverflowConsts)
	var spots []*Node
	e.Root.Walk(func(m *Node) {
		for _, a := range m.Args {
			if a.Konst && a.Type.IsInt() && a.literalOnly() && !m.literalOnly() {
				spots = append(spots, a)
			}
		}
	})
	over := &Node{Kind: Lit, Name: bad, Type: Int64, Konst: true}
	var root *Node
	if len(spots) > 0 {
		spot := pick(g, spots)
		root = e.Root.Replace(func(m *Node) *Node {
			if m == spot {
				return over
			}
			return nil
		})
	} else {
		abs := &Node{Kind: Call, Op: "abs", Type: Int64, Konst: true, Args: []*Node{over}}
		cond := &Node{Kind: Binary, Op: ">", Type: Bool, Konst: true, Args: []*Node{abs, {Kind: Lit, Name: "0", Type: Int32, Konst: true}}}
		root = &Node{Kind: Call, Op: "where", Type: e.Root.Type, Array: e.Root.Array, Args: []*Node{cond, e.Root, e.Root}}
	}
	src := root.String()
	if src == e.String() {
		return nil, "", fmt.Errorf("exprgen: seed %d: no place for an overflowing constant in %s", seed, e)
	}
	return &Expr{Root: root, Inputs: e.Inputs}, bad, nil
}
