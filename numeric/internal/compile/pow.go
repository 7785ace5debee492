package compile

import (
	"math"

	"github.com/numkit/numkit/numeric/internal/syntax"
	"github.com/numkit/numkit/numeric/ir"
)

// maxPowRewrite is the largest |exponent| that x**c rewrites into multiplications.
const maxPowRewrite = 50

// pow lowers x ** y. A constant integer or half-integer exponent up to 50 becomes
// multiplications, a reciprocal and a square root (numexpr's default) whether or not x
// is constant too (so (-0.0)**0.5 is sqrt(-0.0) = -0.0 either way); a constant float
// exponent takes x's float type.
func (l *lowerer) pow(pos syntax.Pos, x, y ir.Reg) (ir.Reg, error) {
	tx, ty := l.typ(x), l.typ(y)
	if !tx.IsNumber() && !tx.IsComplex() && !ty.IsNumber() && !ty.IsComplex() {
		return 0, l.errorf(pos, "** is not defined on %s and %s", tx, ty)
	}
	// A bool operand counts as 0 or 1 in the other operand's type.
	var err error
	if tx == ir.Bool {
		if x, err = l.convert(x, ty, pos); err != nil {
			return 0, err
		}
		tx = ty
	} else if ty == ir.Bool {
		if y, err = l.convert(y, tx, pos); err != nil {
			return 0, err
		}
		ty = tx
	}
	if !l.isConst(y) || ty.IsComplex() { // a complex exponent is never rewritten
		t := l.unify(x, y)
		if c := l.info(x).Const; l.isConst(x) && t.IsFloat() && c.Float() == 1 {
			// 1 ** y is 1 for every y, NaN and ±Inf included (C99, NumPy, Go's math.Pow).
			return l.likeVariable(y, l.constant(oneOf(t)), pos)
		}
		args, err := l.convertAll(t, pos, []ir.Reg{x, y})
		if err != nil {
			return 0, err
		}
		return l.emit(ir.OpPow, t, pos, args...)
	}
	c := l.info(y).Const
	cf := c.Float()
	if ty.IsInt() && tx.IsInt() && c.Int() < 0 {
		return 0, l.errorf(pos, "integers to negative integer powers are not allowed")
	}
	// The result type: integer powers of integers stay integers; a float exponent
	// takes x's float type (integers become float64).
	t := l.unify(x, y)
	if ty.IsFloat() && !tx.IsComplex() {
		t = ir.FloatOf(tx)
	}
	xt, err := l.convert(x, t, pos)
	if err != nil {
		return 0, err
	}
	abs := math.Abs(cf)
	switch {
	case cf == math.Trunc(cf) && abs <= maxPowRewrite:
		r, err := l.intPow(xt, int(abs), pos)
		if err != nil || cf >= 0 {
			return r, err
		}
		return l.reciprocal(r, pos)
	case 2*cf == math.Trunc(2*cf) && abs <= maxPowRewrite:
		s, err := l.emit(ir.OpSqrt, t, pos, xt)
		if err != nil {
			return 0, err
		}
		if whole := int(abs); whole > 0 {
			p, err := l.intPow(xt, whole, pos)
			if err != nil {
				return 0, err
			}
			if s, err = l.emit(ir.OpMul, t, pos, p, s); err != nil {
				return 0, err
			}
		}
		if cf > 0 {
			return s, nil
		}
		return l.reciprocal(s, pos)
	}
	yt, err := l.convert(y, t, pos)
	if err != nil {
		return 0, err
	}
	if k := l.info(yt).Const.Float(); t.IsFloat() && k == math.Trunc(k) && !math.IsInf(k, 0) {
		// k as the power sees it: 0x7FFFFFFF in float32 is 2**31, even; 1e308 is +Inf.
		return l.signedPow(xt, yt, math.Mod(k, 2) != 0, pos)
	}
	return l.emit(ir.OpPow, t, pos, xt, yt)
}

// signedPow is x ** k for a constant integer k past the rewrite, as |x| ** k with x's
// sign where k is odd: that is exactly pow's value for every x (C99 F.9.4.4: pow(x, k)
// for x < 0 and an integer k is ±pow(-x, k); ±0 and ±Inf alike), and the SIMD pow
// kernels vectorise only non-negative bases (a negative one took their scalar path,
// 20 times slower). A NaN x keeps pow's own NaN (where(x == x, ...)): the sign of a
// NaN is not specified, and copying it would make the result's bits depend on how
// the NaN was made (a vector lane or a scalar tail).
func (l *lowerer) signedPow(x, k ir.Reg, odd bool, pos syntax.Pos) (ir.Reg, error) {
	t := l.typ(x)
	a, err := l.emit(ir.OpAbs, t, pos, x)
	if err != nil {
		return 0, err
	}
	p, err := l.emit(ir.OpPow, t, pos, a, k)
	if err != nil || !odd {
		return p, err
	}
	s, err := l.emit(ir.OpCopysign, t, pos, p, x)
	if err != nil {
		return 0, err
	}
	num, err := l.emit(ir.OpEq, ir.Bool, pos, x, x)
	if err != nil {
		return 0, err
	}
	return l.emit(ir.OpWhere, t, pos, num, s, p)
}

// intPow computes x**n for n >= 0 by binary powering: the factors x^(2^k) for the set
// bits of n, low to high, each multiplied onto the running product (x**5 is
// x * ((x*x)*(x*x))). x**0 is a vector of ones shaped like x.
func (l *lowerer) intPow(x ir.Reg, n int, pos syntax.Pos) (ir.Reg, error) {
	t := l.typ(x)
	if n == 0 {
		return l.likeVariable(x, l.constant(oneOf(t)), pos)
	}
	var result ir.Reg
	have := false
	base := x
	for {
		if n&1 != 0 {
			if !have {
				result, have = base, true
			} else {
				r, err := l.emit(ir.OpMul, t, pos, result, base)
				if err != nil {
					return 0, err
				}
				result = r
			}
		}
		n >>= 1
		if n == 0 {
			return result, nil
		}
		b, err := l.emit(ir.OpMul, t, pos, base, base)
		if err != nil {
			return 0, err
		}
		base = b
	}
}

// likeVariable gives the constant c in x's shape: c itself where x is a constant, a
// scalar that is not a constant where x is a scalar variable (builder.opaque), a
// vector of c where x is a vector.
func (l *lowerer) likeVariable(x, c ir.Reg, pos syntax.Pos) (ir.Reg, error) {
	switch {
	case l.isConst(x):
		return c, nil
	case l.info(x).Scalar || l.hasReduction(x):
		return l.opaque(x, c, pos)
	}
	return l.broadcast(c, pos)
}

func (l *lowerer) reciprocal(r ir.Reg, pos syntax.Pos) (ir.Reg, error) {
	t := l.typ(r)
	return l.emit(ir.OpDiv, t, pos, l.constant(oneOf(t)), r)
}

func oneOf(t ir.DType) ir.Value {
	if t.IsComplex() {
		return ir.ComplexValue(t, 1)
	}
	if t.IsFloat() {
		return ir.FloatValue(t, 1)
	}
	return ir.IntValue(t, 1)
}
