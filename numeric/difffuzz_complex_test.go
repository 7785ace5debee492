package numeric

// The differential fuzzer's complex configuration (exprgen.Config.Complex): complex128
// and complex64 inputs with special values in either part, imaginary literals,
// complex(x, y), real, imag, conj, abs, the complex functions, integer powers, where,
// == and !=, and sum, prod and mean of complex values, checked as diffCheck checks the
// real ones. A complex function is promised within its bound in ULPs of each part
// (confCULP, docs/language.md "Accuracy"); the reference computes it by its own
// formulas, whose error on random arguments exceeds the conformance suite's one ULP of
// slack (cos(-6.476411550989091+0.9487565645800063j): the engine 2.5 ULPs below NumPy's
// long-double value, the reference 2.5 above), so the two may differ by twice the bound;
// abs of a complex value within 1 ULP; a complex reduction within confReduceTol per
// part; the general power x ** w of two complex arrays (diffConfigComplexPow) within
// diffCPowULPs; the rest (+ - * /, integer powers, conj, real, imag, complex, where,
// ==, !=) bit for bit. A part far below |value| counts in ULPs of |value|
// (confComplexOK, docs/language.md "Accuracy"). An OpenCL refusal
// (kernels.ErrComplex) would be counted as not applicable, not a finding.

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/numkit/numkit/internal/exprgen"
	"github.com/numkit/numkit/kernels"
)

// diffConfigComplex is the complex configuration.
var diffConfigComplex = exprgen.Config{Complex: true, Scalars: true, Reductions: true, InnerReductions: true, ConstFolds: true}

// diffConfigComplexPow adds the general power x ** w of two complex arrays.
var diffConfigComplexPow = exprgen.Config{Complex: true, ComplexPow: true, Scalars: true, Reductions: true, InnerReductions: true, ConstFolds: true}

// diffCPowULPs is the general complex power's tolerance, in ULPs of |x ** w| for each
// part (conformance_cref_test.go's confComplexOK): docs/language.md bounds it by
// 4 + 2·|w| + |w|·|ln|x||, which the engine and the reference (the same formula, Go's
// math.Pow) stay well inside; OpenCL's pow differs from Go's by up to |w|·|ln|x||.
const diffCPowULPs = 1 << 12

// diffCLComplexRefused counts the cases the OpenCL backend refused with ErrComplex.
var diffCLComplexRefused atomic.Int64

// diffCLRefusesComplex reports whether err is the OpenCL backend's refusal of a complex
// operation it has no code for yet.
func diffCLRefusesComplex(backend string, err error) bool {
	return backend == BackendOpenCL && err != nil &&
		(errors.Is(err, kernels.ErrComplex) || errors.Is(err, ErrBackend) && strings.Contains(err.Error(), "complex"))
}

// diffComplexInexact is inexact's answer for a node of or over complex values
// (handled false for a real node of real arguments).
func diffComplexInexact(nd *exprgen.Node) (tol confTol, inexact, handled bool) {
	over := nd.Kind == exprgen.Call && len(nd.Args) == 1 && nd.Args[0].Type.IsComplex()
	switch {
	case nd.Type.IsComplex() && nd.IsReduction():
		return confTol{reduce: true}, true, true
	case nd.Kind == exprgen.Binary && nd.Op == "**" && nd.Args[1].Type.IsComplex():
		return confTol{ulps32: diffCPowULPs, ulps64: diffCPowULPs}, true, true
	case over && nd.Op == "abs":
		return confTol{ulps32: 1 + confCRefSlack, ulps64: 1 + confCRefSlack}, true, true
	case over && nd.Type.IsComplex():
		if u, ok := confCULP[nd.Op]; ok {
			return confTol{ulps32: 2 * u, ulps64: 2 * u}, true, true
		}
		return confTol{}, false, true
	case nd.Type.IsComplex() || over:
		return confTol{}, false, true
	}
	return confTol{}, false, false
}

// diffComplexSeeds is how many seeds TestDifferentialComplex checks.
const diffComplexSeeds = 150

