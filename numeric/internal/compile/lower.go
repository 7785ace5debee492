package compile

import (
	"errors"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/numkit/numkit/numeric/internal/syntax"
	"github.com/numkit/numkit/numeric/ir"
)

// Options change how expressions are typed.
type Options struct {
	// Float32Constants makes float64 constants and scalars take float32 when combined
	// with a float32 array, instead of promoting the result to float64.
	Float32Constants bool
	// Known lists other names the caller has values for (the keys of its Vars), so
	// that an undefined variable gets a "did you mean" from them too.
	Known []string
}

// InputType is the type of an input variable.
type InputType struct {
	Type   ir.DType
	Scalar bool
}

// Lower type-checks e for the given inputs and lowers it to a program. names is the
// list Names returned; every name must be in inputs or the error says which is missing.
func Lower(src string, e syntax.Expr, names []string, inputs map[string]InputType, opt Options) (*ir.Program, error) {
	b := newBuilder(src, opt)
	for _, name := range names {
		t, ok := inputs[name]
		if !ok {
			continue // reported with its position when the walk meets it
		}
		b.input(name, t.Type, t.Scalar)
	}
	l := &lowerer{builder: b, inputs: inputs, known: opt.Known, pure: map[syntax.Expr]bool{}}
	r, err := l.expr(e)
	if err != nil {
		return nil, err
	}
	return b.finish(r, e.Pos())
}

type lowerer struct {
	*builder
	inputs map[string]InputType
	known  []string
	pure   map[syntax.Expr]bool // literalOnly's memo
}

func (l *lowerer) expr(e syntax.Expr) (ir.Reg, error) {
	if l.literalOnly(e) {
		if _, ok := e.(*syntax.BasicLit); !ok {
			return l.foldExact(e) // as Python computes it (exact.go)
		}
	}
	switch e := e.(type) {
	case *syntax.ParenExpr:
		return l.expr(e.X)
	case *syntax.Ident:
		return l.ident(e)
	case *syntax.BasicLit:
		return l.literal(e)
	case *syntax.UnaryExpr:
		x, err := l.expr(e.X)
		if err != nil {
			return 0, err
		}
		return l.unary(e, x)
	case *syntax.BinaryExpr:
		x, err := l.expr(e.X)
		if err != nil {
			return 0, err
		}
		y, err := l.expr(e.Y)
		if err != nil {
			return 0, err
		}
		return l.binary(e.Op, e.OpPos, x, y)
	case *syntax.CallExpr:
		argExprs := e.Args
		if funcs[e.Fun.Name].kind == fnReduce {
			if err := l.checkAxis(e); err != nil {
				return 0, err
			}
			argExprs = e.Args[:1]
		}
		args := make([]ir.Reg, len(argExprs))
		for i, a := range argExprs {
			r, err := l.expr(a)
			if err != nil {
				return 0, err
			}
			args[i] = r
		}
		return l.call(e, args)
	}
	return 0, l.errorf(e.Pos(), "internal error: unexpected node %T", e)
}

func (l *lowerer) ident(e *syntax.Ident) (ir.Reg, error) {
	if _, ok := l.inputs[e.Name]; !ok {
		names := make([]string, 0, len(l.inputs))
		for n := range l.inputs {
			names = append(names, n)
		}
		names = append(names, l.known...)
		sort.Strings(names)
		msg := "undefined variable " + e.Name
		if c := closest(e.Name, names); c != "" {
			msg += " (did you mean " + c + "?)"
		}
		return 0, l.errorf(e.Pos(), "%s", msg)
	}
	return l.inputRegs[e.Name], nil
}

