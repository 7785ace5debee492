package numeric

import (
	"context"
	"errors"
	"math"
	"slices"
	"testing"
)

// Complex device arrays: []complex128 and []complex64 go to the device and back
// unchanged (special parts included, across several chunks), feed an evaluation, take
// its result in place and in a new array, and the type and length checks name them.
func TestDeviceArrayComplex(t *testing.T) {
	d := clTestDevice(t)
	clWithChunkLen(t, d, d.Tile())
	ctx := context.Background()
	n := 3*d.Tile() + 17
	z := make([]complex128, n)
	z64 := make([]complex64, n)
	for i := range z {
		z[i] = complex(float64(i%97)-48, float64(i%13)*0.25)
		z64[i] = complex64(z[i] * 0.5)
	}
	z[5] = complex(math.Inf(-1), math.Copysign(0, -1))
	z[6] = complex(math.NaN(), 1)
	a, err := Upload(z)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Release()
	a64, err := Upload(z64)
	if err != nil {
		t.Fatal(err)
	}
	defer a64.Release()
	if a.DType() != Complex128 || a64.DType() != Complex64 || a.Len() != n || a64.Len() != n {
		t.Fatalf("Upload: %s[%d] and %s[%d]", a.DType(), a.Len(), a64.DType(), a64.Len())
	}
	back, back64 := make([]complex128, n), make([]complex64, n)
	if err := a.Download(back); err != nil {
		t.Fatal(err)
	}
	if err := a64.Download(back64); err != nil {
		t.Fatal(err)
	}
	for i := range z {
		if !sameCBits(back[i], z[i]) || back64[i] != z64[i] {
			t.Fatalf("element %d: %v and %v back, uploaded %v and %v", i, back[i], back64[i], z[i], z64[i])
		}
	}

	// Evaluation with device inputs, into a new device array and in place.
	ocl := func(src string) *Expr { return MustCompile(src, WithBackend(BackendOpenCL)) }
	out, err := NewDeviceArray(Complex128, n)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Release()
	const src = "z * (1 - 2j) + sqrt(z) + z64"
	vars := Vars{"z": a, "z64": a64}
	if err := ocl(src).EvalInto(ctx, out, vars); err != nil {
		t.Fatal(err)
	}
	if err := ocl("conj(w) * 2").EvalInto(ctx, out, Vars{"w": out}); err != nil {
		t.Fatal(err)
	}
	got := make([]complex128, n)
	if err := out.Download(got); err != nil {
		t.Fatal(err)
	}
	want, err := MustCompile("conj("+src+") * 2", WithBackend(BackendGonum)).Eval(ctx, Vars{"z": z, "z64": z64})
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range want.Data.([]complex128) {
		if !sameComplex(got[i], w) {
			t.Fatalf("element %d: opencl %v, gonum %v", i, got[i], w)
		}
	}
	// A complex64 result into a complex64 device array; Eval returns host memory.
	out64, err := NewDeviceArray(Complex64, n)
	if err != nil {
		t.Fatal(err)
	}
	defer out64.Release()
	if err := ocl("z64 * z64").EvalInto(ctx, out64, Vars{"z64": a64}); err != nil {
		t.Fatal(err)
	}
	got64 := make([]complex64, n)
	if err := out64.Download(got64); err != nil {
		t.Fatal(err)
	}
	r, err := ocl("z64 * z64").Eval(ctx, Vars{"z64": z64})
	if err != nil || !slices.Equal(got64, r.Data.([]complex64)) {
		t.Errorf("z64*z64 into a device array differs from Eval's (%v)", err)
	}
	if s, err := ocl("sum(z)").Eval(ctx, Vars{"z": a}); err != nil || s.Type != Complex128 {
		t.Errorf("sum of a complex device array: %v (%v)", s.Data, err)
	}

	// The checks: a complex array downloads into its own type only, a complex result
	// does not go into a float device array, and the CPU backends refuse device arrays.
	if err := a.Download(make([]float64, 2*n)); !errors.Is(err, ErrType) {
		t.Errorf("Download of complex128 into []float64: %v, want ErrType", err)
	}
	if err := a.Download(make([]complex64, n)); !errors.Is(err, ErrType) {
		t.Errorf("Download of complex128 into []complex64: %v, want ErrType", err)
	}
	if err := a.Download(make([]complex128, n-1)); !errors.Is(err, ErrShape) {
		t.Errorf("Download into a short slice: %v, want ErrShape", err)
	}
	f, err := NewDeviceArray(Float64, n)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Release()
	if err := ocl("z * 1j").EvalInto(ctx, f, Vars{"z": a}); err == nil {
		t.Error("a complex result into a float64 device array: no error")
	}
	if _, err := MustCompile("z + 1", WithBackend(BackendGonum)).Eval(ctx, Vars{"z": a}); !errors.Is(err, ErrBackend) {
		t.Errorf("gonum with a complex device array: %v, want ErrBackend", err)
	}
}

// sameCBits reports whether a and b have the same parts bit for bit.
func sameCBits(a, b complex128) bool {
	return math.Float64bits(real(a)) == math.Float64bits(real(b)) && math.Float64bits(imag(a)) == math.Float64bits(imag(b))
}
