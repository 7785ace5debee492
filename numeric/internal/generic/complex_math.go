package generic

import (
	"math"
	"math/cmplx"

	"github.com/numkit/numkit/numeric/ir"
)

// The complex functions, in complex128, with NumPy's branch cuts (those of C99: just
// above and below a cut, the sign of a zero imaginary part picks the side) and C99
// Annex G's special values. math/cmplx computes some (the inverse functions, special
// values), with the cases it gets differently fixed in front of it; the rest is
// written here, its sines and cosines by complex_trig.go's sincos (math/cmplx's lose
// accuracy: log near |z| = 1, sqrt near overflow, Go's math.Sin near its zeros; or give
// NaN where Annex G gives a value: exp(+Inf + 0j)).
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

// atan2 is math.Atan2 with the sign of y always kept: Go's computes atan(y/x) first,
// so atan2(-5e-324, -2) is +π where y/x underflows to +0.
func atan2(y, x float64) float64 {
	r := math.Atan2(y, x)
	if !isNaN(r) && math.Signbit(r) != math.Signbit(y) {
		r = -r
	}
	return r
}
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
	case y == 0:
		return complex(expReal(x), y)
	case isInf(x) && x < 0 && isInf(y):
		return complex(0, math.Copysign(0, y))
	case isInf(x) && x < 0 && isNaN(y):
		return complex(0, 0)
	case isInf(x) && x > 0 && (isInf(y) || isNaN(y)):
		return complex(x, math.NaN())
	case isNaN(x) || isNaN(y) || isInf(y):
		return complex(math.NaN(), math.NaN())
	}
	s, c := sincos(y)
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
	return complex(logAbs(x, y), atan2(y, x))
}

