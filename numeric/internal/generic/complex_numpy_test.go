package generic

import (
	"bufio"
	"bytes"
	"math"
	"math/cmplx"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"github.com/numkit/numkit/numeric/ir"
)

// numpyPython returns a Python 3 that imports NumPy ($NUMKIT_PYTHON, python3 or
// /usr/bin/python3). Without one the test is skipped, unless NUMKIT_REQUIRE_NUMPY is
// set (CI), which makes it fail.
func numpyPython(t *testing.T) string {
	t.Helper()
	cands := []string{"python3", "/usr/bin/python3"}
	if p := os.Getenv("NUMKIT_PYTHON"); p != "" {
		cands = []string{p}
	}
	for _, p := range cands {
		if err := exec.Command(p, "-c", "import numpy").Run(); err == nil {
			return p
		}
	}
	if os.Getenv("NUMKIT_REQUIRE_NUMPY") != "" {
		t.Fatalf("NUMKIT_REQUIRE_NUMPY is set but none of %v imports numpy (install python3-numpy)", cands)
	}
	t.Skipf("no Python with NumPy among %v (set NUMKIT_REQUIRE_NUMPY=1 to make this a failure)", cands)
	return ""
}

type numpyCase struct {
	fn         string
	x, y, want complex128
	binary     bool
}

func numpyCases(t *testing.T) []numpyCase {
	py := numpyPython(t)
	out, err := exec.Command(py, "testdata/complex_numpy.py").Output()
	if err != nil {
		t.Fatalf("testdata/complex_numpy.py: %v", err)
	}
	var cases []numpyCase
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		v := make([]float64, len(f)-1)
		for i, s := range f[1:] {
			if v[i], err = strconv.ParseFloat(s, 64); err != nil {
				t.Fatalf("%q: %v", sc.Text(), err)
			}
		}
		c := numpyCase{fn: f[0], x: complex(v[0], v[1])}
		if len(v) == 6 {
			c.binary, c.y = true, complex(v[2], v[3])
		}
		c.want = complex(v[len(v)-2], v[len(v)-1])
		cases = append(cases, c)
	}
	if len(cases) < 1000 {
		t.Fatalf("complex_numpy.py gave %d cases", len(cases))
	}
	return cases
}

var numpyOps = map[string]ir.Op{
	"sqrt": ir.OpSqrt, "exp": ir.OpExp, "log": ir.OpLog, "log10": ir.OpLog10,
	"sin": ir.OpSin, "cos": ir.OpCos, "tan": ir.OpTan, "sinh": ir.OpSinh, "cosh": ir.OpCosh,
	"tanh": ir.OpTanh, "arcsin": ir.OpAsin, "arccos": ir.OpAcos, "arctan": ir.OpAtan,
	"arcsinh": ir.OpAsinh, "arccosh": ir.OpAcosh, "arctanh": ir.OpAtanh,
	"log1p": ir.OpLog1p, "expm1": ir.OpExpm1,
}

// evalCase runs the case through the registered complex128 kernel (as evaluation does).
func evalCase(c numpyCase) complex128 {
	var op ir.Op
	switch c.fn {
	case "mul":
		op = ir.OpMul
	case "div":
		op = ir.OpDiv
	case "pow":
		op = ir.OpPow
	case "abs":
		return complex(CAbs(real(c.x), imag(c.x)), 0)
	default:
		op = numpyOps[c.fn]
	}
	x, y := []complex128{c.x}, []complex128{c.y}
	dst := make([]complex128, 1)
	k := Lookup(op, ir.Complex128, ir.Complex128)
	k(1, unsafePtr(dst), &[3]unsafePointer{unsafePtr(x), unsafePtr(y)})
	return dst[0]
}

// ulpErr is |got - want| in ULPs of want (ULPs of the smallest normal below it), Inf
// when they differ in kind (NaN, ±Inf).
func ulpErr(got, want float64) float64 {
	switch {
	case math.IsNaN(want) || math.IsNaN(got):
		if math.IsNaN(want) == math.IsNaN(got) {
			return 0
		}
		return math.Inf(1)
	case math.IsInf(want, 0) || math.IsInf(got, 0):
		if got == want {
			return 0
		}
		return math.Inf(1)
	}
	a := math.Max(math.Abs(want), 0x1p-1022)
	ulp := math.Nextafter(a, math.Inf(1)) - a
	return math.Abs(got-want) / ulp
}

