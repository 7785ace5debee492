package numeric

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/numkit/numkit/numeric/internal/opencl"
)

func TestDeviceArrayRoundTrip(t *testing.T) {
	d := clTestDevice(t)
	clWithChunkLen(t, d, d.Tile()) // several chunks for n = 5000
	n := 10_000
	f64, f32, i64, i32, bs := make([]float64, n), make([]float32, n), make([]int64, n), make([]int32, n), make([]bool, n)
	for i := range n {
		f64[i], f32[i], i64[i], i32[i], bs[i] = float64(i)/3, float32(i)/3, int64(i)<<33, int32(-i), i%3 == 1
	}
	check := func(x, y any, typ DType) {
		t.Helper()
		a, err := Upload(x)
		if err != nil {
			t.Fatal(err)
		}
		defer a.Release()
		if a.Len() != n || a.DType() != typ || a.a.Chunks() != 3 {
			t.Errorf("%s: Len %d DType %s chunks %d", typ, a.Len(), a.DType(), a.a.Chunks())
		}
		if err := a.Download(y); err != nil {
			t.Fatal(err)
		}
	}
	f64b, f32b, i64b, i32b, bsb := make([]float64, n), make([]float32, n), make([]int64, n), make([]int32, n), make([]bool, n)
	check(f64, f64b, Float64)
	check(f32, f32b, Float32)
	check(i64, i64b, Int64)
	check(i32, i32b, Int32)
	check(bs, bsb, Bool)
	if !slices.Equal(f64, f64b) || !slices.Equal(f32, f32b) || !slices.Equal(i64, i64b) || !slices.Equal(i32, i32b) || !slices.Equal(bs, bsb) {
		t.Error("an array changed on its way to the device and back")
	}
}

// TestDeviceArrayChain keeps intermediate results on the device.
func TestDeviceArrayChain(t *testing.T) {
	d := clTestDevice(t)
	clWithChunkLen(t, d, d.Tile())
	ctx := context.Background()
	n := 10_001
	x := clRandom(n, 5)
	a, err := Upload(x)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Release()
	tmp, err := NewDeviceArray(Float64, n)
	if err != nil {
		t.Fatal(err)
	}
	defer tmp.Release()
	ocl := func(src string) *Expr { return MustCompile(src, WithBackend(BackendOpenCL)) }
	if err := ocl("a*a + 1").EvalInto(ctx, tmp, Vars{"a": a}); err != nil {
		t.Fatal(err)
	}
	// Write in place: each element is read before it is written.
	if err := ocl("t - mean(t)").EvalInto(ctx, tmp, Vars{"t": tmp}); err != nil {
		t.Fatal(err)
	}
	var s float64
	if err := ocl("sum(t * a)").EvalInto(ctx, &s, Vars{"t": tmp, "a": a}); err != nil {
		t.Fatal(err)
	}
	got := make([]float64, n)
	if err := tmp.Download(got); err != nil {
		t.Fatal(err)
	}
	want, _ := MustCompile("a*a + 1 - mean(a*a + 1)", WithBackend(BackendGonum)).Eval(ctx, Vars{"a": x})
	for i, w := range want.Float64s() {
		if d := got[i] - w; d > 1e-12 || d < -1e-12 {
			t.Fatalf("element %d: %v, want %v", i, got[i], w)
		}
	}
	// Eval with device inputs returns host memory; mixing with host slices works.
	r, err := ocl("t + b").Eval(ctx, Vars{"t": tmp, "b": x})
	if err != nil || r.Len() != n || r.Float64s()[7] != got[7]+x[7] {
		t.Errorf("Eval with a device and a host input: %v", err)
	}
	if s == 0 {
		t.Error("sum(t*a) is 0")
	}
}

func TestDeviceArrayErrors(t *testing.T) {
	clTestDevice(t)
	ctx := context.Background()
	if _, err := Upload([]int{1}); !errors.Is(err, ErrType) {
		t.Errorf("Upload([]int): %v, want ErrType", err)
	}
	if _, err := Upload(3.0); !errors.Is(err, ErrType) {
		t.Errorf("Upload(3.0): %v, want ErrType", err)
	}
	a, err := Upload([]float64{1, 2, 3})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Download(make([]float32, 3)); !errors.Is(err, ErrType) {
		t.Errorf("Download into []float32: %v", err)
	}
	if err := a.Download(make([]float64, 2)); !errors.Is(err, ErrShape) {
		t.Errorf("Download into a short slice: %v", err)
	}
	short, _ := NewDeviceArray(Float64, 2)
	defer short.Release()
	e := MustCompile("a + 1", WithBackend(BackendOpenCL))
	if err := e.EvalInto(ctx, short, Vars{"a": a}); !errors.Is(err, ErrShape) {
		t.Errorf("EvalInto a short device array: %v", err)
	}
	i32, _ := NewDeviceArray(Int32, 3)
	defer i32.Release()
	if err := e.EvalInto(ctx, i32, Vars{"a": a}); !errors.Is(err, ErrType) {
		t.Errorf("EvalInto a device array of the wrong type: %v", err)
	}
	for _, backend := range []string{BackendGonum, BackendSIMD} {
		cpu, err := Compile("a + 1", WithBackend(backend))
		if err != nil {
			continue
		}
		if _, err := cpu.Eval(ctx, Vars{"a": a}); !errors.Is(err, ErrBackend) {
			t.Errorf("%s with a device input: %v, want ErrBackend", backend, err)
		}
		if err := cpu.EvalInto(ctx, short, Vars{"a": []float64{1, 2}}); !errors.Is(err, ErrBackend) {
			t.Errorf("%s into a device array: %v, want ErrBackend", backend, err)
		}
	}
	var nilArray *DeviceArray
	if _, err := e.Eval(ctx, Vars{"a": nilArray}); !errors.Is(err, ErrType) {
		t.Errorf("a nil *DeviceArray: %v", err)
	}
	a.Release()
	a.Release() // twice is fine
	if _, err := e.Eval(ctx, Vars{"a": a}); !errors.Is(err, opencl.ErrReleased) {
		t.Errorf("a released array: %v", err)
	}
	if err := a.Download(make([]float64, 3)); !errors.Is(err, opencl.ErrReleased) {
		t.Errorf("Download of a released array: %v", err)
	}
}

func TestEvalAsync(t *testing.T) {
	backends := []string{BackendGonum}
	if opencl.Usable() == nil {
		backends = append(backends, BackendOpenCL)
	}
	n := 200_000
	x := clRandom(n, 9)
	for _, backend := range backends {
		e := MustCompile("sqrt(a*a + 1) - a", WithBackend(backend))
		want, err := e.Eval(context.Background(), Vars{"a": x})
		if err != nil {
			t.Fatal(err)
		}
		var pending []*Pending
		dsts := make([][]float64, 6)
		for k := range dsts {
			dsts[k] = make([]float64, n)
			pending = append(pending, e.EvalAsync(context.Background(), dsts[k], Vars{"a": x}))
		}
		for k, p := range pending {
			if err := p.Wait(); err != nil {
				t.Fatalf("%s: evaluation %d: %v", backend, k, err)
			}
			if !slices.Equal(dsts[k], want.Float64s()) {
				t.Errorf("%s: evaluation %d differs", backend, k)
			}
		}
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		p := e.EvalAsync(ctx, make([]float64, n), Vars{"a": x})
		<-p.Done()
		if err := p.Wait(); !errors.Is(err, context.Canceled) {
			t.Errorf("%s: cancelled evaluation: %v, want context.Canceled", backend, err)
		}
	}
}
