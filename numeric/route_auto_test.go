package numeric

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"unsafe"

	"github.com/numkit/numkit/cl"
	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/internal/route"
	"github.com/numkit/numkit/numeric/ir"
)

// fakeDevice is a device program that counts its runs and fails with err, or fills a
// float64 destination with mark (and records how many elements it was given).
type fakeDevice struct {
	runs  atomic.Int32
	err   error
	mark  float64
	given atomic.Int64
}

func (f *fakeDevice) Backend() string { return BackendOpenCL }

func (f *fakeDevice) Run(ctx context.Context, inputs []binding, lo, n int, out output, threads int) (uint64, error) {
	return 0, f.run(inputs, lo, n, out)
}

func (f *fakeDevice) run(inputs []binding, lo, n int, out output) error {
	f.runs.Add(1)
	if f.err != nil {
		return f.err
	}
	if lo != 0 {
		return fmt.Errorf("a device run from element %d", lo)
	}
	f.given.Store(int64(n))
	for _, b := range inputs {
		if !b.Scalar && b.N != n {
			return fmt.Errorf("an input of %d elements for n=%d", b.N, n)
		}
	}
	if out.N != n {
		return fmt.Errorf("a destination of %d elements for n=%d", out.N, n)
	}
	if out.Type == ir.Float64 && out.Ptr != nil {
		for i := range unsafe.Slice((*float64)(out.Ptr), n) {
			unsafe.Slice((*float64)(out.Ptr), n)[i] = f.mark
		}
	}
	return nil
}

// withFakeDevice makes auto routing see an in-place device that wins at n = 2^20 but not at 1000
// (the costs of poclCosts with a cheap launch), whose programs are dev, or whose
// compile fails with compileErr.
func withFakeDevice(t *testing.T, dev *fakeDevice, compileErr error) (Option, *route.Sources) {
	t.Helper()
	simd := route.Cost{FixedNs: 300, ThreadNs: 5000, NsPerOp: [4]float64{0.1, 0.1, 0.5, 2}, BandwidthGBs: 20, BandwidthGBs1: 12}
	gonum := route.Cost{FixedNs: 400, ThreadNs: 5000, NsPerOp: [4]float64{0.8, 1, 3, 15}, BandwidthGBs: 20, BandwidthGBs1: 12}
	pocl := route.Cost{FixedNs: 20000, NsPerOp: [4]float64{0.05, 0.05, 0.3, 3},
		BandwidthGBs: 24, BandwidthGBs1: 24, FuncNs: map[string]float64{"trig/float64": 20, "exp/float64": 0.5}}
	costs := map[string]route.Cost{BackendSIMD: simd, BackendGonum: gonum, BackendOpenCL: pocl}
	src := &route.Sources{
		Costs: func() (map[string]route.Cost, string) { return costs, "a synthetic profile" },
		Probe: func(*ir.Program) (bool, string, error) { return true, "", nil },
		Compile: func(*ir.Program) (exec.Program, error) {
			if compileErr != nil {
				return nil, compileErr
			}
			return dev, nil
		},
	}
	return withSources(src), src
}

func polyVars(n int) (Vars, []float64) {
	a, b, c := make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range a {
		a[i], b[i], c[i] = float64(i), 0.5, 4
	}
	return Vars{"a": a, "b": b, "c": c}, make([]float64, n)
}

func TestAutoSendsLargeHostDataToDevice(t *testing.T) {
	dev := &fakeDevice{}
	fake, _ := withFakeDevice(t, dev, nil)
	e := MustCompile("2*a+3*b**2-c/4", WithThreads(2), fake)
	small, dst := polyVars(1000)
	if err := e.EvalInto(context.Background(), dst, small); err != nil {
		t.Fatal(err)
	}
	if dev.runs.Load() != 0 || dst[10] != 2*10+0.75-1 {
		t.Fatalf("n=1000: %d device runs, dst[10] = %v; want the CPU", dev.runs.Load(), dst[10])
	}
	if got := e.Backend(); got != BackendSIMD && got != BackendGonum {
		t.Errorf("Backend() after the CPU ran it = %q", got)
	}
	large, dst := polyVars(1 << 20)
	if ch, err := e.Choose(large); err != nil || ch.Backend != BackendOpenCL {
		t.Fatalf("Choose(n=2^20) = %+v, %v; want opencl", ch, err)
	}
	if err := e.EvalInto(context.Background(), dst, large); err != nil {
		t.Fatal(err)
	}
	if dev.runs.Load() != 1 {
		t.Fatalf("n=2^20: %d device runs, want 1", dev.runs.Load())
	}
	if got := e.Backend(); got != BackendOpenCL {
		t.Errorf("Backend() after the device ran it = %q", got)
	}
	text, err := e.Explain(large)
	if err != nil || !strings.Contains(text, "chosen: opencl") || !strings.Contains(text, "a synthetic profile") {
		t.Errorf("Explain: %v\n%s", err, text)
	}
}

