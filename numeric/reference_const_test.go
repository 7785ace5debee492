package numeric

// The reference's folding of literal-only subexpressions (docs/language.md, "Literals
// and constant folding"): Python's arithmetic on unbounded integers and float64,
// written from the spec, independent of the engine's compile/exact.go.

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/numkit/numkit/asm"
	"github.com/numkit/numkit/numeric/internal/syntax"
)

// refPy is a Python value: a bool (isBool), an int (n != nil), a complex (isC, c) or
// a float (f).
type refPy struct {
	isBool, b bool
	n         *big.Int
	f         float64
	isC       bool
	c         complex128
}

func (v refPy) isFloat() bool { return !v.isBool && v.n == nil && !v.isC }

func (v refPy) int() *big.Int {
	if v.isBool {
		if v.b {
			return big.NewInt(1)
		}
		return new(big.Int)
	}
	return v.n
}

func (v refPy) float() (float64, error) {
	if v.isFloat() {
		return v.f, nil
	}
	f, _ := new(big.Float).SetInt(v.int()).Float64()
	if math.IsInf(f, 0) {
		return 0, refErrorf("int too large to convert to float")
	}
	return f, nil
}

// refLiteralOnly reports whether e has only literals and operators.
func refLiteralOnly(e syntax.Expr) bool {
	ok := true
	syntax.Walk(e, func(x syntax.Expr) bool {
		switch x := x.(type) {
		case *syntax.Ident, *syntax.CallExpr:
			ok = false
		case *syntax.BasicLit:
			ok = ok && x.Kind != syntax.NoneLit
		}
		return ok
	})
	return ok
}

// refFold computes a literal-only expression as Python does and types the result as
// numexpr does: bool, int32 if it fits, else int64, else an error; float64.
func refFold(e syntax.Expr) (DType, refElem, error) {
	v, err := refPyEval(e)
	if err != nil {
		return 0, refElem{}, err
	}
	switch {
	case v.isBool:
		return Bool, refElem{b: v.b}, nil
	case v.isC:
		return Complex128, refElem{c: v.c}, nil
	case v.isFloat():
		return Float64, refElem{f: v.f}, nil
	case !v.n.IsInt64():
		return 0, refElem{}, refErrorf("constant %v beyond int64", v.n)
	case v.n.Int64() == int64(int32(v.n.Int64())):
		return Int32, refElem{i: v.n.Int64()}, nil
	}
	return Int64, refElem{i: v.n.Int64()}, nil
}

func refPyEval(e syntax.Expr) (refPy, error) {
	switch e := e.(type) {
	case *syntax.ParenExpr:
		return refPyEval(e.X)
	case *syntax.BasicLit:
		text := strings.ReplaceAll(e.Value, "_", "")
		switch e.Kind {
		case syntax.BoolLit:
			return refPy{isBool: true, b: e.Value == "True"}, nil
		case syntax.IntLit:
			n, _ := new(big.Int).SetString(text, 0)
			return refPy{n: n}, nil
		}
		f, _ := strconv.ParseFloat(strings.TrimRight(text, "jJ"), 64)
		if math.IsInf(f, 0) {
			return refPy{}, refErrorf("float literal %s overflows", e.Value)
		}
		if e.Kind == syntax.ImagLit {
			return refPy{isC: true, c: complex(0, f)}, nil
		}
		return refPy{f: f}, nil
	case *syntax.UnaryExpr:
		x, err := refPyEval(e.X)
		if err != nil {
			return x, err
		}
		switch {
		case x.isC && e.Op == syntax.NOT:
			return x, refErrorf("~ of a complex")
		case x.isC && e.Op == syntax.SUB:
			return refPy{isC: true, c: -x.c}, nil
		case x.isC:
			return x, nil
		case e.Op == syntax.NOT && x.isBool: // the spec keeps ~ logical on bools
			return refPy{isBool: true, b: !x.b}, nil
		case x.isFloat() && e.Op == syntax.NOT:
			return x, refErrorf("~ of a float")
		case x.isFloat() && e.Op == syntax.SUB:
			return refPy{f: -x.f}, nil
		case x.isFloat():
			return x, nil
		case e.Op == syntax.NOT:
			return refPy{n: new(big.Int).Not(x.int())}, nil
		case e.Op == syntax.SUB:
			return refPy{n: new(big.Int).Neg(x.int())}, nil
		}
		return refPy{n: x.int()}, nil
	case *syntax.BinaryExpr:
		x, err := refPyEval(e.X)
		if err != nil {
			return x, err
		}
		y, err := refPyEval(e.Y)
		if err != nil {
			return y, err
		}
		return refPyBinary(e.Op, x, y)
	}
	return refPy{}, refErrorf("fold %T", e)
}

