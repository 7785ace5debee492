package numeric

import (
	"context"
	"math"
	"strings"
	"testing"
)

// complexFoldCPython are constant complex expressions with what CPython 3.11 (3.11.7
// and 3.11.2, `python3 -c 'print(repr(EXPR))'`) gives for them: a value, or the
// exception (then a compile error naming the constants). + - * / overflow to inf and
// nan without an exception; ** raises ZeroDivisionError for 0 to a negative or complex
// power (also where binary powering underflows to 0 first) and OverflowError where a
// part of the power is infinite, but not where it is NaN.
var complexFoldCPython = []struct {
	src  string
	want complex128
	err  string // a part of the error, "" for a value
}{
	{src: "(1e308+1e308j)*10", want: complex(math.Inf(1), math.Inf(1))},
	{src: "1e200j*1e200j", want: complex(math.Inf(-1), 0)},
	{src: "(1e308+1e308j)+(1e308+1e308j)", want: complex(math.Inf(1), math.Inf(1))},
	{src: "-1e308j - 1e308j", want: complex(math.Copysign(0, -1), math.Inf(-1))},
	{src: "1e308*1j*10", want: complex(0, math.Inf(1))},
	{src: "(1e308+1e308j)/(1e-308+0j)", want: complex(math.Inf(1), math.Inf(1))},
	{src: "1e300j ** 5", want: complex(math.NaN(), math.NaN())},
	{src: "1e300j ** -5", want: complex(math.NaN(), math.NaN())},
	{src: "((1e308+1e308j)*10) ** 2", want: complex(math.NaN(), math.NaN())},
	{src: "(1e200+0j)**1.5", want: 9.999999999999999e+299},
	{src: "(-8+0j)**(1/3)", want: complex(1.0000000000000002, 1.7320508075688772)},
	{src: "0j ** 0", want: 1},
	{src: "1e200j**2", err: "overflows (Python raises OverflowError"},
	{src: "1e300j**2.5", err: "overflows"},
	{src: "(2+0j)**1e6", err: "overflows"},
	{src: "(2+0j)**1025", err: "overflows"},
	{src: "(10+0j)**(400+0j)", err: "overflows"},
	{src: "(0.5+0j)**-1100", err: "overflows"},
	{src: "0j ** -1", err: "0.0 to a negative or complex power (Python raises ZeroDivisionError)"},
	{src: "0j**1j", err: "0.0 to a negative or complex power"},
	{src: "5e-324j ** -2", err: "constant 5e-324j ** (-2+0j): 0.0 to a negative or complex power"},
	{src: "1e-320j ** -2", err: "0.0 to a negative or complex power"},
	{src: "(1+1j)/0j", err: "complex division by zero"},
}

// TestComplexFoldCPython: the engine on every backend and the reference fold
// complexFoldCPython as CPython does, inside an array expression too, where a
// rejected constant rejects the expression.
func TestComplexFoldCPython(t *testing.T) {
	backends := cpuBackends()
	if r, _ := Hardware(); r.OpenCL.Available {
		backends = append(backends, BackendOpenCL)
	}
	vars := Vars{"a": []float64{1, 2}}
	for _, c := range complexFoldCPython {
		for _, src := range []string{c.src, "where(a > 0, " + c.src + ", 0j)"} {
			ref, rerr := refEvaluate(src, vars, false)
			for _, be := range backends {
				ex, err := Compile(src, WithBackend(be))
				var r Result
				if err == nil {
					r, err = ex.Eval(context.Background(), vars)
				}
				if c.err != "" {
					if err == nil || !strings.Contains(err.Error(), c.err) {
						t.Errorf("%s on %s: %v (%v), want an error containing %q", src, be, r.Data, err, c.err)
					}
					continue
				}
				if err != nil {
					t.Errorf("%s on %s: %v, want %v", src, be, err, c.want)
					continue
				}
				got, ok := r.Data.(complex128)
				if d, isArr := r.Data.([]complex128); isArr && len(d) == 2 {
					got, ok = d[1], true
				}
				if !ok || !sameComplex(got, c.want) {
					t.Errorf("%s on %s = %v, CPython %v", src, be, r.Data, c.want)
				}
			}
			if c.err != "" {
				if rerr == nil {
					t.Errorf("reference of %s: no error, CPython raises", src)
				}
				continue
			}
			if rerr != nil || len(ref.vals) == 0 || !sameComplex(ref.vals[len(ref.vals)-1].c, c.want) {
				t.Errorf("reference of %s: %v (%v), CPython %v", src, ref.vals, rerr, c.want)
			}
		}
	}
}
