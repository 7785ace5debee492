package opencl

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/ir"
)

// testDevice returns the process's OpenCL device, skipping the test (or failing it
// under NUMKIT_REQUIRE_OPENCL=1) when there is none.
func testDevice(t *testing.T) *Device {
	t.Helper()
	requireOpenCL(t)
	d, err := Default()
	if err != nil {
		t.Fatalf("OpenCL is available but the backend is not usable: %v", err)
	}
	return d
}

// withChunkLen makes the device process host arrays in chunks of n elements for
// the rest of the test.
func withChunkLen(t *testing.T, d *Device, n int) {
	t.Helper()
	old := d.chunkLen
	d.chunkLen = n
	t.Cleanup(func() { d.chunkLen = old })
}

func clRandom(n int, seed uint64) []float64 {
	r := rand.New(rand.NewPCG(seed, 7))
	x := make([]float64, n)
	for i := range x {
		x[i] = r.Float64()*2 - 1
	}
	return x
}

// clEval evaluates src on the opencl backend and on the gonum backend.
func clEval(t *testing.T, src string, vars Vars) (got, want Result) {
	t.Helper()
	ctx := context.Background()
	var err error
	if got, err = MustCompile(src, WithBackend(BackendOpenCL)).Eval(ctx, vars); err != nil {
		t.Fatalf("opencl %s: %v", src, err)
	}
	if want, err = MustCompile(src, WithBackend(BackendGonum)).Eval(ctx, vars); err != nil {
		t.Fatalf("gonum %s: %v", src, err)
	}
	return got, want
}

func TestOpenCLUsable(t *testing.T) {
	d := testDevice(t)
	if err := Usable(); err != nil {
		t.Fatal(err)
	}
	// A build makes the driver accept or refuse the options.
	if _, err := MustCompile("a / b", WithBackend(BackendOpenCL)).Eval(context.Background(), Vars{"a": []float32{1}, "b": []float32{3}}); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: build options %q, reduction groups of %d, chunks of %d elements", d.describe(), d.buildOptions(), d.target.GroupSize, d.chunkLen)
}

// TestOpenCLLengths runs an element-wise expression and a reduction over lengths
// around the work-group and tile sizes, chunked and not.
func TestOpenCLLengths(t *testing.T) {
	d := testDevice(t)
	tile := d.tile()
	for _, chunk := range []int{0, tile} {
		if chunk > 0 {
			withChunkLen(t, d, chunk)
		}
		for _, n := range []int{0, 1, 2, 63, 64, 65, 255, 257, tile - 1, tile, tile + 1, 3*tile + 5} {
			a, b := clRandom(n, 1), clRandom(n, 2)
			got, want := clEval(t, "a*b + 1", Vars{"a": a, "b": b})
			if !slices.Equal(got.Float64s(), want.Float64s()) {
				t.Errorf("chunk %d n %d: a*b + 1 differs from gonum", chunk, n)
			}
			got, want = clEval(t, "sum(a*b)", Vars{"a": a, "b": b})
			g, _ := got.Float64()
			w, _ := want.Float64()
			if math.Abs(g-w) > 1e-12*math.Max(1, math.Abs(w)) {
				t.Errorf("chunk %d n %d: sum(a*b) = %v, gonum %v", chunk, n, g, w)
			}
		}
	}
}

// TestOpenCLReductionsDeterministic checks that reductions give the same bits on
// every run and whether or not the input is processed in chunks.
func TestOpenCLReductionsDeterministic(t *testing.T) {
	d := testDevice(t)
	n := 100_003
	a := clRandom(n, 3)
	e := MustCompile("sum(a) + prod(a/a) + min(a) + max(a) + mean(a)", WithBackend(BackendOpenCL))
	first, err := e.Eval(context.Background(), Vars{"a": a})
	if err != nil {
		t.Fatal(err)
	}
	check := func(what string) {
		r, err := e.Eval(context.Background(), Vars{"a": a})
		if err != nil {
			t.Fatal(err)
		}
		if r.Data != first.Data {
			t.Errorf("%s: %v, first run %v", what, r.Data, first.Data)
		}
	}
	for range 3 {
		check("rerun")
	}
	withChunkLen(t, d, d.tile()*5)
	check("chunked")
	want, _ := MustCompile(e.Source(), WithBackend(BackendGonum)).Eval(context.Background(), Vars{"a": a})
	g, _ := first.Float64()
	w, _ := want.Float64()
	if math.Abs(g-w) > 1e-9*math.Abs(w) {
		t.Errorf("opencl %v, gonum %v", g, w)
	}
}

