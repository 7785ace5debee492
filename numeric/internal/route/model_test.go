package route

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/ir"
)

// A synthetic profile: a CPU with two cores and a fast GPU behind a slow link.
var testCosts = map[string]Cost{
	exec.BackendSIMD:   {FixedNs: 300, ThreadNs: 5000, NsPerOp: [4]float64{0.1, 0.1, 0.5, 2}, BandwidthGBs: 20, BandwidthGBs1: 12},
	exec.BackendGonum:  {FixedNs: 400, ThreadNs: 5000, NsPerOp: [4]float64{0.8, 1, 3, 15}, BandwidthGBs: 20, BandwidthGBs1: 12},
	exec.BackendOpenCL: {FixedNs: 20000, NsPerOp: [4]float64{0.001, 0.001, 0.002, 0.005}, BandwidthGBs: 900, BandwidthGBs1: 900, LinkGBs: 2},
}

func triadCost() ir.Cost {
	return ir.Cost{BytesRead: 16, BytesWritten: 8, Ops: [4]int{0, 2, 0, 0}, Passes: 1}
}

func allUsable() map[string]error {
	return map[string]error{exec.BackendSIMD: nil, exec.BackendGonum: nil, exec.BackendOpenCL: nil}
}

func TestRouteTinyArraysStayOnOneThread(t *testing.T) {
	in := Input{Cost: triadCost(), N: 1000, MaxThread: 2, Usable: allUsable()}
	d := Route(testCosts, in)
	if d.Chosen.Backend != exec.BackendSIMD || d.Chosen.Threads != 1 {
		t.Fatalf("n=1000: chose %s with %d threads, want simd with 1", d.Chosen.Backend, d.Chosen.Threads)
	}
	if s := d.Explain(in); !strings.Contains(s, "one thread: at n=1000") {
		t.Errorf("explanation lacks the one-thread reason:\n%s", s)
	}
	big := Route(testCosts, Input{Cost: triadCost(), N: 10_000_000, MaxThread: 2, Usable: map[string]error{
		exec.BackendSIMD: nil, exec.BackendGonum: nil, exec.BackendOpenCL: errors.New("no device")}})
	if big.Chosen.Threads != 2 {
		t.Errorf("n=1e7: %d threads, want 2", big.Chosen.Threads)
	}
}

func TestRouteSlowLinkKeepsHostDataOnCPU(t *testing.T) {
	in := Input{Cost: triadCost(), N: 20_000_000, MaxThread: 2, Usable: allUsable()}
	d := Route(testCosts, in)
	if d.Chosen.Backend == exec.BackendOpenCL {
		t.Fatalf("host data went to the GPU over a slow link:\n%s", d.Explain(in))
	}
	if s := d.Explain(in); !strings.Contains(s, "transfers and the kernel launch cost more than they save") {
		t.Errorf("explanation lacks the transfer reason:\n%s", s)
	}
}

func TestRouteResidentDataStaysOnDevice(t *testing.T) {
	in := Input{Cost: triadCost(), N: 20_000_000, MaxThread: 2, Resident: true, Usable: allUsable()}
	d := Route(testCosts, in)
	if d.Chosen.Backend != exec.BackendOpenCL {
		t.Fatalf("device-resident data left the device:\n%s", d.Explain(in))
	}
	if s := d.Explain(in); !strings.Contains(s, "chosen: opencl") || !strings.Contains(s, "simd") {
		t.Errorf("explanation:\n%s", s)
	}
}

func TestRouteNoFP64GoesToCPU(t *testing.T) {
	usable := allUsable()
	usable[exec.BackendOpenCL] = errors.New("the device has no fp64 (cl_khr_fp64) and the expression computes in float64")
	in := Input{Cost: triadCost(), N: 20_000_000, MaxThread: 2, Resident: true, Usable: usable}
	d := Route(testCosts, in)
	if d.Chosen.Backend == exec.BackendOpenCL {
		t.Fatal("a float64 program went to a device without fp64")
	}
	if s := d.Explain(in); !strings.Contains(s, "not usable: the device has no fp64") {
		t.Errorf("explanation lacks the fp64 reason:\n%s", s)
	}
}

// A CPU-device profile like PoCL's: no transfers (host memory used in place), a slow
// launch, fast streaming, and trigonometric functions ten times dearer than the SIMD
// backend's.
var pocl = Cost{FixedNs: 30000, HostFixedNs: 20000, NsPerOp: [4]float64{0.05, 0.05, 0.3, 3},
	BandwidthGBs: 24, BandwidthGBs1: 24, FuncNs: map[string]float64{"trig/float64": 20, "exp/float64": 0.5}}