func (l *lowerer) literal(e *syntax.BasicLit) (ir.Reg, error) {
	text := strings.ReplaceAll(e.Value, "_", "")
	switch e.Kind {
	case syntax.BoolLit:
		return l.constant(ir.BoolValue(e.Value == "True")), nil
	case syntax.IntLit:
		v, err := strconv.ParseInt(text, 0, 64)
		if err != nil {
			if errors.Is(err, strconv.ErrRange) {
				return 0, l.errorf(e.Pos(), "integer literal %s does not fit in int64", e.Value)
			}
			return 0, l.errorf(e.Pos(), "malformed integer literal %s", e.Value)
		}
		if v >= math.MinInt32 && v <= math.MaxInt32 {
			return l.constant(ir.IntValue(ir.Int32, v)), nil
		}
		return l.constant(ir.IntValue(ir.Int64, v)), nil
	case syntax.ImagLit:
		v, err := l.exactImag(e)
		if err != nil {
			return 0, err
		}
		return l.pyConstant(v, e.Pos())
	}
	v, err := strconv.ParseFloat(text, 64)
	if err != nil && (!errors.Is(err, strconv.ErrRange) || math.IsInf(v, 0)) {
		if errors.Is(err, strconv.ErrRange) {
			return 0, l.errorf(e.Pos(), "float literal %s overflows float64", e.Value)
		}
		return 0, l.errorf(e.Pos(), "malformed float literal %s", e.Value)
	}
	return l.constant(ir.FloatValue(ir.Float64, v)), nil
}

// unify returns the promoted type of the arguments.
func (l *lowerer) unify(args ...ir.Reg) ir.DType {
	t := l.typ(args[0])
	f32Vector, f64Vector, intVector := false, false, false // single, double precision arrays (real or complex)
	for _, a := range args {
		t = ir.Promote(t, l.typ(a))
		info := l.info(a)
		if !info.Scalar {
			f32Vector = f32Vector || info.Type == ir.Float32 || info.Type == ir.Complex64
			f64Vector = f64Vector || info.Type == ir.Float64 || info.Type == ir.Complex128
			intVector = intVector || info.Type.IsInt()
		}
	}
	if l.opt.Float32Constants && t == ir.Float64 && f32Vector && !f64Vector {
		return ir.Float32
	}
	if l.opt.Float32Constants && t == ir.Complex128 && f32Vector && !f64Vector && !intVector {
		return ir.Complex64 // z64 * 1j stays complex64, as NumPy keeps an array's precision
	}
	return t
}

// convertAll converts every argument to t.
func (l *lowerer) convertAll(t ir.DType, pos syntax.Pos, args []ir.Reg) ([]ir.Reg, error) {
	out := make([]ir.Reg, len(args))
	for i, a := range args {
		r, err := l.convert(a, t, pos)
		if err != nil {
			return nil, err
		}
		out[i] = r
	}
	return out, nil
}

func (l *lowerer) unary(e *syntax.UnaryExpr, x ir.Reg) (ir.Reg, error) {
	t := l.typ(x)
	switch e.Op {
	case syntax.ADD, syntax.SUB:
		if e.Op == syntax.ADD && t == ir.Bool {
			return x, nil // numexpr's +t is t
		}
		if !t.IsNumber() && !t.IsComplex() {
			return 0, l.errorf(e.OpPos, "unary %s is not defined on %s (use ~ to negate a bool)", e.Op, t)
		}
		if e.Op == syntax.ADD {
			return x, nil
		}
		return l.emit(ir.OpNeg, t, e.OpPos, x)
	case syntax.NOT:
		if t.IsFloat() || t.IsComplex() {
			return 0, l.errorf(e.OpPos, "~ is not defined on %s: it is logical not on bool and bitwise not on integers", t)
		}
		return l.emit(ir.OpNot, t, e.OpPos, x)
	}
	return 0, l.errorf(e.OpPos, "internal error: unary %s", e.Op)
}

var binaryOps = map[syntax.Token]ir.Op{
	syntax.ADD: ir.OpAdd, syntax.SUB: ir.OpSub, syntax.MUL: ir.OpMul, syntax.DIV: ir.OpDiv,
	syntax.FLOORDIV: ir.OpFloorDiv, syntax.MOD: ir.OpMod,
	syntax.LT: ir.OpLt, syntax.LE: ir.OpLe, syntax.EQ: ir.OpEq, syntax.NE: ir.OpNe,
	syntax.GE: ir.OpGe, syntax.GT: ir.OpGt,
	syntax.AND: ir.OpAnd, syntax.OR: ir.OpOr, syntax.XOR: ir.OpXor,
	syntax.SHL: ir.OpShl, syntax.SHR: ir.OpShr,
}