func TestAutoFallsBackWhenDeviceFails(t *testing.T) {
	tests := []struct {
		name       string
		dev        *fakeDevice
		compileErr error
		want       string
	}{
		{"run", &fakeDevice{err: fmt.Errorf("numeric: opencl: running a kernel on a test device: %w", cl.ErrOutOfResources)}, nil, "CL_OUT_OF_RESOURCES"},
		{"build", nil, fmt.Errorf("numeric: opencl: building the program: %w", cl.ErrBuildProgramFailure), "CL_BUILD_PROGRAM_FAILURE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake, _ := withFakeDevice(t, tt.dev, tt.compileErr)
			e := MustCompile("2*a+3*b**2-c/4", WithThreads(2), fake)
			vars, dst := polyVars(1 << 20)
			for range 3 {
				clear(dst)
				if err := e.EvalInto(context.Background(), dst, vars); err != nil {
					t.Fatalf("EvalInto: %v, want the CPU's result", err)
				}
				if dst[10] != 2*10+0.75-1 {
					t.Fatalf("dst[10] = %v after the fall-back", dst[10])
				}
			}
			if tt.dev != nil && tt.dev.runs.Load() != 1 {
				t.Errorf("%d device runs, want 1 (a failed device is not tried again)", tt.dev.runs.Load())
			}
			if ch, err := e.Choose(vars); err != nil || ch.Backend == BackendOpenCL {
				t.Errorf("Choose after the failure = %+v, %v; want a CPU backend", ch, err)
			}
			text, err := e.Explain(vars)
			if err != nil || !strings.Contains(text, "the OpenCL device failed for this expression") || !strings.Contains(text, tt.want) {
				t.Errorf("Explain lacks the reason %q: %v\n%s", tt.want, err, text)
			}
		})
	}
}

func TestAutoReturnsCallersErrorsFromDevice(t *testing.T) {
	dev := &fakeDevice{err: context.Canceled}
	fake, _ := withFakeDevice(t, dev, nil)
	e := MustCompile("a*b", fake)
	vars, dst := polyVars(1 << 20)
	delete(vars, "c")
	if err := e.EvalInto(context.Background(), dst, vars); !errors.Is(err, context.Canceled) {
		t.Fatalf("EvalInto = %v, want the device's context.Canceled (not a fall-back)", err)
	}
}

func TestCoexecutionSplitsElements(t *testing.T) {
	dev := &fakeDevice{mark: -42}
	fake, _ := withFakeDevice(t, dev, nil)
	e := MustCompile("2*a+3*b**2-c/4", WithThreads(2), WithCoexecution(), fake)
	n := 1 << 20
	vars, dst := polyVars(n)
	ch, err := e.Choose(vars)
	if err != nil || !strings.HasPrefix(ch.Backend, "opencl+") || ch.DeviceShare <= 0 || ch.DeviceShare >= 1 {
		t.Fatalf("Choose = %+v, %v; want co-execution", ch, err)
	}
	if err := e.EvalInto(context.Background(), dst, vars); err != nil {
		t.Fatal(err)
	}
	k := int(dev.given.Load())
	if k == 0 || k%blockSize != 0 || k < n/4 || k > 3*n/4 {
		t.Fatalf("the device got %d of %d elements (share %.2f), want whole blocks near the share", k, n, ch.DeviceShare)
	}
	for i, v := range dst {
		want := 2*float64(i) + 0.75 - 1
		if i < k {
			want = -42
		}
		if v != want {
			t.Fatalf("dst[%d] = %v, want %v (device part: [0, %d))", i, v, want, k)
		}
	}
	text, err := e.Explain(vars)
	if err != nil || !strings.Contains(text, "co-execution: ") || !strings.Contains(text, ": used") {
		t.Errorf("Explain: %v\n%s", err, text)
	}
	if text, _ := MustCompile("a*2").Explain(vars); !strings.Contains(text, "co-execution: off (WithCoexecution turns it on)") {
		t.Errorf("Explain without the option:\n%s", text)
	}
}

