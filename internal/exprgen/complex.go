package exprgen

import (
	"math"
	"math/rand/v2"
)

// Complex expressions (Config.Complex): complex128 and complex64 inputs beside float64
// and float32 ones, imaginary literals, complex(x, y), real, imag, conj, abs, the
// complex functions, integer powers (and with ComplexPow the general x ** w), where,
// == and !=, and sum, prod and mean of complex values, typed by docs/language.md's rules (a complex operand makes the
// result complex; complex64 only where every other operand is float32 or complex64).
// Real subexpressions come from the real generator without inputs of their own (so
// literals and folds), or from real, imag and abs of a complex one. No complex node is
// folded by the generator: the engine and the reference fold what is constant.

// ComplexFuncs are the functions of a complex argument that give a complex value.
var ComplexFuncs = []string{"sqrt", "exp", "expm1", "log", "log1p", "log10", "sin", "cos", "tan",
	"arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh"}

// complexLits are the imaginary and complex literals (all complex128).
var complexLits = []string{"1j", "2.5j", "0j", "1e3J", "1e-300j", "1e300j", "(3-4j)", "(-0.5+0.5j)", "(1+1j)", "5e-324j"}

// complexPowers are the literal exponents of complex powers: integers, which the
// language computes by multiplications in NumPy's order (exact, as the reference). An
// integer literal is int32, so a power is complex128 even of a complex64 base.
var complexPowers = []string{"0", "1", "2", "3", "5", "-1", "-2", "-3"}

// complexTypes are the input types of Config.Complex, the first two complex.
var complexTypes = []Type{Complex128, Complex64, Float64, Float32}

// IsComplex reports whether t is complex64 or complex128.
func (t Type) IsComplex() bool { return t == Complex64 || t == Complex128 }

// realOf is the type of a complex type's parts.
func realOf(t Type) Type {
	if t == Complex64 {
		return Float32
	}
	return Float64
}

// complexGenerate makes the root of a complex expression: mostly a complex value,
// sometimes a real one from it (abs, real, imag), a comparison of two complex values,
// or a reduction.
func (g *gen) complexGenerate() *Node {
	count := g.cfg.MinInputs + g.rng.IntN(g.cfg.MaxInputs-g.cfg.MinInputs+1)
	for i := range count {
		t := complexTypes[g.rng.IntN(len(complexTypes))]
		if i == 0 {
			t = complexTypes[g.rng.IntN(2)]
		}
		g.addInput(Input{Name: g.cfg.Names[i], Type: t})
	}
	if g.cfg.Scalars && g.chance(1, 3) {
		g.addInput(Input{Name: "s0", Type: Complex128, Scalar: true})
	}
	ops := g.cfg.MinOps + g.rng.IntN(g.cfg.MaxOps-g.cfg.MinOps+1)
	t := g.complexType()
	switch r := g.rng.IntN(16); {
	case r < 2:
		f := pick(g, []string{"abs", "real", "imag"})
		return cnode(Call, f, realOf(t), g.cexpr(t, ops-1, true))
	case r < 4:
		p := g.split(ops-1, 2)
		return cnode(Binary, pick(g, []string{"==", "!="}), Bool, g.cexpr(t, p[0], true), g.cexpr(t, p[1], false))
	case r < 7 && g.cfg.Reductions:
		n := cnode(Call, pick(g, []string{"sum", "prod", "mean"}), t, g.cexpr(t, ops-1, true))
		n.Array = false
		return n
	}
	return g.cexpr(t, ops, true)
}

// complexType is complex64 where an expression of it can be made with an input
// (a complex64 or float32 input), sometimes, else complex128.
func (g *gen) complexType() Type {
	if (g.hasVar(Complex64) || g.hasVar(Float32)) && g.chance(1, 3) {
		return Complex64
	}
	return Complex128
}

// realInputs reports whether the real generator may be asked for a float64
// expression: it needs a real input (its reductions and some leaves depend on one).
func (g *gen) realInputs() bool { return g.hasVar(Float64) || g.hasVar(Float32) }

// cnode is a node of the complex generator: typed as given, never folded.
func cnode(kind Kind, op string, t Type, args ...*Node) *Node {
	n := &Node{Kind: kind, Op: op, Type: t, Konst: true, Args: args}
	for _, a := range args {
		n.Array = n.Array || a.Array
		n.Konst = n.Konst && a.Konst
	}
	return n
}

