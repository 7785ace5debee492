package compile

import (
	"cmp"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/numkit/numkit/asm"
	"github.com/numkit/numkit/numeric/internal/syntax"
	"github.com/numkit/numkit/numeric/ir"
)

// Constant folding of literal-only subexpressions, as numexpr does it.
//
// numexpr hands the source to Python's eval, so an operator whose operands are all
// literals (2**40, 7 // -2, 1 << 40, 2**-1) is computed by Python itself: integers
// are unbounded, an integer to a negative power is a float, / of integers is the
// correctly rounded quotient, and division by zero or a float overflow in ** is an
// error. Only the value that reaches the rest of the expression gets a type: int32
// when it fits, int64 when it does not, and an error beyond int64. numkit folds these
// subexpressions the same way, in exact arithmetic, so no folded constant wraps.

// maxConstBits bounds the size of an integer while folding (Python has no bound;
// a value this large can never come back into int64 range in a short expression
// without being an error anyway, except through // or >>, which are allowed up to it).
const maxConstBits = 4096

// pyKind is the Python type of a folded value.
type pyKind int

const (
	pyBool pyKind = iota
	pyInt
	pyFloat
	pyComplex // exact_complex.go
)

// pyValue is a constant as Python holds it.
type pyValue struct {
	kind pyKind
	b    bool
	i    *big.Int
	f    float64
	c    complex128
}

func pyIntValue(i *big.Int) pyValue  { return pyValue{kind: pyInt, i: i} }
func pyFloatValue(f float64) pyValue { return pyValue{kind: pyFloat, f: f} }

// integer returns v as an integer (a bool is 0 or 1); v must not be a float.
func (v pyValue) integer() *big.Int {
	if v.kind == pyBool {
		if v.b {
			return big.NewInt(1)
		}
		return big.NewInt(0)
	}
	return v.i
}

func (v pyValue) isZero() bool {
	switch v.kind {
	case pyFloat:
		return v.f == 0
	case pyBool:
		return !v.b
	}
	return v.i.Sign() == 0
}

// literalOnly reports whether e is built of literals and operators only, so that
// numexpr would have Python compute it. Results are memoized: lowering asks at every
// level.
func (l *lowerer) literalOnly(e syntax.Expr) bool {
	if v, ok := l.pure[e]; ok {
		return v
	}
	var v bool
	switch e := e.(type) {
	case *syntax.BasicLit:
		v = e.Kind != syntax.NoneLit
	case *syntax.ParenExpr:
		v = l.literalOnly(e.X)
	case *syntax.UnaryExpr:
		v = l.literalOnly(e.X)
	case *syntax.BinaryExpr:
		x, y := l.literalOnly(e.X), l.literalOnly(e.Y)
		v = x && y
	}
	l.pure[e] = v
	return v
}

// foldExact evaluates the literal-only e as Python would and returns its register.
func (l *lowerer) foldExact(e syntax.Expr) (ir.Reg, error) {
	v, err := l.exact(e)
	if err != nil {
		return 0, err
	}
	return l.pyConstant(v, e.Pos())
}

// pyConstant types a folded value as numexpr does.
func (l *lowerer) pyConstant(v pyValue, pos syntax.Pos) (ir.Reg, error) {
	switch v.kind {
	case pyBool:
		return l.constant(ir.BoolValue(v.b)), nil
	case pyFloat:
		return l.constant(ir.FloatValue(ir.Float64, v.f)), nil
	case pyComplex:
		return l.constant(ir.ComplexValue(ir.Complex128, v.c)), nil
	}
	if !v.i.IsInt64() {
		return 0, l.errorf(pos, "integer constant %s does not fit in int64", shortInt(v.i))
	}
	i := v.i.Int64()
	if i >= math.MinInt32 && i <= math.MaxInt32 {
		return l.constant(ir.IntValue(ir.Int32, i)), nil
	}
	return l.constant(ir.IntValue(ir.Int64, i)), nil
}

// shortInt formats i, eliding the middle digits of a long one.
func shortInt(i *big.Int) string {
	s := i.String()
	if len(s) > 40 {
		return s[:18] + "..." + s[len(s)-18:] + " (" + strconv.Itoa(len(strings.TrimLeft(s, "-"))) + " digits)"
	}
	return s
}

