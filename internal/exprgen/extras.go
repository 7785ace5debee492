package exprgen

// The language's newer forms, made under Config.Extras from the generator's second
// random stream (g.xr), so that a configuration without them generates what it always
// did: copy, real, imag and ones_like (real and imag also as x.real and x.imag), a
// reduction's axis, a bool operand in arithmetic (counting 0 or 1 in the other
// operand's type), and bool + and * (logical or and and). docs/language.md, Promotion
// and Functions.

// axes are a reduction's axis arguments, by keyword or as a second argument (Node.Axis
// indexes it; 0 is none).
var axes = []string{"", "axis=0", "axis=-1", "axis=None", "0", "-1"}

// extra reports, from the extras' stream, whether to use an extra form: num in den.
func (g *gen) extra(num, den int) bool { return g.cfg.Extras && g.xr.IntN(den) < num }

// decorate sometimes wraps n in copy, real, imag or ones_like.
func (g *gen) decorate(n *Node) *Node {
	if !g.extra(1, 10) {
		return n
	}
	f := []string{"copy", "real", "imag", "ones_like", "real", "imag"}[g.xr.IntN(6)]
	if !g.funcs[f] {
		return n
	}
	m := like(f, (f == "real" || f == "imag") && g.xr.IntN(2) == 0, n)
	if m.bad {
		return n
	}
	return m
}

// like is f(x) for f in likeFuncs: x itself for copy and real; zeros (imag) or ones
// (ones_like) of x's type and shape, a constant when x is a scalar, as the engine folds
// it.
func like(f string, attr bool, x *Node) *Node {
	n := &Node{Kind: Call, Op: f, Type: x.Type, Attr: attr, Args: []*Node{x}, Array: x.Array, bad: x.bad}
	switch f {
	case "copy", "real":
		n.Konst, n.val = x.Konst, x.val
	case "imag":
		n.Konst = x.Konst || !x.Array
		if n.Konst {
			n.val = zero(x.Type)
		}
	default:
		n.Konst = x.Konst || !x.Array
		if n.Konst {
			n.val = one(x.Type)
		}
	}
	return n
}

// boolOperand sometimes replaces the operand of x op y (of type t) whose type is below
// t, or either if both are t, by a bool that depends on an input: the result is still
// of type t.
func (g *gen) boolOperand(op string, t Type, x, y *Node) (*Node, *Node) {
	switch op {
	case "+", "-", "*", "/", "//", "%", "&", "|", "^":
	default:
		return x, y
	}
	if t == Bool || !g.extra(1, 8) {
		return x, y
	}
	var all []*Node
	for _, u := range []Type{Bool, Int32, Int64, Float32, Float64} {
		all = append(all, g.vars[u]...)
	}
	v := all[g.xr.IntN(len(all))]
	b := v
	if v.Type != Bool {
		b = node(Binary, []string{">", "<=", "=="}[g.xr.IntN(3)], Bool, v, g.lit("0"))
	}
	if x.Type != t || y.Type == t && g.xr.IntN(2) == 0 {
		return b, y
	}
	return x, b
}

// zero is the value 0 of type t (False for bool).
func zero(t Type) value {
	v := one(t)
	switch v.kind {
	case vBool:
		v.b = false
	case vFloat:
		v.f = 0
	default:
		v.i.SetInt64(0)
	}
	return v
}