// cexpr makes a complex expression of type t with about ops operations (needVar: one
// that depends on an input).
func (g *gen) cexpr(t Type, ops int, needVar bool) *Node {
	if ops <= 0 {
		return g.cleaf(t, needVar)
	}
	rest := ops - 1
	p := g.split(rest, 2)
	switch g.rng.IntN(12) {
	case 0, 1, 2:
		op := pick(g, []string{"+", "-", "*", "/"})
		a, b := g.cexpr(t, p[0], needVar), g.operand(t, p[1])
		if g.chance(1, 2) {
			a, b = b, a
		}
		return cnode(Binary, op, t, a, b)
	case 3:
		return cnode(Unary, pick(g, []string{"-", "+"}), t, g.cexpr(t, rest, needVar))
	case 4, 5:
		return cnode(Call, pick(g, ComplexFuncs), t, g.cexpr(t, rest, needVar))
	case 6:
		return cnode(Call, "conj", t, g.cexpr(t, rest, needVar))
	case 7:
		x, y := g.cpart(t, p[0], needVar), g.cpart(t, p[1], false)
		if g.chance(1, 2) && !needVar {
			x, y = y, x
		}
		return cnode(Call, "complex", t, x, y)
	case 8:
		if g.cfg.ComplexPow && g.chance(1, 2) {
			return cnode(Binary, "**", t, g.cexpr(t, p[0], true), g.cexpr(t, p[1], true))
		}
		y := g.lit(pick(g, complexPowers))
		if y.Name[0] == '-' {
			y = node(Unary, "-", Int32, g.lit(y.Name[1:]))
		}
		if t == Complex64 { // an int32 exponent makes it complex128
			return cnode(Call, "conj", t, g.cexpr(t, rest, needVar))
		}
		bt := t
		if (g.hasVar(Complex64) || g.hasVar(Float32)) && g.chance(1, 3) {
			bt = Complex64
		}
		// A constant power is folded as CPython folds it, by the engine and the
		// reference alike: an error where CPython raises (1e200j ** 2 overflows,
		// 5e-324j ** -2 divides by zero), every backend rejecting it then.
		return cnode(Binary, "**", t, g.cexpr(bt, rest, needVar), y)
	case 9:
		c := cnode(Binary, pick(g, []string{">", "<", ">="}), Bool, g.cpart(t, p[0], needVar), g.lit("0"))
		q := g.split(p[1], 2)
		return cnode(Call, "where", t, c, g.cexpr(t, q[0], false), g.cexpr(t, q[1], false))
	case 10:
		if g.cfg.InnerReductions {
			f := pick(g, []string{"sum", "prod", "mean"})
			r := cnode(Call, f, t, g.cexpr(t, rest, true))
			r.Array = false
			return cnode(Binary, pick(g, []string{"-", "*"}), t, g.cexpr(t, p[0], needVar), r)
		}
	}
	a, b := g.cexpr(t, p[0], needVar), g.cexpr(t, p[1], false)
	return cnode(Binary, pick(g, []string{"+", "-", "*"}), t, a, b)
}

// operand is the other operand of a binary operator whose result is the complex type
// t: a complex expression of t, or a real one whose promotion with t is t (float32 for
// complex64; for complex128 also a complex64 or float64 one, or a literal).
func (g *gen) operand(t Type, ops int) *Node {
	switch r := g.rng.IntN(6); {
	case r < 3:
		return g.cexpr(t, ops, false)
	case t == Complex64:
		return g.cpart(t, ops, false)
	case r == 3 && (g.hasVar(Complex64) || g.hasVar(Float32)):
		return g.cexpr(Complex64, ops, true)
	case r == 4 && g.realInputs():
		return g.expr(Float64, ops, false)
	}
	return g.cpart(t, ops, false)
}

// cpart is a real expression of t's part type: real, imag or abs of a complex one, a
// real input, or (complex128, without needVar) a real literal expression.
func (g *gen) cpart(t Type, ops int, needVar bool) *Node {
	rt := realOf(t)
	switch r := g.rng.IntN(5); {
	case r < 2:
		return cnode(Call, pick(g, []string{"real", "imag", "abs"}), rt, g.cexpr(t, ops-1, needVar))
	case r == 2 && g.hasVar(rt):
		v := pick(g, g.vars[rt])
		if ops > 0 {
			return cnode(Binary, pick(g, []string{"*", "+", "-"}), rt, v, g.cpart(t, ops-1, false))
		}
		return v
	case rt == Float64 && !needVar && g.realInputs():
		return g.expr(Float64, ops, false)
	}
	return cnode(Call, pick(g, []string{"real", "imag"}), rt, g.cleaf(t, needVar))
}

// cleaf is an input or literal of complex type t.
func (g *gen) cleaf(t Type, needVar bool) *Node {
	if vs := g.vars[t]; len(vs) > 0 && (needVar || g.chance(3, 4)) {
		for _, v := range vs {
			if !g.used[v.Name] {
				g.used[v.Name] = true
				return v
			}
		}
		return pick(g, vs)
	}
	if t == Complex64 { // no complex64 literals: complex() of float32 inputs
		if vs := g.vars[Float32]; len(vs) > 0 {
			return cnode(Call, "complex", t, pick(g, vs), pick(g, vs))
		}
		return pick(g, g.vars[Complex64]) // complexType chose complex64 for one of them
	}
	if needVar {
		if vs := g.vars[Complex64]; len(vs) > 0 {
			return cnode(Binary, "+", t, pick(g, vs), &Node{Kind: Lit, Name: "1j", Type: t, Konst: true})
		}
		if vs := g.vars[Float64]; len(vs) > 0 {
			return cnode(Call, "complex", t, pick(g, vs), pick(g, vs))
		}
		return cnode(Call, "complex", t, pick(g, g.vars[Float32]), g.lit("0.5"))
	}
	return &Node{Kind: Lit, Name: pick(g, complexLits), Type: t, Konst: true}
}

// complexValues makes n complex values of type t: each part a special value of the
// part type with probability frac (so both parts special with frac²: Inf and NaN
// together, zeros of both signs on the branch cuts), else an ordinary value; one value
// in eight lies on an axis (a zero part), where the branch cuts and Annex G's cases are.
func complexValues(rng *rand.Rand, t Type, n int, frac float64) any {
	part := func() float64 {
		if rng.Float64() < frac {
			if t == Complex64 {
				return float64(special32[rng.IntN(len(special32))])
			}
			return special64[rng.IntN(len(special64))]
		}
		if t == Complex64 {
			return ordinary(rng, 30)
		}
		return ordinary(rng, 60)
	}
	z := make([]complex128, n)
	for i := range z {
		re, im := part(), part()
		switch rng.IntN(16) {
		case 0:
			re = math.Copysign(0, float64(rng.IntN(2)*2-1))
		case 1:
			im = math.Copysign(0, float64(rng.IntN(2)*2-1))
		}
		z[i] = complex(re, im)
	}
	if t == Complex128 {
		return z
	}
	z64 := make([]complex64, n)
	for i, v := range z {
		z64[i] = complex64(v)
	}
	return z64
}
