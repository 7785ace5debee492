package cl

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// setup returns a context and a profiling queue on the test device, released at the
// end of the test.
func setup(t *testing.T) (*Context, *Queue, Device) {
	t.Helper()
	r, d := requireOpenCL(t)
	ctx, err := r.CreateContext(d)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ctx.Release() })
	q, err := ctx.CreateQueue(d, QueueProfiling)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = q.Release() })
	return ctx, q, d
}

const vecAddSource = `
#ifdef cl_khr_fp64
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#endif
__kernel void add_f64(__global const double *a, __global const double *b, __global double *c, const ulong n) {
	size_t i = get_global_id(0);
	if (i < n) c[i] = a[i] + b[i];
}
__kernel void add_f32(__global const float *a, __global const float *b, __global float *c, const ulong n) {
	size_t i = get_global_id(0);
	if (i < n) c[i] = a[i] + b[i];
}
`

// vecAdd runs kernel name of prog over a and b with an NDRange and returns a+b read back.
func vecAdd[T float32 | float64](t *testing.T, ctx *Context, q *Queue, prog *Program, name string, a, b []T, local []int) []T {
	t.Helper()
	k, err := prog.CreateKernel(name)
	if err != nil {
		t.Fatal(err)
	}
	defer k.Release()
	bufA, err := CreateBufferFrom(ctx, MemReadOnly, a)
	if err != nil {
		t.Fatal(err)
	}
	defer bufA.Release()
	bufB, err := ctx.CreateBuffer(MemReadOnly, len(b)*int(sizeOf[T]()))
	if err != nil {
		t.Fatal(err)
	}
	defer bufB.Release()
	if err := WriteBuffer(q, bufB, 0, b); err != nil {
		t.Fatal(err)
	}
	bufC, err := ctx.CreateBuffer(MemWriteOnly, len(a)*int(sizeOf[T]()))
	if err != nil {
		t.Fatal(err)
	}
	defer bufC.Release()
	if err := k.SetArgs(bufA, bufB, bufC, uint64(len(a))); err != nil {
		t.Fatal(err)
	}
	global := len(a)
	if local != nil {
		global = (len(a) + local[0] - 1) / local[0] * local[0]
	}
	ev, err := q.EnqueueNDRange(k, []int{global}, local)
	if err != nil {
		t.Fatal(err)
	}
	defer ev.Release()
	c := make([]T, len(a))
	if err := ReadBuffer(q, bufC, 0, c, ev); err != nil {
		t.Fatal(err)
	}
	return c
}

func sizeOf[T float32 | float64]() uintptr {
	var v T
	switch any(v).(type) {
	case float32:
		return 4
	}
	return 8
}

func TestVectorAdd(t *testing.T) {
	ctx, q, d := setup(t)
	prog, err := ctx.BuildProgram(vecAddSource, "")
	if err != nil {
		t.Fatal(err)
	}
	defer prog.Release()
	const n = 1000
	a64, b64 := make([]float64, n), make([]float64, n)
	a32, b32 := make([]float32, n), make([]float32, n)
	for i := range n {
		a64[i], b64[i] = math.Sqrt(float64(i)), 1/float64(i+1)
		a32[i], b32[i] = float32(a64[i]), float32(b64[i])
	}
	for _, local := range [][]int{nil, {16}} {
		if d.FP64 {
			c := vecAdd(t, ctx, q, prog, "add_f64", a64, b64, local)
			for i := range c {
				if c[i] != a64[i]+b64[i] {
					t.Fatalf("float64 local %v: c[%d] = %v, want %v", local, i, c[i], a64[i]+b64[i])
				}
			}
		}
		c := vecAdd(t, ctx, q, prog, "add_f32", a32, b32, local)
		for i := range c {
			if c[i] != a32[i]+b32[i] {
				t.Fatalf("float32 local %v: c[%d] = %v, want %v", local, i, c[i], a32[i]+b32[i])
			}
		}
	}
}

func TestBuildError(t *testing.T) {
	ctx, _, _ := setup(t)
	const bad = "__kernel void broken(__global float *x) { x[0] = undeclared_name + ; }"
	prog, err := ctx.BuildProgram(bad, "-cl-std=CL1.2")
	if err == nil {
		prog.Release()
		t.Fatal("building bad source succeeded")
	}
	var be *BuildError
	if !errors.As(err, &be) {
		t.Fatalf("error %T %v is not a *BuildError", err, err)
	}
	if !errors.Is(err, ErrBuildProgramFailure) {
		t.Errorf("error %v is not CL_BUILD_PROGRAM_FAILURE", err)
	}
	if !strings.Contains(be.Log, "undeclared_name") || !strings.Contains(be.Log, "error") {
		t.Errorf("build log does not mention the error:\n%s", be.Log)
	}
	t.Logf("%v", err)

	// Bad options fail too, with CL_INVALID_BUILD_OPTIONS or a build failure.
	if p, err := ctx.BuildProgram(vecAddSource, "-no-such-option"); err == nil {
		p.Release()
		t.Log("pocl accepted an unknown build option")
	} else if !errors.As(err, &be) {
		t.Errorf("bad options: %T %v", err, err)
	}
	if _, err := ctx.BuildProgram(vecAddSource, "a\x00b"); err == nil {
		t.Error("options with NUL accepted")
	}
	prog, err = ctx.BuildProgram(vecAddSource, "")
	if err != nil {
		t.Fatal(err)
	}
	defer prog.Release()
	if _, err := prog.CreateKernel("no_such_kernel"); !errors.Is(err, ErrInvalidKernelName) {
		t.Errorf("CreateKernel(no_such_kernel): %v, want CL_INVALID_KERNEL_NAME", err)
	}
}

func TestBufferTooLarge(t *testing.T) {
	ctx, q, d := setup(t)
	size := d.MaxAllocBytes + 1
	if size > math.MaxInt {
		t.Skip("MaxAllocBytes does not fit an int")
	}
	b, err := ctx.CreateBuffer(MemReadWrite, int(size))
	if err == nil {
		// Some implementations allocate lazily; then the first use must fail cleanly.
		defer b.Release()
		err = WriteBuffer(q, b, 0, []float64{1})
		if err == nil {
			t.Fatalf("buffer of %d bytes (max alloc %d) created and written", size, d.MaxAllocBytes)
		}
	}
	if !errors.Is(err, ErrInvalidBufferSize) && !errors.Is(err, ErrMemObjectAllocationFailure) && !errors.Is(err, ErrOutOfResources) && !errors.Is(err, ErrOutOfHostMemory) {
		t.Errorf("error %v: want CL_INVALID_BUFFER_SIZE or an allocation failure", err)
	}
	t.Log(err)
	if _, err := ctx.CreateBuffer(MemReadWrite, 0); !errors.Is(err, ErrInvalidBufferSize) {
		t.Errorf("zero-size buffer: %v, want CL_INVALID_BUFFER_SIZE", err)
	}
	if _, err := ctx.CreateBuffer(MemReadWrite, -1); err == nil {
		t.Error("negative size accepted")
	}
}
