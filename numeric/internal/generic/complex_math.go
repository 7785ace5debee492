package generic

import (
	"math"
	"math/cmplx"

	"github.com/numkit/numkit/numeric/ir"
)

// The complex functions, in complex128, with NumPy's branch cuts (those of C99: just
// above and below a cut, the sign of a zero imaginary part picks the side) and C99
// Annex G's special values. Where Go's math/cmplx computes these (the trigonometric
// and hyperbolic functions and their inverses) it is used, with the special cases it
// gets differently fixed in front of it; sqrt, exp, log, log1p, expm1 and abs are
// written here: math/cmplx's lose accuracy (log near |z| = 1, sqrt near overflow) or
// give NaN where Annex G gives a value (exp(+Inf + 0j)).
var complexFuncs = map[ir.Op]func(complex128) complex128{
	ir.OpSqrt: CSqrt, ir.OpExp: CExp, ir.OpLog: CLog, ir.OpLog1p: CLog1p, ir.OpExpm1: CExpm1,
	ir.OpLog10: CLog10,
	ir.OpSin:   CSin, ir.OpCos: CCos, ir.OpTan: CTan,
	ir.OpSinh: CSinh, ir.OpCosh: CCosh, ir.OpTanh: CTanh,
	ir.OpAsin: CAsin, ir.OpAcos: CAcos, ir.OpAtan: CAtan,
	ir.OpAsinh: CAsinh, ir.OpAcosh: CAcosh, ir.OpAtanh: CAtanh,
}

// ComplexFunc returns the complex128 function of op, or nil.
func ComplexFunc(op ir.Op) func(complex128) complex128 { return complexFuncs[op] }

// CAbs is |re + im·j|, the real magnitude (NumPy's absolute; hypot: +Inf if either
// part is infinite, even with a NaN).
func CAbs(re, im float64) float64 { return math.Hypot(re, im) }

func isInf(f float64) bool { return math.IsInf(f, 0) }
func isNaN(f float64) bool { return f != f }

// mulI is i*z and mulNegI is -i*z, exactly.
func mulI(z complex128) complex128    { return complex(-imag(z), real(z)) }
func mulNegI(z complex128) complex128 { return complex(imag(z), -real(z)) }

// CSqrt is the principal square root, branch cut along the negative real axis
// (sqrt(-4 - 0j) is -2j): t = sqrt((|x| + |z|)/2), then (t, y/2t) for x >= 0 and
// (|y|/2t, ±t) otherwise, scaled so nothing overflows or underflows early.
func CSqrt(z complex128) complex128 {
	x, y := real(z), imag(z)
	switch {
	case isInf(y):
		return complex(math.Inf(1), y)
	case isNaN(x):
		return complex(x, math.NaN())
	case isInf(x) && x > 0:
		if isNaN(y) {
			return complex(x, y)
		}
		return complex(x, math.Copysign(0, y))
	case isInf(x):
		if isNaN(y) {
			return complex(math.NaN(), math.Inf(1))
		}
		return complex(0, math.Copysign(math.Inf(1), y))
	case isNaN(y):
		return complex(math.NaN(), y)
	case x == 0 && y == 0:
		return complex(0, y)
	}
	scale := 1.0
	ax, ay := math.Abs(x), math.Abs(y)
	switch m := math.Max(ax, ay); {
	case m > 0x1p1020:
		ax, ay, scale = ax*0x1p-2, ay*0x1p-2, 2
	case m < 0x1p-1000:
		ax, ay, scale = ax*0x1p108, ay*0x1p108, 0x1p-54
	}
	t := math.Sqrt((ax + math.Hypot(ax, ay)) / 2)
	u := ay / (2 * t)
	if x >= 0 {
		return complex(t*scale, math.Copysign(u*scale, y))
	}
	return complex(u*scale, math.Copysign(t*scale, y))
}

// CExp is e**z: e**x·(cos y + j sin y), with Annex G's special values and e**x
// split in two where it alone would overflow but the product does not.
func CExp(z complex128) complex128 {
	x, y := real(z), imag(z)
	switch {
	case y == 0 && !isNaN(x):
		return complex(math.Exp(x), y)
	case isInf(x) && x < 0 && (isInf(y) || isNaN(y)):
		return complex(0, 0)
	case isInf(x) && x > 0 && (isInf(y) || isNaN(y)):
		return complex(x, math.NaN())
	case isNaN(x) || isNaN(y) || isInf(y):
		return complex(math.NaN(), math.NaN())
	}
	s, c := math.Sincos(y)
	if x > 709 && !isInf(x) {
		e := math.Exp(x / 2)
		return complex(c*e*e, s*e*e)
	}
	e := math.Exp(x)
	return complex(e*c, e*s)
}

// CLog is the principal natural logarithm, branch cut along the negative real axis:
// log|z| + j·atan2(y, x). log|z| near |z| = 1 is log1p of x² + y² - 1 computed with
// exact products, so it keeps its relative accuracy there.
func CLog(z complex128) complex128 {
	x, y := real(z), imag(z)
	return complex(logAbs(x, y), math.Atan2(y, x))
}

// logAbs is log(hypot(x, y)) accurately.
func logAbs(x, y float64) float64 {
	a, b := math.Abs(x), math.Abs(y)
	if a < b {
		a, b = b, a
	}
	if isInf(a) {
		return a
	}
	if isNaN(a) || isNaN(b) {
		return math.NaN()
	}
	if a >= 0.5 && a <= 2 && b < 1 {
		ph := a * a
		pl := math.FMA(a, a, -ph)
		qh := b * b
		ql := math.FMA(b, b, -qh)
		d := ((ph - 1) + qh) + (pl + ql) // ph - 1 is exact (Sterbenz)
		return math.Log1p(d) / 2
	}
	return Log(math.Hypot(a, b))
}

