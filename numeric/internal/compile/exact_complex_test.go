package compile

import (
	"strings"
	"testing"

	"github.com/numkit/numkit/numeric/internal/syntax"
	"github.com/numkit/numkit/numeric/ir"
)

// Complex literals fold as Python computes them (values checked with CPython 3.11),
// typed complex128; what Python rejects is an error.
func TestExactComplexFolding(t *testing.T) {
	tests := []struct {
		src, want, err string
	}{
		{src: "1j", want: "(0+1j)"},
		{src: "2.5J", want: "(0+2.5j)"},
		{src: "1e3j", want: "(0+1000j)"},
		{src: "07j", want: "(0+7j)"},
		{src: "-1j", want: "(-0-1j)"},
		{src: "1j*1j", want: "(-1+0j)"},
		{src: "(1+2j)*(3-1j)", want: "(5+5j)"},
		{src: "(1+2j)/(3-4j)", want: "(-0.2+0.4j)"},
		{src: "1j**2", want: "(-1+0j)"},
		{src: "2j**-1", want: "(0-0.5j)"},
		{src: "(1+1j)**4", want: "(-4+0j)"},
		{src: "True + 1j", want: "(1+1j)"},
		{src: "1j == 1j", want: "True"},
		{src: "(1+0j) == 1", want: "True"},
		{src: "1j != 1", want: "True"},
		{src: "(-8) ** (1/3)", want: ""}, // complex, as in Python 3 (value: Go's math)
		{src: "1j < 2", err: "< is not defined on complex numbers"},
		{src: "1j // 2", err: "// is not defined on complex numbers"},
		{src: "1j % 2", err: "% is not defined on complex numbers"},
		{src: "1j & 1", err: "& is not defined on complex numbers"},
		{src: "~1j", err: "~ is not defined on complex numbers"},
		{src: "1j / 0", err: "complex division by zero"},
		{src: "0j ** -1", err: "0.0 to a negative or complex power (Python raises ZeroDivisionError)"},
		{src: "0j ** 1j", err: "0.0 to a negative or complex power"},
		{src: "0j ** (-1.5)", err: "0.0 to a negative or complex power"},
		{src: "5e-324j ** -2", err: "constant 5e-324j ** (-2+0j): 0.0 to a negative or complex power"},
		{src: "1e200j ** 2", err: "constant 1e+200j ** (2+0j) overflows (Python raises OverflowError"},
		{src: "(2+0j) ** 1025", err: "overflows"},
		{src: "1e300j ** 2.5", err: "overflows"},
		{src: "(0.5+0j) ** -1100", err: "overflows"},
		{src: "(1+1j) / 0j", err: "constant (1+1j) / 0j: complex division by zero"},
		// CPython's + - * / never raise: an overflow is inf or nan; a NaN power is a value.
		{src: "1e200j * 1e200j", want: "(-Inf+0j)"},
		{src: "(1e308+1e308j) * 10", want: "(+Inf+Infj)"},
		{src: "-1e308j - 1e308j", want: "(-0-Infj)"},
		{src: "1e308 * 1j * 10", want: "(0+Infj)"},
		{src: "(1e308+1e308j) / (1e-308+0j)", want: "(+Inf+Infj)"},
		{src: "1e300j ** 5", want: "(NaN+NaNj)"},
		{src: "1e300j ** -5", want: "(NaN+NaNj)"},
		{src: "(1e200+0j) ** 1.5", want: "(9.999999999999999e+299+0j)"}, // Go's math.Pow: 1.000000000000011e+300
		{src: "0j ** 0", want: "(1+0j)"},
		{src: "1e400j", err: "overflows float64"},
	}
	for _, tt := range tests {
		p, err := lowerForTest(t, tt.src, nil)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: error %v, want one containing %q", tt.src, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.src, err)
			continue
		}
		info := p.Regs[p.Result]
		want := ir.Complex128
		if tt.want == "True" || tt.want == "False" {
			want = ir.Bool
		}
		if info.Kind != ir.RegConst || info.Type != want || tt.want != "" && info.Const.String() != tt.want {
			t.Errorf("%s = %v (%s, kind %v), want %s (%s)", tt.src, info.Const, info.Type, info.Kind, tt.want, want)
		}
	}
}

// Promotion with complex operands: NumPy's rule, complex64 only with bool, float32
// and complex64.
func TestComplexPromotion(t *testing.T) {
	cases := []struct {
		a, b, want ir.DType
	}{
		{ir.Complex64, ir.Float32, ir.Complex64},
		{ir.Complex64, ir.Bool, ir.Complex64},
		{ir.Complex64, ir.Complex64, ir.Complex64},
		{ir.Complex64, ir.Int32, ir.Complex128},
		{ir.Complex64, ir.Int64, ir.Complex128},
		{ir.Complex64, ir.Float64, ir.Complex128},
		{ir.Complex64, ir.Complex128, ir.Complex128},
		{ir.Float32, ir.Complex128, ir.Complex128},
		{ir.Int32, ir.Complex128, ir.Complex128},
	}
	for _, c := range cases {
		if got := ir.Promote(c.a, c.b); got != c.want {
			t.Errorf("Promote(%s, %s) = %s, want %s", c.a, c.b, got, c.want)
		}
		if got := ir.Promote(c.b, c.a); got != c.want {
			t.Errorf("Promote(%s, %s) = %s, want %s", c.b, c.a, got, c.want)
		}
	}
}

// WithFloat32Constants keeps complex64 arrays complex64 with complex and float
// constants (z64 * 1j, z64 + 2.5), not with int arrays or double precision ones.
func TestFloat32ConstantsComplex(t *testing.T) {
	inputs := map[string]InputType{"z": {Type: ir.Complex64}, "a": {Type: ir.Float32}, "d": {Type: ir.Float64}, "i": {Type: ir.Int32}}
	for src, want := range map[string]ir.DType{"z * 1j": ir.Complex64, "z + 2.5": ir.Complex64, "a * 1j": ir.Complex64,
		"z * d": ir.Complex128, "z * i * 1j": ir.Complex128, "z * 1j + d": ir.Complex128} {
		e, err := syntax.Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		names, _ := Names(src, e)
		p, err := Lower(src, e, names, inputs, Options{Float32Constants: true})
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		if got := p.ResultType(); got != want {
			t.Errorf("%s with Float32Constants: %s, want %s", src, got, want)
		}
	}
}

// A complex product of vectors added to anything is one cmuladd (the same bits, one
// pass); a difference is not.
func TestComplexMulAdd(t *testing.T) {
	inputs := map[string]InputType{"z": {Type: ir.Complex128}, "w": {Type: ir.Complex128}, "s": {Type: ir.Complex128, Scalar: true}}
	for src, want := range map[string]string{"z*w + 1j": "cmuladd", "1j + z*w": "cmuladd", "z*w + w": "cmuladd",
		"z*w - 1j": "sub", "s*s + z": "add"} {
		e, _ := syntax.Parse(src)
		names, _ := Names(src, e)
		p, err := Lower(src, e, names, inputs, Options{})
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		code := p.Stages[len(p.Stages)-1].Vector
		if got := code[len(code)-1].Op.String(); got != want {
			t.Errorf("%s: last instruction %s, want %s\n%s", src, got, want, p)
		}
	}
}
