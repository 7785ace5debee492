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
	g := &gen{cfg: cfg, rng: rand.New(rand.NewPCG(seed, 0x6e756d6b6974)), vars: map[Type][]*Node{},
		funcs: setOf(cfg.Funcs...), ops: setOf(cfg.Ops...), used: map[string]bool{}}
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
		if root != nil {
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
	}
	return n.withArgs(args)
}

func (n *Node) withArgs(args []*Node) *Node { n.Args = args; return n }

// expr makes an expression of type t with about ops operations.
func (g *gen) expr(t Type, ops int, needVar bool) *Node {
	if ops <= 0 || !g.allowed(t) {
		return g.leaf(t, needVar)
	}
	for range 8 {
		if n := g.production(t, ops, needVar); n != nil {
			return n
		}
	}
	return g.leaf(t, needVar)
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
	n.Array, n.Konst = false, false
	return n
}

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
		return &Node{Kind: Lit, Name: pick(g, []string{"True", "False"}), Type: Bool, Konst: true}
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
		typ := max(x.Type, y.Type)
		if typ == t {
			return node(Binary, op, typ, x, y)
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
	return &Node{Kind: Lit, Name: text, Type: litType(text), Konst: true}
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

func mapKeys(m map[string]bool) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}
