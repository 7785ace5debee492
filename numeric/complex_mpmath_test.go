package numeric

import (
	"bufio"
	"compress/gzip"
	"context"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// TestComplexMpmath measures every complex function and operator on every backend
// (gonum, simd, and opencl where it is usable), complex128 and complex64, against the
// correctly rounded values of testdata/cmplx_mpmath/cases.txt.gz (written by gen.py
// there from mpmath; no Python runs here), and asserts the bounds of
// docs/language.md's accuracy table (mpmathBounds). With -v it prints the measured
// maxima as that table's rows.
//
// The error of a part is |got - want| in ULPs of the part's format at max(|want part|,
// |want|·2**-p) with p = 26 for complex128 and 12 for complex64 (half the
// significand's bits), so a part far below the modulus counts in units no finer than
// that floor: the product, quotient and powers, whose tiny parts are the difference
// of large ones, are then measured as NumPy's algorithms round them. A want part that
// is a signed zero must be that zero (its sign included; gen.py leaves the sign of a
// few zeros open); an infinite or NaN part exactly that.

// mpmathCase is one line of cases.txt.gz.
type mpmathCase struct {
	fn, k      string
	prec       int
	x, y, want complex128
	openRe     bool // a want part written "0": a zero of either sign
	openIm     bool
}

func readMpmathCases(t *testing.T) []mpmathCase {
	t.Helper()
	f, err := os.Open("testdata/cmplx_mpmath/cases.txt.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var cases []mpmathCase
	sc := bufio.NewScanner(zr)
	for line := 1; sc.Scan(); line++ {
		fld := strings.Fields(sc.Text())
		if len(fld) != 9 {
			t.Fatalf("cases.txt line %d: %d fields, want 9", line, len(fld))
		}
		var v [6]float64
		for i, s := range append(fld[3:7:7], fld[7:]...) {
			if s == "0" {
				continue
			}
			if v[i], err = strconv.ParseFloat(s, 64); err != nil {
				t.Fatalf("cases.txt line %d: %v", line, err)
			}
		}
		c := mpmathCase{fn: fld[0], k: fld[1], x: complex(v[0], v[1]), y: complex(v[2], v[3]),
			want: complex(v[4], v[5]), openRe: fld[7] == "0", openIm: fld[8] == "0"}
		if c.prec, err = strconv.Atoi(fld[2]); err != nil || c.prec != 32 && c.prec != 64 {
			t.Fatalf("cases.txt line %d: precision %q", line, fld[2])
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(cases) < 10000 {
		t.Fatalf("cases.txt.gz holds %d cases", len(cases))
	}
	return cases
}

// mpmathBounds is each function's bound in floored ULPs (above) of each part, on the
// OpenCL backend and on the CPU backends (gonum, simd): docs/language.md's table.
// simd's exp is larger past x = 709, where asm's ExpC128 takes Go's math.Sincos.
var mpmathBounds = map[string]struct{ opencl, cpu float64 }{
	"abs": {1, 1}, "sqrt": {1, 1}, "mul": {2, 2}, "div": {2, 2}, "powk": {8, 8},
	"log": {3, 3}, "log1p": {3, 3},
	"arcsin": {3, 3}, "arccos": {3, 3}, "arcsinh": {3, 3}, "arccosh": {3, 3},
	"arctan": {4, 4}, "arctanh": {4, 4},
	"exp": {3, 8}, "sin": {3, 3}, "cos": {3, 3}, "sinh": {3, 3}, "cosh": {3, 3},
	"tan": {4, 4}, "tanh": {4, 4}, "expm1": {4, 4}, "pow": {4, 4},
}

// mpmathPowBound is pow's bound at exponent y: b + 2·|y| ULPs, plus the phase's share
// |y|·|ln|x|| for the rounding of |x|**re(y) (Go's math.Pow, docs/language.md).
func mpmathPowBound(b float64, x, y complex128) float64 {
	return b + 2*cmplxAbs(y) + cmplxAbs(y)*math.Abs(math.Log(cmplxAbs(x)))
}

func cmplxAbs(z complex128) float64 { return math.Hypot(real(z), imag(z)) }

// mpmathGroup is the cases of one expression and precision.
type mpmathGroup struct {
	src   string
	prec  int
	cases []mpmathCase
}

func mpmathGroups(cases []mpmathCase) []mpmathGroup {
	idx := map[string]int{}
	var groups []mpmathGroup
	for _, c := range cases {
		var src string
		switch c.fn {
		case "div":
			src = "z / w"
		case "mul":
			src = "z * w"
		case "pow":
			src = "z ** w"
		case "powk":
			src = "z ** " + c.k
		default:
			src = c.fn + "(z)"
		}
		key := fmt.Sprint(src, c.prec)
		i, ok := idx[key]
		if !ok {
			i = len(groups)
			idx[key] = i
			groups = append(groups, mpmathGroup{src: src, prec: c.prec})
		}
		groups[i].cases = append(groups[i].cases, c)
	}
	return groups
}

// eval runs the group's expression on the backend and returns its values as complex128.
func (g mpmathGroup) eval(backend string) ([]complex128, error) {
	n := len(g.cases)
	vars := Vars{}
	if g.prec == 64 {
		z, w := make([]complex128, n), make([]complex128, n)
		for i, c := range g.cases {
			z[i], w[i] = c.x, c.y
		}
		vars["z"], vars["w"] = z, w
	} else {
		z, w := make([]complex64, n), make([]complex64, n)
		for i, c := range g.cases {
			z[i], w[i] = complex64(c.x), complex64(c.y)
		}
		vars["z"], vars["w"] = z, w
	}
	if !strings.Contains(g.src, "w") {
		delete(vars, "w")
	}
	e, err := Compile(g.src, WithBackend(backend), WithFloat32Constants())
	if err != nil {
		return nil, err
	}
	r, err := e.Eval(context.Background(), vars)
	if err != nil {
		return nil, err
	}
	out := make([]complex128, n)
	switch d := r.Data.(type) {
	case []complex128:
		copy(out, d)
	case []complex64:
		for i, v := range d {
			out[i] = complex128(v)
		}
	case []float64:
		for i, v := range d {
			out[i] = complex(v, 0)
		}
	case []float32:
		for i, v := range d {
			out[i] = complex(float64(v), 0)
		}
	default:
		return nil, fmt.Errorf("%s: result %T", g.src, r.Data)
	}
	wantType := map[bool]map[int]DType{true: {64: Float64, 32: Float32}, false: {64: Complex128, 32: Complex64}}[g.cases[0].fn == "abs"][g.prec]
	if r.Type != wantType {
		return nil, fmt.Errorf("%s of complex%d: result %s, want %s", g.src, 2*g.prec, r.Type, wantType)
	}
	return out, nil
}

// mpmathPartErr is the error of one part in ULPs, strictly (in ULPs of the part) and
// floored (in ULPs of max(|part|, |want|)): 0 when exact, +Inf for a wrong special
// value or a wrong sign of zero.
func mpmathPartErr(got, want float64, open bool, modulus float64, prec int) (strict, floored float64) {
	inf := math.Inf(1)
	switch {
	case math.IsNaN(want) || math.IsNaN(got):
		if math.IsNaN(want) && math.IsNaN(got) {
			return 0, 0
		}
		return inf, inf
	case math.IsInf(want, 0) || math.IsInf(got, 0):
		if got == want {
			return 0, 0
		}
		return inf, inf
	case want == 0 && got == 0 && !open && math.Signbit(got) != math.Signbit(want):
		return inf, inf
	}
	d := math.Abs(got - want)
	strict = d / mpmathULP(math.Abs(want), prec)
	if math.IsInf(modulus, 0) { // with an infinite part, the other counts in its own ULPs
		return strict, strict
	}
	return strict, d / mpmathULP(math.Max(math.Abs(want), modulus), prec)
}

// mpmathULP is the spacing of the format's numbers at a (a >= 0): the smallest
// subnormal below the smallest normal.
func mpmathULP(a float64, prec int) float64 {
	if prec == 32 {
		a = math.Max(a, 0x1p-126)
		_, e := math.Frexp(a)
		return math.Ldexp(1, e-24)
	}
	a = math.Max(a, 0x1p-1022)
	_, e := math.Frexp(a)
	return math.Ldexp(1, e-53)
}

func TestComplexMpmath(t *testing.T) {
	groups := mpmathGroups(readMpmathCases(t))
	backends := cpuBackends()
	if r, _ := Hardware(); r.OpenCL.Available {
		backends = append(backends, BackendOpenCL)
	} else if os.Getenv("NUMKIT_REQUIRE_OPENCL") == "1" {
		t.Fatalf("NUMKIT_REQUIRE_OPENCL=1 but OpenCL is unavailable: %s", r.OpenCL.Reason)
	} else {
		t.Logf("OpenCL unavailable (%s): measuring gonum and simd only", r.OpenCL.Reason)
	}
	type key struct {
		fn, backend string
		prec        int
	}
	worst := map[key][2]float64{} // strict, floored
	worstCase := map[key]string{} // the case of the largest strict error
	failures := map[key]int{}
	for _, g := range groups {
		for _, be := range backends {
			got, err := g.eval(be)
			if err != nil {
				t.Errorf("%s (complex%d) on %s: %v", g.src, 2*g.prec, be, err)
				continue
			}
			for i, c := range g.cases {
				want := c.want
				m := cmplxAbs(want)
				sr, fr := mpmathPartErr(real(got[i]), real(want), c.openRe, m, c.prec)
				si, fi := mpmathPartErr(imag(got[i]), imag(want), c.openIm, m, c.prec)
				if c.fn == "abs" {
					si, fi = 0, 0
				}
				bound := mpmathBounds[c.fn].cpu
				if be == BackendOpenCL {
					bound = mpmathBounds[c.fn].opencl
				}
				extra := 0.0
				if c.fn == "pow" { // the table counts ULPs past 2·|y| + |y|·|ln|x||
					extra = mpmathPowBound(0, c.x, c.y)
				}
				k := key{c.fn, be, c.prec}
				w := worst[k]
				if e := max(sr, si) - extra; e > w[0] {
					worstCase[k] = fmt.Sprintf("%s(%v, %v) = %v, mpmath %v", c.fn, c.x, c.y, got[i], want)
				}
				worst[k] = [2]float64{max(w[0], sr-extra, si-extra), max(w[1], fr-extra, fi-extra)}
				if fr > bound+extra || fi > bound+extra {
					if failures[k]++; failures[k] <= 3 {
						t.Errorf("%s on %s, complex%d, z=%v w=%v: %v, mpmath %v (errors %.3g, %.3g ULPs; bound %.3g)",
							g.src, be, 2*c.prec, c.x, c.y, got[i], want, fr, fi, bound+extra)
					}
				}
			}
		}
	}
	for k, n := range failures {
		if n > 3 {
			t.Errorf("%s on %s, complex%d: %d failures in all", k.fn, k.backend, 2*k.prec, n)
		}
	}
	if testing.Verbose() {
		for k, c := range worstCase {
			if w := worst[k]; w[0] > 4 {
				t.Logf("%s on %s, complex%d: worst %.3g ULPs (floored %.3g) at %s", k.fn, k.backend, 2*k.prec, w[0], w[1], c)
			}
		}
		mpmathTable(t, backends, func(fn, be string, prec int) [2]float64 { return worst[key{fn, be, prec}] })
	}
}

// mpmathTable logs the measured maxima as the rows of docs/language.md's table: per
// backend and type, the floored maximum over both parts and, in parentheses, the
// strict one where it is larger.
func mpmathTable(t *testing.T, backends []string, worst func(fn, be string, prec int) [2]float64) {
	fns := make([]string, 0, len(mpmathBounds))
	for fn := range mpmathBounds {
		fns = append(fns, fn)
	}
	sort.Strings(fns)
	var b strings.Builder
	b.WriteString("\n| function | bound (opencl, cpu) |")
	for _, prec := range []int{64, 32} {
		for _, be := range backends {
			fmt.Fprintf(&b, " %s complex%d |", be, 2*prec)
		}
	}
	b.WriteString("\n|---|---|" + strings.Repeat("---|", 2*len(backends)) + "\n")
	num := func(v float64) string { return strconv.FormatFloat(math.Ceil(v*10)/10, 'g', 3, 64) }
	for _, fn := range fns {
		bd := mpmathBounds[fn]
		fmt.Fprintf(&b, "| `%s` | %g, %g |", fn, bd.opencl, bd.cpu)
		for _, prec := range []int{64, 32} {
			for _, be := range backends {
				w := worst(fn, be, prec)
				if math.Ceil(w[0]*10) > math.Ceil(w[1]*10) {
					fmt.Fprintf(&b, " %s (%s) |", num(w[1]), num(w[0]))
				} else {
					fmt.Fprintf(&b, " %s |", num(w[1]))
				}
			}
		}
		b.WriteString("\n")
	}
	t.Log(b.String())
}
