package numeric

import (
	"context"
	"math"
	"testing"
)

// overlapBackends are the backends usable here: gonum always, simd where the CPU has
// SIMD kernels, OpenCL where a device is (under NUMKIT_REQUIRE_OPENCL=1 it must be).
func overlapBackends(t *testing.T) []string {
	t.Helper()
	backends := cpuBackends()
	if r, _ := Hardware(); r.OpenCL.Chosen != nil {
		backends = append(backends, BackendOpenCL)
	} else {
		requireOpenCL(t)
	}
	return backends
}

// TestEvalIntoOverlap: a destination that partly overlaps an input gives the result
// of a non-overlapping evaluation on every backend (issue #14: 12,499 elements were
// wrong at n = 10⁵ on gonum and simd).
func TestEvalIntoOverlap(t *testing.T) {
	const n = 100_000
	ctx := context.Background()
	for _, backend := range overlapBackends(t) {
		e := MustCompile("a*2 + a", WithBackend(backend))
		for _, shift := range []int{1, -1, 7, 4096, -4097} {
			buf := make([]float64, n+abs(shift))
			for i := range buf {
				buf[i] = math.Sin(float64(i)) * 10
			}
			var a, dst []float64
			if shift > 0 {
				a, dst = buf[:n], buf[shift:]
			} else {
				a, dst = buf[-shift:], buf[:n]
			}
			want := make([]float64, n)
			for i, v := range a {
				want[i] = v*2 + v
			}
			if err := e.EvalInto(ctx, dst, Vars{"a": a}); err != nil {
				t.Fatalf("%s shift %d: %v", backend, shift, err)
			}
			bad := 0
			for i := range want {
				if dst[i] != want[i] {
					bad++
				}
			}
			if bad > 0 {
				t.Errorf("%s: destination shifted %d from the input: %d of %d elements wrong", backend, shift, bad, n)
			}
		}
	}
}

// TestEvalIntoOverlapTypes: a float32 destination over the bytes of a float64 input
// (same start, other element size) is an overlap too; exact aliasing still works.
func TestEvalIntoOverlapTypes(t *testing.T) {
	const n = 5000
	ctx := context.Background()
	for _, backend := range overlapBackends(t) {
		x := make([]float32, 2*n)
		for i := range x {
			x[i] = float32(i%97) - 40
		}
		want := make([]float32, n)
		for i := range want {
			want[i] = x[2*i]*x[2*i+1] - 1
		}
		// b's elements are x's odd elements, a's the even ones; dst is x's first half.
		a, b := make([]float32, n), make([]float32, n)
		for i := range a {
			a[i], b[i] = x[2*i], x[2*i+1]
		}
		e := MustCompile("a*b - 1", WithBackend(backend))
		copy(x[:n], a)
		copy(x[n:], b)
		// dst = x[1:n+1] overlaps a = x[:n] (shifted) and b = x[n:] (one element).
		got := x[1 : n+1]
		if err := e.EvalInto(ctx, got, Vars{"a": x[:n], "b": x[n:]}); err != nil {
			t.Fatalf("%s: %v", backend, err)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("%s: element %d is %v, want %v", backend, i, got[i], want[i])
			}
		}
		// Exact aliasing needs no temporary and stays correct.
		y := append([]float32(nil), a...)
		if err := MustCompile("a*a - 1", WithBackend(backend)).EvalInto(ctx, y, Vars{"a": y}); err != nil {
			t.Fatal(err)
		}
		for i := range y {
			if y[i] != a[i]*a[i]-1 {
				t.Fatalf("%s: aliased element %d is %v, want %v", backend, i, y[i], a[i]*a[i]-1)
			}
		}
	}
}

func TestOverlapsInput(t *testing.T) {
	buf := make([]float64, 10)
	f32 := make([]float32, 10)
	cases := []struct {
		name string
		out  output
		in   binding
		want bool
	}{
		{"disjoint", sliceOutput(Float64, buf[:5]), binding{Type: Float64, Ptr: sliceOutput(Float64, buf[5:]).Ptr, N: 5}, false},
		{"same", sliceOutput(Float64, buf), binding{Type: Float64, Ptr: sliceOutput(Float64, buf).Ptr, N: 10}, false},
		{"shifted", sliceOutput(Float64, buf[1:]), binding{Type: Float64, Ptr: sliceOutput(Float64, buf).Ptr, N: 9}, true},
		{"inside", sliceOutput(Float64, buf), binding{Type: Float64, Ptr: sliceOutput(Float64, buf[3:]).Ptr, N: 2}, true},
		{"same start, other size", sliceOutput(Float32, f32), binding{Type: Float64, Ptr: sliceOutput(Float32, f32).Ptr, N: 5}, true},
		{"scalar input", sliceOutput(Float64, buf), binding{Type: Float64, Scalar: true}, false},
	}
	for _, c := range cases {
		if got := overlapsInput(c.out, []binding{c.in}); got != c.want {
			t.Errorf("%s: overlapsInput = %v, want %v", c.name, got, c.want)
		}
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
