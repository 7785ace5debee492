package numeric

// The reference's folding of literal-only expressions with complex values, as Python
// (CPython's complexobject.c) computes them: a complex operand makes the other one
// complex; + - * by parts and the naive product; / divides by the larger part of the
// divisor; ** to an integer power |n| <= 100 is binary powering from 1 (a quotient for
// n < 0), any other power |x|**re(y)·e**(-arg(x)·im(y)) at angle arg(x)·re(y) +
// im(y)·log|x|; == and != compare both parts; ordering, //, %, bitwise operators are
// errors, as are what CPython 3.11 raises on: a division by zero, 0 to a negative or
// complex power (also a binary power that underflows to 0 before its reciprocal) and
// a power with an infinite part. + - * / overflow to inf and nan without an error, and
// a power that is NaN is a value ((1e300j) ** 5 is (nan+nanj) in CPython).

import (
	"math"

	"github.com/numkit/numkit/asm"
	"github.com/numkit/numkit/numeric/internal/syntax"
)

func (v refPy) complex() (complex128, error) {
	if v.isC {
		return v.c, nil
	}
	f, err := v.float()
	return complex(f, 0), err
}

func refPyComplexBinary(op syntax.Token, x, y refPy) (refPy, error) {
	a, err := x.complex()
	if err != nil {
		return refPy{}, err
	}
	b, err := y.complex()
	if err != nil {
		return refPy{}, err
	}
	var r complex128
	switch op {
	case syntax.EQ:
		return refPy{isBool: true, b: a == b}, nil
	case syntax.NE:
		return refPy{isBool: true, b: a != b}, nil
	case syntax.ADD:
		r = complex(real(a)+real(b), imag(a)+imag(b))
	case syntax.SUB:
		r = complex(real(a)-real(b), imag(a)-imag(b))
	case syntax.MUL:
		r = refCOp(syntax.MUL, Complex128, a, b)
	case syntax.DIV:
		if b == 0 {
			return refPy{}, refErrorf("complex division by zero")
		}
		r = refPyCQuot(a, b)
	case syntax.POW:
		if r, err = refPyCPow(a, b); err != nil {
			return refPy{}, err
		}
	default:
		return refPy{}, refErrorf("%s of complex numbers", op)
	}
	return refPy{isC: true, c: r}, nil
}

// refPyCQuot is Python's complex quotient (b != 0).
func refPyCQuot(a, b complex128) complex128 {
	br, bi := real(b), imag(b)
	switch {
	case math.Abs(br) >= math.Abs(bi):
		q := bi / br
		d := br + bi*q
		return complex((real(a)+imag(a)*q)/d, (imag(a)-real(a)*q)/d)
	case math.Abs(bi) >= math.Abs(br):
		q := br / bi
		d := br*q + bi
		return complex((real(a)*q+imag(a))/d, (imag(a)*q-real(a))/d)
	}
	return complex(math.NaN(), math.NaN())
}

func refPyCPow(a, b complex128) (complex128, error) {
	var r complex128
	switch n := real(b); {
	case imag(b) == 0 && n == math.Trunc(n) && math.Abs(n) <= 100:
		p := complex128(1)
		base := a
		for k := int64(math.Abs(n)); k > 0; k >>= 1 {
			if k&1 != 0 {
				p = refCOp(syntax.MUL, Complex128, p, base)
			}
			base = refCOp(syntax.MUL, Complex128, base, base)
		}
		r = p
		if n <= 0 { // c_powi: 1/x**-n (x**0 is 1/1)
			if p == 0 {
				return 0, refErrorf("0.0 to a negative or complex power")
			}
			r = refPyCQuot(1, p)
		}
	case b == 0:
		return 1, nil
	case a == 0:
		if imag(b) != 0 || real(b) < 0 {
			return 0, refErrorf("0.0 to a negative or complex power")
		}
		return 0, nil
	default:
		abs := math.Hypot(real(a), imag(a))
		pw := []float64{0} // CPython's libm pow: asm's (Go's math.Pow(1e200, 1.5) is 50 ULPs off)
		asm.PowF64(pw, []float64{abs}, []float64{real(b)})
		l := pw[0]
		at := math.Atan2(imag(a), real(a))
		phase := at * real(b)
		if imag(b) != 0 {
			l /= math.Exp(at * imag(b))
			phase += imag(b) * math.Log(abs)
		}
		r = complex(l*refCos(phase), l*refSin(phase))
	}
	if math.IsInf(real(r), 0) || math.IsInf(imag(r), 0) { // _Py_ADJUST_ERANGE2: any infinite part
		return 0, refErrorf("complex exponentiation overflows")
	}
	return r, nil
}