func (l *lowerer) exact(e syntax.Expr) (pyValue, error) {
	switch e := e.(type) {
	case *syntax.ParenExpr:
		return l.exact(e.X)
	case *syntax.BasicLit:
		return l.exactLiteral(e)
	case *syntax.UnaryExpr:
		x, err := l.exact(e.X)
		if err != nil {
			return x, err
		}
		return l.exactUnary(e.Op, e.OpPos, x)
	case *syntax.BinaryExpr:
		x, err := l.exact(e.X)
		if err != nil {
			return x, err
		}
		y, err := l.exact(e.Y)
		if err != nil {
			return y, err
		}
		return l.exactBinary(e.Op, e.OpPos, x, y)
	}
	return pyValue{}, l.errorf(e.Pos(), "internal error: exact folding of %T", e)
}

func (l *lowerer) exactLiteral(e *syntax.BasicLit) (pyValue, error) {
	text := strings.ReplaceAll(e.Value, "_", "")
	switch e.Kind {
	case syntax.BoolLit:
		return pyValue{kind: pyBool, b: e.Value == "True"}, nil
	case syntax.IntLit:
		i, ok := new(big.Int).SetString(text, 0)
		if !ok {
			return pyValue{}, l.errorf(e.Pos(), "malformed integer literal %s", e.Value)
		}
		if i.BitLen() > maxConstBits {
			return pyValue{}, l.errorf(e.Pos(), "integer literal %s is too large", shortInt(i))
		}
		return pyIntValue(i), nil
	case syntax.ImagLit:
		return l.exactImag(e)
	}
	f, _ := strconv.ParseFloat(text, 64) // the scanner checked the syntax
	if math.IsInf(f, 0) {
		return pyValue{}, l.errorf(e.Pos(), "float literal %s overflows float64", e.Value)
	}
	return pyFloatValue(f), nil
}

// toFloat converts an int or bool to float as Python does: correctly rounded, an
// error when it is beyond float64.
func (l *lowerer) toFloat(v pyValue, pos syntax.Pos) (float64, error) {
	if v.kind == pyFloat {
		return v.f, nil
	}
	f, _ := new(big.Float).SetInt(v.integer()).Float64()
	if math.IsInf(f, 0) {
		return 0, l.errorf(pos, "integer constant %s is too large to convert to float", shortInt(v.integer()))
	}
	return f, nil
}

func (l *lowerer) exactUnary(op syntax.Token, pos syntax.Pos, x pyValue) (pyValue, error) {
	switch {
	case x.kind == pyComplex:
		return l.exactComplexUnary(op, pos, x)
	case op == syntax.NOT && x.kind == pyBool:
		// Python's ~True is -2 (deprecated since 3.12); numkit keeps ~ logical on
		// bools, as on bool arrays (docs/language.md, differences).
		return pyValue{kind: pyBool, b: !x.b}, nil
	case op == syntax.NOT && x.kind == pyFloat:
		return pyValue{}, l.errorf(pos, "~ is not defined on float64: it is logical not on bool and bitwise not on integers")
	case op == syntax.NOT:
		return pyIntValue(new(big.Int).Not(x.i)), nil
	case x.kind == pyFloat && op == syntax.SUB:
		return pyFloatValue(-x.f), nil
	case x.kind == pyFloat:
		return x, nil
	case op == syntax.SUB:
		return pyIntValue(new(big.Int).Neg(x.integer())), nil
	}
	return pyIntValue(x.integer()), nil // +True is 1
}

