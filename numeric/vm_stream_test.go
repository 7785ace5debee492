package numeric

import (
	"context"
	"math"
	"testing"
)

// TestStreamingStores checks the SIMD backend's non-temporal result path (used for
// results larger than half the last-level cache) against its plain stores, with the
// threshold lowered so that small arrays take it: every result type, lengths around
// the block size, and destinations at every 8-byte offset from a cache line.
func TestStreamingStores(t *testing.T) {
	if simdBackend() == nil {
		t.Skip("no SIMD backend here")
	}
	old := streamMin
	t.Cleanup(func() { streamMin = old })
	exprs := []string{"2*a+3*b**2-c/4", "a > b", "where(a > 0.5, b, c)", "sum(a*b) + a", "i*3 + j", "f*2 - g"}
	ctx := context.Background()
	for _, n := range []int{1, 7, 100, blockSize - 1, blockSize + 3, 3*blockSize + 17, minParallel + 5} {
		vars := Vars{}
		for _, name := range []string{"a", "b", "c"} {
			x := make([]float64, n)
			for i := range x {
				x[i] = math.Sin(float64(i*7+len(name))) + 0.5
			}
			vars[name] = x
		}
		ints := make([]int32, n)
		for i := range ints {
			ints[i] = int32(i*2654435761) >> 3
		}
		vars["i"], vars["j"] = ints, ints
		f32 := make([]float32, n)
		for i := range f32 {
			f32[i] = float32(i) / 3
		}
		vars["f"], vars["g"] = f32, f32
		for _, src := range exprs {
			e := MustCompile(src, WithBackend(BackendSIMD))
			streamMin = func() int { return math.MaxInt }
			want, err := e.Eval(ctx, vars)
			if err != nil {
				t.Fatal(err)
			}
			streamMin = func() int { return 0 }
			for off := range 8 {
				got := offsetLike(want.Data, off)
				if err := e.EvalInto(ctx, got, vars); err != nil {
					t.Fatalf("%s n=%d offset %d: %v", src, n, off, err)
				}
				if !sameValues(got, want.Data) {
					t.Fatalf("%s n=%d offset %d: the streamed result differs from the plain one", src, n, off)
				}
			}
		}
	}
}

// offsetLike returns a zeroed slice like v (same type and length) that starts off
// elements into a larger allocation, so its address is not cache-line aligned.
func offsetLike(v any, off int) any {
	switch v := v.(type) {
	case []float64:
		return make([]float64, len(v)+off)[off:]
	case []float32:
		return make([]float32, len(v)+off)[off:]
	case []int32:
		return make([]int32, len(v)+off)[off:]
	case []bool:
		return make([]bool, len(v)+off)[off:]
	}
	panic("offsetLike: unexpected type")
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
			if a[i] != b[i] {
				return false
			}
		}
		return true
	case []int32:
		b := b.([]int32)
		for i := range a {
			if a[i] != b[i] {
				return false
			}
		}
		return true
	case []bool:
		b := b.([]bool)
		for i := range a {
			if a[i] != b[i] {
				return false
			}
		}
		return true
	}
	return false
}