func poclCosts() map[string]Cost {
	return map[string]Cost{exec.BackendSIMD: testCosts[exec.BackendSIMD], exec.BackendGonum: testCosts[exec.BackendGonum], exec.BackendOpenCL: pocl}
}

func TestRouteInPlaceDeviceTakesHostData(t *testing.T) {
	poly := ir.Cost{BytesRead: 24, BytesWritten: 8, Ops: [4]int{0, 6, 0, 0}, Passes: 1}
	in := Input{Cost: poly, N: 20_000_000, MaxThread: 2, ZeroCopy: true, Usable: allUsable()}
	d := Route(poclCosts(), in)
	if d.Chosen.Backend != exec.BackendOpenCL {
		t.Fatalf("a long element-wise expression on a device that uses host memory in place stayed on the CPU:\n%s", d.Explain(in))
	}
	in.N = 1000
	d = Route(poclCosts(), in)
	if d.Chosen.Backend == exec.BackendOpenCL {
		t.Fatalf("n=1000 went to the device:\n%s", d.Explain(in))
	}
	if s := d.Explain(in); !strings.Contains(s, "uses host memory in place (no transfers), but its launch") {
		t.Errorf("explanation lacks the in-place reason:\n%s", s)
	}
}

func TestRouteFunctionFamilyCosts(t *testing.T) {
	sin := ir.Cost{BytesRead: 8, BytesWritten: 8, Ops: [4]int{0, 0, 0, 1}, Passes: 1}
	in := Input{Cost: sin, N: 20_000_000, MaxThread: 2, ZeroCopy: true, Usable: allUsable(),
		Funcs: map[string]int{"trig/float64": 1}}
	if d := Route(poclCosts(), in); d.Chosen.Backend == exec.BackendOpenCL {
		t.Fatalf("sin went to a device whose sin is 10x dearer:\n%s", d.Explain(in))
	}
	in.Funcs = map[string]int{"exp/float64": 1}
	if d := Route(poclCosts(), in); d.Chosen.Backend != exec.BackendOpenCL {
		t.Fatalf("exp did not go to a device with a cheaper exp and faster streaming:\n%s", d.Explain(in))
	}
}

func TestRouteReductionCost(t *testing.T) {
	dot := ir.Cost{BytesRead: 16, Ops: [4]int{0, 2, 0, 0}, Passes: 1}
	costs := poclCosts()
	in := Input{Cost: dot, N: 20_000_000, MaxThread: 2, ZeroCopy: true, Usable: allUsable(), Reduce: 1}
	if d := Route(costs, in); d.Chosen.Backend != exec.BackendOpenCL {
		t.Fatalf("without a reduction cost the device should win:\n%s", d.Explain(in))
	}
	c := costs[exec.BackendOpenCL]
	c.ReduceNs = 1
	costs[exec.BackendOpenCL] = c
	if d := Route(costs, in); d.Chosen.Backend == exec.BackendOpenCL {
		t.Fatalf("a device with slow reductions took a dot product:\n%s", d.Explain(in))
	}
}

func TestCandidateThreads(t *testing.T) {
	tests := []struct {
		in     Input
		device bool
		want   []int
	}{
		{Input{N: 100, MaxThread: 8}, false, []int{1}},
		{Input{N: 1 << 20, MaxThread: 8}, false, []int{1, 2, 4, 8}},
		{Input{N: 1 << 20, MaxThread: 6}, false, []int{1, 2, 4, 6}},
		{Input{N: 1 << 20, MaxThread: 6, FixedThreads: 6}, false, []int{6}},
		{Input{N: 1 << 20, MaxThread: 8}, true, []int{1}},
	}
	for _, tt := range tests {
		if got := candidateThreads(tt.in, tt.device); !slices.Equal(got, tt.want) {
			t.Errorf("candidateThreads(n=%d, max=%d, fixed=%d, device=%v) = %v, want %v",
				tt.in.N, tt.in.MaxThread, tt.in.FixedThreads, tt.device, got, tt.want)
		}
	}
}

func TestSizeClass(t *testing.T) {
	for _, tt := range []struct{ n, k int }{{0, 0}, {1, 0}, {2, 1}, {3, 1}, {1000, 9}, {1024, 10}, {20_000_000, 24}} {
		if got := SizeClass(tt.n); got != tt.k {
			t.Errorf("sizeClass(%d) = %d, want %d", tt.n, got, tt.k)
		}
	}
}