func (l *lowerer) binary(tok syntax.Token, pos syntax.Pos, x, y ir.Reg) (ir.Reg, error) {
	tx, ty := l.typ(x), l.typ(y)
	if tok == syntax.POW {
		return l.pow(pos, x, y)
	}
	op, ok := binaryOps[tok]
	if !ok {
		return 0, l.errorf(pos, "internal error: binary %s", tok)
	}
	// A bool operand of an arithmetic operator, a comparison or a bitwise operator
	// with a number counts as 0 or 1 in the other operand's type (numexpr 2.14 casts
	// it); two bools are added as | and multiplied as &, as numexpr and NumPy do.
	bools := tx == ir.Bool && ty == ir.Bool
	if tx.IsComplex() || ty.IsComplex() {
		if err := l.complexBinaryError(op, tok, pos); err != nil {
			return 0, err
		}
	}
	switch {
	case op.IsCompare():
	case op == ir.OpAnd || op == ir.OpOr || op == ir.OpXor:
		if tx.IsFloat() || ty.IsFloat() {
			return 0, l.errorf(pos, "%s needs bools (logical) or integers (bitwise), not %s and %s", tok, tx, ty)
		}
	case op == ir.OpShl || op == ir.OpShr:
		if tx.IsFloat() || ty.IsFloat() || bools {
			return 0, l.errorf(pos, "%s needs integers, not %s and %s", tok, tx, ty)
		}
	case bools && op == ir.OpAdd:
		return l.emit(ir.OpOr, ir.Bool, pos, x, y)
	case bools && op == ir.OpMul:
		return l.emit(ir.OpAnd, ir.Bool, pos, x, y)
	case bools && op != ir.OpDiv:
		return 0, l.errorf(pos, "operator %s is not defined on two bools (bool + bool is |, bool * bool is &; use where(c, 1, 0) for numbers)", tok)
	}
	if r, ok, err := l.narrowCompare(op, pos, x, y); ok {
		return r, err
	}
	t := l.unify(x, y)
	if op == ir.OpDiv && (t.IsInt() || t == ir.Bool) {
		t = ir.Float64
	}
	args, err := l.convertAll(t, pos, []ir.Reg{x, y})
	if err != nil {
		return 0, err
	}
	res := t
	if op.IsCompare() {
		res = ir.Bool
	}
	if op == ir.OpAdd && t.IsComplex() {
		if r, ok, err := l.complexMulAdd(pos, args[0], args[1]); ok {
			return r, err
		}
	}
	if op == ir.OpDiv && l.isConst(args[1]) && !l.isConst(args[0]) && !t.IsComplex() {
		if r, ok := exactReciprocal(l.info(args[1]).Const); ok {
			// x / 2^k is x * 2^-k exactly: a multiplication is several times faster.
			return l.emit(ir.OpMul, res, pos, args[0], l.constant(r))
		}
	}
	return l.emit(op, res, pos, args...)
}

func (l *lowerer) call(e *syntax.CallExpr, args []ir.Reg) (ir.Reg, error) {
	name, pos := e.Fun.Name, e.Fun.Pos()
	f := funcs[name]
	if r, ok, err := l.complexCall(e, f, args); ok {
		return r, err
	}
	if f.kind != fnWhere && f.kind != fnReduce && f.kind != fnIdentity && f.kind != fnZeros && f.kind != fnOnes {
		// reduce, where, copy, real, imag and ones_like check their own
		for i, a := range args {
			if t := l.typ(a); !t.IsNumber() {
				return 0, l.errorf(e.Args[i].Pos(), "%s is not defined on %s", name, t)
			}
		}
	}
	switch f.kind {
	case fnFloat, fnFloat2:
		t := ir.FloatOf(l.unify(args...))
		conv, err := l.convertAll(t, pos, args)
		if err != nil {
			return 0, err
		}
		return l.emit(f.op, t, pos, conv...)
	case fnNumber, fnNumber2:
		t := l.unify(args...)
		conv, err := l.convertAll(t, pos, args)
		if err != nil {
			return 0, err
		}
		return l.emit(f.op, t, pos, conv...)
	case fnRound:
		if l.typ(args[0]).IsInt() {
			return args[0], nil
		}
		return l.emit(f.op, l.typ(args[0]), pos, args[0])
	case fnPredicate:
		x := args[0]
		if l.typ(x).IsInt() {
			var err error
			if x, err = l.convert(x, ir.Float64, pos); err != nil {
				return 0, err
			}
		}
		return l.emit(f.op, ir.Bool, pos, x)
	case fnWhere:
		return l.where(e, args)
	case fnClip:
		t := l.unify(args...)
		conv, err := l.convertAll(t, pos, args)
		if err != nil {
			return 0, err
		}
		lo, err := l.emit(ir.OpMax, t, pos, conv[0], conv[1])
		if err != nil {
			return 0, err
		}
		return l.emit(ir.OpMin, t, pos, lo, conv[2])
	case fnPow:
		return l.pow(pos, args[0], args[1])
	case fnReduce:
		return l.reduce(f.reduce, args[0], pos)
	case fnIdentity, fnZeros, fnOnes:
		return l.likeFunc(f.kind, args[0], pos)
	}
	return 0, l.errorf(pos, "internal error: function %s", name)
}

