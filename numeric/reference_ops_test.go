package numeric

// The reference interpreter's element-wise semantics (see reference_test.go).

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/numkit/numkit/numeric/internal/syntax"
)

// vals evaluates e at elements 0..count-1, where count is the caller's (0, 1 or the
// element count). A subexpression that does not vary with the element index is
// evaluated once, even for no elements (as the language evaluates constants and
// reductions: max of an empty array is an error in a + max(e) with a empty too), and
// its one-element result stands for every element. Each node applies its operation
// element by element, in order.
func (r *refEval) vals(e syntax.Expr, count int) ([]refElem, error) {
	info := r.info[e]
	if !info.array {
		count = 1
	}
	if v, ok := r.folded[e]; ok {
		return refFill(v, count), nil
	}
	if p, ok := e.(*syntax.ParenExpr); ok {
		return r.vals(p.X, count)
	}
	out := make([]refElem, count)
	switch e := e.(type) {
	case *syntax.Ident:
		in := r.inputs[e.Name]
		for k := range out {
			out[k] = in.at(k)
		}
		return out, nil
	case *syntax.BasicLit:
		text := strings.ReplaceAll(e.Value, "_", "")
		var v refElem
		switch info.typ {
		case Bool:
			v = refElem{b: e.Value == "True"}
		case Int32, Int64:
			n, _ := strconv.ParseInt(text, 0, 64)
			v = refElem{i: n}
		default:
			f, _ := strconv.ParseFloat(strings.TrimRight(text, "jJ"), 64)
			v = refElem{f: f}
			if info.typ == Complex128 {
				v = refElem{c: complex(0, f)}
			}
		}
		return refFill(v, count), nil
	case *syntax.UnaryExpr:
		xs, err := r.vals(e.X, count)
		if err != nil {
			return nil, err
		}
		for k := range out {
			x := refAt(xs, k)
			out[k] = refUnary(e.Op, info.typ, x)
			if info.konst && refIsInt(info.typ) && e.Op == syntax.SUB {
				if err := refKonstOverflow(info.typ, new(big.Int).Neg(big.NewInt(x.i)), out[k].i); err != nil {
					return nil, err
				}
			}
		}
		return out, nil
	case *syntax.BinaryExpr:
		xs, err := r.vals(e.X, count)
		if err != nil {
			return nil, err
		}
		ys, err := r.vals(e.Y, count)
		if err != nil {
			return nil, err
		}
		if e.Op == syntax.POW {
			for k := range out {
				if out[k], err = r.konstPow(e.X, e.Y, refAt(xs, k), refAt(ys, k), info); err != nil {
					return nil, err
				}
			}
			return out, nil
		}
		t, op := r.binaryOp(e)
		tx, ty := r.info[e.X].typ, r.info[e.Y].typ
		for k := range out {
			xc, yc := refConv(refAt(xs, k), tx, t), refConv(refAt(ys, k), ty, t)
			if out[k], err = refBinaryKonst(op, t, info.konst, xc, yc); err != nil {
				return nil, err
			}
		}
		return out, nil
	case *syntax.CallExpr:
		return r.call(e, info, count)
	}
	return nil, refErrorf("unexpected node %T", e)
}

// refFill is count copies of v.
func refFill(v refElem, count int) []refElem {
	out := make([]refElem, count)
	for k := range out {
		out[k] = v
	}
	return out
}

// refAt is element k of a subexpression's values (its only one if it does not vary).
func refAt(vs []refElem, k int) refElem {
	if len(vs) == 1 {
		return vs[0]
	}
	return vs[k]
}

// binaryOp is the type a binary expression (not **) computes in and the operation it
// applies there: a bool / bool divides floats, bool + bool is |, bool * bool is &.
func (r *refEval) binaryOp(e *syntax.BinaryExpr) (DType, syntax.Token) {
	t := r.unify(r.info[e.X], r.info[e.Y])
	if e.Op == syntax.DIV && (refIsInt(t) || t == Bool) {
		t = Float64
	}
	op := e.Op
	if t == Bool && op == syntax.ADD {
		op = syntax.OR
	} else if t == Bool && op == syntax.MUL {
		op = syntax.AND
	}
	return t, op
}

// refBinaryKonst is refBinary with the checks of a constant (konst) integer operation:
// no division by zero, no wrapping.
func refBinaryKonst(op syntax.Token, t DType, konst bool, xc, yc refElem) (refElem, error) {
	if konst && refIsInt(t) && (op == syntax.FLOORDIV || op == syntax.MOD) && yc.i == 0 {
		return refElem{}, refErrorf("integer division by zero in a constant expression")
	}
	res := refBinary(op, t, xc, yc)
	if konst && refIsInt(t) && (op == syntax.ADD || op == syntax.SUB || op == syntax.MUL) {
		exact := map[syntax.Token]func(z, a, b *big.Int) *big.Int{syntax.ADD: (*big.Int).Add,
			syntax.SUB: (*big.Int).Sub, syntax.MUL: (*big.Int).Mul}[op](new(big.Int), big.NewInt(xc.i), big.NewInt(yc.i))
		if err := refKonstOverflow(t, exact, res.i); err != nil {
			return res, err
		}
	}
	return res, nil
}

