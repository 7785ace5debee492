package numeric

// The differential fuzzer's list of known disagreements and its regression seeds
// (difffuzz_test.go). Remove a diffKnown entry when its fix lands: the regression seeds
// and TestDifferential then check it.

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/numkit/numkit/internal/exprgen"
)

// diffKnown are the classes of disagreement known and open in issue #14.
var diffKnown = []struct {
	name, issue string
	match       func(f diffFinding, e *exprgen.Expr) bool
}{
	{"signbit of NaN", "unspecified by the language (docs/language.md, found by this fuzzer): Go's math (the reference, " +
		"gonum) and the hardware (simd, opencl) make NaNs of different signs, so signbit(NaN) and copysign(x, NaN) differ",
		func(f diffFinding, e *exprgen.Expr) bool {
			nd := f.node
			if nd == nil {
				nd = e.Root
			}
			return (f.check == "whole" || f.check == "subexpression") && nd.Has(func(m *exprgen.Node) bool {
				return m.Kind == exprgen.Call && m.Op == "signbit" && m.Args[0].Type.IsFloat() && m.Args[0].Kind != exprgen.Lit ||
					m.Kind == exprgen.Call && m.Op == "copysign" && m.Args[1].Kind != exprgen.Lit // copysign(x, NaN) takes the NaN's sign
			})
		}},
	{"complex power past the fuzzer's tolerance", "inherent (#19, TestDifferentialComplexPow): docs/language.md " +
		"bounds x ** w by 4 + 2·|w| + |w|·|ln|x|| ULPs of |x ** w| (the phase arg(x)·re(w) + im(w)·log|x| carries " +
		"|w| times the roundings of arg x and log|x|), beyond the fuzzer's fixed diffCPowULPs where " +
		"|w|·(|ln|x|| + π) > 1000: tan(c) ** a at ((3.6e-9+0.99999999j), (7.8e8+4.67j)) differs by 5e7 ULPs " +
		"between opencl and the reference (bound 1.6e9); past 2**50 radians the parts' signs are noise " +
		"((1-1j) ** (-3e-320+1e16j): +Inf+Inf·j by the engine, +Inf−Inf·j by the reference)",
		func(f diffFinding, _ *exprgen.Expr) bool {
			if f.node == nil || f.node.Kind != exprgen.Binary || f.node.Op != "**" || len(f.cargs) != 2 {
				return false
			}
			x, w := f.cargs[0], f.cargs[1]
			k := math.Hypot(real(w), imag(w)) * (math.Abs(math.Log(math.Hypot(real(x), imag(x)))) + math.Pi)
			return k > 1000 || math.IsNaN(k)
		}},
	{"a product overflowing inside a fused dot", "allowed by the language (docs/language.md, Reductions, step 4): " +
		"sum(x*y) and mean(x*y) may add each product with a fused multiply-add, so a product whose rounding overflows " +
		"(3 × 1.8e308) is not ±Inf on its own: fma(3, 1.8e308, -Inf) is -Inf where -Inf + (3 × 1.8e308 rounded) is NaN " +
		"(seeds 4202059051, 4202162197: the engine's -Inf against the reference's NaN)",
		func(f diffFinding, _ *exprgen.Expr) bool {
			nd := f.node
			if nd == nil || f.check != "subexpression" || (nd.Op != "sum" && nd.Op != "mean") || !nd.Type.IsFloat() {
				return false
			}
			arg := nd.Args[0]
			product := arg.Kind == exprgen.Binary && (arg.Op == "*" || arg.Op == "**" && exprgen.RewrittenPow(arg.Args[1]))
			infNaN := strings.Contains(f.msg, "Inf (0x") && strings.Contains(f.msg, "want NaN") ||
				strings.Contains(f.msg, "= NaN (0x") && strings.Contains(f.msg, "Inf (0x")
			return product && infNaN
		}},
	{"Go math reference at extreme arguments", "reference limitation (conformance_known_test.go): Go's math.Log/Log2/Log10/Pow/Atan2 " +
		"on subnormal or huge arguments, math.Asin/Acos near ±1 (arcsin(0.999999948682059): simd exact by mpmath, Go 218 ULP off), " +
		"math.Sin/Cos/Tan beyond 2^29, math.Sin/Cos/Tan near their zeros and math.Tan near its poles, math.Pow with |y log2 x| > 64, math.Sinh/Cosh overflowing early beyond 709, " +
		"math.Log2 just above 1 (log(frac)/ln 2 + 1 cancels: log2(1.0000000004137743) is 5.9695026699e-10 by Go, " +
		"5.9695019995e-10 by simd and by ln(x)/ln 2), math.Atan2 when y/x underflows (the sign of ±Pi), math.Expm1 " +
		"overflowing early beyond 709.78",
		func(f diffFinding, _ *exprgen.Expr) bool {
			if f.node == nil || !f.node.IsTranscendental() || f.backend == BackendGonum {
				return false
			}
			if (f.node.Op == "arcsin" || f.node.Op == "arccos") && len(f.args) == 1 && math.Abs(f.args[0]) > 0.999 {
				return true
			}
			if (f.node.Op == "sin" || f.node.Op == "cos" || f.node.Op == "tan") && len(f.args) == 1 && math.Abs(f.args[0]) >= 1<<29 {
				return true // Go's reduction of huge arguments (tan(-8.68260588301919e13): simd exact, Go 98 ULP off)
			}
			if f.node.Op == "tan" && len(f.args) == 1 && math.Abs(math.Cos(f.args[0])) < 1e-6 {
				return true // Go's Tan near a pole: tan(-158.65042900628455) is -2.2685461893375388e+14 by Go, -2.2685461893375147e+14 by simd and glibc
			}
			if len(f.args) == 1 && math.Abs(f.args[0]) > 3 &&
				((f.node.Op == "sin" || f.node.Op == "tan") && math.Abs(math.Sin(f.args[0])) < 1e-6 || f.node.Op == "cos" && math.Abs(math.Cos(f.args[0])) < 1e-6) {
				// Go's Sin/Cos/Tan near a zero: cos(67495.54736604991) is 8.884863561764768e-13 by Go, ...852e-13 by
				// simd, glibc and mpmath (84 ULP); tan(1.8290003084096697e8) -7.647440786822322e-10 by Go, ...2278e-10 by simd and mpmath
				return true
			}
			if f.node.Op == "log2" && len(f.args) == 1 && f.args[0] > 1 && f.args[0] < 1.1 {
				return true // Go's Log2 is Log(frac)/ln 2 + 1 for x in [1, 2): it cancels near 1
			}
			if (f.node.Op == "sinh" || f.node.Op == "cosh") && len(f.args) == 1 && math.Abs(f.args[0]) > 709 {
				return true // Go's Sinh overflows early (sinh(-710.0485073325426) = -1.17e308: simd finite, Go -Inf)
			}
			if f.node.FuncName() == "pow" && len(f.args) == 2 && (math.Abs(f.args[1]*math.Log2(math.Abs(f.args[0]))) > 32 || math.Abs(f.args[1]) > 16) {
				// Go's Pow also multiplies out the integer part of y, its error growing about as |y|/2 ULPs
				// (0.9931161999702454 ** -1040.6849033591488: simd 1324.2980528910552, as by 60-digit decimal
				// arithmetic, Go 101 ULP off; 1.0000405311584473 ** -240.16213989257812: simd exact, Go 93 ULP off)
				// Go's Pow far from 1 (pow(7.121495619077263e-86, -0.4521641914456157): simd exact, Go 83 ULP off;
				// 0.9857940077781677 ** -3084.5: simd and libm 1.4673931780779135e+19, Go 1.4673931780778473e+19)
				return true
			}
			if f.node.Op == "arctan2" && len(f.args) == 2 && f.args[0] != 0 && f.args[0]/f.args[1] == 0 {
				return true // Go's Atan2 when y/x underflows: atan2(-4e-300, -1e300) is +Pi by Go, -Pi by simd and libm
			}
			if f.node.Op == "exp" && len(f.args) == 1 && f.args[0] > 709 && f.args[0] < 709.79 {
				// Go's Exp (amd64) overflows early: exp(709.782712893384) and exp(709.6532268887146) are +Inf by Go,
				// 1.7976931348622732e+308 and 1.5793577018134566e+308 by simd and glibc
				return true
			}
			if f.node.Op == "expm1" && len(f.args) == 1 && f.args[0] > 709 {
				return true // Go's Expm1 overflows early: expm1(709.782712893384) is +Inf by Go, 1.7976931348622732e+308 by simd and libm
			}
			for _, x := range f.args {
				if a := math.Abs(x); a != 0 && a < 2.2250738585072014e-308 || a > 1e300 && !math.IsInf(a, 0) {
					return true
				}
			}
			return false
		}},
	{"reference's complex arctan and arctanh off the axes", "reference limitation (found by the complex fuzzer, #19): " +
		"reference_cfuncs_test.go's arctanh formula loses a few ULPs away from the axes, beyond confCULP + slack: " +
		"arctanh(6.4605686532104585-4.077417672097699j) real part 0.11059839206165889 by the reference, " +
		"0.11059839206165897 by gonum, simd and NumPy in long double; arctan(4.896816973330274-4.890790608453861j) " +
		"imaginary part -0.1013859966232249 by the reference, -0.10138599662322505 by the engine and NumPy; five " +
		"such arguments checked, all with |z| > 2, where the entry applies",
		func(f diffFinding, _ *exprgen.Expr) bool {
			return f.check == "subexpression" && f.node != nil && f.node.Type.IsComplex() &&
				(f.node.Op == "arctan" || f.node.Op == "arctanh") && f.backend != BackendOpenCL &&
				len(f.cargs) == 1 && math.Hypot(real(f.cargs[0]), imag(f.cargs[0])) > 2
		}},
	{"reference's complex functions at extreme parts", "reference limitation (found by the complex fuzzer, #19): " +
		"Go's math.Sin/Cos beyond 2^29 in the reference's exp (exp(-7-1.7976931348623157e308j) imaginary part " +
		"-4.5247170861538275e-06 by the reference and gonum, -4.524717086153808e-06 by simd, -4.524717086153807e-06 " +
		"by NumPy in long double), and the reference's arccos/arccosh overflowing to ±Inf where the engine's " +
		"log(2z) path gives the finite value (arccosh(-1.8e308-1.8e308j) real part 710.8224336642238 by the engine), " +
		"and its exp, expm1, sinh, cosh overflowing past 709 where the value is finite (NumPy in long double agrees " +
		"with the engine: sinh(-710.1876846874701+1833.507289201402j) = -5.098197737304268e+307-1.2474464921095636e+308j)",
		func(f diffFinding, _ *exprgen.Expr) bool {
			if f.check != "subexpression" || f.node == nil || !f.node.Type.IsComplex() || len(f.cargs) != 1 {
				return false
			}
			re, im := math.Abs(real(f.cargs[0])), math.Abs(imag(f.cargs[0]))
			got, want, _ := strings.Cut(f.msg, ", want (")
			want, _, _ = strings.Cut(want, " (as ")
			gotRe, gotIm, _ := strings.Cut(got[strings.LastIndex(got, "= (")+3:], "), ")
			wantRe, wantIm, _ := strings.Cut(want, "), ")
			infWhereFinite := strings.Contains(wantRe, "Inf (") && !strings.Contains(gotRe, "Inf (") ||
				strings.Contains(wantIm, "Inf (") && !strings.Contains(gotIm, "Inf (")
			switch {
			case (f.node.Op == "exp" || f.node.Op == "expm1") && f.backend == BackendSIMD && im >= 1<<29 && !math.IsInf(im, 0):
				return true
			case f.backend == BackendOpenCL && slices.Contains([]string{"exp", "expm1", "sinh", "cosh", "tanh", "sin", "cos", "tan"}, f.node.Op) &&
				(re >= 1<<29 && !math.IsInf(re, 0) || im >= 1<<29 && !math.IsInf(im, 0)):
				// the same on OpenCL, for every function that takes sin and cos of a part: cosh(0.5+1.7976931348623157e308j),
				// tan(1.7976931348623157e308+9.95e-19j), expm1(1+2.3232226405752825e14j) differ from the reference in a part
				return true
			case f.node.Op == "exp" && f.backend == BackendSIMD && (math.Abs(math.Cos(im)) < 1e-6 || math.Abs(math.Sin(im)) < 1e-6):
				return true // Go's Cos near its zeros: cos(1.5707963267948966) 6.123233995736757e-17 by Go, ...766e-17 by simd and NumPy
			case max(re, im) > 709 && infWhereFinite:
				return true // the reference overflows; the engine splits or scales (sinh(-710.19+1833.5j) finite)
			}
			return false
		}},
	{"prod of one complex value", "reference limitation (found by the complex fuzzer, #19): prod of a scalar " +
		"complex x is x in the engine, as NumPy's reduction of one element, but 1·x in the reference, whose naive " +
		"product spreads a NaN part to both parts (prod(complex(nan, -2.5)) is nan-2.5j by the engine, nan+nanj by " +
		"the reference)",
		func(f diffFinding, _ *exprgen.Expr) bool {
			return f.check == "subexpression" && f.node != nil && f.node.Type.IsComplex() && f.node.Op == "prod" &&
				!f.node.Args[0].Array
		}},
}