// logAbs is log(hypot(x, y)) accurately.
func logAbs(x, y float64) float64 {
	a, b := math.Abs(x), math.Abs(y)
	if isInf(a) || isInf(b) {
		return math.Inf(1)
	}
	if isNaN(a) || isNaN(b) {
		return math.NaN()
	}
	if a < b {
		a, b = b, a
	}
	if a < 0x1p-900 { // scaled up, so that hypot keeps the subnormals' bits
		return Log(math.Hypot(a*0x1p600, b*0x1p600)) - 600*math.Ln2
	}
	if a > 0x1p1000 { // scaled down, so that hypot does not overflow where log|z| does not
		return Log(math.Hypot(a*0x1p-600, b*0x1p-600)) + 600*math.Ln2
	}
	if a >= 0.5 && a <= 2 && b < 1 {
		// The conversions round each product, so that no compiler fuses it into the
		// sums below (arm64 does), which would count its residual twice.
		ph := float64(a * a)
		qh := float64(b * b)
		d := sum3(-1, ph, qh, math.FMA(a, a, -ph), math.FMA(b, b, -qh))
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
// loses the small values): for |x| <= 0.5 the real part is log1p(2x + x² + y²)/2, the
// imaginary part atan2(y, 1 + x).
func CLog1p(z complex128) complex128 {
	x, y := real(z), imag(z)
	if isNaN(x) || isNaN(y) || isInf(x) || isInf(y) || math.Abs(x) > 0.5 || math.Abs(y) > 1e150 {
		return CLog(complex(1+x, y)) // 1 + x rounds away no more than log|1 + z|'s last bits
	}
	// 2x + x² + y², with x² and y² split exactly and the five terms summed by sum3:
	// accurate however much they cancel, and x's low bits kept (1 + x would round them
	// away: log1p(0.0006182660912607062-0.5065479967326306j) was 4.3 ULPs off).
	xh := float64(x * x) // rounded: not fused into the sum below (see logAbs)
	yh := float64(y * y)
	d := sum3(2*x, xh, yh, math.FMA(x, x, -xh), math.FMA(y, y, -yh))
	return complex(math.Log1p(d)/2, atan2(y, 1+x))
}

// CExpm1 is e**z - 1, as NumPy computes it: (expm1(x)·cos y - 2 sin²(y/2)) +
// j·e**x·sin y, which keeps small values.
func CExpm1(z complex128) complex128 {
	x, y := real(z), imag(z)
	if y == 0 { // real: expm1(x)±0j, for NaN and huge x too (NumPy's formula gives NaN parts)
		return complex(math.Expm1(x), y)
	}
	// Past x = 709 e**x overflows where e**x·sin y may not (CExp splits it), and the
	// 1 is below half an ULP of the real part unless cos y is tiny.
	if isNaN(x) || isNaN(y) || isInf(x) || isInf(y) || x > 709 {
		e := CExp(z)
		return complex(real(e)-1, imag(e))
	}
	s2, _ := sincos(y / 2)
	s, c := sincos(y)
	return complex(math.Expm1(x)*c-2*s2*s2, math.Exp(x)*s)
}

// CSinh and CCosh of finite z are sinhCosh's (complex_trig.go), the rest math/cmplx's
// with Annex G's special values first; sin z = -j sinh(jz), cos z = cosh(jz), tan z =
// -j tanh(jz), arcsin z = -j arcsinh(jz), arctan z = -j arctanh(jz), as C99 defines
// them. A real argument (imaginary part ±0) gives the real function, Annex G's zero.
func CSinh(z complex128) complex128 {
	switch x, y := real(z), imag(z); {
	case y == 0 && !(math.Abs(x) > 709 && !isInf(x)): // past 709 sinhCosh (Go's Exp overflows early)
		return complex(math.Sinh(x), y)
	case isInf(x) && (isInf(y) || isNaN(y)):
		return complex(math.Inf(1), math.NaN()) // NumPy's sign (Annex G leaves it open)
	case !isInf(x) && !isNaN(x) && !isInf(y) && !isNaN(y):
		return sinhCosh(x, y, true)
	}
	return cmplx.Sinh(z)
}

// CCosh is the hyperbolic cosine.
func CCosh(z complex128) complex128 {
	switch x, y := real(z), imag(z); {
	case y == 0 && isNaN(x):
		return complex(x, y)
	case y == 0 && !(math.Abs(x) > 709 && !isInf(x)): // past 709 sinhCosh (Go's Exp overflows early)
		return complex(math.Cosh(x), y*math.Copysign(1, x))
	case x == 0 && (isInf(y) || isNaN(y)):
		return complex(math.NaN(), 0) // NumPy's sign (Annex G leaves it open)
	case !isInf(x) && !isNaN(x) && !isInf(y) && !isNaN(y):
		return sinhCosh(x, y, false)
	}
	return cmplx.Cosh(z)
}

// CTanh is the hyperbolic tangent, by Kahan's formula (below); for |x| > 22 it is
// ±1 + j·4 sin y cos y e**(-2|x|) (cosh and sinh alone would overflow).
func CTanh(z complex128) complex128 {
	x, y := real(z), imag(z)
	switch {
	case y == 0:
		return complex(math.Tanh(x), y)
	case x == 0 && (isInf(y) || isNaN(y)):
		return complex(x, math.NaN())
	case math.Abs(x) > 22 && !isInf(x) && !isInf(y) && !isNaN(y):
		s, c := sincos(y)
		return complex(math.Copysign(1, x), 4*s*c*math.Exp(-2*math.Abs(x)))
	case isNaN(x) || isNaN(y) || isInf(x) || isInf(y):
		return cmplx.Tanh(z)
	}
	// Kahan: with t = tan y, b = 1 + t², s = sinh x, r = sqrt(1 + s²),
	// tanh z = (b·r·s + j·t) / (1 + b·s²), which does not cancel.
	t := tan(y)
	b := 1 + t*t
	sh := math.Sinh(x)
	r := math.Sqrt(1 + sh*sh)
	d := 1 + b*sh*sh
	return complex(b*r*sh/d, t/d)
}

// bigArc is the size past which the inverse functions use log(2z): arcsinh z and
// arccosh z are log 2 + log z to within rounding there (the next term is O(1/z²)),
// and Kahan's formulas below would overflow.
const bigArc = 1e150

// kahanAsin is arcsin z for finite z below bigArc by Kahan's formulas ("Branch cuts
// for complex elementary functions", 1987), with a = sqrt(1 - z), b = sqrt(1 + z):
// atan2(x, Re(a·b)) + j·asinh(Im(conj(a)·b)). The signed zeros of 1 ± z keep the
// cuts' sides.
func kahanAsin(z complex128) complex128 {
	x, y := real(z), imag(z)
	a := CSqrt(complex(1-x, -y))
	b := CSqrt(complex(1+x, y))
	re := atan2(x, real(a)*real(b)-imag(a)*imag(b))
	im := math.Asinh(real(a)*imag(b) - imag(a)*real(b))
	return complex(re, im)
}

// CAsinh is the inverse hyperbolic sine, cuts along the imaginary axis beyond ±j:
// -j arcsin(jz) by Kahan's formula, log 2 + log z past bigArc (odd: -arcsinh(-z) for
// x < 0).
func CAsinh(z complex128) complex128 {
	x, y := real(z), imag(z)
	switch {
	case isNaN(x) && isInf(y):
		return complex(math.Inf(1), math.NaN())
	case isNaN(x) || isNaN(y) || isInf(x) || isInf(y):
		return cmplx.Asinh(z)
	case math.Signbit(x):
		return -CAsinh(-z)
	case y == 0:
		return complex(math.Asinh(x), y)
	case math.Hypot(x, y) > bigArc:
		l := CLog(z)
		return complex(real(l)+math.Ln2, imag(l))
	}
	return mulNegI(kahanAsin(mulI(z)))
}

// CAcosh is the inverse hyperbolic cosine, cut along the real axis below 1: by Kahan's
// formula, with a = sqrt(z - 1), b = sqrt(z + 1): asinh(Re(conj(a)·b)) +
// j·2·atan2(Im a, Re b); log 2 + log z past bigArc.
func CAcosh(z complex128) complex128 {
	x, y := real(z), imag(z)
	switch {
	case isNaN(x) && isInf(y):
		return complex(math.Inf(1), math.NaN())
	case x == 0 && isNaN(y):
		return complex(math.NaN(), math.Pi/2)
	case isNaN(x) || isNaN(y) || isInf(x) || isInf(y):
		return cmplx.Acosh(z)
	case math.Hypot(x, y) > bigArc:
		l := CLog(z)
		return complex(real(l)+math.Ln2, imag(l))
	}
	a := CSqrt(complex(x-1, y))
	b := CSqrt(complex(x+1, y))
	re := math.Asinh(real(a)*real(b) + imag(a)*imag(b))
	return complex(re, 2*atan2(imag(a), real(b)))
}

// CAtanh is the inverse hyperbolic tangent, cuts along the real axis beyond ±1:
// log1p(4x/((1-x)² + y²))/4 (where that ratio passes 2: (log|1+z| - log|1-z|)/2)
// + j·atan2(2y, (1-x)(1+x) - y²)/2, and arctanh(1/z) ± jπ/2 past 1e8.
func CAtanh(z complex128) complex128 {
	x, y := real(z), imag(z)
	switch {
	case isNaN(x) || isNaN(y) || isInf(x) || isInf(y):
		return cmplx.Atanh(z)
	case y == 0 && math.Abs(x) <= 1:
		return complex(math.Atanh(x), y)
	}
	if m := math.Hypot(x, y); m > 1e8 { // arctanh(1/z) ± jπ/2, arctanh(w) = w here
		return complex(x/m/m, math.Copysign(math.Pi/2, y)-y/m/m)
	}
	var re float64
	if ax := math.Abs(x); (1-ax)*(1-ax)+y*y < 4*ax { // the ratio is past 2: logAbs keeps tiny y
		re = math.Copysign((logAbs(1+ax, y)-logAbs(1-ax, y))/2, x)
	} else {
		re = math.Log1p(4*x/((1-x)*(1-x)+y*y)) / 4
	}
	im := atan2(2*y, (1-x)*(1+x)-y*y) / 2
	return complex(re, im)
}

// CSin is the sine.
func CSin(z complex128) complex128 {
	if x, y := real(z), imag(z); isInf(y) && (isInf(x) || isNaN(x)) {
		return complex(math.NaN(), math.Inf(1)) // NumPy's sign (Annex G leaves it open)
	}
	return mulNegI(CSinh(mulI(z)))
}

// CCos is the cosine.
func CCos(z complex128) complex128 { return CCosh(mulI(z)) }

// CTan is the tangent.
func CTan(z complex128) complex128 { return mulNegI(CTanh(mulI(z))) }

// CAsin is the inverse sine, cuts along the real axis beyond ±1.
func CAsin(z complex128) complex128 {
	x, y := real(z), imag(z)
	switch {
	case isInf(x) && isNaN(y):
		return complex(math.NaN(), math.Inf(1)) // NumPy's sign (Annex G leaves it open)
	case isNaN(x) || isNaN(y) || isInf(x) || isInf(y) || math.Hypot(x, y) > bigArc:
		return mulNegI(CAsinh(mulI(z)))
	}
	return kahanAsin(z)
}

// CAtan is the inverse tangent, cuts along the imaginary axis beyond ±j.
func CAtan(z complex128) complex128 { return mulNegI(CAtanh(mulI(z))) }

// CAcos is the inverse cosine, cuts along the real axis beyond ±1, by Kahan's formula
// (-j log(2z) past bigArc).
func CAcos(z complex128) complex128 {
	x, y := real(z), imag(z)
	switch {
	case isInf(x) && isNaN(y):
		return complex(math.NaN(), math.Inf(-1)) // NumPy's sign (Annex G leaves it open)
	case isNaN(x) || isNaN(y) || isInf(x) || isInf(y):
		return cmplx.Acos(z)
	case math.Signbit(y): // conjugate symmetry, so that the big case needs y >= 0
		return cmplx.Conj(CAcos(cmplx.Conj(z)))
	case math.Hypot(x, y) > bigArc: // -j log(2z)
		l := CLog(z)
		return complex(imag(l), -(real(l) + math.Ln2))
	}
	// Kahan: 2·atan2(Re sqrt(1 - z), Re sqrt(1 + z)) + j·asinh(Im(conj(sqrt(1 + z))·sqrt(1 - z))).
	a := CSqrt(complex(1-x, -y))
	b := CSqrt(complex(1+x, y))
	return complex(2*atan2(real(a), real(b)), math.Asinh(real(b)*imag(a)-imag(b)*real(a)))
}

// CPow is x**y as NumPy computes it: 1 for y = 0; for x = 0, 0 when y is real and
// positive and NaN otherwise; for an integer real y with |y| < 100, binary powering with CMul (and
// a final CDiv for y < 0); otherwise exp(y·log x) (math/cmplx's Pow formula, with the
// argument's sign and a subnormal modulus' logarithm right).
func CPow(x, y complex128) complex128 {
	br, bi := real(y), imag(y)
	switch {
	case br == 0 && bi == 0:
		return 1
	case real(x) == 0 && imag(x) == 0:
		if br > 0 && bi == 0 {
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
	if isNaN(real(x)) || isNaN(imag(x)) || isInf(real(x)) || isInf(imag(x)) || isNaN(br) || isNaN(bi) || isInf(br) || isInf(bi) {
		return cmplx.Pow(x, y)
	}
	// |x|**re(y)·e**(-arg(x)·im(y)) at the angle arg(x)·re(y) + im(y)·log|x|, the
	// formula of math/cmplx's Pow, whose argument (math.Atan2) loses y's sign where y/x
	// underflows ((-1e150 - 1e-310j)**1.3 had the wrong imaginary sign) and whose
	// math.Log and math.Pow are wrong for a subnormal modulus (golang/go#56600).
	mod, arg := CAbs(real(x), imag(x)), atan2(imag(x), real(x))
	r, theta := Pow(mod, br), br*arg
	if bi != 0 {
		r *= math.Exp(-bi * arg)
		theta += bi * logAbs(real(x), imag(x))
	}
	s, c := sincos(theta)
	return complex(r*c, r*s)
}
