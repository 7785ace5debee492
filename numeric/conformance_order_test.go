package numeric

// Reductions in the documented order (docs/language.md, "Reductions"): the CPU
// backends give the reference's bits for float sum, prod, min, max and mean at every
// thread count, and so does the OpenCL backend on a CPU device (where an OpenCL
// device is; NUMKIT_REQUIRE_OPENCL=1 requires one).

import (
	"context"
	"fmt"
	"math"
	"testing"
)

func TestReferenceBlockSize(t *testing.T) {
	if refBlockSize != blockSize {
		t.Fatalf("the reference's block size %d is not the VM's %d", refBlockSize, blockSize)
	}
}

// confOrderVars returns float64 and float32 arrays of length n whose sums depend on
// the order: huge values that cancel, small ones, ±0, subnormals.
func confOrderVars(n int) Vars {
	x, xf := make([]float64, n), make([]float32, n)
	special := []float64{-1e300, 1e300, 1e16, -0.0, 0, 5e-324, 1, -1e16, 3.5, 1e-300}
	for i := range x {
		x[i] = special[(i*7)%len(special)] * (1 + float64(i%13)/8)
		if i%3 == 0 {
			x[i] = math.Sin(float64(i)) * 1e8
		}
		xf[i] = float32(math.Sin(float64(i)*0.37)*1e7) * float32(1+i%5)
		if i%11 == 0 {
			xf[i] = float32(special[i%len(special)] / 1e290)
		}
	}
	return Vars{"x": x, "xf": xf}
}

func TestReductionOrderAgrees(t *testing.T) {
	type orderCase struct {
		src  string
		vars Vars
	}
	cases := []orderCase{
		{"sum(b)", fuzzVars(17)},                              // FuzzEval: gonum gave 1.4e-45; simd, OpenCL and the reference 1e16
		{"sum(a)", Vars{"a": []float64{-1e300, 1e300, 1e16}}}, // gonum gave 1e16, simd 0
		{"sum(a)", Vars{"a": []float32{-1e30, 1e30, 1e16}}},
	}
	for _, n := range []int{1, 31, 32, 33, 64, 65, 4095, 4096, 4097, 3*4096 + 5, minParallel + 77} {
		for _, src := range []string{"sum(x)", "sum(xf)", "prod(x)", "prod(xf / 1e7)", "min(x)", "max(xf)",
			"mean(x)", "mean(xf)", "sum(x + 1)", "max(-x)"} {
			cases = append(cases, orderCase{src, confOrderVars(n)})
		}
	}
	orderBackends := cpuBackends()
	if clChosenType() == "cpu" {
		orderBackends = append(orderBackends, BackendOpenCL)
	} else {
		requireOpenCL(t)
	}
	for _, c := range cases {
		want, err := refEvaluate(c.src, c.vars, false)
		if err != nil {
			t.Fatalf("%s: reference: %v", c.src, err)
		}
		for _, be := range orderBackends {
			for _, threads := range []int{1, 2, 3} {
				if be == BackendOpenCL && threads > 1 {
					break // the device has no thread count
				}
				e, err := Compile(c.src, WithBackend(be), WithThreads(threads))
				if err != nil {
					t.Fatal(err)
				}
				got, err := e.Eval(context.Background(), c.vars)
				if err != nil {
					t.Fatalf("%s on %s: %v", c.src, be, err)
				}
				if msg := confCompare(want, got, confTol{}); msg != "" {
					t.Errorf("%s (n=%s) on %s, threads=%d: %s", c.src, confVarsLen(c.vars), be, threads, msg)
				}
			}
		}
	}
}

func confVarsLen(v Vars) string {
	for _, k := range []string{"x", "a", "b"} {
		switch s := v[k].(type) {
		case []float64:
			return fmt.Sprint(len(s))
		case []float32:
			return fmt.Sprint(len(s))
		}
	}
	return "?"
}

// clChosenType is the type of the OpenCL device numkit uses ("cpu", "gpu", ...), or ""
// when there is none.
func clChosenType() string {
	r, _ := Hardware()
	if r.OpenCL.Chosen == nil {
		return ""
	}
	for _, p := range r.OpenCL.Platforms {
		for _, d := range p.Devices {
			if d.Index == r.OpenCL.Chosen.Index {
				return d.Type
			}
		}
	}
	return ""
}
