package exprgen

import (
	"fmt"
	"math/rand/v2"
	"slices"
)

// Config bounds what Generate makes. The zero value of a field means its default.
type Config struct {
	MinInputs, MaxInputs int      // array inputs (default 2..6)
	MinOps, MaxOps       int      // operators and calls, roughly (default 2..20)
	Types                []Type   // the inputs' element types (default all five)
	Scalars              bool     // also up to two Go scalar inputs, s0 and s1
	Funcs                []string // the functions it may call (default Functions())
	Ops                  []string // the binary operators it may use (default Operators)
	Reductions           bool     // the whole expression may be reduced
	InnerReductions      bool     // reductions may appear inside (a - mean(a))
	IntLits, FloatLits   []string // the literals (default DefaultIntLits, DefaultFloatLits)
	ConstFolds           bool     // constant subexpressions of literals, such as 2**40
	Names                []string // the array inputs' names (default a, b, c, ...)
	// Only, when set, lists the types operations may produce; other types appear only
	// as inputs and literals (the benchmark's float expressions with integer literals).
	Only []Type
	// NoBoolLits makes a bool leaf a comparison of an input instead of True or False.
	NoBoolLits bool
	// Extras adds the newer forms (extras.go): copy, real, imag, ones_like, x.real and
	// x.imag, reductions with an axis, bool operands in arithmetic, bool + and *. They
	// come from a second random stream, so a seed without them makes what it did.
	Extras bool
	// Complex makes complex expressions instead (complex.go): inputs of types
	// complex128, complex64, float64 and float32 (Types is ignored), the complex
	// functions and operators, and with Reductions sum, prod and mean of complex values.
	Complex bool
	// ComplexPow (with Complex) adds the general power x ** w of two non-constant
	// complex expressions (NumPy's power: exp(w·log x) but for an integer real w). It
	// draws from the random stream only when set, so Complex alone makes what it did.
	ComplexPow bool
}

// Input is one variable of a generated expression.
type Input struct {
	Name   string
	Type   Type
	Scalar bool // a Go scalar rather than an array
}

// Expr is a generated expression and its inputs.
type Expr struct {
	Root   *Node
	Inputs []Input
}

func (e *Expr) String() string { return e.Root.String() }

// Generate makes the expression of seed under cfg.
func Generate(seed uint64, cfg Config) (*Expr, error) {
	cfg = cfg.withDefaults()
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	g := &gen{cfg: cfg, rng: rand.New(rand.NewPCG(seed, 0x6e756d6b6974)), xr: rand.New(rand.NewPCG(seed, 0x6578747261)), vars: map[Type][]*Node{},
		funcs: setOf(cfg.Funcs...), ops: setOf(cfg.Ops...), used: map[string]bool{}}
	if cfg.Complex {
		return &Expr{Root: g.complexGenerate(), Inputs: g.inputs}, nil
	}
	count := cfg.MinInputs + g.rng.IntN(cfg.MaxInputs-cfg.MinInputs+1)
	for i := range count {
		g.addInput(Input{Name: cfg.Names[i], Type: cfg.Types[g.rng.IntN(len(cfg.Types))]})
	}
	if cfg.Scalars {
		for i := range g.rng.IntN(3) {
			g.addInput(Input{Name: fmt.Sprintf("s%d", i), Type: cfg.Types[g.rng.IntN(len(cfg.Types))], Scalar: true})
		}
	}
	ops := cfg.MinOps + g.rng.IntN(cfg.MaxOps-cfg.MinOps+1)
	var types []Type
	for _, t := range []Type{Bool, Int32, Int64, Float32, Float64} {
		if g.canMake(t, true) && g.allowed(t) {
			types = append(types, t)
		}
	}
	if len(types) == 0 {
		return nil, fmt.Errorf("exprgen: no type in %v can be made from inputs of types %v", cfg.Only, cfg.Types)
	}
	if cfg.Reductions && g.funcs["sum"] && g.rng.IntN(4) == 0 {
		root := g.reduction(types[g.rng.IntN(len(types))], ops)
		if root != nil && !root.bad {
			return &Expr{Root: root, Inputs: g.inputs}, nil
		}
	}
	root := g.expr(types[g.rng.IntN(len(types))], ops, true)
	return &Expr{Root: root, Inputs: g.inputs}, nil
}

func (c Config) withDefaults() Config {
	if c.MinInputs == 0 && c.MaxInputs == 0 {
		c.MinInputs, c.MaxInputs = 2, 6
	}
	if c.MinOps == 0 && c.MaxOps == 0 {
		c.MinOps, c.MaxOps = 2, 20
	}
	if c.Types == nil {
		c.Types = []Type{Bool, Int32, Int64, Float32, Float64}
	}
	if c.Funcs == nil {
		c.Funcs = Functions()
	}
	if c.Ops == nil {
		c.Ops = Operators
	}
	if c.IntLits == nil {
		c.IntLits = DefaultIntLits
	}
	if c.FloatLits == nil {
		c.FloatLits = DefaultFloatLits
	}
	if c.Names == nil {
		for i := range max(c.MaxInputs, 1) {
			c.Names = append(c.Names, string(rune('a'+i%26))+suffix(i/26))
		}
	}
	return c
}