// TestDifferentialComplex checks the complex configuration on a fixed set of seeds
// (NUMKIT_DIFFFUZZ_SEEDS=FROM:COUNT checks others); opencl runs one seed in
// diffCLStride, as in TestDifferential.
func TestDifferentialComplex(t *testing.T) {
	from, count := uint64(0), uint64(diffComplexSeeds)
	if s := os.Getenv("NUMKIT_DIFFFUZZ_SEEDS"); s != "" {
		if _, err := fmt.Sscanf(s, "%d:%d", &from, &count); err != nil {
			t.Fatalf("NUMKIT_DIFFFUZZ_SEEDS=%q: want FROM:COUNT", s)
		}
	}
	before := diffCLComplexRefused.Load()
	failed := 0
	for seed := from; seed < from+count; seed++ {
		cl := os.Getenv("NUMKIT_DIFFFUZZ_OPENCL")
		withCL := cl == "all" || cl != "off" && seed%diffCLStride == 0
		for _, msg := range diffCheck(t, seed, diffConfigComplex, diffBackends(t, withCL)) {
			t.Error(msg)
			failed++
		}
	}
	t.Logf("%d seeds; opencl refused %d cases with ErrComplex (not applicable there)", count, diffCLComplexRefused.Load()-before)
	if failed > 0 {
		t.Logf("%d findings; reproduce one with NUMKIT_DIFFFUZZ_SEEDS=N:1 or add its seed to diffRegressions", failed)
	}
}

// TestDifferentialComplexPow checks the complex configuration with the general power
// (diffConfigComplexPow) on fixed seeds, as TestDifferentialComplex (the same
// NUMKIT_DIFFFUZZ_SEEDS and NUMKIT_DIFFFUZZ_OPENCL).
func TestDifferentialComplexPow(t *testing.T) {
	from, count := uint64(0), uint64(diffComplexSeeds/2)
	if s := os.Getenv("NUMKIT_DIFFFUZZ_SEEDS"); s != "" {
		if _, err := fmt.Sscanf(s, "%d:%d", &from, &count); err != nil {
			t.Fatalf("NUMKIT_DIFFFUZZ_SEEDS=%q: want FROM:COUNT", s)
		}
	}
	pows := 0
	for seed := from; seed < from+count; seed++ {
		if e, err := exprgen.Generate(seed, diffConfigComplexPow); err == nil {
			e.Root.Walk(func(nd *exprgen.Node) {
				if nd.Kind == exprgen.Binary && nd.Op == "**" && nd.Args[1].Type.IsComplex() {
					pows++
				}
			})
		}
		cl := os.Getenv("NUMKIT_DIFFFUZZ_OPENCL")
		withCL := cl == "all" || cl != "off" && seed%diffCLStride == 0
		for _, msg := range diffCheck(t, seed, diffConfigComplexPow, diffBackends(t, withCL)) {
			t.Error(msg)
		}
	}
	t.Logf("%d seeds, %d general powers", count, pows)
	if count >= 50 && pows == 0 {
		t.Error("no general power generated")
	}
}

func diffCopyVars(v Vars) Vars {
	c := make(Vars, len(v))
	for k, x := range v {
		c[k] = x
	}
	return c
}

func diffDType(t exprgen.Type) DType {
	return [...]DType{Bool, Int32, Int64, Float32, Float64, Complex64, Complex128}[t]
}

