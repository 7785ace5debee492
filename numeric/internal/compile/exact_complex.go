package compile

import (
	"math"
	"strconv"
	"strings"

	"github.com/numkit/numkit/asm"
	"github.com/numkit/numkit/numeric/internal/syntax"
)

// Constant folding with complex literals, as Python computes it (CPython's
// complexobject.c): a complex operand makes an int, bool or float one complex; + - *
// are component-wise and the naive product; / is CPython's scaled quotient (dividing
// by the larger part of the divisor); ** to an integer power up to 100 is binary
// powering by products (and a quotient for a negative power), any other power
// |x|**re(y)·e**(-arg(x)·im(y)) at angle arg(x)·re(y) + im(y)·log|x|; == and != compare
// both parts. Ordering comparisons, //, %, bitwise operators and ~ are errors, as in
// Python; so are what CPython (3.11) raises on: a division by zero (ZeroDivisionError),
// 0 to a negative or complex power, also where binary powering's product underflows to
// 0 (5e-324j ** -2; ZeroDivisionError), and a power with an infinite part
// (OverflowError: 1e200j ** 2). + - * / never raise in CPython: an overflow is its
// inf or nan ((1e308+1e308j)*10 is (inf+infj), 1e200j*1e200j is (-inf+0j)), and so is
// a power whose binary powering makes NaN (1e300j ** 5 is (nan+nanj)). The power's
// |x|**re(y), sine and cosine are asm's (within an ULP, as CPython's libm; Go's
// math.Pow(1e200, 1.5) is 50 ULPs off).

// exactImag parses an imaginary literal (1j, 2.5j).
func (l *lowerer) exactImag(e *syntax.BasicLit) (pyValue, error) {
	text := strings.TrimRight(strings.ReplaceAll(e.Value, "_", ""), "jJ")
	f, _ := strconv.ParseFloat(text, 64) // the scanner checked the syntax
	if math.IsInf(f, 0) {
		return pyValue{}, l.errorf(e.Pos(), "imaginary literal %s overflows float64", e.Value)
	}
	return pyValue{kind: pyComplex, c: complex(0, f)}, nil
}

// toComplex converts a folded value to complex as Python does.
func (l *lowerer) toComplex(v pyValue, pos syntax.Pos) (complex128, error) {
	if v.kind == pyComplex {
		return v.c, nil
	}
	f, err := l.toFloat(v, pos)
	return complex(f, 0), err
}

func (l *lowerer) exactComplexUnary(op syntax.Token, pos syntax.Pos, x pyValue) (pyValue, error) {
	switch op {
	case syntax.SUB:
		return pyValue{kind: pyComplex, c: complex(-real(x.c), -imag(x.c))}, nil
	case syntax.ADD:
		return x, nil
	}
	return pyValue{}, l.errorf(pos, "~ is not defined on complex numbers")
}

func (l *lowerer) exactComplexBinary(op syntax.Token, pos syntax.Pos, x, y pyValue) (pyValue, error) {
	a, err := l.toComplex(x, pos)
	if err != nil {
		return pyValue{}, err
	}
	b, err := l.toComplex(y, pos)
	if err != nil {
		return pyValue{}, err
	}
	var r complex128
	switch op {
	case syntax.EQ:
		return pyValue{kind: pyBool, b: a == b}, nil
	case syntax.NE:
		return pyValue{kind: pyBool, b: a != b}, nil
	case syntax.ADD:
		r = complex(real(a)+real(b), imag(a)+imag(b))
	case syntax.SUB:
		r = complex(real(a)-real(b), imag(a)-imag(b))
	case syntax.MUL:
		r = pyCMul(a, b)
	case syntax.DIV:
		if b == 0 {
			return pyValue{}, l.errorf(pos, "constant %s / %s: complex division by zero (Python raises ZeroDivisionError)", pyCRepr(a), pyCRepr(b))
		}
		r = pyCQuot(a, b)
	case syntax.POW:
		var edom bool
		if r, edom = pyCPow(a, b); edom {
			return pyValue{}, l.errorf(pos, "constant %s ** %s: 0.0 to a negative or complex power (Python raises ZeroDivisionError)", pyCRepr(a), pyCRepr(b))
		}
		if math.IsInf(real(r), 0) || math.IsInf(imag(r), 0) {
			return pyValue{}, l.errorf(pos, "constant %s ** %s overflows (Python raises OverflowError: complex exponentiation)", pyCRepr(a), pyCRepr(b))
		}
	default:
		return pyValue{}, l.errorf(pos, "%s is not defined on complex numbers", op)
	}
	return pyValue{kind: pyComplex, c: r}, nil
}

