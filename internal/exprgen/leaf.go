package exprgen

// The generator's leaves: inputs, literals and constant folds.

import "slices"

// leaf is an input or literal of type t (needVar: one that depends on an input).
func (g *gen) leaf(t Type, needVar bool) *Node {
	if vs := g.vars[t]; len(vs) > 0 && (needVar || g.chance(3, 5)) {
		for _, v := range vs { // prefer inputs not used yet
			if !g.used[v.Name] {
				g.used[v.Name] = true
				return v
			}
		}
		return pick(g, vs)
	}
	if needVar {
		return g.made(t)
	}
	switch t {
	case Float32:
		return pick(g, g.vars[Float32])
	case Bool:
		if g.cfg.NoBoolLits {
			return g.made(Bool)
		}
		return g.lit(pick(g, []string{"True", "False"}))
	case Float64:
		if g.cfg.ConstFolds && g.chance(1, 8) {
			return node(Binary, pick(g, []string{"+", "*", "-", "/"}), Float64, g.lit(pick(g, g.cfg.FloatLits)), g.lit(pick(g, g.cfg.IntLits)))
		}
		return g.lit(pick(g, g.cfg.FloatLits))
	}
	if g.cfg.ConstFolds && g.chance(1, 6) {
		x, y := g.lit(pick(g, g.cfg.IntLits)), g.lit(pick(g, g.cfg.IntLits))
		op := pick(g, []string{"+", "-", "*", "**"})
		if op == "**" {
			x, y = g.lit(pick(g, []string{"2", "3", "10", "-2"})), g.lit(pick(g, []string{"10", "31", "32", "40", "62", "63", "64"}))
		}
		if x.Name == "-2" {
			x = node(Unary, "-", Int32, g.lit("2"))
		}
		// The fold's type is its exact value's: 2**40 is int64, 2**62 * 4 is an error
		// (re-drawn here; Overflow makes such constants on purpose).
		if n := node(Binary, op, t, x, y); !n.bad {
			return n
		}
	}
	for range 40 {
		if l := g.lit(pick(g, g.cfg.IntLits)); l.Type == t {
			return l
		}
	}
	if t == Int64 {
		return g.lit("3000000000")
	}
	return g.lit("1")
}

func (g *gen) lit(text string) *Node {
	return &Node{Kind: Lit, Name: text, Type: litType(text), Konst: true, val: literal(text)}
}

// made builds an expression of type t from an input of another type.
func (g *gen) made(t Type) *Node {
	var any []*Node
	for _, u := range []Type{Bool, Int32, Int64, Float32, Float64} {
		any = append(any, g.vars[u]...)
	}
	v := pick(g, any)
	g.used[v.Name] = true
	switch t {
	case Bool:
		if v.Type == Bool {
			return node(Unary, "~", Bool, v)
		}
		return node(Binary, ">", Bool, v, g.lit("0"))
	case Int64:
		if !v.Type.IsInt() {
			v = pick(g, append(slices.Clone(g.vars[Int32]), g.vars[Int64]...))
		}
		return node(Binary, "+", Int64, v, g.lit("4294967296"))
	}
	// Float64 (Int32 and Float32 have inputs whenever they are asked for).
	if v.Type == Bool {
		return node(Call, "where", Float64, v, g.lit("0.5"), g.lit("1.5"))
	}
	return node(Binary, "*", Float64, v, g.lit("0.5"))
}
