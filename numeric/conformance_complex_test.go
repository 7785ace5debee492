package numeric

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"math/cmplx"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// The complex dimension of the conformance suite: exact cases every CPU backend must
// reproduce bit for bit, numexpr's complex test cases (test_numexpr.py's
// test_expressions over complex data, test_complex_expr and the complex reductions of
// test_reductions) checked against NumPy with numexpr's tolerance. The OpenCL backend
// runs every case (the same values).

// confComplexExact are complex cases whose values are exact.
var confComplexExact = []struct {
	src  string
	want []complex128 // one value for a scalar result
}{
	{"z * w", []complex128{1 + 7i, -2i, -4}},
	{"z / 2j", []complex128{1 - 0.5i, 0.25i, -1 - 1i}},
	{"z + 1j", []complex128{1 + 3i, -0.5 + 1i, 2 - 1i}},
	{"conj(z) - z", []complex128{-4i, 0, 4i}},
	{"complex(real(z), imag(w)) * 1", []complex128{1 + 1i, -0.5 + 4i, 2 - 1i}},
	{"where(real(z) > 0, z, w)", []complex128{1 + 2i, 4i, 2 - 2i}},
	{"sum(z)", []complex128{2.5}},
	{"prod(w)", []complex128{16 - 8i}},
	{"mean(z * 2)", []complex128{complex(5.0/3, 0)}},
	{"z ** 2", []complex128{-3 + 4i, 0.25, -8i}},
	{"w ** 3", []complex128{18 + 26i, -64i, 2 - 2i}},
	{"sqrt(complex(-4, imag(z) * 0))", []complex128{2i, 2i, -2i}},
	{"arcsin(z * 0)", []complex128{0, 0, complex(0, 0)}},
}

// confRunComplex runs the complex cases on the backend.
func confRunComplex(t *testing.T, be confBackend) {
	vars := Vars{"z": []complex128{1 + 2i, -0.5, 2 - 2i}, "w": []complex128{3 + 1i, 4i, -1 - 1i}}
	ctx := context.Background()
	for _, threads := range be.threads {
		for _, c := range confComplexExact {
			opts := []Option{WithBackend(be.name)}
			if threads > 0 {
				opts = append(opts, WithThreads(threads))
			}
			r, err := MustCompile(c.src, opts...).Eval(ctx, vars)
			if err != nil {
				t.Errorf("%s: %v", c.src, err)
				continue
			}
			got, ok := r.Data.([]complex128)
			if s, isScalar := r.Data.(complex128); isScalar {
				got, ok = []complex128{s}, true
			}
			if !ok || len(got) != len(c.want) {
				t.Errorf("%s (threads %d) = %v (%s), want %v", c.src, threads, r.Data, r.Type, c.want)
				continue
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("%s (threads %d) = %v, want %v", c.src, threads, got, c.want)
					break
				}
			}
		}
	}
	confRunNumexprComplex(t, be)
	confRunComplexRef(t, be)
}