// diffRegressions are seeds whose expressions once disagreed (findings, each with the
// expression the generator made for it when it was found, so that a change to the
// generator that moves them is noticed).
var diffRegressions = []struct {
	seed uint64
	src  string
}{
	// overlap on gonum and simd (#14 part 6)
	{14, "(-(+b))"},
	// overlap on opencl (#14 part 6; found here: the issue names only gonum and simd)
	{100, "((d - 0b101) % trunc((c // 4294967296)))"},
	{108, "(+minimum(pow(((d ** c) >> 1), 13), where(((+a) == max(maximum(b, b))), min(c), max(((c * d) * d)))))"},
	// the reference passes over min of an empty array that the engine rejects
	{144, "where(((b > 0) & isfinite(min(a))), (~True), isnan(2.2250738585072014e-308))"},
	// Go's math as the reference: Asin near 1, Tan of a huge argument, Pow far from 1,
	// Log2 just above 1
	{31, "copysign(((where(a, c, 2147483648) * trunc(sin(c))) ** arcsin(tanh((c * 0.5)))), ((0 * where(b, 255, 3)) * trunc((9223372036854775807 | (4294967296 * 2)))))"},
	{579, "clip(tan(a), s1, 0)"},
	{733, "round(sum(tan(((pow((a * 0.5), 51) + hypot(where(b, 0.5, 1.5), 1e-300)) ** 0.3))))"},
	{495, "clip(arccos(arctanh(d)), (sign(31) - where(b, 255, 2)), (-log2(maximum(((where(s0, 0o17, 0o17) - d) ** d), a))))"},
	{5897, "(arctan2(((d | d) & d), 1e16) - tanh(arctan2(((s0 * s0) / (b - s0)), minimum(ceil(c), ceil(b)))))"},
	{16019, "min(exp(clip((-where((f > 0), max(c), (9223372036854775807 % expm1(log1p((s1 + c)))))), ((b + e) * (e * a)), (((~4294967296) + where(True, d, s0)) - (0 * e)))))"},
	{18034, "where((a != ((max((~d)) - where(True, d, d)) << 31)), isinf((10 * where(True, d, d))), (~where((arctan(c) < (c ** (b * 0.5))), (~(e != 2147483648)), where(True, True, False))))"},
	// the sign of a NaN (spec gap): gonum's signbit(NaN) false, simd's true
	{17882, "signbit((sign(maximum(((e / arcsin(e)) + (arccos(f) * 3000000000)), ((((clip(2147483648, 7, 2147483647) // 3000000000) + arccosh(s0)) + f) * (-abs(trunc(1_000)))))) ** (-5)))"},
	{1099511627761, "pow((4294967296 ** a), (c + ceil(e)))"},
	// x**0 and ones_like(x) of an array x holding a max of an empty array: the engine did
	// not evaluate x (now it does, and fails as max does)
	{3000003126, "(((exp2((max((b * 1)) - 7)) - (where(False, 4294967296, b) | 2147483648)) * (9223372036854775807 + (where(True, a, 7) // where(False, 255, b)))) ** 0)"},
	// Go's Pow with a large y (0.9931161999702454 ** -1040.6849033591488: Go 101 ULP off)
	{3000008294, "(((a ** d) * trunc((d ** 50))) - (where(True, b, ((-0b101) & b)) // b))"},
	// an exact constant power of a subnormal base folded with Go's math.Pow (5e-324 ** -0.3: 2.4e92 for 9.8e96)
	{3300012761, "clip((a * 0.5), where(True, (5e-324 ** (-0.3)), sin((a * 0.5))), round(((1.7976931348623157e308 - 9223372036854775807) + (a * (2147483648 + (a ** 1))))))"},
	// Go's Cos near a zero: cos(67495.54736604991) 84 ULP off in the reference (simd = glibc = mpmath)
	{4000147408, "((sum((s0 + cos(((where(False, 4294967296, 46341) - maximum(a, e)) * arccos(b))))) * (3 * 0)) ** 0)"},
	// Go's Tan near a zero: tan(1.8290003084096697e8) off in the reference (simd = mpmath)
	{4200330679, "(tan(((exp(c) + (+e)) * arctan2(exp(a), ((d - sum(d)) - (d - b))))) ** 50)"},
	// a literal float power folded with Go's math.Pow (0.1 ** 51 16 ULP off, then
	// ** -1.5 2 ULP off): CPython's (libm's) pow now, asm's
	{4201045587, "trunc((((0.1 ** 51) ** (-1.5)) - pow((e ** 2.5), 3.0)))"},
	// a product overflowing inside a fused dot: -Inf by the engine, NaN by the reference
	{4202059051, "sum(((+(where((e != e), e, 2) + (-(e // (~e))))) * ceil((-where(b, (0x1F + 2147483648), c)))))"},
	// a literal subexpression checked as a variable: (1e-308 - zq0) ** 50 multiplied
	// out in the reference, folded as CPython's pow in the engine
	{4001366042, "ceil(where(((b >> 31) > ((b << b) // 9223372036854775807)), (2.2250738585072014e-308 % ceil((1.7976931348623157e308 * 0o17))), ((2.2250738585072014e-308 - (4503599627370497.0 ** 0.3)) ** 50)))"},
	// max of an empty array in an expression with no elements: an error, which the
	// reference did not reach while it evaluated element by element
	{4000146013, "(((((max(c) * c) - (10 + (c - c))) + (-(a + a))) * (+min(((a // 255) & a)))) >> ((31 + (a << 64)) - where(b, ((-2) ** 31), c)))"},
	// a float32 sum whose partial sums overflow on gonum and simd (+Inf), not in the reference (3.4028235e38)
	{2488, "cos(exp2(((exp2((b // ((0o17 + 3) | c))) / (((65535 % 7) * (100 + maximum(0o17, 1))) ** 1)) + expm1(((sum(f) / s0) % arctanh(a))))))"},
	// a NaN constant folded into exp2 by pocl (0 for NaN) under the extras configuration,
	// which FuzzDifferential's seed corpus runs: tanh((exp2(arccosh(where(s0, 1_000,
	// clip(a, a, a)).imag).real) * (a == 0)))
	{1099511626110, "tanh((exp2(arccosh(where(s0, 1_000, clip(a, a, a)))) * floor(3)))"},
}

