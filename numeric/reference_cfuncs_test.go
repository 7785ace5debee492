package numeric

// The reference's complex functions, written from the mathematics: math/cmplx where
// it is accurate (sqrt of finite values), and elsewhere formulas without cancellation,
// since math/cmplx's own formulas lose accuracy where the spec's bounds (3-4 ULPs of
// each part) do not allow it:
//
//   - cmplx.Log takes log(|z|), which loses the real part's relative accuracy near
//     |z| = 1; here log|z| = log1p(x² + y² − 1)/2 with x² + y² − 1 computed exactly
//     (math/big) and rounded once.
//   - cmplx.Asin, Acos, Asinh, Acosh, Atan and Atanh take the logarithm of a sum that
//     cancels for small |z|; here Kahan's formulas ("Branch cuts for complex elementary
//     functions", 1987) from square roots of 1 ± z.
//   - cmplx.Tanh divides by cosh(2x) + cos(2y), which cancels near the poles; here
//     Kahan's form with t = tan y, s = sinh x.
//
// Special values (an infinite or NaN part) follow C99 Annex G: written out here for
// sqrt, exp, log, log10, log1p and expm1 (with the spec's deliberate differences from
// NumPy: expm1(x ± 0j) is expm1(x) ± 0j, log1p keeps small values), and for the other
// functions in reference_cspecial_test.go. The general power follows the spec's
// formula (refCPowGeneral), with Go's cmplx.Pow, which the spec names, at non-finite
// arguments.

import (
	"math"
	"math/big"
	"math/cmplx"

	"github.com/numkit/numkit/numeric/internal/syntax"
)

func refFinite(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) }

// refAtan2 is the argument of x + yi. Its sign is always y's; Go's math.Atan2 loses it
// when y/x underflows with x < 0 (refAtan2(-1e-310, -1e150) is +π).
func refAtan2(y, x float64) float64 { return math.Copysign(math.Atan2(y, x), y) }

// refExactSum is Σ terms[i][0]·terms[i][1] + c, computed exactly and rounded once.
func refExactSum(c float64, terms ...[2]float64) float64 {
	s := new(big.Float).SetPrec(4096).SetFloat64(c)
	for _, t := range terms {
		p := new(big.Float).SetPrec(4096).SetFloat64(t[0])
		p.Mul(p, new(big.Float).SetPrec(4096).SetFloat64(t[1]))
		s.Add(s, p)
	}
	f, _ := s.Float64()
	return f
}

// refLogAbs is log|x + yi| for finite x, y.
func refLogAbs(x, y float64) float64 {
	h := math.Hypot(x, y)
	switch {
	case math.IsInf(h, 0):
		return math.Log(math.Hypot(x/2, y/2)) + math.Ln2
	case h > 0.5 && h < 2:
		return math.Log1p(refExactSum(-1, [2]float64{x, x}, [2]float64{y, y})) / 2
	case h < 0x1p-500:
		return math.Log(math.Hypot(x*0x1p600, y*0x1p600)) - 600*math.Ln2
	}
	return math.Log(h)
}

func refCLog(z complex128) complex128 {
	x, y := real(z), imag(z)
	if !refFinite(x) || !refFinite(y) || x == 0 && y == 0 {
		return complex(math.Log(math.Hypot(x, y)), refAtan2(y, x)) // Annex G's values
	}
	return complex(refLogAbs(x, y), refAtan2(y, x))
}

func refCSqrt(z complex128) complex128 {
	x, y := real(z), imag(z)
	switch {
	case math.IsInf(y, 0):
		return complex(math.Inf(1), y)
	case math.IsInf(x, -1) && math.IsNaN(y):
		return complex(math.NaN(), math.Inf(1))
	case math.IsInf(x, -1):
		return complex(0, math.Copysign(math.Inf(1), y))
	case math.IsInf(x, 1):
		if math.IsNaN(y) {
			return complex(x, y)
		}
		return complex(x, math.Copysign(0, y))
	case math.IsNaN(x) || math.IsNaN(y):
		return complex(math.NaN(), math.NaN())
	case x == 0 && y == 0:
		return complex(0, y)
	}
	// t = sqrt((|x| + |z|)/2); then (t, y/2t) for x >= 0, else (|y|/2t, ±t). Tiny
	// arguments are scaled up by 2**600 and huge ones down by 4, so |z| neither
	// underflows nor overflows (cmplx.Sqrt returns 0 for sqrt(5e-324 + 5e-324i)).
	scale := 1.0
	switch m := math.Max(math.Abs(x), math.Abs(y)); {
	case m < 0x1p-500:
		x, y, scale = x*0x1p600, y*0x1p600, 0x1p-300
	case m > 0x1p1000:
		x, y, scale = x/4, y/4, 2
	}
	t := math.Sqrt((math.Abs(x) + math.Hypot(x, y)) / 2)
	if x >= 0 {
		return complex(t*scale, y/(2*t)*scale)
	}
	return complex(math.Abs(y)/(2*t)*scale, math.Copysign(t, y)*scale)
}