func TestCoexecutionFallsBackWhenDeviceFails(t *testing.T) {
	dev := &fakeDevice{err: fmt.Errorf("numeric: opencl: a test failure: %w", cl.ErrOutOfResources)}
	fake, _ := withFakeDevice(t, dev, nil)
	e := MustCompile("2*a+3*b**2-c/4", WithThreads(2), WithCoexecution(), fake)
	vars, dst := polyVars(1 << 20)
	if err := e.EvalInto(context.Background(), dst, vars); err != nil {
		t.Fatal(err)
	}
	for i, v := range dst {
		if want := 2*float64(i) + 0.75 - 1; v != want {
			t.Fatalf("dst[%d] = %v, want %v", i, v, want)
		}
	}
	if dev.runs.Load() != 1 {
		t.Errorf("%d device runs, want 1", dev.runs.Load())
	}
}

func TestExplainDeviceCostsNeedTheSameDevice(t *testing.T) {
	// The router checks the loaded device after its probe, and Explain says so.
	fake, src := withFakeDevice(t, &fakeDevice{}, nil)
	synthetic, _ := src.Costs()
	c := synthetic[BackendOpenCL]
	c.Device = "device A / driver 1"
	synthetic[BackendOpenCL] = c
	src.Probe = func(*ir.Program) (bool, string, error) { return true, "device B / driver 2", nil }
	large, _ := polyVars(1 << 20)
	text, err := MustCompile("2*a+3*b**2-c/4", WithThreads(2), fake).Explain(large)
	if err != nil || !strings.Contains(text, `not on "device B / driver 2": default OpenCL costs`) {
		t.Errorf("Explain with a profile from another device: %v\n%s", err, text)
	}
}

// TestAutoBroadcastRunsByRowsOnTheCPU: where the router sends a 1-D evaluation of n
// elements to the device, a broadcast evaluation of n elements still runs by rows on
// the CPU, and Choose and Explain say so (they reported the device).
func TestAutoBroadcastRunsByRowsOnTheCPU(t *testing.T) {
	dev := &fakeDevice{mark: -7}
	fake, _ := withFakeDevice(t, dev, nil)
	e := MustCompile("2*a+3*b**2-c/4", WithThreads(2), fake)
	const rows, cols = 1 << 10, 1 << 10
	vars, _ := polyVars(rows * cols)
	vars["a"] = NewArray(vars["a"], rows, cols)
	vars["b"] = vars["b"].([]float64)[:cols] // a row, broadcast over a's rows
	vars["c"] = NewArray(vars["c"], rows, cols)
	if ch, err := e.Choose(vars); err != nil || ch.Backend == BackendOpenCL || ch.Threads != 2 {
		t.Fatalf("Choose(broadcast, n=2^20) = %+v, %v; want the CPU with 2 threads", ch, err)
	}
	text, err := e.Explain(vars)
	if err != nil || !strings.Contains(text, "over contiguous runs of rows on "+BackendSIMD) && !strings.Contains(text, "rows on "+BackendGonum) {
		t.Errorf("Explain: %v\n%s", err, text)
	}
	r, err := e.Eval(context.Background(), vars)
	if err != nil {
		t.Fatal(err)
	}
	if dev.runs.Load() != 0 || r.Data.([]float64)[10] != 2*10+0.75-1 {
		t.Fatalf("%d device runs, result[10] = %v; want the CPU's 20.75", dev.runs.Load(), r.Data.([]float64)[10])
	}
	if ch, err := e.Choose(Vars{"a": vars["a"].(*Array).Data, "b": make([]float64, rows*cols), "c": vars["c"].(*Array).Data}); err != nil || ch.Backend != BackendOpenCL {
		t.Fatalf("Choose(1-D, n=2^20) = %+v, %v; want opencl", ch, err)
	}
}