func (l *lowerer) where(e *syntax.CallExpr, args []ir.Reg) (ir.Reg, error) {
	c, x, y := args[0], args[1], args[2]
	if l.typ(c) != ir.Bool {
		return 0, l.errorf(e.Args[0].Pos(), "where's condition must be bool, not %s (compare it, e.g. where(x != 0, a, b))", l.typ(c))
	}
	t := l.unify(x, y)
	conv, err := l.convertAll(t, e.Fun.Pos(), []ir.Reg{x, y})
	if err != nil {
		return 0, err
	}
	return l.emit(ir.OpWhere, t, e.Fun.Pos(), c, conv[0], conv[1])
}

// exactReciprocal returns 1/c when c is a power of two whose reciprocal is a normal
// number of c's type, so that x/c and x*(1/c) are equal for every x.
func exactReciprocal(c ir.Value) (ir.Value, bool) {
	f := c.Float()
	if f == 0 || math.IsInf(f, 0) || math.IsNaN(f) {
		return ir.Value{}, false
	}
	frac, _ := math.Frexp(f)
	if math.Abs(frac) != 0.5 {
		return ir.Value{}, false
	}
	r := 1 / f
	minNormal, maxFinite := 0x1p-1022, math.MaxFloat64
	if c.Type == ir.Float32 {
		minNormal, maxFinite = 0x1p-126, math.MaxFloat32
	}
	if math.Abs(r) < minNormal || math.Abs(r) > maxFinite || math.Abs(f) < minNormal {
		return ir.Value{}, false
	}
	return ir.FloatValue(c.Type, r), true
}

// narrowCompare compares a float32 array x with a float64 constant c by an ordering
// operator in float32, where the language compares float64(x) with c: for every
// float32 x, x < c is x <= lo and x > c is x >= hi, with lo and hi the float32
// values next to c below and above it (c itself where it is a float32; ±Inf and the
// largest float32 beyond the float32 range), and <= and >= the same. So the result
// is the same, without widening every element (and the float32 code stays in
// float32 lanes: chains, vm/chain.go). Equality, NaN constants and other types keep
// the float64 comparison.
func (l *lowerer) narrowCompare(op ir.Op, pos syntax.Pos, x, y ir.Reg) (ir.Reg, bool, error) {
	if !op.IsCompare() || op == ir.OpEq || op == ir.OpNe {
		return 0, false, nil
	}
	if l.isConst(x) && !l.isConst(y) {
		x, y = y, x
		op, _ = op.Swapped()
	}
	if l.typ(x) != ir.Float32 || l.isConst(x) || l.typ(y) != ir.Float64 || !l.isConst(y) {
		return 0, false, nil
	}
	c := l.info(y).Const.Float()
	if c != c {
		return 0, false, nil
	}
	k := float32(c)
	if float64(k) != c {
		switch op {
		case ir.OpLt, ir.OpLe: // x <= the float32 below c
			if float64(k) > c {
				k = math.Nextafter32(k, float32(math.Inf(-1)))
			}
			op = ir.OpLe
		default: // x >= the float32 above c
			if float64(k) < c {
				k = math.Nextafter32(k, float32(math.Inf(1)))
			}
			op = ir.OpGe
		}
	}
	r, err := l.emit(op, ir.Bool, pos, x, l.constant(ir.FloatValue(ir.Float32, float64(k))))
	return r, true, err
}
