package opencl

import (
	"context"
	"math"
	"testing"
)

// orderVars returns float64, float32, int32, complex128 and complex64 arrays of length
// n whose float sums depend on the order of the additions, and a complex scalar.
func orderVars(n int) Vars {
	x, xf, k := make([]float64, n), make([]float32, n), make([]int32, n)
	z, z64 := make([]complex128, n), make([]complex64, n)
	special := []float64{-1e300, 1e300, 1e16, -0.0, 0, 5e-324, 1, -1e16, 3.5, 1e-300}
	for i := range x {
		x[i] = math.Sin(float64(i)*1.7) * math.Pow(10, float64(i%9))
		if i%97 == 5 {
			x[i] = special[(i*7)%len(special)] * 1e-290
		}
		xf[i] = float32(math.Sin(float64(i)*0.37)*1e7) * float32(1+i%5)
		k[i] = int32(i*7919%2001 - 1000)
		z[i] = complex(x[(i*5)%n], math.Cos(float64(i))*math.Pow(3, float64(i%13)))
		z64[i] = complex(xf[i], float32(x[i]))
	}
	return Vars{"x": x, "xf": xf, "k": k, "z": z, "z64": z64, "s": complex(0.25, -2)}
}

// TestReductionOrderShapes: both reduction shapes, one work-item per tile (CPU
// devices) and work-groups with a tree in local memory (GPUs, run here on the test
// device with the GPU shape forced), give the gonum VM's bits: the documented order
// (docs/language.md), for float64 (32 accumulators, staged on the GPU shape), float32
// (64), the mean of integers (one), complex128 (16, staged) and complex64 (32: the
// sum, product and mean of complex values).
func TestReductionOrderShapes(t *testing.T) {
	d := testDevice(t)
	if d.tile() != 4096 {
		t.Skipf("the device's reduction tile is %d elements, not the documented 4096", d.tile())
	}
	srcs := []string{"sum(x)", "sum(xf)", "prod(xf / 1e7)", "min(x)", "max(xf)", "mean(x)", "mean(xf)", "mean(k)", "sum(x + 1)", "sum(x) + sum(xf)",
		"sum(z)", "prod(z * 1e-12 + 1)", "mean(z * s)", "sum(z64)", "prod(z64 / abs(z64))", "mean(z64)", "sum(z) + sum(z64 * 2j)"}
	for _, gpu := range []bool{false, true} {
		old := d.target.CPU
		d.target.CPU = !gpu
		for _, n := range []int{1, 33, 65, 4097, 3*4096 + 5, 12293, 32845} {
			vars := orderVars(n)
			for _, src := range srcs {
				want, err := MustCompile(src, WithBackend(BackendGonum)).Eval(context.Background(), vars)
				if err != nil {
					t.Fatal(err)
				}
				got, err := MustCompile(src, WithBackend(BackendOpenCL)).Eval(context.Background(), vars)
				if err != nil {
					t.Fatalf("%s (gpu shape %v): %v", src, gpu, err)
				}
				if !sameBits(got.Data, want.Data) {
					t.Errorf("%s, n=%d, gpu shape %v: %v, the gonum VM %v", src, n, gpu, got.Data, want.Data)
				}
			}
		}
		d.target.CPU = old
	}
}

// sameBits compares scalar results bit for bit (any NaN equals any NaN).
func sameBits(a, b any) bool {
	switch x := a.(type) {
	case float64:
		y, ok := b.(float64)
		return ok && (math.Float64bits(x) == math.Float64bits(y) || math.IsNaN(x) && math.IsNaN(y))
	case float32:
		y, ok := b.(float32)
		return ok && (math.Float32bits(x) == math.Float32bits(y) || x != x && y != y)
	case complex128:
		y, ok := b.(complex128)
		return ok && sameBits(real(x), real(y)) && sameBits(imag(x), imag(y))
	case complex64:
		y, ok := b.(complex64)
		return ok && sameBits(real(x), real(y)) && sameBits(imag(x), imag(y))
	}
	return a == b
}