// numexprComplexScript prints numexpr's complex test data (test_expressions with
// dtype=complex: a real, a2, b, c, d, e complex, "x += 1j; x *= 1 + 1j") and, for each
// of its expressions that numexpr runs on complex data and each test_scalar variant,
// NumPy's value: "data NAME v..." and "case SCALAR KIND SHAPE EXPR\tv..." lines, every
// value a complex as two float.hex() parts.
const numexprComplexScript = `
import numpy as np
from numpy import *
np.seterr(all="ignore")
def h(v):
    v = complex(v)
    return v.real.hex() + "," + v.imag.hex()
tests = ['b*c+d*e', '2*a+3*b', '-a', 'sinh(a)', '2*a + (cos(3)+5)*sinh(cos(b))', 'arcsin(0.5)',
         'where(a != 0.0, 2, a)', 'where((a-10).real != 0.0, a, 2)', 'cos(1+1)', '1+1', '1', 'cos(a2)']
for op in ['+', '-', '*', '/', '**']:
    for f in ["(a+1) %s (b+3)", "3 %s (b+3)", "(a+1) %s 4", "2 %s (b+3)", "(a+1) %s 2", "(a+1) %s -1", "(a+1) %s 0.5", "(a+1) %s 0"]:
        tests.append(f % op)
for f in ['copy', 'ones_like', 'sqrt', 'sin', 'cos', 'tan', 'arcsin', 'arccos', 'arctan', 'sinh', 'cosh', 'tanh',
          'arcsinh', 'arccosh', 'arctanh', 'log', 'log1p', 'log10', 'exp', 'expm1', 'abs', 'conj']:
    tests.append("a + %s(b+c)" % f)
for n in (-7, -2.5, -1.5, -1.3, -.5, 0, 0.0, 1, 2.3, 2.5, 3):
    tests.append("(a+1)**%s" % n)
n = 100
A = arange(2 * n, dtype=complex)[::2].real
A2 = zeros([n, n], dtype=complex)
B = arange(n, dtype=complex) / n
C, D, E = arange(n, dtype=complex), arange(n, dtype=complex), arange(n, dtype=complex)
for x in [A2, B, C, D, E]:
    x += 1j
    x *= 1 + 1j
for name, v in [("a", A), ("a2", A2.ravel()), ("b", B), ("c", C), ("d", D), ("e", E)]:
    print("data", name, " ".join(h(x) for x in v))
for scalar in (0, 1, 2):
    a, a2, b, c, d, e = A, A2, B, C, D, E
    if scalar == 1: a = A[n // 2]
    if scalar == 2: b = B[n // 2]
    for expr in tests:
        v = np.asarray(eval(expr))
        print("case", scalar, v.dtype.kind, ",".join(map(str, v.shape)), expr + "\t" + " ".join(h(x) for x in v.ravel()))
# test_complex_expr and the complex reductions of test_reductions
a = arange(1e4); b = arange(1e4) ** 1e-5
print("data ca", " ".join(h(x) for x in a)); print("data cb", " ".join(h(x) for x in b))
z = a + 1j * b
print("data cz", " ".join(h(x) for x in z))
v = sin(a + 1j * b).real + z.imag
print("case 3 f %d sin(complex(ca, cb)).real + cz.imag\t" % len(v) + " ".join(h(x) for x in v))
x = arange(10.).astype(int) + .1j
print("data rx", " ".join(h(t) for t in x))
print("case 3 c  sum(rx**2+2,axis=0)\t" + h(sum(x ** 2 + 2, axis=0)))
print("case 3 c  prod(rx-1,axis=0)\t" + h(prod(x - 1, axis=0)))
`

// confRunNumexprComplex checks numexpr's complex cases against NumPy with numexpr's
// tolerance (allclose, atol 1e-8; the same count of NaNs), and the kind of the result.
func confRunNumexprComplex(t *testing.T, be confBackend) {
	py := confNumPy(t)
	if py == "" {
		return
	}
	out, err := exec.Command(py, "-c", numexprComplexScript).Output()
	if err != nil {
		t.Fatalf("numexpr complex script: %v", err)
	}
	data := map[string][]complex128{}
	ctx := context.Background()
	cases, refused := 0, 0
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		line := sc.Text()
		if name, vals, ok := strings.Cut(strings.TrimPrefix(line, "data "), " "); ok && strings.HasPrefix(line, "data ") {
			data[name] = parseHexComplex(t, vals)
			continue
		}
		head, vals, _ := strings.Cut(line, "\t")
		f := strings.SplitN(head, " ", 5)
		scalar, kind, src := f[1], f[2], f[4]
		vars := confNumexprVars(data, scalar)
		e := MustCompile(src, WithBackend(be.name))
		r, err := e.Eval(ctx, vars)
		cases++
		complexIn := false
		for _, name := range e.names {
			switch vars[name].(type) {
			case []float64, float64:
			default:
				complexIn = true
			}
		}
		if be.name == BackendOpenCL && errors.Is(err, ErrBackend) {
			t.Errorf("%s on opencl: %v (complex inputs: %v)", src, err, complexIn)
			refused++
			continue
		}
		if err != nil {
			t.Errorf("numexpr case %s (scalar %s): %v", src, scalar, err)
			continue
		}
		want := parseHexComplex(t, vals)
		if !confNumexprClose(r, kind, want) {
			t.Errorf("numexpr case %s (scalar %s) = %s %v, NumPy (kind %s) %v", src, scalar, r.Type, r.Data, kind, want[:min(4, len(want))])
		}
	}
	if cases < 250 || refused > 0 {
		t.Errorf("only %d numexpr complex cases, %d of them refused", cases, refused)
	}
}