// refConv converts v from type from to type to (a promotion).
func refConv(v refElem, from, to DType) refElem {
	switch {
	case from == to:
		return v
	case refIsComplex(to):
		return refToComplex(v, from, to)
	case from == Bool:
		if v.b {
			v.i, v.f = 1, 1
		}
		return v
	case refIsInt(from) && to == Int32:
		return refElem{i: int64(int32(v.i))}
	case refIsInt(from) && to == Int64:
		return v
	case refIsInt(from) && to == Float32:
		return refElem{f: float64(float32(v.i))} // one rounding, int64 to float32
	case refIsInt(from):
		return refElem{f: float64(v.i)}
	case to == Float32:
		return refElem{f: float64(float32(v.f))}
	}
	return v
}

// refWrap truncates an integer to t's width.
func refWrap(t DType, v int64) int64 {
	if t == Int32 {
		return int64(int32(v))
	}
	return v
}

// refRound rounds a float64 to t (float32 or float64).
func refRound(t DType, v float64) float64 {
	if t == Float32 {
		return float64(float32(v))
	}
	return v
}

func refUnary(op syntax.Token, t DType, x refElem) refElem {
	switch {
	case op == syntax.ADD:
		return x
	case op == syntax.NOT && t == Bool:
		return refElem{b: !x.b}
	case op == syntax.NOT:
		return refElem{i: refWrap(t, ^x.i)}
	case refIsComplex(t):
		return refElem{c: complex(-real(x.c), -imag(x.c))}
	case refIsInt(t):
		return refElem{i: refWrap(t, -x.i)}
	}
	return refElem{f: -x.f}
}

func refBinary(op syntax.Token, t DType, x, y refElem) refElem {
	switch op {
	case syntax.LT, syntax.LE, syntax.EQ, syntax.NE, syntax.GE, syntax.GT:
		return refElem{b: refCompare(op, t, x, y)}
	}
	switch {
	case t == Bool:
		switch op {
		case syntax.AND:
			return refElem{b: x.b && y.b}
		case syntax.OR:
			return refElem{b: x.b || y.b}
		}
		return refElem{b: x.b != y.b}
	case refIsComplex(t):
		return refElem{c: refCOp(op, t, x.c, y.c)}
	case refIsInt(t):
		return refElem{i: refWrap(t, refIntOp(op, t, x.i, y.i))}
	case t == Float32:
		return refElem{f: float64(refFloatOp(op, float32(x.f), float32(y.f)))}
	}
	return refElem{f: refFloatOp(op, x.f, y.f)}
}

func refCompare(op syntax.Token, t DType, x, y refElem) bool {
	var lt, eq bool
	switch {
	case t == Bool:
		lt, eq = !x.b && y.b, x.b == y.b
	case refIsInt(t):
		lt, eq = x.i < y.i, x.i == y.i
	case refIsComplex(t): // == and != only
		eq = x.c == y.c
	default:
		lt, eq = x.f < y.f, x.f == y.f
	}
	gt := !lt && !eq && !(refIsFloat(t) && (math.IsNaN(x.f) || math.IsNaN(y.f)))
	switch op {
	case syntax.LT:
		return lt
	case syntax.LE:
		return lt || eq
	case syntax.EQ:
		return eq
	case syntax.NE:
		return !eq
	case syntax.GE:
		return gt || eq
	}
	return gt
}

// refIntOp computes an integer operation; the caller wraps the result to t's width.
func refIntOp(op syntax.Token, t DType, x, y int64) int64 {
	width := int64(64)
	if t == Int32 {
		width = 32
	}
	switch op {
	case syntax.ADD:
		return x + y
	case syntax.SUB:
		return x - y
	case syntax.MUL:
		return x * y
	case syntax.FLOORDIV:
		if y == 0 {
			return 0
		}
		q := x / y // MinInt / -1 wraps to MinInt (Go defines it)
		if x%y != 0 && (x < 0) != (y < 0) {
			q--
		}
		return q
	case syntax.MOD:
		if y == 0 {
			return 0
		}
		m := x % y
		if m != 0 && (m < 0) != (y < 0) {
			m += y
		}
		return m
	case syntax.AND:
		return x & y
	case syntax.OR:
		return x | y
	case syntax.XOR:
		return x ^ y
	case syntax.SHL:
		if y < 0 || y >= width {
			return 0
		}
		return x << y
	case syntax.SHR:
		if y < 0 || y >= width {
			if x < 0 {
				return -1
			}
			return 0
		}
		return x >> y
	case syntax.POW:
		return refIntPow(t, x, y)
	}
	panic("reference: integer operator " + op.String())
}

// refIntPow is x**y for integers: wrapping, y < 0 gives 0 except for bases 1 and -1.
func refIntPow(t DType, x, y int64) int64 {
	if y < 0 {
		switch {
		case x == 1:
			return 1
		case x == -1 && y%2 != 0:
			return -1
		case x == -1:
			return 1
		}
		return 0
	}
	result := int64(1)
	for ; y > 0; y >>= 1 {
		if y&1 != 0 {
			result = refWrap(t, result*x)
		}
		x = refWrap(t, x*x)
	}
	return result
}