// diffComplexRegressions are seeds of the complex configuration whose expressions once
// disagreed, each with the expression the generator makes for it (a change to the
// generator that moves them is noticed).
var diffComplexRegressions = []struct {
	seed uint64
	src  string
}{
	// log of a value whose |z| overflows (portable and simd gave +Inf)
	{3, "abs(sqrt((((((1e-3 / 46341) * a) + (b ** 0)) - ((c ** 0) + a)) * sin((imag(a) / log((1e300j + complex(d, real(c)))))))))"},
	// simd's x*y + z with the result in z's register (z overwritten by the product)
	{162, "conj((((+(c - (a + a))) + (d ** 5)) * sum(conj(where((imag(a) >= 0), (2.5j / 0.5), complex(real(a), imag(a)))))))"},
	{191, "((((cosh(d) * (d - d)) ** 0) + (conj(((d - a) ** (-3))) * (c / (trunc(c) + b)))) + (log(arccosh(b)) + where((imag(log(b)) < 0), (d * b), b)))"},
	// expm1 past x = 709 (its product overflowed)
	{193, "real(complex(imag(conj(((cosh((d ** 1)) * mean(where((abs(c) > 0), conj(d), c))) / real(c)))), imag(((expm1(a) / 5e-324j) + expm1((-arcsinh(conj(d))))))))"},
	// log, log10, log1p near |z| = 1 (the sum of squares minus 1 as a double-double)
	{1076, "(((-0.1) - (log10(a) ** 3)) + a)"},
	{1781, "(complex(real(a), imag(a)) != log(exp(sin(where((abs(a) >= 0), tanh(a), 5e-324j)))))"},
	{2529, "real(((((0.49999999999999994 + log1p(conj((0j + e)))) - prod((sqrt(expm1(conj(e))) - (c * c)))) - complex(imag(((s0 ** 5) - mean(tan(e)))), real((conj(complex(imag(a), imag(a))) ** 1)))) ** 3))"},
}

// diffComplexPowRegressions are seeds of diffConfigComplexPow that once disagreed.
var diffComplexPowRegressions = []struct {
	seed uint64
	src  string
}{
	// the reference's |x|**re(w) by math.Pow of a subnormal |x| ((-5e-324+0j) ** (1e-10-3e-320j))
	{3, "abs(sqrt((((((1e-3 / 46341) * a) * (b ** c)) - (where(True, 5e-324, 31) - b)) + arctanh(((a * sum(conj(c))) / arctan((-((3-4j) - prod(b)))))))))"},
	// a phase past 2**50 radians ((1-1j) ** (-3e-320+1e16j): a known class)
	{267, "complex(imag((((c ** b) / (-c)) * prod(((+(exp(b) * prod((-b)))) * log10((d + (c * prod((b + 0.49999999999999994))))))))), imag(((arccosh((2.5j + (d - c))) * arctanh(2.5j)) ** 5)))"},
	// complex64 ** in float32 by the reference ((1e30+1e30j) ** (-7-0j) NaN; 0 widened)
	{311, "(conj((+(((e / a) / imag((a * mean(a)))) * (e ** a)))) == cos(conj(conj((complex(abs(a), real(e)) - sum(arccos(exp(e))))))))"},
	{598, "(conj(conj((where((real(a) >= 0), (c + complex(b, b)), (a ** c)) * real(complex(b, b))))) - prod((+conj((where((abs((a ** (c ** c))) < 0), (+arcsinh(complex(b, b))), conj(where((imag(c) >= 0), complex(b, b), (real(a) * a)))) / ((real(a) + (complex(b, b) - c)) * conj(c)))))))"},
}

func TestDifferentialComplexRegressions(t *testing.T) {
	for _, r := range diffComplexPowRegressions {
		e, err := exprgen.Generate(r.seed, diffConfigComplexPow)
		if err != nil || e.String() != r.src {
			t.Errorf("seed %d (general powers) now generates %v (err %v), recorded %s: re-record the regression", r.seed, e, err, r.src)
			continue
		}
		for _, msg := range diffCheck(t, r.seed, diffConfigComplexPow, diffBackends(t, true)) {
			t.Error(msg)
		}
	}
	for _, r := range diffComplexRegressions {
		e, err := exprgen.Generate(r.seed, diffConfigComplex)
		if err != nil || e.String() != r.src {
			t.Errorf("seed %d now generates %v (err %v), recorded %s: re-record the regression", r.seed, e, err, r.src)
			continue
		}
		for _, msg := range diffCheck(t, r.seed, diffConfigComplex, diffBackends(t, true)) {
			t.Error(msg)
		}
	}
}
