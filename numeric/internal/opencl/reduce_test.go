package opencl

import (
	"context"
	"fmt"
	"math"
	"testing"
)

// TestOpenCLReductionShapes runs reductions in both kernel shapes, the work-group
// tree of GPUs and the one-work-item tiles of CPUs (kernels.Target.CPU), on the
// device at hand: over lengths around the tile and the CPU shape's 16 accumulators,
// against gonum, and bit for bit from run to run and chunked or not.
func TestOpenCLReductionShapes(t *testing.T) {
	d := testDevice(t)
	tile, cpu, chunkLen := d.tile(), d.target.CPU, d.chunkLen
	t.Cleanup(func() { d.target.CPU, d.chunkLen = cpu, chunkLen })
	srcs := []string{
		"sum(a*b)",
		"sum(a) + prod(a/a) + min(a) + max(b) + mean(a)",
		"sum(i) + min(i) + max(i) + mean(i) + prod(i % 3 + 1)",
		"sum(f*g) + min(f) + max(g)",
		"min(z)", "max(z)", "sum(z)", // NaN for n > 700
		"var(a) + std(b) + skew(a) + kurt(b) + sum(a)", // two passes per tile
		"std(f) + var(i) + mean(a)", "var(z)",
	}
	for _, shape := range []bool{false, true} {
		d.target.CPU = shape
		for _, n := range []int{1, 15, 16, 17, 255, tile - 1, tile, tile + 1, 3*tile + 5} {
			a, b := clRandom(n, 5), clRandom(n, 6)
			i := make([]int32, n)
			f, g := make([]float32, n), make([]float32, n)
			z := make([]float64, n)
			for k := range n {
				i[k] = int32(a[k] * 1000)
				f[k], g[k] = float32(a[k]), float32(b[k])
				z[k] = a[k]
				if k%1000 == 700 {
					z[k] = math.NaN()
				}
			}
			vars := Vars{"a": a, "b": b, "i": i, "f": f, "g": g, "z": z}
			for _, src := range srcs {
				name := fmt.Sprintf("cpu=%v/n=%d/%s", shape, n, src)
				e := MustCompile(src, WithBackend(BackendOpenCL))
				eval := func(chunk int) Result {
					d.chunkLen = chunk
					defer func() { d.chunkLen = chunkLen }()
					r, err := e.Eval(context.Background(), vars)
					if err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					return r
				}
				first := eval(chunkLen)
				if again := eval(chunkLen); !clSameBits(again.Data, first.Data) {
					t.Errorf("%s: %v, first run %v", name, again.Data, first.Data)
				}
				if chunked := eval(tile); !clSameBits(chunked.Data, first.Data) {
					t.Errorf("%s: chunked %v, whole %v", name, chunked.Data, first.Data)
				}
				want, err := MustCompile(src, WithBackend(BackendGonum)).Eval(context.Background(), vars)
				if err != nil {
					t.Fatal(err)
				}
				got, _ := first.Float64()
				w, _ := want.Float64()
				if !(got == w || math.IsNaN(got) && math.IsNaN(w) || math.Abs(got-w) <= 1e-5*math.Max(1, math.Abs(w))) {
					t.Errorf("%s = %v, gonum %v", name, got, w)
				}
			}
		}
	}
}

// clSameBits reports whether two scalar results are the same type and bits (NaN
// included).
func clSameBits(x, y any) bool {
	switch v := x.(type) {
	case float64:
		w, ok := y.(float64)
		return ok && math.Float64bits(v) == math.Float64bits(w)
	case float32:
		w, ok := y.(float32)
		return ok && math.Float32bits(v) == math.Float32bits(w)
	}
	return x == y
}