// complexBounds is each function's bound in ULPs of each component of the result,
// against NumPy's function computed in long double (testdata/complex_numpy.py), for
// finite arguments; pow's bound grows with the exponent (its phase is y·arg x).
var complexBounds = map[string]float64{
	"mul": 0, "div": 0, // NumPy's own algorithms: the same bits
	"abs": 1, "sqrt": 1,
	"exp": 3, "log": 3, "log10": 3, "log1p": 3,
	"sin": 3, "cos": 3, "tan": 4, "sinh": 3, "cosh": 3, "tanh": 4,
	"arcsin": 3, "arccos": 3, "arctan": 4, "arcsinh": 3, "arccosh": 3, "arctanh": 4,
	"expm1": 32, // e**x·cos y - 1 cancels: the same formula as NumPy's
	"pow":   4,  // + 2·|y|, in ULPs of |w| for both parts
}

// Every complex kernel against NumPy: finite arguments within complexBounds (non-finite
// result parts exactly), arguments with an Inf or NaN part exactly as NumPy gives them
// (C99 Annex G; NaN's sign aside, the signs of zeros and infinities included).
func TestComplexNumPy(t *testing.T) {
	worst := map[string]float64{}
	failures := 0
	for _, c := range numpyCases(t) {
		got := evalCase(c)
		bound, ok := complexBounds[c.fn]
		if !ok {
			t.Fatalf("no bound for %s", c.fn)
		}
		if c.fn == "pow" {
			bound += 2 * cmplx.Abs(c.y)
		}
		var bad bool
		if !finite(c.x) || !finite(c.y) {
			bad = !sameSpecial(real(got), real(c.want)) || !sameSpecial(imag(got), imag(c.want))
			if c.fn == "expm1" && finite(c.want) { // NumPy's formula rounds: -0.9999999999999999 for -1
				bad = ulpErr(real(got), real(c.want)) > bound || !sameSpecial(imag(got), imag(c.want))
			}
			if c.fn == "expm1" && imag(c.x) == 0 && imag(got) == imag(c.x) && sameSpecial(real(got), real(c.want)) {
				bad = false // the documented difference: expm1(x±0j) is expm1(x)±0j (NumPy: NaN parts)
			}
			if e := CExp(c.x); c.fn == "expm1" && math.IsInf(real(c.x), 0) &&
				sameSpecial(real(got), real(e)-1) && sameSpecial(imag(got), imag(e)) {
				bad = false // e**z - 1 with Annex G's e**z at x = ±Inf (NumPy's formula: NaN)
			}
		} else {
			er, ei := ulpErr(real(got), real(c.want)), ulpErr(imag(got), imag(c.want))
			if c.fn == "pow" { // ULPs of |w| for both parts: the phase error moves both
				m := cmplx.Abs(c.want)
				ulp := math.Nextafter(m, math.Inf(1)) - m
				er, ei = math.Abs(real(got)-real(c.want))/ulp, math.Abs(imag(got)-imag(c.want))/ulp
			}
			bad = er > bound || ei > bound
			if c.fn == "expm1" && imag(c.x) == 0 && math.IsInf(real(got), 1) && imag(got) == imag(c.x) {
				continue // the documented difference above
			}
			if !math.IsNaN(er + ei) {
				worst[c.fn] = max(worst[c.fn], er, ei)
			}
		}
		if bad {
			if failures++; failures <= 20 {
				t.Errorf("%s(%v, %v) = %v, NumPy %v (bound %g ULPs)", c.fn, c.x, c.y, got, c.want, bound)
			}
		}
	}
	names := make([]string, 0, len(worst))
	for n := range worst {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		t.Logf("%-8s worst %.3g ULPs (bound %g)", n, worst[n], complexBounds[n])
	}
}

// sameSpecial reports whether got is want exactly: NaN for NaN, and otherwise the same
// value and sign (±0, ±Inf).
func sameSpecial(got, want float64) bool {
	if math.IsNaN(want) || math.IsNaN(got) {
		return math.IsNaN(want) && math.IsNaN(got)
	}
	return got == want && math.Signbit(got) == math.Signbit(want)
}

func finite(c complex128) bool {
	return !math.IsInf(real(c), 0) && !math.IsInf(imag(c), 0) && !math.IsNaN(real(c)) && !math.IsNaN(imag(c))
}

type unsafePointer = unsafe.Pointer

func unsafePtr(s []complex128) unsafe.Pointer { return unsafe.Pointer(&s[0]) }
