package numeric

// The reference's values of the hyperbolic functions, their inverses and arccos at
// arguments with an infinite or NaN part: C99 Annex G (G.6.1-G.6.2), and where Annex G
// leaves a sign open, NumPy's (glibc's) choice as the spec says (cosh(0 + inf·j) is
// NaN + 0j, sinh(-inf + inf·j) is +inf + NaN·j, arccos(±inf + NaN·j) is NaN - inf·j,
// arccosh(±0 + NaN·j) is NaN + π/2·j, arctanh(NaN ± inf·j) is 0 ± π/2·j, sin(x ± inf·j)
// of an infinite or NaN x and arcsin(±inf + NaN·j) are NaN + inf·j). The
// trigonometric functions follow from them as Annex G defines them: sin z = -i sinh(iz),
// cos z = cosh(iz), tan z = -i tanh(iz), arcsin z = -i arcsinh(iz), arctan z =
// -i arctanh(iz).

import "math"

// refCSpecial is name(z) for a z with an infinite or NaN part (ok false otherwise, or
// for a function whose special values refCFuncs computes itself).
func refCSpecial(name string, z complex128) (w complex128, ok bool) {
	x, y := real(z), imag(z)
	if refFinite(x) && refFinite(y) {
		return 0, false
	}
	rot := func(f string) complex128 { // -i·f(iz)
		v, _ := refCSpecial(f, complex(-y, x))
		return complex(imag(v), -real(v))
	}
	nan, inf := math.NaN(), math.Inf(1)
	switch {
	case name == "sin" && math.IsInf(y, 0) && !refFinite(x), name == "arcsin" && math.IsInf(x, 0) && math.IsNaN(y):
		return complex(nan, inf), true // NumPy's (glibc's) sign where Annex G leaves it open
	}
	switch name {
	case "sin":
		return rot("sinh"), true
	case "tan":
		return rot("tanh"), true
	case "arcsin":
		return rot("arcsinh"), true
	case "arctan":
		return rot("arctanh"), true
	case "cos":
		return refCSpecial("cosh", complex(-y, x))
	case "sinh", "cosh":
		even := name == "cosh"
		switch {
		case math.IsInf(x, 0) && y == 0 && even:
			return complex(inf, math.Copysign(0, x)*y), true
		case math.IsInf(x, 0) && y == 0:
			return complex(x, y), true
		case math.IsInf(x, 0) && refFinite(y) && even:
			return complex(inf*math.Cos(y), x*math.Sin(y)), true
		case math.IsInf(x, 0) && refFinite(y):
			return complex(x*math.Cos(y), inf*math.Sin(y)), true
		case math.IsInf(x, 0):
			return complex(inf, nan), true
		case x == 0 && even:
			return complex(nan, 0), true
		case x == 0:
			return complex(x, nan), true
		case math.IsNaN(x) && y == 0:
			return complex(nan, y), true
		}
		return complex(nan, nan), true
	case "tanh":
		switch {
		case math.IsInf(x, 0) && math.IsInf(y, 0):
			return complex(math.Copysign(1, x), math.Copysign(0, y)), true
		case math.IsInf(x, 0) && math.IsNaN(y):
			return complex(math.Copysign(1, x), 0), true
		case math.IsInf(x, 0):
			return complex(math.Copysign(1, x), math.Copysign(0, math.Sin(2*y))), true
		case x == 0:
			return complex(x, nan), true
		case math.IsNaN(x) && y == 0:
			return complex(nan, y), true
		}
		return complex(nan, nan), true
	case "arcsinh":
		switch {
		case math.IsInf(y, 0) && math.IsInf(x, 0):
			return complex(x, math.Copysign(math.Pi/4, y)), true
		case math.IsInf(y, 0) && math.IsNaN(x):
			return complex(inf, nan), true
		case math.IsInf(y, 0):
			return complex(math.Copysign(inf, x), math.Copysign(math.Pi/2, y)), true
		case math.IsInf(x, 0) && math.IsNaN(y):
			return complex(x, nan), true
		case math.IsInf(x, 0):
			return complex(x, math.Copysign(0, y)), true
		case math.IsNaN(x) && y == 0:
			return complex(nan, y), true
		}
		return complex(nan, nan), true
	case "arccosh":
		switch {
		case math.IsInf(y, 0) && math.IsNaN(x):
			return complex(inf, nan), true
		case math.IsInf(y, 0):
			return complex(inf, math.Copysign(refAcosParts(x), y)), true
		case math.IsInf(x, 0) && math.IsNaN(y):
			return complex(inf, nan), true
		case math.IsInf(x, 0):
			return complex(inf, math.Copysign(refAcosAtInf(x), y)), true
		case x == 0:
			return complex(nan, math.Pi/2), true
		}
		return complex(nan, nan), true
	case "arccos":
		switch {
		case math.IsInf(y, 0) && math.IsNaN(x):
			return complex(nan, -y), true
		case math.IsInf(y, 0):
			return complex(refAcosParts(x), -y), true
		case math.IsInf(x, 0) && math.IsNaN(y):
			return complex(nan, -inf), true
		case math.IsInf(x, 0):
			return complex(refAcosAtInf(x), -math.Copysign(inf, y)), true
		case x == 0:
			return complex(math.Pi/2, nan), true
		}
		return complex(nan, nan), true
	case "arctanh":
		switch {
		case math.IsInf(y, 0) && math.IsNaN(x):
			return complex(0, math.Copysign(math.Pi/2, y)), true
		case math.IsInf(y, 0) || math.IsInf(x, 0) && !math.IsNaN(y):
			return complex(math.Copysign(0, x), math.Copysign(math.Pi/2, y)), true
		case math.IsInf(x, 0):
			return complex(math.Copysign(0, x), nan), true
		case x == 0:
			return complex(x, nan), true
		}
		return complex(nan, nan), true
	}
	return 0, false
}

// refAcosAtInf is the angle of arccos with an infinite real part x and a finite
// imaginary one: 0 for +inf, π for -inf.
func refAcosAtInf(x float64) float64 {
	if x > 0 {
		return 0
	}
	return math.Pi
}

// refAcosParts is the angle of arccos where the imaginary part is infinite: π/2 for a
// finite x, π/4 for +inf, 3π/4 for -inf.
func refAcosParts(x float64) float64 {
	switch {
	case math.IsInf(x, 1):
		return math.Pi / 4
	case math.IsInf(x, -1):
		return 3 * math.Pi / 4
	}
	return math.Pi / 2
}