// confNumexprVars binds numexpr's arrays for a test_scalar variant (3: the other tests).
func confNumexprVars(data map[string][]complex128, scalar string) Vars {
	re := func(z []complex128) []float64 {
		out := make([]float64, len(z))
		for i, v := range z {
			out[i] = real(v)
		}
		return out
	}
	v := Vars{"a": re(data["a"]), "a2": NewArray(data["a2"], 100, 100), "b": data["b"], "c": data["c"], "d": data["d"], "e": data["e"],
		"ca": re(data["ca"]), "cb": re(data["cb"]), "cz": data["cz"], "rx": data["rx"]}
	switch scalar {
	case "1":
		v["a"] = real(data["a"][50])
	case "2":
		v["b"] = data["b"][50]
	}
	return v
}

// confNumexprClose is numexpr's equal(): the same kind (complex, float, int, bool),
// then allclose with atol 1e-8 (rtol 1e-5), a NaN matching a NaN.
func confNumexprClose(r Result, kind string, want []complex128) bool {
	var got []complex128
	switch d := r.Data.(type) {
	case []complex128:
		got = d
	case complex128:
		got = []complex128{d}
	case []float64:
		for _, x := range d {
			got = append(got, complex(x, 0))
		}
	case float64:
		got = []complex128{complex(d, 0)}
	case []int32:
		for _, x := range d {
			got = append(got, complex(float64(x), 0))
		}
	case int32:
		got = []complex128{complex(float64(d), 0)}
	case int64:
		got = []complex128{complex(float64(d), 0)}
	default:
		return false
	}
	gotKind := map[DType]string{Complex128: "c", Float64: "f", Int32: "i", Int64: "i", Bool: "b"}[r.Type]
	if gotKind != kind || len(got) != len(want) {
		return false
	}
	for i := range got {
		if cmplx.IsNaN(got[i]) || cmplx.IsNaN(want[i]) {
			if cmplx.IsNaN(got[i]) != cmplx.IsNaN(want[i]) {
				return false
			}
			continue
		}
		if got[i] == want[i] {
			continue
		}
		if cmplx.Abs(got[i]-want[i]) > 1e-8+1e-5*cmplx.Abs(want[i]) {
			return false
		}
	}
	return true
}

func parseHexComplex(t *testing.T, s string) []complex128 {
	t.Helper()
	var out []complex128
	for _, f := range strings.Fields(s) {
		re, im, _ := strings.Cut(f, ",")
		x, err1 := strconv.ParseFloat(re, 64)
		y, err2 := strconv.ParseFloat(im, 64)
		if err1 != nil || err2 != nil {
			t.Fatalf("bad value %q", f)
		}
		out = append(out, complex(x, y))
	}
	return out
}

// confNumPy returns a Python with NumPy, or "" after skipping (a failure with
// NUMKIT_REQUIRE_NUMPY set).
func confNumPy(t *testing.T) string {
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if err := exec.Command(p, "-c", "import numpy").Run(); err == nil {
			return p
		}
	}
	if os.Getenv("NUMKIT_REQUIRE_NUMPY") != "" {
		t.Fatal("NUMKIT_REQUIRE_NUMPY is set but no python3 imports numpy")
	}
	t.Log("numexpr's complex cases skipped: no Python with NumPy (set NUMKIT_REQUIRE_NUMPY=1 to fail)")
	return ""
}