func suffix(k int) string {
	if k == 0 {
		return ""
	}
	return fmt.Sprint(k)
}

func (c Config) validate() error {
	switch {
	case c.MinInputs < 1 || c.MaxInputs < c.MinInputs:
		return fmt.Errorf("exprgen: inputs %d..%d: want 1 <= min <= max", c.MinInputs, c.MaxInputs)
	case c.MinOps < 1 || c.MaxOps < c.MinOps:
		return fmt.Errorf("exprgen: ops %d..%d: want 1 <= min <= max", c.MinOps, c.MaxOps)
	case len(c.Names) < c.MaxInputs:
		return fmt.Errorf("exprgen: %d names for up to %d inputs", len(c.Names), c.MaxInputs)
	case len(c.Types) == 0:
		return fmt.Errorf("exprgen: no input types")
	}
	for _, t := range c.Types {
		if t > Float64 {
			return fmt.Errorf("exprgen: unknown input type %v", t)
		}
	}
	return nil
}

type gen struct {
	cfg    Config
	rng    *rand.Rand
	xr     *rand.Rand // the extras' stream (Config.Extras)
	inputs []Input
	vars   map[Type][]*Node
	used   map[string]bool
	funcs  map[string]bool
	ops    map[string]bool
}

func (g *gen) addInput(in Input) {
	g.inputs = append(g.inputs, in)
	g.vars[in.Type] = append(g.vars[in.Type], &Node{Kind: Var, Name: in.Name, Type: in.Type, Array: !in.Scalar})
}

func (g *gen) hasVar(t Type) bool { return len(g.vars[t]) > 0 }

// allowed reports whether operations may produce t (Config.Only).
func (g *gen) allowed(t Type) bool { return g.cfg.Only == nil || slices.Contains(g.cfg.Only, t) }

// canMake reports whether the generator can make an expression of type t (with
// needVar, one that depends on an input).
func (g *gen) canMake(t Type, needVar bool) bool {
	switch t {
	case Float32:
		return g.hasVar(Float32)
	case Int32:
		return !needVar || g.hasVar(Int32)
	case Int64:
		return !needVar || g.hasVar(Int32) || g.hasVar(Int64)
	}
	return true
}

func (g *gen) chance(num, den int) bool { return g.rng.IntN(den) < num }

func pick[T any](g *gen, list []T) T { return list[g.rng.IntN(len(list))] }

// split divides ops among k children at random.
func (g *gen) split(ops, k int) []int {
	parts := make([]int, k)
	for range ops {
		parts[g.rng.IntN(k)]++
	}
	return parts
}

// below lists the number types no wider than t that can be made.
func (g *gen) below(t Type, needVar bool) []Type {
	var out []Type
	for u := Int32; u <= t; u++ {
		// With Config.Only, a type it leaves out appears only as int32 literals.
		if g.canMake(u, needVar) && (g.allowed(u) || u == Int32 && !needVar) {
			out = append(out, u)
		}
	}
	return out
}

// pair returns two operand types whose promotion is the number type t; the first can
// be made with needVar.
func (g *gen) pair(t Type, needVar bool) (Type, Type) {
	if !g.canMake(t, needVar) || g.chance(1, 2) {
		opts := g.below(t, needVar)
		if len(opts) > 0 {
			return pick(g, opts), t
		}
	}
	return t, pick(g, g.below(t, false))
}

func node(kind Kind, op string, t Type, args ...*Node) *Node {
	n := &Node{Kind: kind, Op: op, Type: t, Konst: true}
	for _, a := range args {
		n.Array = n.Array || a.Array
		n.Konst = n.Konst && a.Konst
		n.bad = n.bad || a.bad
	}
	n.Args = args
	isPow := kind == Binary && op == "**" || kind == Call && op == "pow"
	switch {
	case n.bad:
	case isPow && !n.literalOnly():
		n.bad = !power(n, t)
	default:
		v, ok := fold(n)
		n.val, n.bad = v, !ok
	}
	return n
}

// power completes the power n of type t (not literal-only); false where the language
// rejects it or types it otherwise. A constant exponent must be literal-only: another
// (abs(2), ones_like(s0), s0 ** 0) is one for the engine's power rewriting but not for
// the reference, and is not generated. The engine rewrites x ** 0 to the constant 1
// when x is a scalar (docs/language.md, power rewriting), so s0 ** 0 takes part in
// constant folding; an exponent whose value the generator does not know might be 0.
func power(n *Node, t Type) bool {
	x, y := n.Args[0], n.Args[1]
	if negativeIntPower(n) || powerType(n) != t || y.Konst && !y.literalOnly() {
		return false
	}
	if n.Konst {
		v, ok := fold(n)
		n.val = v
		return ok
	}
	if y.Konst && !x.Array {
		zero, known := y.val.isZero()
		if zero {
			n.Konst, n.val = true, one(t)
		}
		return known
	}
	return true
}

