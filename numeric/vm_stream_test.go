package numeric

import (
	"context"
	"math"
	"testing"
)

// TestStreamPlan checks the SIMD backend's plan for arrays past half the last-level
// cache (fused loops, compiled.streamPlan) against its in-cache plan (vector kernels),
// with the threshold moved so that small arrays take either: the same bits, for every
// fused pattern's kind of expression, lengths around the block size, 1 and 2 threads.
func TestStreamPlan(t *testing.T) {
	if !simdUsable() {
		t.Skip("no SIMD backend here")
	}
	exprs := []string{"2*a+3*b**2-c/4", "sqrt(a*a+b*b)", "where(a > 0.5, b, c)", "b+3*c", "a*b - c*a", "f*2 + g*3 - f/4"}
	ctx := context.Background()
	for _, n := range []int{1, 7, 100, blockSize - 1, blockSize + 3, minParallel + 5} {
		vars := Vars{}
		for _, name := range []string{"a", "b", "c"} {
			x := make([]float64, n)
			for i := range x {
				x[i] = math.Sin(float64(i*7+len(name))) + 0.5
			}
			vars[name] = x
		}
		f32 := make([]float32, n)
		for i := range f32 {
			f32[i] = float32(i) / 3
		}
		vars["f"], vars["g"] = f32, f32
		for _, src := range exprs {
			for _, threads := range []int{1, 2} {
				opts := []Option{WithBackend(BackendSIMD), WithThreads(threads)}
				want, err := MustCompile(src, append(opts, withFuseMin(math.MaxInt))...).Eval(ctx, vars)
				if err != nil {
					t.Fatal(err)
				}
				e := MustCompile(src, append(opts, withFuseMin(-1))...)
				got, err := e.Eval(ctx, vars)
				if err != nil {
					t.Fatal(err)
				}
				if !sameValues(got.Data, want.Data) {
					t.Fatalf("%s n=%d threads=%d: the fused plan's result differs from the vector plan's", src, n, threads)
				}
				if !cpuProgram(e, 0).HasStreamPlan() {
					t.Fatalf("%s: no fused plan for streaming arrays", src)
				}
			}
		}
	}
}

func sameValues(a, b any) bool {
	switch a := a.(type) {
	case []float64:
		b := b.([]float64)
		for i := range a {
			if math.Float64bits(a[i]) != math.Float64bits(b[i]) && !(math.IsNaN(a[i]) && math.IsNaN(b[i])) {
				return false
			}
		}
		return true
	case []float32:
		b := b.([]float32)
		for i := range a {
			if math.Float32bits(a[i]) != math.Float32bits(b[i]) && !(a[i] != a[i] && b[i] != b[i]) {
				return false
			}
		}
		return true
	}
	return false
}

// simdUsable reports whether the SIMD backend can be forced here (not in -tags noasm
// builds, nor on a CPU without a supported level).
func simdUsable() bool {
	return cpuUsable(BackendSIMD) == nil
}