// pyCRepr is c as Python's repr writes it: (1e+200+2j), 1e-320j.
func pyCRepr(c complex128) string {
	f := func(x float64) string {
		switch {
		case math.IsInf(x, 1):
			return "inf"
		case math.IsInf(x, -1):
			return "-inf"
		case math.IsNaN(x):
			return "nan"
		}
		if a := math.Abs(x); a == 0 || a >= 1e-4 && a < 1e16 {
			return strconv.FormatFloat(x, 'f', -1, 64)
		}
		return strconv.FormatFloat(x, 'e', -1, 64)
	}
	if real(c) == 0 && !math.Signbit(real(c)) {
		return f(imag(c)) + "j"
	}
	im := f(imag(c))
	if im[0] != '-' {
		im = "+" + im
	}
	return "(" + f(real(c)) + im + "j)"
}

// pyCMul is CPython's complex product.
func pyCMul(a, b complex128) complex128 {
	return complex(float64(real(a)*real(b))-float64(imag(a)*imag(b)), float64(real(a)*imag(b))+float64(imag(a)*real(b)))
}

// pyCQuot is CPython's complex quotient (b is not 0).
func pyCQuot(a, b complex128) complex128 {
	ar, ai, br, bi := real(a), imag(a), real(b), imag(b)
	switch {
	case math.Abs(br) >= math.Abs(bi):
		ratio := bi / br
		denom := br + float64(bi*ratio)
		return complex((ar+float64(ai*ratio))/denom, (ai-float64(ar*ratio))/denom)
	case math.Abs(bi) >= math.Abs(br):
		ratio := br / bi
		denom := float64(br*ratio) + bi
		return complex((float64(ar*ratio)+ai)/denom, (float64(ai*ratio)-ar)/denom)
	}
	return complex(math.NaN(), math.NaN())
}

// pyCPow is CPython's complex power, and whether CPython sets EDOM (0.0 to a
// negative or complex power: a ZeroDivisionError).
func pyCPow(a, b complex128) (complex128, bool) {
	if imag(b) == 0 && real(b) == math.Floor(real(b)) && math.Abs(real(b)) <= 100 {
		n := int64(real(b))
		if n > 0 {
			return pyCPowu(a, n), false
		}
		p := pyCPowu(a, -n)
		if p == 0 { // _Py_c_quot by zero
			return 0, true
		}
		return pyCQuot(1, p), false
	}
	if b == 0 {
		return 1, false
	}
	if a == 0 {
		return 0, imag(b) != 0 || real(b) < 0
	}
	vabs := math.Hypot(real(a), imag(a))
	length := libm(asm.PowF64, vabs, real(b))
	at := math.Atan2(imag(a), real(a))
	phase := at * real(b)
	if imag(b) != 0 {
		length /= math.Exp(at * imag(b))
		phase += imag(b) * math.Log(vabs)
	}
	return complex(length*libm1(asm.CosF64, phase), length*libm1(asm.SinF64, phase)), false
}

// libm and libm1 apply asm's vector kernels to one value.
func libm(f func(dst, x, y []float64), x, y float64) float64 {
	d := []float64{0}
	f(d, []float64{x}, []float64{y})
	return d[0]
}

func libm1(f func(dst, x []float64), x float64) float64 {
	d := []float64{0}
	f(d, []float64{x})
	return d[0]
}

func pyCPowu(x complex128, n int64) complex128 {
	r, p := complex128(1), x
	for mask := int64(1); mask > 0 && n >= mask; mask <<= 1 {
		if n&mask != 0 {
			r = pyCMul(r, p)
		}
		p = pyCMul(p, p)
	}
	return r
}
