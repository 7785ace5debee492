package opencl

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"
	"unsafe"

	"github.com/numkit/numkit/numeric/internal/compile"
	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/internal/hw"
	"github.com/numkit/numkit/numeric/internal/syntax"
	"github.com/numkit/numkit/numeric/internal/vm"
	"github.com/numkit/numkit/numeric/ir"
)

// A small front door for this package's tests: it compiles an expression for the
// OpenCL backend or, as the reference, the gonum VM, binds host arrays and scalars,
// and runs the exec.Program. numeric's own tests cover the public API over both.

const (
	BackendOpenCL = exec.BackendOpenCL
	BackendGonum  = exec.BackendGonum
	Float32       = ir.Float32
	Float64       = ir.Float64
)

type Vars map[string]any

type Result struct {
	Type   ir.DType
	Scalar bool
	Data   any
}

func (r Result) Float64s() []float64 { s, _ := r.Data.([]float64); return s }

// Float64 returns a float scalar result as a float64, and false for an array result.
func (r Result) Float64() (float64, bool) {
	switch v := r.Data.(type) {
	case float64:
		return v, true
	case float32:
		return float64(v), true
	case int64:
		return float64(v), true
	case int32:
		return float64(v), true
	case bool:
		if v {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

// testUpload copies a host slice to a new device array.
func testUpload(x any) (*Array, error) {
	b, err := testBind(x)
	if err != nil {
		return nil, err
	}
	return Upload(b)
}

type backendOption string

func WithBackend(name string) backendOption { return backendOption(name) }

type Expr struct {
	src     string
	backend string
	mu      sync.Mutex
	prog    *ir.Program
	run     exec.Program
}

func MustCompile(src string, b backendOption) *Expr { return &Expr{src: src, backend: string(b)} }

func (e *Expr) Source() string { return e.src }

// program compiles e for the types of vars on the first call.
func (e *Expr) program(vars Vars) (*ir.Program, exec.Program, []exec.Binding, int, error) {
	ast, err := syntax.Parse(e.src)
	if err != nil {
		return nil, nil, nil, 0, err
	}
	names, err := compile.Names(e.src, ast)
	if err != nil {
		return nil, nil, nil, 0, err
	}
	inputs := map[string]compile.InputType{}
	bs := make([]exec.Binding, len(names))
	n := 1
	for i, name := range names {
		b, err := testBind(vars[name])
		if err != nil {
			return nil, nil, nil, 0, fmt.Errorf("%s: %w", name, err)
		}
		bs[i] = b
		inputs[name] = compile.InputType{Type: b.Type, Scalar: b.Scalar}
		if !b.Scalar {
			n = b.N
		}
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.prog == nil {
		prog, err := compile.Lower(e.src, ast, names, inputs, compile.Options{})
		if err != nil {
			return nil, nil, nil, 0, err
		}
		var p exec.Program
		if e.backend == BackendOpenCL {
			p, err = Compile(prog)
		} else {
			var b, _ = vm.BackendFor(BackendGonum)
			p, err = vm.Compile(prog, b, vm.Options{})
		}
		if err != nil {
			return nil, nil, nil, 0, err
		}
		e.prog, e.run = prog, p
	}
	return e.prog, e.run, bs, n, nil
}

func (e *Expr) Eval(ctx context.Context, vars Vars) (Result, error) {
	prog, p, bs, n, err := e.program(vars)
	if err != nil {
		return Result{}, err
	}
	r := Result{Type: prog.ResultType(), Scalar: prog.ScalarResult()}
	out := exec.Output{Type: r.Type, Scalar: r.Scalar, N: n}
	if !r.Scalar {
		r.Data, out.Ptr = testAlloc(r.Type, n)
	}
	var data any
	if r.Scalar && r.Type.IsComplex() { // the whole value at out.Ptr (two words for complex128)
		data, out.Ptr = testAlloc(r.Type, 1)
	}
	w, err := p.Run(ctx, bs, 0, n, out, 1)
	if err != nil {
		return Result{}, err
	}
	if r.Scalar && data == nil {
		var ptr unsafe.Pointer
		data, ptr = testAlloc(r.Type, 1)
		exec.StoreWord(ptr, r.Type, w)
	}
	if r.Scalar {
		r.Data = testIndex(data, 0)
	}
	return r, nil
}

// EvalInto evaluates into a *float64 or *float32 scalar destination.
func (e *Expr) EvalInto(ctx context.Context, dst any, vars Vars) error {
	r, err := e.Eval(ctx, vars)
	if err != nil {
		return err
	}
	switch d := dst.(type) {
	case *float64:
		*d = r.Data.(float64)
	case *float32:
		*d = r.Data.(float32)
	default:
		return fmt.Errorf("test EvalInto: unsupported destination %T", dst)
	}
	return nil
}

func testBind(v any) (exec.Binding, error) {
	slice := func(t ir.DType, p unsafe.Pointer, n int) exec.Binding {
		if n == 0 {
			p = nil
		}
		return exec.Binding{Type: t, Ptr: p, N: n}
	}
	switch v := v.(type) {
	case []float64:
		return slice(ir.Float64, unsafe.Pointer(unsafe.SliceData(v)), len(v)), nil
	case []float32:
		return slice(ir.Float32, unsafe.Pointer(unsafe.SliceData(v)), len(v)), nil
	case []int64:
		return slice(ir.Int64, unsafe.Pointer(unsafe.SliceData(v)), len(v)), nil
	case []int32:
		return slice(ir.Int32, unsafe.Pointer(unsafe.SliceData(v)), len(v)), nil
	case []bool:
		return slice(ir.Bool, unsafe.Pointer(unsafe.SliceData(v)), len(v)), nil
	case []complex128:
		return slice(ir.Complex128, unsafe.Pointer(unsafe.SliceData(v)), len(v)), nil
	case []complex64:
		return slice(ir.Complex64, unsafe.Pointer(unsafe.SliceData(v)), len(v)), nil
	case complex128:
		w := ir.ComplexValue(ir.Complex128, v).Words()
		return exec.Binding{Type: ir.Complex128, Scalar: true, Word: w[0], Hi: w[1]}, nil
	case *Array:
		return exec.Binding{Type: v.typ, N: v.n, Dev: v}, nil
	case float64:
		return exec.Binding{Type: ir.Float64, Scalar: true, Word: ir.FloatValue(ir.Float64, v).Word()}, nil
	case float32:
		return exec.Binding{Type: ir.Float32, Scalar: true, Word: ir.FloatValue(ir.Float32, float64(v)).Word()}, nil
	case int:
		return exec.Binding{Type: ir.Int32, Scalar: true, Word: ir.IntValue(ir.Int32, int64(v)).Word()}, nil
	case bool:
		return exec.Binding{Type: ir.Bool, Scalar: true, Word: ir.BoolValue(v).Word()}, nil
	}
	return exec.Binding{}, fmt.Errorf("unsupported test value %T", v)
}

func testAlloc(t ir.DType, n int) (any, unsafe.Pointer) {
	switch t {
	case ir.Float64:
		s := make([]float64, max(n, 1))
		return s[:n], unsafe.Pointer(&s[0])
	case ir.Float32:
		s := make([]float32, max(n, 1))
		return s[:n], unsafe.Pointer(&s[0])
	case ir.Int64:
		s := make([]int64, max(n, 1))
		return s[:n], unsafe.Pointer(&s[0])
	case ir.Int32:
		s := make([]int32, max(n, 1))
		return s[:n], unsafe.Pointer(&s[0])
	case ir.Complex128:
		s := make([]complex128, max(n, 1))
		return s[:n], unsafe.Pointer(&s[0])
	case ir.Complex64:
		s := make([]complex64, max(n, 1))
		return s[:n], unsafe.Pointer(&s[0])
	}
	s := make([]bool, max(n, 1))
	return s[:n], unsafe.Pointer(&s[0])
}

func testIndex(data any, i int) any {
	switch d := data.(type) {
	case []float64:
		return d[:i+1][i]
	case []float32:
		return d[:i+1][i]
	case []int64:
		return d[:i+1][i]
	case []int32:
		return d[:i+1][i]
	case []bool:
		return d[:i+1][i]
	case []complex128:
		return d[:i+1][i]
	case []complex64:
		return d[:i+1][i]
	}
	return nil
}

// requireOpenCL skips the test when OpenCL is unavailable, or fails it under
// NUMKIT_REQUIRE_OPENCL=1 (as CI sets it).
func requireOpenCL(t *testing.T) {
	t.Helper()
	r, _ := hw.Report()
	if !r.OpenCL.Available {
		if os.Getenv("NUMKIT_REQUIRE_OPENCL") == "1" {
			t.Fatalf("NUMKIT_REQUIRE_OPENCL=1 but OpenCL is unavailable: %s", r.OpenCL.Reason)
		}
		t.Skipf("OpenCL unavailable: %s", r.OpenCL.Reason)
	}
}

// mustParse is the configuration of env alone.
func mustParse(t *testing.T, env map[string]string) hw.Config {
	t.Helper()
	cfg, err := hw.ParseEnv(func(name string) (string, bool) { v, ok := env[name]; return v, ok })
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func clScalarDst(t ir.DType) any {
	if t == Float32 {
		return new(float32)
	}
	return new(float64)
}

func toFloat32(x []float64) []float32 {
	y := make([]float32, len(x))
	for i, v := range x {
		y[i] = float32(v)
	}
	return y
}