// refFloatOp computes a float operation in T's precision. Every result passes through
// an explicit conversion so that no two operations are fused.
func refFloatOp[T float32 | float64](op syntax.Token, x, y T) T {
	switch op {
	case syntax.ADD:
		return T(x + y)
	case syntax.SUB:
		return T(x - y)
	case syntax.MUL:
		return T(x * y)
	case syntax.DIV:
		return T(x / y)
	case syntax.FLOORDIV:
		d, _ := refDivmod(x, y)
		return d
	case syntax.MOD:
		_, m := refDivmod(x, y)
		return m
	case syntax.POW:
		return T(refPow(float64(x), float64(y)))
	}
	panic("reference: float operator " + op.String())
}

// refDivmod is NumPy's npy_divmod: Python's floored // and % on floats.
func refDivmod[T float32 | float64](x, y T) (div, mod T) {
	mod = T(math.Mod(float64(x), float64(y))) // exact in T
	if y == 0 {
		return T(x / y), mod
	}
	div = T(T(x-mod) / y)
	if mod != 0 {
		if (y < 0) != (mod < 0) {
			mod = T(mod + y)
			div = T(div - 1)
		}
	} else {
		mod = T(math.Copysign(0, float64(y)))
	}
	if div != 0 {
		f := T(math.Floor(float64(div)))
		if T(div-f) > 0.5 {
			f = T(f + 1)
		}
		return f, mod
	}
	return T(math.Copysign(0, float64(T(x/y)))), mod
}

// pow evaluates x ** y with the spec's rewriting of constant exponents. t is the result
// type; x and y are the operands' elements in their own types.
func (r *refEval) pow(xNode, yNode syntax.Expr, x, y refElem, t DType) refElem {
	tx, ty := r.info[xNode].typ, r.info[yNode].typ
	if ty == Bool { // 0/1 in x's type
		y, ty = refConv(y, Bool, Int64), Int64
	}
	xt := refConv(x, tx, t)
	if refIsComplex(t) {
		if r.info[yNode].konst && !refIsComplex(ty) {
			return refElem{c: refCPowConst(t, xt.c, refConv(y, ty, Float64).f)}
		}
		return refElem{c: refCPow(t, xt.c, refConv(y, ty, t).c)}
	}
	if !r.info[yNode].konst {
		return refBinary(syntax.POW, t, xt, refConv(y, ty, t))
	}
	c := y.f
	if refIsInt(ty) {
		c = float64(y.i)
	}
	abs := math.Abs(c)
	switch {
	case refIsInt(t):
		return refElem{i: refIntPow(t, xt.i, refConv(y, ty, t).i)}
	case c == math.Trunc(c) && abs <= 50:
		p := refPowBinary(t, xt.f, int(abs))
		if c < 0 {
			p = refFloatBin(syntax.DIV, t, 1, p)
		}
		return refElem{f: p}
	case 2*c == math.Trunc(2*c) && abs <= 50:
		s := refRound(t, math.Sqrt(xt.f))
		if whole := int(abs); whole > 0 {
			s = refFloatBin(syntax.MUL, t, refPowBinary(t, xt.f, whole), s)
		}
		if c < 0 {
			s = refFloatBin(syntax.DIV, t, 1, s)
		}
		return refElem{f: s}
	}
	return refBinary(syntax.POW, t, xt, refConv(y, ty, t))
}

func refFloatBin(op syntax.Token, t DType, x, y float64) float64 {
	if t == Float32 {
		return float64(refFloatOp(op, float32(x), float32(y)))
	}
	return refFloatOp(op, x, y)
}

// refPowBinary is x**n, n ≥ 0, by binary powering: the factors x^(2^k) for the set bits
// of n, low to high, each multiplied onto the running product; x**0 is 1.
func refPowBinary(t DType, x float64, n int) float64 {
	if n == 0 {
		return 1
	}
	var result float64
	have := false
	for base := x; ; base = refFloatBin(syntax.MUL, t, base, base) {
		if n&1 != 0 {
			if have {
				result = refFloatBin(syntax.MUL, t, result, base)
			} else {
				result, have = base, true
			}
		}
		if n >>= 1; n == 0 {
			return result
		}
	}
}

// konstPow is x**y (or pow(x, y)) with the overflow check of an integer power of
// constants: the spec says no folded constant wraps.
func (r *refEval) konstPow(xNode, yNode syntax.Expr, x, y refElem, info refInfo) (refElem, error) {
	res := r.pow(xNode, yNode, x, y, info.typ)
	if info.konst && refIsInt(info.typ) {
		xc, yc := refConv(x, r.info[xNode].typ, info.typ), refConv(y, r.info[yNode].typ, Int64)
		if yc.i >= 0 && yc.i < 64 {
			exact := new(big.Int).Exp(big.NewInt(xc.i), big.NewInt(yc.i), nil)
			if err := refKonstOverflow(info.typ, exact, res.i); err != nil {
				return res, err
			}
		}
	}
	return res, nil
}
