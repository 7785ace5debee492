package numeric

import (
	"context"
	"math"
	"os"
	"testing"

	"github.com/numkit/numkit/numeric/internal/opencl"
)

// TestMomentReductions checks var, std, skew and kurt in expressions against Moments,
// on every backend, for any thread count, and their types and edge cases.
func TestMomentReductions(t *testing.T) {
	x := skewedData(100_003, 1e6, 61)
	x32 := make([]float32, len(x))
	for i, v := range x {
		x32[i] = float32(v - 1e6)
	}
	want := Moments(x)
	for _, backend := range []string{BackendGonum, BackendSIMD, BackendOpenCL} {
		if backend == BackendOpenCL {
			if err := opencl.Usable(); err != nil {
				if os.Getenv("NUMKIT_REQUIRE_OPENCL") == "1" {
					t.Fatalf("NUMKIT_REQUIRE_OPENCL=1 but the opencl backend is not usable: %v", err)
				}
				t.Logf("%s: %v", backend, err)
				continue
			}
		} else if err := cpuUsable(backend); err != nil {
			t.Logf("%s: %v", backend, err)
			continue
		}
		for _, tc := range []struct {
			src  string
			want float64
		}{
			{"var(x)", want.Var},
			{"std(x)", want.Std},
			{"skew(x)", want.Skew},
			{"kurt(x)", want.Kurt},
			{"std(x - mean(x))", want.Std},
			{"var(2*x) / 4", want.Var},
		} {
			var first uint64
			for _, threads := range []int{1, 2, 3} {
				r, err := Evaluate(tc.src, Vars{"x": x}, WithBackend(backend), WithThreads(threads))
				if err != nil {
					t.Fatalf("%s %s: %v", backend, tc.src, err)
				}
				got, ok := r.Float64()
				if !ok || r.Type != Float64 {
					t.Fatalf("%s %s: result %v of type %s; want a float64 scalar", backend, tc.src, r.Data, r.Type)
				}
				if e := math.Abs(got-tc.want) / math.Max(math.Abs(tc.want), 1); e > 1e-12 {
					t.Errorf("%s %s = %.17g; Moments %.17g", backend, tc.src, got, tc.want)
				}
				if threads == 1 {
					first = math.Float64bits(got)
				} else if math.Float64bits(got) != first {
					t.Errorf("%s %s: threads=%d gives %.17g, threads=1 %.17g", backend, tc.src, threads, got, math.Float64frombits(first))
				}
			}
		}
		r, err := Evaluate("std(a)", Vars{"a": x32}, WithBackend(backend))
		if err != nil || r.Type != Float32 {
			t.Fatalf("%s std(float32): %v, %v; want a float32", backend, r, err)
		}
		if got, want := float64(r.Data.(float32)), Moments(x32).Std; math.Abs(got-want) > 1e-6*want {
			t.Errorf("%s std(float32) = %g; want %g", backend, got, want)
		}
	}
}

func TestMomentReductionsEdges(t *testing.T) {
	eval := func(src string, vars Vars) float64 {
		t.Helper()
		e, err := Compile(src)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		r, err := e.Eval(context.Background(), vars)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		switch v := r.Data.(type) {
		case float64:
			return v
		case float32:
			return float64(v)
		}
		t.Fatalf("%s: result %v (%T) is not a float scalar", src, r.Data, r.Data)
		return 0
	}
	empty := Vars{"a": []float64{}}
	for _, f := range []string{"var", "std", "skew", "kurt"} {
		if v := eval(f+"(a)", empty); !math.IsNaN(v) {
			t.Errorf("%s(empty) = %g; want NaN", f, v)
		}
		if v := eval(f+"(a)", Vars{"a": []float64{1, math.NaN(), 3}}); !math.IsNaN(v) {
			t.Errorf("%s([1 NaN 3]) = %g; want NaN", f, v)
		}
	}
	if v := eval("var(a)", Vars{"a": []int32{1, 2, 3, 4}}); v != 1.25 {
		t.Errorf("var(int32 1..4) = %g; want 1.25", v)
	}
	if v := eval("std(a)", Vars{"a": []int64{2, 4, 4, 4, 5, 5, 7, 9}}); v != 2 {
		t.Errorf("std(2 4 4 4 5 5 7 9) = %g; want 2", v)
	}
	if v := eval("var(2.5)", nil); v != 0 {
		t.Errorf("var(2.5) = %g; want 0 (one element)", v)
	}
	if v := eval("var(s)", Vars{"s": math.Inf(1)}); !math.IsNaN(v) {
		t.Errorf("var(+Inf scalar) = %g; want NaN", v)
	}
	if v := eval("skew(s) + kurt(s)", Vars{"s": 3.0}); !math.IsNaN(v) {
		t.Errorf("skew and kurt of a scalar = %g; want NaN", v)
	}
	if _, err := Evaluate("var(a > 1)", Vars{"a": []float64{1, 2}}); err == nil {
		t.Error("var of bool evaluated; want an error")
	}
}

// TestMomentReductionsSIMDBits checks that the SIMD backend's var, std, skew and kurt
// run Moments' block kernel and merge tree: the same bits.
func TestMomentReductionsSIMDBits(t *testing.T) {
	if err := cpuUsable(BackendSIMD); err != nil {
		t.Skipf("simd backend: %v", err)
	}
	x := normalData(123_457, 1e9, 1e-3, 71)
	m := Moments(x)
	for src, want := range map[string]float64{"var(x)": m.Var, "std(x)": m.Std, "skew(x)": m.Skew, "kurt(x)": m.Kurt} {
		r, err := Evaluate(src, Vars{"x": x}, WithBackend(BackendSIMD), WithThreads(2))
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		if got, _ := r.Float64(); math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("%s = %.17g; Moments %.17g", src, got, want)
		}
	}
}
