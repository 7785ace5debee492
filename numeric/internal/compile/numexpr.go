package compile

import (
	"github.com/numkit/numkit/numeric/internal/syntax"
	"github.com/numkit/numkit/numeric/ir"
)

// The parts of numexpr 2.14's language that lower onto other operations: a
// reduction's axis on 1-D inputs, copy, real, imag and ones_like on real arrays, and
// bools in arithmetic.

// checkAxis checks a reduction's axis argument (Names has checked that it is None or
// literal-only): None, 0 and -1 all mean the whole of a 1-D input.
func (l *lowerer) checkAxis(e *syntax.CallExpr) error {
	var axis syntax.Expr
	if len(e.Args) == 2 {
		axis = e.Args[1]
	}
	for _, kw := range e.Keywords {
		axis = kw.Value
	}
	if axis == nil {
		return nil
	}
	if lit, ok := syntax.Unparen(axis).(*syntax.BasicLit); ok && lit.Kind == syntax.NoneLit {
		return nil
	}
	if !l.literalOnly(axis) {
		return l.errorf(axis.Pos(), "the axis of %s must be None or a constant integer", e.Fun.Name)
	}
	v, err := l.exact(axis)
	if err != nil {
		return err
	}
	if v.kind != pyInt {
		return l.errorf(axis.Pos(), "the axis of %s must be None or an integer", e.Fun.Name)
	}
	if a := v.i.Int64(); !v.i.IsInt64() || a != 0 && a != -1 {
		return l.errorf(axis.Pos(), "axis %s is out of bounds: the inputs are 1-D, so the axis is None, 0 or -1", shortInt(v.i))
	}
	return nil
}

// likeFunc lowers copy(x) and real(x) (x itself: the inputs are real), imag(x) (zeros
// of x's type and shape) and ones_like(x) (ones of x's type and shape; True for bool).
func (l *lowerer) likeFunc(kind funcKind, x ir.Reg, pos syntax.Pos) (ir.Reg, error) {
	if kind == fnIdentity {
		return x, nil
	}
	t := l.typ(x)
	var v ir.Value
	switch {
	case t == ir.Bool:
		v = ir.BoolValue(kind == fnOnes)
	case t.IsFloat() && kind == fnOnes:
		v = ir.FloatValue(t, 1)
	case t.IsFloat():
		v = ir.FloatValue(t, 0)
	case kind == fnOnes:
		v = ir.IntValue(t, 1)
	default:
		v = ir.IntValue(t, 0)
	}
	return l.likeVariable(x, l.constant(v), pos)
}