func refPyBinary(op syntax.Token, x, y refPy) (refPy, error) {
	if x.isC || y.isC {
		return refPyComplexBinary(op, x, y)
	}
	floats := x.isFloat() || y.isFloat()
	switch op {
	case syntax.LT, syntax.LE, syntax.EQ, syntax.NE, syntax.GE, syntax.GT:
		return refPy{isBool: true, b: refPyCompare(op, x, y)}, nil
	case syntax.DIV, syntax.FLOORDIV, syntax.MOD:
		if yf, _ := y.float(); !y.isFloat() && y.int().Sign() == 0 || y.isFloat() && yf == 0 {
			return refPy{}, refErrorf("division by zero")
		}
	}
	switch {
	case op == syntax.POW:
		return refPyPow(x, y)
	case floats && (op == syntax.AND || op == syntax.OR || op == syntax.XOR || op == syntax.SHL || op == syntax.SHR):
		return refPy{}, refErrorf("%s of floats", op)
	case x.isBool && y.isBool && (op == syntax.AND || op == syntax.OR || op == syntax.XOR):
		return refPy{isBool: true, b: refBinary(op, Bool, refElem{b: x.b}, refElem{b: y.b}).b}, nil
	case op == syntax.DIV && !floats:
		f, _ := new(big.Rat).SetFrac(x.int(), y.int()).Float64()
		if math.IsInf(f, 0) {
			return refPy{}, refErrorf("quotient too large")
		}
		return refPy{f: f}, nil
	case floats:
		a, err := x.float()
		if err != nil {
			return refPy{}, err
		}
		b, err := y.float()
		if err != nil {
			return refPy{}, err
		}
		return refPy{f: refFloatOp(op, a, b)}, nil // NumPy's float ops are Python's
	}
	a, b, r := x.int(), y.int(), new(big.Int)
	switch op {
	case syntax.ADD:
		r.Add(a, b)
	case syntax.SUB:
		r.Sub(a, b)
	case syntax.MUL:
		r.Mul(a, b)
	case syntax.FLOORDIV:
		r.Div(a, b) // Euclidean: one above the floor when b < 0 and b does not divide a
		if b.Sign() < 0 && new(big.Int).Mul(r, b).Cmp(a) != 0 {
			r.Sub(r, big.NewInt(1))
		}
	case syntax.MOD:
		q, _ := refPyBinary(syntax.FLOORDIV, x, y)
		r.Sub(a, new(big.Int).Mul(q.n, b))
	case syntax.AND:
		r.And(a, b)
	case syntax.OR:
		r.Or(a, b)
	case syntax.XOR:
		r.Xor(a, b)
	case syntax.SHL, syntax.SHR:
		if b.Sign() < 0 {
			return refPy{}, refErrorf("negative shift")
		}
		if b.Cmp(big.NewInt(4096)) > 0 {
			if op == syntax.SHL && a.Sign() != 0 {
				return refPy{}, refErrorf("shift too large")
			}
			return refPy{n: big.NewInt(int64(min(a.Sign(), 0)))}, nil
		}
		if op == syntax.SHL {
			r.Lsh(a, uint(b.Int64()))
		} else {
			r.Rsh(a, uint(b.Int64()))
		}
	}
	return refPy{n: r}, nil
}

func refPyPow(x, y refPy) (refPy, error) {
	if !x.isFloat() && !y.isFloat() && y.int().Sign() >= 0 {
		if y.int().Cmp(big.NewInt(100000)) > 0 && x.int().CmpAbs(big.NewInt(1)) > 0 {
			return refPy{}, refErrorf("power too large")
		}
		return refPy{n: new(big.Int).Exp(x.int(), y.int(), nil)}, nil
	}
	a, err := x.float()
	if err != nil {
		return refPy{}, err
	}
	b, err := y.float()
	if err != nil {
		return refPy{}, err
	}
	if b == 0 {
		return refPy{f: 1}, nil
	}
	if a == 0 && b < 0 {
		return refPy{}, refErrorf("0.0 to a negative power")
	}
	if a < 0 && b != math.Trunc(b) && !math.IsInf(a, 0) && !math.IsInf(b, 0) && !math.IsNaN(b) {
		return refPyComplexBinary(syntax.POW, refPy{f: a}, refPy{f: b}) // Python 3: a complex result
	}
	// CPython's float ** is libm's pow, within an ULP. The engine folds it with
	// asm.PowF64 (0.51 ULP, tested against mpmath-made data in package asm); Go's
	// math.Pow, which the array reference uses, multiplies out integer powers (0.1 ** 51
	// 16 ULP off), so the reference folds with asm's pow too.
	d := []float64{0}
	asm.PowF64(d, []float64{a}, []float64{b})
	p := d[0]
	if math.IsInf(p, 0) && !math.IsInf(a, 0) && !math.IsInf(b, 0) && !math.IsNaN(a) {
		return refPy{}, refErrorf("pow overflow")
	}
	return refPy{f: p}, nil
}

// refPyCompare compares ints and floats exactly, as Python does.
func refPyCompare(op syntax.Token, x, y refPy) bool {
	if x.isFloat() && y.isFloat() {
		return refCompare(op, Float64, refElem{f: x.f}, refElem{f: y.f})
	}
	if !x.isFloat() && !y.isFloat() {
		c := int64(x.int().Cmp(y.int()))
		return refCompare(op, Int64, refElem{i: c}, refElem{i: 0})
	}
	// One float: compare it with the int as big.Float (exact at this precision).
	toBig := func(v refPy) *big.Float {
		if v.isFloat() {
			return big.NewFloat(0).SetPrec(8192).SetFloat64(v.f)
		}
		return new(big.Float).SetPrec(8192).SetInt(v.int())
	}
	if x.isFloat() && math.IsNaN(x.f) || y.isFloat() && math.IsNaN(y.f) {
		return op == syntax.NE
	}
	c := int64(toBig(x).Cmp(toBig(y)))
	return refCompare(op, Int64, refElem{i: c}, refElem{i: 0})
}

// refKonstOverflow is the error for an integer operation on constants (not folded as
// literals: a call is involved) whose exact value res does not hold: the spec says no
// folded constant wraps.
func refKonstOverflow(t DType, exact *big.Int, res int64) error {
	if !exact.IsInt64() || exact.Int64() != res || t == Int32 && res != int64(int32(res)) {
		return refErrorf("constant %v overflows %s", exact, t)
	}
	return nil
}
