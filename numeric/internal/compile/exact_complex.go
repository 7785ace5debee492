package compile

import (
	"math"
	"strconv"
	"strings"

	"github.com/numkit/numkit/numeric/internal/syntax"
)

// Constant folding with complex literals, as Python computes it (CPython's
// complexobject.c): a complex operand makes an int, bool or float one complex; + - *
// are component-wise and the naive product; / is CPython's scaled quotient (dividing
// by the larger part of the divisor); ** to an integer power up to 100 is binary
// powering by products (and a quotient for a negative power), any other power
// |x|**re(y)·e**(-arg(x)·im(y)) at angle arg(x)·re(y) + im(y)·log|x|; == and != compare
// both parts. Ordering comparisons, //, %, bitwise operators and ~ are errors, as in
// Python; so are a division by zero, 0 to a negative or complex power, and a result
// that overflows.

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
			return pyValue{}, l.errorf(pos, "complex division by zero in a constant expression")
		}
		r = pyCQuot(a, b)
	case syntax.POW:
		if a == 0 && (imag(b) != 0 || real(b) < 0) {
			return pyValue{}, l.errorf(pos, "0.0 cannot be raised to a negative or complex power")
		}
		r = pyCPow(a, b)
	default:
		return pyValue{}, l.errorf(pos, "%s is not defined on complex numbers", op)
	}
	if (math.IsInf(real(r), 0) || math.IsInf(imag(r), 0)) && finiteC(a) && finiteC(b) {
		return pyValue{}, l.errorf(pos, "complex constant %s overflows", op)
	}
	return pyValue{kind: pyComplex, c: r}, nil
}

func finiteC(c complex128) bool {
	return !math.IsInf(real(c), 0) && !math.IsInf(imag(c), 0) && !math.IsNaN(real(c)) && !math.IsNaN(imag(c))
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

// pyCPow is CPython's complex power (a = 0 only with a positive real b).
func pyCPow(a, b complex128) complex128 {
	if imag(b) == 0 && real(b) == math.Floor(real(b)) && math.Abs(real(b)) <= 100 {
		n := int64(real(b))
		if n < 0 {
			return pyCQuot(1, pyCPowu(a, -n))
		}
		return pyCPowu(a, n)
	}
	if b == 0 {
		return 1
	}
	if a == 0 {
		return 0
	}
	vabs := math.Hypot(real(a), imag(a))
	length := math.Pow(vabs, real(b))
	at := math.Atan2(imag(a), real(a))
	phase := at * real(b)
	if imag(b) != 0 {
		length /= math.Exp(at * imag(b))
		phase += imag(b) * math.Log(vabs)
	}
	return complex(length*math.Cos(phase), length*math.Sin(phase))
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