func refCExp(z complex128) complex128 {
	x, y := real(z), imag(z)
	switch {
	case y == 0: // e**x + 0i, also where e**x overflows or x is NaN
		return complex(math.Exp(x), y)
	case math.IsInf(x, -1) && !refFinite(y):
		return complex(0, 0)
	case math.IsInf(x, 1) && y == 0:
		return complex(x, y)
	case math.IsInf(x, 1) && !refFinite(y):
		return complex(x, math.NaN())
	case !refFinite(y):
		return complex(math.NaN(), math.NaN())
	case math.IsInf(x, -1):
		return complex(math.Copysign(0, refCos(y)), math.Copysign(0, refSin(y)))
	case math.IsInf(x, 1):
		return complex(math.Copysign(x, refCos(y)), math.Copysign(x, refSin(y)))
	}
	s, c := refSincos(y)
	if y == 0 {
		s = y
	}
	if x > 700 { // e**x overflows before e**x·cos y may
		h := math.Exp(x / 2)
		return complex(h*c*h, h*s*h)
	}
	e := math.Exp(x)
	return complex(e*c, e*s)
}

func refCExpm1(z complex128) complex128 {
	x, y := real(z), imag(z)
	switch {
	case y == 0:
		return complex(math.Expm1(x), y)
	case math.IsInf(x, 0):
		e := refCExp(z)
		return complex(real(e)-1, imag(e))
	case !refFinite(x) || !refFinite(y):
		return complex(math.NaN(), math.NaN())
	}
	s := refSin(y / 2)
	e := refCExp(z)
	return complex(math.Expm1(x)*refCos(y)-2*s*s, imag(e))
}

func refCLog1p(z complex128) complex128 {
	x, y := real(z), imag(z)
	if !refFinite(x) || !refFinite(y) || math.Abs(x) > 1e150 || math.Abs(y) > 1e150 {
		return refCLog(complex(1+x, y))
	}
	h := math.Hypot(1+x, y)
	if h > 0.5 && h < 2 { // log|1+z| = log1p(2x + x² + y²)/2, the sum exact
		return complex(math.Log1p(refExactSum(0, [2]float64{2, x}, [2]float64{x, x}, [2]float64{y, y}))/2, refAtan2(y, 1+x))
	}
	return refCLog(complex(1+x, y))
}

func refCLog10(z complex128) complex128 {
	l := refCLog(z)
	return complex(real(l)/math.Ln10, imag(l)/math.Ln10)
}

// sinh, cosh and tanh of finite arguments.

func refCSinh(z complex128) complex128 {
	x, y := real(z), imag(z)
	if y == 0 { // not cosh(x)·0, a NaN where cosh x overflows
		return complex(math.Sinh(x), y)
	}
	s, c := refSincos(y)
	if y == 0 {
		s = y
	}
	if math.Abs(x) > 709 { // sinh x and cosh x overflow before the products may
		h := math.Exp(math.Abs(x) / 2)
		return complex(math.Copysign(1, x)*refHalf(c, h), refHalf(s, h))
	}
	return complex(math.Sinh(x)*c, math.Cosh(x)*s)
}

func refCCosh(z complex128) complex128 {
	x, y := real(z), imag(z)
	if y == 0 {
		return complex(math.Cosh(x), math.Copysign(0, x)*y)
	}
	s, c := refSincos(y)
	if y == 0 {
		s = y
	}
	if math.Abs(x) > 709 {
		h := math.Exp(math.Abs(x) / 2)
		return complex(refHalf(c, h), math.Copysign(1, x)*refHalf(s, h))
	}
	return complex(math.Cosh(x)*c, math.Sinh(x)*s)
}