// CLog10 is log(z)/ln 10, both parts multiplied by log10(e), as NumPy computes it.
func CLog10(z complex128) complex128 {
	l := CLog(z)
	return complex(real(l)*math.Log10E, imag(l)*math.Log10E)
}

// CLog1p is log(1 + z), accurate for small z (NumPy computes log(1 + z) directly and
// loses the small values): the real part is log1p(2x + x² + y²)/2, the imaginary part
// atan2(y, 1 + x).
func CLog1p(z complex128) complex128 {
	x, y := real(z), imag(z)
	if isNaN(x) || isNaN(y) || isInf(x) || isInf(y) || math.Abs(x) > 0.5 || math.Abs(y) > 0.5 {
		return CLog(complex(1+x, y))
	}
	// 2x + x² + y², with x² and y² split exactly.
	xh := x * x
	xl := math.FMA(x, x, -xh)
	yh := y * y
	yl := math.FMA(y, y, -yh)
	d := (2*x + (xh + yh)) + (xl + yl)
	return complex(math.Log1p(d)/2, math.Atan2(y, 1+x))
}

// CExpm1 is e**z - 1, as NumPy computes it: (expm1(x)·cos y - 2 sin²(y/2)) +
// j·e**x·sin y, which keeps small values.
func CExpm1(z complex128) complex128 {
	x, y := real(z), imag(z)
	if isNaN(x) || isNaN(y) || isInf(x) || isInf(y) {
		e := CExp(z)
		return complex(real(e)-1, imag(e))
	}
	if y == 0 {
		return complex(math.Expm1(x), y)
	}
	s := math.Sin(y / 2)
	return complex(math.Expm1(x)*math.Cos(y)-2*s*s, math.Exp(x)*math.Sin(y))
}

// CSinh, CCosh, CTanh, CAsinh, CAtanh and CAcosh are math/cmplx's with Annex G's
// special values; the circular functions follow C99's definitions through them:
// sin z = -j sinh(jz), cos z = cosh(jz), tan z = -j tanh(jz), arcsin z = -j
// arcsinh(jz), arctan z = -j arctanh(jz).
func CSinh(z complex128) complex128 { return cmplx.Sinh(z) }

// CCosh is the hyperbolic cosine.
func CCosh(z complex128) complex128 { return cmplx.Cosh(z) }

// CTanh is the hyperbolic tangent.
func CTanh(z complex128) complex128 { return cmplx.Tanh(z) }

// CAsinh is the inverse hyperbolic sine, cuts along the imaginary axis beyond ±j.
func CAsinh(z complex128) complex128 { return cmplx.Asinh(z) }

// CAcosh is the inverse hyperbolic cosine, cut along the real axis below 1.
func CAcosh(z complex128) complex128 { return cmplx.Acosh(z) }

// CAtanh is the inverse hyperbolic tangent, cuts along the real axis beyond ±1.
func CAtanh(z complex128) complex128 { return cmplx.Atanh(z) }

// CSin is the sine.
func CSin(z complex128) complex128 { return mulNegI(CSinh(mulI(z))) }

// CCos is the cosine.
func CCos(z complex128) complex128 { return CCosh(mulI(z)) }

// CTan is the tangent.
func CTan(z complex128) complex128 { return mulNegI(CTanh(mulI(z))) }

// CAsin is the inverse sine, cuts along the real axis beyond ±1.
func CAsin(z complex128) complex128 { return mulNegI(CAsinh(mulI(z))) }

// CAtan is the inverse tangent, cuts along the imaginary axis beyond ±j.
func CAtan(z complex128) complex128 { return mulNegI(CAtanh(mulI(z))) }

// CAcos is the inverse cosine, cuts along the real axis beyond ±1: π/2 - arcsin z.
func CAcos(z complex128) complex128 { return cmplx.Acos(z) }

// CPow is x**y as NumPy computes it: 1 for y = 0; for x = 0, 0 when real(y) > 0 and
// NaN otherwise; for an integer real y with |y| < 100, binary powering with CMul (and
// a final CDiv for y < 0); otherwise exp(y·log x) (math/cmplx's Pow).
func CPow(x, y complex128) complex128 {
	br, bi := real(y), imag(y)
	switch {
	case br == 0 && bi == 0:
		return 1
	case real(x) == 0 && imag(x) == 0:
		if br > 0 {
			return 0
		}
		return complex(math.NaN(), math.NaN())
	}
	if n := math.Trunc(br); bi == 0 && n == br && math.Abs(n) < 100 {
		k := int(math.Abs(n))
		p := Cx[float64]{real(x), imag(x)}
		switch k {
		case 1:
			if n > 0 {
				return x
			}
		case 2:
			if n > 0 {
				r := CMul(p, p)
				return complex(r[0], r[1])
			}
		case 3:
			if n > 0 {
				r := CMul(p, CMul(p, p))
				return complex(r[0], r[1])
			}
		}
		acc := Cx[float64]{1, 0}
		for mask := 1; ; mask <<= 1 {
			if k&mask != 0 {
				acc = CMul(acc, p)
			}
			if k < mask<<1 {
				break
			}
			p = CMul(p, p)
		}
		if n < 0 {
			acc = CDiv(Cx[float64]{1, 0}, acc)
		}
		return complex(acc[0], acc[1])
	}
	return cmplx.Pow(x, y)
}