func (l *lowerer) exactBinary(op syntax.Token, pos syntax.Pos, x, y pyValue) (pyValue, error) {
	anyFloat := x.kind == pyFloat || y.kind == pyFloat
	if x.kind == pyComplex || y.kind == pyComplex {
		return l.exactComplexBinary(op, pos, x, y)
	}
	switch op {
	case syntax.LT, syntax.LE, syntax.EQ, syntax.NE, syntax.GE, syntax.GT:
		return pyValue{kind: pyBool, b: pyCompare(op, x, y)}, nil
	case syntax.AND, syntax.OR, syntax.XOR, syntax.SHL, syntax.SHR:
		if anyFloat {
			return pyValue{}, l.errorf(pos, "%s is not defined on float constants", op)
		}
		return l.exactBits(op, pos, x, y)
	case syntax.DIV, syntax.FLOORDIV, syntax.MOD:
		if y.isZero() {
			return pyValue{}, l.errorf(pos, "division by zero in a constant expression")
		}
	case syntax.POW:
		return l.exactPow(pos, x, y)
	}
	if anyFloat || op == syntax.DIV {
		if !anyFloat { // int / int: the correctly rounded quotient
			q, _ := new(big.Rat).SetFrac(x.integer(), y.integer()).Float64()
			if math.IsInf(q, 0) {
				return pyValue{}, l.errorf(pos, "integer division result too large for a float")
			}
			return pyFloatValue(q), nil
		}
		fx, err := l.toFloat(x, pos)
		if err != nil {
			return pyValue{}, err
		}
		fy, err := l.toFloat(y, pos)
		if err != nil {
			return pyValue{}, err
		}
		return pyFloatValue(pyFloatOp(op, fx, fy)), nil
	}
	a, b := x.integer(), y.integer()
	r := new(big.Int)
	switch op {
	case syntax.ADD:
		r.Add(a, b)
	case syntax.SUB:
		r.Sub(a, b)
	case syntax.MUL:
		if a.BitLen()+b.BitLen() > maxConstBits+1 {
			return pyValue{}, l.errorf(pos, "integer constant is too large")
		}
		r.Mul(a, b)
	case syntax.FLOORDIV, syntax.MOD:
		q, m := new(big.Int).QuoRem(a, b, new(big.Int))
		if m.Sign() != 0 && m.Sign() != b.Sign() { // floor, as Python
			q.Sub(q, big.NewInt(1))
			m.Add(m, b)
		}
		if op == syntax.MOD {
			return pyIntValue(m), nil
		}
		return pyIntValue(q), nil
	default:
		return pyValue{}, l.errorf(pos, "internal error: exact %s", op)
	}
	if r.BitLen() > maxConstBits {
		return pyValue{}, l.errorf(pos, "integer constant is too large")
	}
	return pyIntValue(r), nil
}

// pyFloatOp is + - * / // % on floats as Python computes them (the divisor is not 0).
func pyFloatOp(op syntax.Token, x, y float64) float64 {
	switch op {
	case syntax.ADD:
		return x + y
	case syntax.SUB:
		return x - y
	case syntax.MUL:
		return x * y
	case syntax.DIV:
		return x / y
	}
	// Python's float divmod: the remainder takes the divisor's sign; the quotient is
	// (x - mod) / y, rounded to the nearest integer.
	mod := math.Mod(x, y)
	div := (x - mod) / y
	if mod != 0 {
		if (y < 0) != (mod < 0) {
			mod += y
			div -= 1
		}
	} else {
		mod = math.Copysign(0, y)
	}
	if op == syntax.MOD {
		return mod
	}
	if div == 0 {
		return math.Copysign(0, x/y)
	}
	floor := math.Floor(div)
	if div-floor > 0.5 {
		floor++
	}
	return floor
}

func (l *lowerer) exactBits(op syntax.Token, pos syntax.Pos, x, y pyValue) (pyValue, error) {
	if x.kind == pyBool && y.kind == pyBool && (op == syntax.AND || op == syntax.OR || op == syntax.XOR) {
		b := map[syntax.Token]bool{syntax.AND: x.b && y.b, syntax.OR: x.b || y.b, syntax.XOR: x.b != y.b}[op]
		return pyValue{kind: pyBool, b: b}, nil
	}
	a, b := x.integer(), y.integer()
	r := new(big.Int)
	switch op {
	case syntax.AND:
		r.And(a, b)
	case syntax.OR:
		r.Or(a, b)
	case syntax.XOR:
		r.Xor(a, b)
	default:
		if b.Sign() < 0 {
			return pyValue{}, l.errorf(pos, "negative shift count %s in a constant expression", b)
		}
		if op == syntax.SHR {
			if !b.IsInt64() || b.Int64() > maxConstBits {
				if a.Sign() < 0 {
					return pyIntValue(big.NewInt(-1)), nil
				}
				return pyIntValue(new(big.Int)), nil
			}
			r.Rsh(a, uint(b.Int64()))
			break
		}
		if a.Sign() == 0 {
			return pyIntValue(r), nil
		}
		if !b.IsInt64() || b.Int64() > maxConstBits-int64(a.BitLen()) { // no int64 overflow for a huge b
			return pyValue{}, l.errorf(pos, "integer constant is too large")
		}
		r.Lsh(a, uint(b.Int64()))
	}
	return pyIntValue(r), nil
}