// refHalf is p·h²/2 without the overflow of h² (a zero p stays zero).
func refHalf(p, h float64) float64 {
	if p == 0 {
		return p
	}
	return p * h / 2 * h
}

func refCTanh(z complex128) complex128 {
	x, y := real(z), imag(z)
	if math.Abs(x) > 22 { // tanh x rounds to ±1; the imaginary part is 2 sin 2y·e**-2|x|
		return complex(math.Copysign(1, x), 4*refSin(y)*refCos(y)*math.Exp(-2*math.Abs(x)))
	}
	t := refTan(y)
	b := 1 + t*t
	s := math.Sinh(x)
	rho := math.Sqrt(1 + s*s)
	d := 1 + b*s*s
	return complex(b*rho*s/d, t/d)
}

// Kahan's inverse functions of finite arguments.

func refCAsinh(z complex128) complex128 { // -i·asin(iz)
	w := refCAsin(complex(-imag(z), real(z)))
	return complex(imag(w), -real(w))
}

func refCAsin(z complex128) complex128 {
	x, y := real(z), imag(z)
	a, b := refCSqrt(complex(1-x, -y)), refCSqrt(complex(1+x, y)) // 1 ∓ z, the zeros' signs kept
	return complex(math.Atan(x/real(a*b)), math.Asinh(imag(cmplx.Conj(a)*b)))
}

func refCAcos(z complex128) complex128 {
	x, y := real(z), imag(z)
	a, b := refCSqrt(complex(1-x, -y)), refCSqrt(complex(1+x, y))
	return complex(2*math.Atan(real(a)/real(b)), math.Asinh(imag(cmplx.Conj(b)*a)))
}

func refCAcosh(z complex128) complex128 {
	x, y := real(z), imag(z)
	a, b := refCSqrt(complex(x-1, y)), refCSqrt(complex(x+1, y))
	return complex(math.Asinh(real(cmplx.Conj(a)*b)), 2*math.Atan(imag(a)/real(b)))
}

func refCAtanh(z complex128) complex128 {
	x, y := real(z), imag(z)
	if math.Abs(x) > 1e150 || math.Abs(y) > 1e150 { // 1/z: the squares overflow
		w := refCOp(syntax.DIV, Complex128, 1, z)
		return complex(real(w), math.Copysign(math.Pi/2, y))
	}
	d := refExactSum(1, [2]float64{-2, x}, [2]float64{x, x}, [2]float64{y, y}) // (1-x)² + y²
	re := math.Log1p(4*x/d) / 4
	switch {
	case math.Abs(4*x/d) > 0.5: // log1p would cancel near -1: log|1+z|/|1-z| / 2
		re = (refLogAbs(1+x, y) - refLogAbs(1-x, y)) / 2
	case x == 1 && y == 0 || x == -1 && y == 0:
		re = math.Copysign(math.Inf(1), x)
	}
	im := refAtan2(2*y, refExactSum(1, [2]float64{-x, x}, [2]float64{-y, y})) / 2
	return complex(re, im)
}

func refCAtan(z complex128) complex128 { // -i·atanh(iz)
	w := refCAtanh(complex(-imag(z), real(z)))
	return complex(imag(w), -real(w))
}

// refCFuncs are the complex functions of one argument, in complex128.
var refCFuncs = map[string]func(complex128) complex128{
	"sqrt": refCSqrt, "exp": refCExp, "expm1": refCExpm1, "log": refCLog,
	"log1p": refCLog1p, "log10": refCLog10,
	"sinh": refCSinh, "cosh": refCCosh, "tanh": refCTanh,
	"sin": func(z complex128) complex128 { // -i·sinh(iz)
		w := refCSinh(complex(-imag(z), real(z)))
		return complex(imag(w), -real(w))
	},
	"cos": func(z complex128) complex128 { return refCCosh(complex(-imag(z), real(z))) },
	"tan": func(z complex128) complex128 {
		w := refCTanh(complex(-imag(z), real(z)))
		return complex(imag(w), -real(w))
	},
	"arcsin": refCAsin, "arccos": refCAcos, "arctan": refCAtan,
	"arcsinh": refCAsinh, "arccosh": refCAcosh, "arctanh": refCAtanh,
}
