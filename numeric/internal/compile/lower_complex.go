package compile

import (
	"github.com/numkit/numkit/numeric/internal/generic"
	"github.com/numkit/numkit/numeric/internal/syntax"
	"github.com/numkit/numkit/numeric/ir"
)

// Complex numbers in calls, as numexpr 2.14 and NumPy have them. A complex argument
// makes a function complex: sqrt exp expm1 log log1p log10 sin cos tan arcsin arccos
// arctan sinh cosh tanh arcsinh arccosh arctanh give a complex result; abs gives the
// real magnitude (NumPy's absolute; numexpr's abs of a complex is complex); real and
// imag the parts; conj the conjugate; isnan, isinf and isfinite test both parts. The
// functions with no complex meaning in numexpr or NumPy (ordering: maximum, minimum,
// clip; rounding; sign, signbit; the two-argument float functions; exp2, log2) are
// errors. complex(x, y) makes x + y*1j of two real numbers.

// complexCall lowers the call when it involves complex numbers (ok true), or leaves it
// to call (ok false).
func (l *lowerer) complexCall(e *syntax.CallExpr, f funcInfo, args []ir.Reg) (r ir.Reg, ok bool, err error) {
	name, pos := e.Fun.Name, e.Fun.Pos()
	switch f.kind {
	case fnComplex:
		for i, a := range args {
			if t := l.typ(a); !t.IsNumber() {
				return 0, true, l.errorf(e.Args[i].Pos(), "complex takes two real numbers, not %s", t)
			}
		}
		// complex64 from float32s (docs/language.md), and with WithFloat32Constants from
		// float32 arrays and float constants; complex128 otherwise (an int32 is not
		// held exactly by a float32, as in the complex promotion rule).
		ft := ir.Float32
		for _, a := range args {
			if t := l.typ(a); t != ir.Float32 && !(l.opt.Float32Constants && l.isConst(a) && t.IsFloat()) {
				ft = ir.Float64
			}
		}
		if ft == ir.Float32 && ir.FloatOf(l.unify(args...)) != ir.Float32 {
			ft = ir.Float64 // two constants: float64, as every constant is without an array
		}
		conv, err := l.convertAll(ft, pos, args)
		if err != nil {
			return 0, true, err
		}
		r, err := l.emit(ir.OpComplex, ir.ComplexOf(ft), pos, conv...)
		return r, true, err
	case fnConj:
		t := l.typ(args[0])
		switch {
		case t.IsComplex():
			r, err := l.emit(ir.OpConj, t, pos, args[0])
			return r, true, err
		case t.IsNumber():
			return args[0], true, nil // the conjugate of a real number is itself, as in NumPy
		}
		return 0, true, l.errorf(e.Args[0].Pos(), "conj is not defined on %s", t)
	}
	var cx ir.DType
	for _, a := range args {
		if t := l.typ(a); t.IsComplex() {
			cx = ir.Promote(cx, t)
		}
	}
	if !cx.IsComplex() || f.kind == fnWhere || f.kind == fnReduce || f.kind == fnPow {
		return 0, false, nil
	}
	x := args[0]
	switch {
	case f.kind == fnIdentity && name == "real":
		r, err = l.emit(ir.OpReal, ir.RealOf(cx), pos, x)
	case f.kind == fnIdentity:
		r = x
	case f.kind == fnZeros:
		r, err = l.emit(ir.OpImag, ir.RealOf(cx), pos, x)
	case f.kind == fnOnes:
		r, err = l.likeVariable(x, l.constant(ir.ComplexValue(cx, 1)), pos)
	case f.kind == fnNumber && f.op == ir.OpAbs:
		r, err = l.emit(ir.OpAbs, ir.RealOf(cx), pos, x)
	case f.kind == fnFloat && generic.ComplexFunc(f.op) != nil:
		r, err = l.emit(f.op, cx, pos, x)
	case f.kind == fnPredicate && f.op != ir.OpSignbit:
		r, err = l.emit(f.op, ir.Bool, pos, x)
	default:
		return 0, true, l.errorf(pos, "%s is not defined on complex numbers (%s)", name, cx)
	}
	return r, true, err
}

// complexBinaryError returns the error for an operator that complex numbers do not
// have (nil for + - * / == != and **).
func (l *lowerer) complexBinaryError(op ir.Op, tok syntax.Token, pos syntax.Pos) error {
	switch {
	case op == ir.OpEq || op == ir.OpNe:
		return nil
	case op.IsCompare():
		return l.errorf(pos, "%s is not defined on complex numbers: they have no order (compare abs(z) or real(z))", tok)
	case op == ir.OpFloorDiv || op == ir.OpMod:
		return l.errorf(pos, "%s is not defined on complex numbers (Python and NumPy have no complex floor division or modulo)", tok)
	case op == ir.OpAnd || op == ir.OpOr || op == ir.OpXor || op == ir.OpShl || op == ir.OpShr:
		return l.errorf(pos, "%s is not defined on complex numbers: it needs bools or integers", tok)
	}
	return nil
}

// complexMulAdd lowers x + y where one side is a complex product of vectors to one
// OpMulAddC (ok true): the same bits as the product and the sum, in one pass over the
// elements. (x*y) + z and z + (x*y) are the same sum.
func (l *lowerer) complexMulAdd(pos syntax.Pos, x, y ir.Reg) (ir.Reg, bool, error) {
	prod := func(r ir.Reg) (ir.Instr, bool) {
		in, ok := l.defs[r]
		return in, ok && in.Op == ir.OpMul && !l.info(r).Scalar
	}
	p, z := x, y
	in, ok := prod(p)
	if !ok {
		p, z = y, x
		if in, ok = prod(p); !ok {
			return 0, false, nil
		}
	}
	r, err := l.emit(ir.OpMulAddC, l.typ(p), pos, in.Args[0], in.Args[1], z)
	return r, true, err
}