func (l *lowerer) exactPow(pos syntax.Pos, x, y pyValue) (pyValue, error) {
	if x.kind != pyFloat && y.kind != pyFloat && y.integer().Sign() >= 0 {
		a, n := x.integer(), y.integer()
		if a.CmpAbs(big.NewInt(1)) <= 0 || n.Sign() == 0 {
			return pyIntValue(new(big.Int).Exp(a, n, nil)), nil
		}
		if !n.IsInt64() || n.Int64() > maxConstBits/int64(a.BitLen()-1) { // |a| >= 2: BitLen-1 >= 1; no overflow
			return pyValue{}, l.errorf(pos, "integer constant is too large")
		}
		return pyIntValue(new(big.Int).Exp(a, n, nil)), nil
	}
	// A float, or an integer to a negative power: Python's float pow.
	fx, err := l.toFloat(x, pos)
	if err != nil {
		return pyValue{}, err
	}
	fy, err := l.toFloat(y, pos)
	if err != nil {
		return pyValue{}, err
	}
	switch {
	case fy == 0:
		return pyFloatValue(1), nil
	case fx == 0 && fy < 0:
		return pyValue{}, l.errorf(pos, "0.0 cannot be raised to a negative power")
	case fx < 0 && !math.IsInf(fx, 0) && !math.IsInf(fy, 0) && fy != math.Trunc(fy):
		return l.exactComplexBinary(syntax.POW, pos, x, y) // complex, as in Python 3
	}
	// CPython's float ** is libm's pow, within an ULP; so is asm's, subnormal bases and
	// integer powers included (Go's math.Pow multiplies out an integer power: 0.1 ** 51
	// is 1.0000000000000053e-51 by it, 1.0000000000000028e-51 by CPython and asm).
	r := libm(asm.PowF64, fx, fy)
	if math.IsInf(r, 0) && !math.IsInf(fx, 0) && !math.IsInf(fy, 0) && !math.IsNaN(fx) {
		return pyValue{}, l.errorf(pos, "constant ** overflows float64")
	}
	return pyFloatValue(r), nil
}

// pyCompare compares exactly, as Python compares ints and floats (NaN is unordered).
func pyCompare(op syntax.Token, x, y pyValue) bool {
	var c int
	switch {
	case x.kind != pyFloat && y.kind != pyFloat:
		c = x.integer().Cmp(y.integer())
	case math.IsNaN(x.f) && x.kind == pyFloat || math.IsNaN(y.f) && y.kind == pyFloat:
		return op == syntax.NE
	default:
		c = pyRat(x).Cmp(pyRat(y))
		if x.kind == pyFloat && math.IsInf(x.f, 0) || y.kind == pyFloat && math.IsInf(y.f, 0) {
			c = pyInfCompare(x, y)
		}
	}
	switch op {
	case syntax.LT:
		return c < 0
	case syntax.LE:
		return c <= 0
	case syntax.EQ:
		return c == 0
	case syntax.NE:
		return c != 0
	case syntax.GE:
		return c >= 0
	}
	return c > 0
}

// pyRat is a finite value as an exact rational (±Inf as 0: pyInfCompare decides).
func pyRat(v pyValue) *big.Rat {
	if v.kind != pyFloat {
		return new(big.Rat).SetInt(v.integer())
	}
	if math.IsInf(v.f, 0) {
		return new(big.Rat)
	}
	return new(big.Rat).SetFloat64(v.f)
}

// pyInfCompare compares when at least one side is an infinite float.
func pyInfCompare(x, y pyValue) int {
	rank := func(v pyValue) int {
		if v.kind == pyFloat && math.IsInf(v.f, 0) {
			return int(math.Copysign(2, v.f))
		}
		return 0
	}
	return cmp.Compare(rank(x), rank(y))
}
