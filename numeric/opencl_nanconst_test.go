package numeric

import (
	"context"
	"math"
	"testing"
)

// TestOpenCLNonFiniteConstants: a NaN or infinite constant inside an expression that
// reaches exp or exp2 keeps its value on the device. pocl folded exp of a NaN literal
// to 0 (issue #14's finding: exp(a - a + sqrt(-1.0)) and exp2(a*0 + arccosh(0.0))
// were 0 on opencl, NaN on the CPU), and so exp, exp2, expm1, sinh, tanh, ceil,
// floor, trunc and round of a float32 NaN its compiler derives from constants
// (arccosh(a.imag): arccosh of a vector of zeros); the generator passes such
// constants as kernel arguments (kernels.boundConsts).
func TestOpenCLNonFiniteConstants(t *testing.T) {
	requireOpenCL(t)
	ctx := context.Background()
	a := []float64{0, 1, -2.5, 1e300, math.Inf(1)}
	a32 := []float32{0, 1, -2.5, 3e38, float32(math.Inf(-1))}
	z := []complex128{0, 1i, -2.5, complex(1e300, 1), complex(math.NaN(), 0)}
	for _, src := range []string{
		"exp(a - a + sqrt(-1.0))", "exp2(a*0 + arccosh(0.0))", "exp(a32 + log(-1.0))", "exp2(a32 * 0 + sqrt(-1.0))",
		"exp(a + log(0.0))", "exp(z * 0 + log(-1.0))", "exp(z - z + sqrt(-1.0)*1j)", "exp(z * 0 + complex(sqrt(-1.0), 0))",
		"expm1(a - a - log(0.0))", "exp(a*0 + 1e308*10)",
		"exp(arccosh(a32.imag))", "exp2(arccosh(a32.imag))", "expm1(arccosh(a32.imag))", "sinh(arccosh(a32.imag))",
		"tanh(arccosh(a32.imag))", "ceil(arccosh(a32.imag))", "floor(arccosh(a32.imag))", "trunc(arccosh(a32.imag))",
		"round(arccosh(a32.imag))", "exp(arccosh(a.imag))", "exp(log(a.imag) - log(a.imag))", "exp(ones_like(z) * log(-1.0))",
	} {
		vars := Vars{"a": a, "a32": a32, "z": z}
		cl, err := MustCompile(src, WithBackend(BackendOpenCL)).Eval(ctx, vars)
		if err != nil {
			t.Errorf("%s on opencl: %v", src, err)
			continue
		}
		cpu, err := MustCompile(src, WithBackend(BackendGonum)).Eval(ctx, vars)
		if err != nil {
			t.Fatalf("%s on gonum: %v", src, err)
		}
		msg := confCompare(resultToRef(cpu), cl, confTol{})
		if msg != "" {
			t.Errorf("%s: opencl differs from gonum: %s", src, msg)
		}
	}
	// The finding's own values: NaN everywhere.
	r, err := MustCompile("exp(a - a + sqrt(-1.0))", WithBackend(BackendOpenCL)).Eval(ctx, Vars{"a": a})
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range r.Data.([]float64) {
		if !math.IsNaN(v) {
			t.Errorf("exp(a - a + sqrt(-1.0))[%d] = %v, want NaN", i, v)
		}
	}
}