func TestDifferentialRegressions(t *testing.T) {
	for _, r := range diffRegressions {
		e, err := exprgen.Generate(r.seed, diffConfig)
		if err != nil || e.String() != r.src {
			t.Errorf("seed %d now generates %v (err %v), recorded %s: re-record the regression", r.seed, e, err, r.src)
			continue
		}
		for _, msg := range diffCheck(t, r.seed, diffConfig, diffBackends(t, true)) {
			t.Error(msg)
		}
	}
}

// diffOrderSensitive reports whether a float reduction's value depends on the order or
// precision of the accumulation by more than confReduceTol: summing (or multiplying)
// the elements one by one in the result's type gives a value outside the tolerance, or
// sum |x| (the scale of the rounding errors any order makes) is beyond the tolerance or
// beyond the type's range (partial sums can overflow).
func diffOrderSensitive(nd *exprgen.Node, vars Vars, want refResult) bool {
	arg, err := refEvaluate(nd.Args[0].String(), vars, false)
	if err != nil || len(want.vals) != 1 {
		return false
	}
	w := want.vals[0].f
	acc, abs := 0.0, 0.0
	if nd.Op == "prod" {
		acc = 1
	}
	for _, v := range arg.vals {
		x := refAsFloat(arg.typ, v)
		if nd.Op == "prod" {
			acc = refRound(want.typ, acc*x)
		} else {
			acc = refRound(want.typ, acc+x)
		}
		abs += math.Abs(x)
	}
	if nd.Op == "mean" && len(arg.vals) > 0 {
		acc /= float64(len(arg.vals))
		abs /= float64(len(arg.vals))
	}
	tol := confReduceTol[want.typ] * math.Max(math.Abs(w), 1)
	eps := 0x1p-52
	if want.typ == Float32 {
		eps = 0x1p-23
	}
	top := math.MaxFloat64 // partial sums can overflow in some order
	if want.typ == Float32 {
		top = math.MaxFloat32
	}
	return math.IsNaN(acc) != math.IsNaN(w) || abs > top || !(math.Abs(acc-w) <= tol) ||
		float64(len(arg.vals))*eps*abs > tol
}
