package exprgen

// The generator's productions: the ways of making an expression of a type.

import "slices"

// binary makes x op y of type t (an integer division of constants gets a nonzero
// divisor; a shift count is often a small literal).
func (g *gen) binary(op string, t Type, rest int, needVar bool) *Node {
	if !g.ops[op] {
		return nil
	}
	p := g.split(rest, 2)
	if op == "/" && t == Float64 && g.chance(1, 4) && g.canMake(Int32, needVar) {
		x := g.expr(Int32, p[0], needVar)
		return node(Binary, op, t, x, g.divisor(op, x, g.expr(pick(g, g.below(Int64, false)), p[1], false)))
	}
	if op == "<<" || op == ">>" {
		count := g.expr(pick(g, g.below(t, false)), p[1], false)
		if g.chance(2, 3) {
			count = g.lit(pick(g, []string{"0", "1", "3", "8", "31", "32", "63", "64"}))
		}
		return node(Binary, op, t, g.expr(t, p[0], needVar), count)
	}
	a, b := g.pair(t, needVar)
	x, y := g.expr(a, p[0], needVar), g.expr(b, p[1], false)
	if g.chance(1, 2) {
		x, y = y, x
	}
	x, y = g.boolOperand(op, t, x, y)
	return node(Binary, op, t, x, g.divisor(op, x, y))
}

// divisor replaces y by a nonzero literal of its type where x op y would be an integer
// division of constants (by zero, a compile error: docs/language.md).
func (g *gen) divisor(op string, x, y *Node) *Node {
	if !x.Konst || !y.Konst || !x.Type.IsInt() || !y.Type.IsInt() || (op != "//" && op != "%" && op != "/") {
		return y
	}
	if y.Type == Int64 {
		return g.lit("3000000000")
	}
	return g.lit("7")
}

func (g *gen) compare(rest int, needVar bool) *Node {
	op := pick(g, compareOps)
	if !g.ops[op] {
		return nil
	}
	p := g.split(rest, 2)
	if g.chance(1, 8) {
		return node(Binary, op, Bool, g.expr(Bool, p[0], needVar), g.expr(Bool, p[1], false))
	}
	a, b := g.pair(g.numberType(needVar), needVar)
	return node(Binary, op, Bool, g.expr(a, p[0], needVar), g.expr(b, p[1], false))
}

func (g *gen) where(t Type, rest int, needVar bool) *Node {
	if !g.funcs["where"] {
		return nil
	}
	p := g.split(rest, 3)
	a, b := Bool, Bool
	if t != Bool {
		a, b = g.pair(t, false)
	}
	c := g.expr(Bool, p[0], needVar)
	return node(Call, "where", t, c, g.expr(a, p[1], false), g.expr(b, p[2], false))
}

// power makes x ** y or pow(x, y) of type t.
func (g *gen) power(t Type, rest int, needVar bool) *Node {
	op, kind := "**", Binary
	if g.chance(1, 4) {
		if !g.funcs["pow"] {
			return nil
		}
		op, kind = "pow", Call
	} else if !g.ops["**"] {
		return nil
	}
	mk := func(x, y *Node) *Node {
		n := node(kind, op, t, x, y)
		return n
	}
	varExp := len(g.below(t, true)) > 0
	switch {
	case t.IsInt() && (!varExp || g.chance(2, 3)):
		return mk(g.expr(t, rest, needVar), g.lit(pick(g, []string{"0", "1", "2", "3", "5", "13", "31"})))
	case t.IsFloat() && g.chance(1, 3):
		e := g.lit(pick(g, []string{"0", "1", "2", "3", "5", "13", "50", "51"}))
		if g.chance(1, 3) {
			e = node(Unary, "-", Int32, e)
		}
		return mk(g.expr(t, rest, needVar), e)
	case t.IsFloat() && (!varExp || g.chance(1, 2)):
		e := g.lit(pick(g, []string{"0.5", "1.5", "2.5", "2.7", "0.3", "3.0", "49.5"}))
		if g.chance(1, 3) {
			e = node(Unary, "-", Float64, e)
		}
		base := t
		if t == Float64 && g.chance(1, 3) && g.canMake(Int32, needVar) {
			base = Int32
		}
		return mk(g.expr(base, rest, needVar), e)
	}
	// A variable exponent (one that depends on an input, so never a constant).
	p := g.split(rest, 2)
	b := t
	if !g.canMake(t, true) {
		b = pick(g, g.below(t, true))
	}
	a := t
	if b == t {
		a = pick(g, g.below(t, false))
	}
	return mk(g.expr(a, p[0], false), g.expr(b, p[1], true))
}

// float1 is a float function of one argument, of type t (float).
func (g *gen) float1(t Type, rest int, _ bool) *Node {
	f := pick(g, slices.Sorted(mapKeys(floatFuncs)))
	if !g.funcs[f] {
		return nil
	}
	arg := t
	if t == Float64 && g.chance(1, 4) {
		if opts := g.below(Int64, true); len(opts) > 0 {
			arg = pick(g, opts)
		}
	}
	return node(Call, f, t, g.expr(arg, rest, true))
}

// float2 is a float function of two arguments, of type t.
func (g *gen) float2(t Type, rest int, needVar bool) *Node {
	f := pick(g, slices.Sorted(mapKeys(floatFuncs2)))
	if !g.funcs[f] {
		return nil
	}
	p := g.split(rest, 2)
	a, b := g.pair(t, true)
	return node(Call, f, t, g.expr(a, p[0], true), g.expr(b, p[1], false))
}

// reduction reduces an expression to a scalar of type t, or returns nil.
func (g *gen) reduction(t Type, ops int) *Node {
	var f string
	var arg Type
	switch {
	case t == Bool:
		return nil
	case t == Int64 && g.chance(1, 2):
		f, arg = pick(g, []string{"sum", "sum", "prod"}), pick(g, []Type{Bool, Int32, Int64})
	case t.IsFloat() && g.chance(2, 3):
		f, arg = pick(g, []string{"sum", "sum", "mean", "prod"}), t
		if f == "mean" && t == Float64 && g.chance(1, 3) {
			arg = pick(g, []Type{Int32, Int64})
		}
	default:
		f, arg = pick(g, []string{"min", "max"}), t
	}
	if !g.funcs[f] || !g.canMake(arg, true) {
		return nil
	}
	n := node(Call, f, t, g.expr(arg, ops-1, true))
	// The engine reduces a constant (imag(s0), s0 ** 0) to a constant, which the
	// generator does not model: re-drawn.
	n.Array, n.Konst, n.bad = false, false, n.bad || n.Args[0].Konst
	if g.extra(1, 3) {
		n.Axis = g.xr.IntN(len(axes))
	}
	return n
}