// negativeIntPower reports whether the power n is an integer to a constant negative
// power, a compile error (between two literals it is Python's float power instead,
// and typed so by fold).
func negativeIntPower(n *Node) bool {
	y := n.Args[1]
	return n.Type.IsInt() && y.Konst && y.val.kind == vInt && y.val.i.Sign() < 0
}

// powerType is the type of the power n (not literal-only): a constant float exponent
// takes the base's float type (an int32 base to a constant float32 exponent, such as
// s0 ** 0 of a float32 s0, gives float64), else the arguments' promoted type.
func powerType(n *Node) Type {
	x, y := n.Args[0].Type, n.Args[1].Type
	if n.Args[1].Konst && y.IsFloat() {
		return floatOf(x)
	}
	return max(x, y)
}

// expr makes an expression of type t with about ops operations.
func (g *gen) expr(t Type, ops int, needVar bool) *Node {
	if ops <= 0 || !g.allowed(t) {
		return g.decorate(g.leaf(t, needVar))
	}
	for range 8 {
		if n := g.production(t, ops, needVar); n != nil && !n.bad {
			return g.decorate(n)
		}
	}
	return g.decorate(g.leaf(t, needVar))
}

// production tries one randomly chosen way of making t; nil if it does not apply.
func (g *gen) production(t Type, ops int, needVar bool) *Node {
	rest := ops - 1
	switch t {
	case Bool:
		switch g.rng.IntN(6) {
		case 0, 1:
			return g.compare(rest, needVar)
		case 2:
			op := pick(g, []string{"&", "|", "^"})
			if !g.ops[op] {
				return nil
			}
			if g.extra(1, 4) {
				op = []string{"+", "*"}[g.xr.IntN(2)] // logical or, and
			}
			p := g.split(rest, 2)
			return node(Binary, op, Bool, g.expr(Bool, p[0], needVar), g.expr(Bool, p[1], false))
		case 3:
			return node(Unary, "~", Bool, g.expr(Bool, rest, needVar))
		case 4:
			f := pick(g, []string{"isnan", "isinf", "isfinite", "signbit"})
			if !g.funcs[f] {
				return nil
			}
			return node(Call, f, Bool, g.expr(g.numberType(needVar), rest, needVar))
		}
		return g.where(Bool, rest, needVar)
	}
	switch g.rng.IntN(14) {
	case 0, 1, 2:
		ops := []string{"+", "-", "*", "//", "%"}
		if t.IsFloat() {
			ops = append(ops, "/", "/", "-", "*")
		}
		return g.binary(pick(g, ops), t, rest, needVar)
	case 3:
		return g.power(t, rest, needVar)
	case 4:
		return node(Unary, pick(g, []string{"-", "-", "+"}), t, g.expr(t, rest, needVar))
	case 5:
		if t.IsInt() {
			if g.chance(1, 3) {
				return node(Unary, "~", t, g.expr(t, rest, needVar))
			}
			return g.binary(pick(g, []string{"&", "|", "^", "<<", ">>"}), t, rest, needVar)
		}
		return g.float1(t, rest, needVar)
	case 6:
		if t.IsFloat() {
			return g.float2(t, rest, needVar)
		}
		return g.binary(pick(g, []string{"&", "|", "<<", ">>"}), t, rest, needVar)
	case 7:
		f := pick(g, []string{"abs", "sign", "ceil", "floor", "trunc", "round"})
		if !g.funcs[f] {
			return nil
		}
		return node(Call, f, t, g.expr(t, rest, needVar))
	case 8:
		f := pick(g, []string{"maximum", "minimum", "clip"})
		if !g.funcs[f] {
			return nil
		}
		if f == "clip" {
			p := g.split(rest, 3)
			return node(Call, f, t, g.expr(t, p[0], needVar), g.expr(pick(g, g.below(t, false)), p[1], false),
				g.expr(pick(g, g.below(t, false)), p[2], false))
		}
		p := g.split(rest, 2)
		a, b := g.pair(t, needVar)
		return node(Call, f, t, g.expr(a, p[0], needVar), g.expr(b, p[1], false))
	case 9:
		return g.where(t, rest, needVar)
	case 10:
		if g.cfg.InnerReductions {
			return g.reduction(t, ops)
		}
		return nil
	case 11, 12:
		if t.IsFloat() {
			return g.float1(t, rest, needVar)
		}
		return g.binary(pick(g, []string{"+", "-", "*"}), t, rest, needVar)
	}
	return g.binary(pick(g, []string{"+", "-", "*"}), t, rest, needVar)
}

// numberType is a random number type that can be made.
func (g *gen) numberType(needVar bool) Type {
	var opts []Type
	for t := Int32; t <= Float64; t++ {
		if g.canMake(t, needVar) && g.allowed(t) {
			opts = append(opts, t)
		}
	}
	return pick(g, opts)
}

func mapKeys(m map[string]bool) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}