// TestOpenCLReductionTypes covers the reductions' result types and integer wrapping,
// with the stages in between run on the host.
func TestOpenCLReductionTypes(t *testing.T) {
	testDevice(t)
	n := 5000
	i32 := make([]int32, n)
	i64 := make([]int64, n)
	bs := make([]bool, n)
	f32 := make([]float32, n)
	for i := range n {
		i32[i] = int32(i*7919%2001 - 1000)
		i64[i] = int64(i32[i]) << 40
		bs[i] = i%3 == 0
		f32[i] = float32(i32[i]) / 7
	}
	vars := Vars{"i": i32, "l": i64, "b": bs, "f": f32}
	for _, src := range []string{
		"sum(i)", "prod(i % 5 + 1)", "min(i)", "max(l)", "mean(i)", "sum(b)", "prod(b | True)",
		"sum(l * l)", // wraps
		"min(f) + max(f)", "i - min(i)", "where(b, sum(i), mean(f))",
	} {
		got, want := clEval(t, src, vars)
		if got.Type != want.Type || got.Scalar != want.Scalar {
			t.Errorf("%s: %s (scalar %v), want %s (scalar %v)", src, got.Type, got.Scalar, want.Type, want.Scalar)
			continue
		}
		switch g := got.Data.(type) {
		case float32:
			if w := want.Data.(float32); math.Abs(float64(g-w)) > 1e-3*math.Max(1, math.Abs(float64(w))) {
				t.Errorf("%s = %v, want %v", src, g, w)
			}
		case float64:
			if w := want.Data.(float64); math.Abs(g-w) > 1e-9*math.Max(1, math.Abs(w)) {
				t.Errorf("%s = %v, want %v", src, g, w)
			}
		case []float32:
			w := want.Data.([]float32)
			for k := range g {
				if math.Abs(float64(g[k]-w[k])) > 1e-3*math.Max(1, math.Abs(float64(w[k]))) {
					t.Errorf("%s[%d] = %v, want %v", src, k, g[k], w[k])
					break
				}
			}
		default:
			if !clEqualData(got.Data, want.Data) {
				t.Errorf("%s = %v, want %v", src, clHead(got.Data), clHead(want.Data))
			}
		}
	}
	_, err := MustCompile("min(a)", WithBackend(BackendOpenCL)).Eval(context.Background(), Vars{"a": []float64{}})
	if !errors.Is(err, exec.ErrEmpty) {
		t.Errorf("min of nothing: %v, want exec.ErrEmpty", err)
	}
}

func clEqualData(a, b any) bool {
	switch x := a.(type) {
	case []int32:
		return slices.Equal(x, b.([]int32))
	case []int64:
		return slices.Equal(x, b.([]int64))
	case []float64:
		return slices.Equal(x, b.([]float64))
	}
	return a == b
}

func clHead(v any) any {
	switch x := v.(type) {
	case []int32:
		return x[:min(len(x), 8)]
	case []int64:
		return x[:min(len(x), 8)]
	case []float64:
		return x[:min(len(x), 8)]
	}
	return v
}

// TestOpenCLSpecialValues compares operations whose C versions differ from numkit's
// at the edges: integer division, shifts and powers, float floor division and
// modulo, nextafter at zero, maximum with NaN.
func TestOpenCLSpecialValues(t *testing.T) {
	testDevice(t)
	ints := []int64{0, 1, -1, 2, -2, 7, -7, 63, 64, -64, math.MaxInt64, math.MinInt64}
	var x, y []int64
	for _, a := range ints {
		for _, b := range ints {
			x, y = append(x, a), append(y, b)
		}
	}
	floats := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, -7, 3, math.Inf(1), math.Inf(-1), math.NaN(), 5e-324}
	var fx, fy []float64
	for _, a := range floats {
		for _, b := range floats {
			fx, fy = append(fx, a), append(fy, b)
		}
	}
	vars := Vars{"x": x, "y": y, "fx": fx, "fy": fy}
	for _, src := range []string{
		"x // y + x % y", "(x << y) ^ (x >> y)", "x ** (y % 5)", "x * y - y", "abs(x) + -x",
		"fx // fy", "fx % fy", "nextafter(fx, fy)", "maximum(fx, fy) - minimum(fy, fx)", "sign(fx) * round(fy * 2.5)",
	} {
		got, want := clEval(t, src, vars)
		switch g := got.Data.(type) {
		case []int64:
			w := want.Data.([]int64)
			for k := range g {
				if g[k] != w[k] {
					t.Errorf("%s at x=%d y=%d: %d, want %d", src, x[k], y[k], g[k], w[k])
				}
			}
		case []float64:
			w := want.Data.([]float64)
			for k := range g {
				if math.Float64bits(g[k]) != math.Float64bits(w[k]) && !(math.IsNaN(g[k]) && math.IsNaN(w[k])) {
					t.Errorf("%s at x=%v y=%v: %v, want %v", src, fx[k], fy[k], g[k], w[k])
				}
			}
		}
	}
}

func TestOpenCLScalarsOnly(t *testing.T) {
	testDevice(t)
	got, want := clEval(t, "k * 2 + 1", Vars{"k": 3.5})
	if got.Data != want.Data || !got.Scalar {
		t.Errorf("k*2+1 = %v, want %v", got.Data, want.Data)
	}
}

func TestOpenCLBoolScalarArgument(t *testing.T) {
	testDevice(t)
	a := []float64{1, 2, 3}
	for _, flag := range []bool{true, false} {
		got, want := clEval(t, "where(f & (a > 1), a, -a)", Vars{"a": a, "f": flag})
		if !slices.Equal(got.Float64s(), want.Float64s()) {
			t.Errorf("f=%v: %v, want %v", flag, got.Data, want.Data)
		}
	}
}

// TestOpenCLNoFP64 checks the error for a float64 program on a device without fp64.
func TestOpenCLNoFP64(t *testing.T) {
	d := testDevice(t)
	nofp64 := &Device{rt: d.rt, dev: d.dev, platform: d.platform, ctx: d.ctx, target: d.target, programs: d.programs}
	nofp64.target.FP64 = false
	e := MustCompile("a * 2", WithBackend(BackendGonum))
	prog := clTestProgram(t, e, Vars{"a": []float64{1}})
	_, err := nofp64.compile(prog)
	if !errors.Is(err, exec.ErrBackend) || !strings.Contains(err.Error(), "cl_khr_fp64") {
		t.Errorf("float64 on a device without fp64: %v, want exec.ErrBackend naming cl_khr_fp64", err)
	}
}

// clTestProgram returns the IR e compiles to for vars.
func clTestProgram(t *testing.T, e *Expr, vars Vars) *ir.Program {
	t.Helper()
	prog, _, _, _, err := e.program(vars)
	if err != nil {
		t.Fatal(err)
	}
	return prog
}
