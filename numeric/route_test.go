package numeric

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/numkit/numkit/numeric/ir"
)

// A synthetic profile: a CPU with two cores and a fast GPU behind a slow link.
var testCosts = map[string]backendCost{
	BackendSIMD:   {FixedNs: 300, ThreadNs: 5000, NsPerOp: [4]float64{0.1, 0.1, 0.5, 2}, BandwidthGBs: 20, BandwidthGBs1: 12},
	BackendGonum:  {FixedNs: 400, ThreadNs: 5000, NsPerOp: [4]float64{0.8, 1, 3, 15}, BandwidthGBs: 20, BandwidthGBs1: 12},
	BackendOpenCL: {FixedNs: 20000, NsPerOp: [4]float64{0.001, 0.001, 0.002, 0.005}, BandwidthGBs: 900, BandwidthGBs1: 900, LinkGBs: 2},
}

func triadCost() ir.Cost {
	return ir.Cost{BytesRead: 16, BytesWritten: 8, Ops: [4]int{0, 2, 0, 0}, Passes: 1}
}

func allUsable() map[string]error {
	return map[string]error{BackendSIMD: nil, BackendGonum: nil, BackendOpenCL: nil}
}

func TestRouteTinyArraysStayOnOneThread(t *testing.T) {
	in := routeInput{cost: triadCost(), n: 1000, maxThread: 2, usable: allUsable()}
	d := route(testCosts, in)
	if d.chosen.backend != BackendSIMD || d.chosen.threads != 1 {
		t.Fatalf("n=1000: chose %s with %d threads, want simd with 1", d.chosen.backend, d.chosen.threads)
	}
	if s := d.explain(in); !strings.Contains(s, "one thread: at n=1000") {
		t.Errorf("explanation lacks the one-thread reason:\n%s", s)
	}
	big := route(testCosts, routeInput{cost: triadCost(), n: 10_000_000, maxThread: 2, usable: map[string]error{
		BackendSIMD: nil, BackendGonum: nil, BackendOpenCL: errors.New("no device")}})
	if big.chosen.threads != 2 {
		t.Errorf("n=1e7: %d threads, want 2", big.chosen.threads)
	}
}

func TestRouteSlowLinkKeepsHostDataOnCPU(t *testing.T) {
	in := routeInput{cost: triadCost(), n: 20_000_000, maxThread: 2, usable: allUsable()}
	d := route(testCosts, in)
	if d.chosen.backend == BackendOpenCL {
		t.Fatalf("host data went to the GPU over a slow link:\n%s", d.explain(in))
	}
	if s := d.explain(in); !strings.Contains(s, "transfers and the kernel launch cost more than they save") {
		t.Errorf("explanation lacks the transfer reason:\n%s", s)
	}
}

func TestRouteResidentDataStaysOnDevice(t *testing.T) {
	in := routeInput{cost: triadCost(), n: 20_000_000, maxThread: 2, resident: true, usable: allUsable()}
	d := route(testCosts, in)
	if d.chosen.backend != BackendOpenCL {
		t.Fatalf("device-resident data left the device:\n%s", d.explain(in))
	}
	if s := d.explain(in); !strings.Contains(s, "chosen: opencl") || !strings.Contains(s, "simd") {
		t.Errorf("explanation:\n%s", s)
	}
}

func TestRouteNoFP64GoesToCPU(t *testing.T) {
	usable := allUsable()
	usable[BackendOpenCL] = errors.New("the device has no fp64 (cl_khr_fp64) and the expression computes in float64")
	in := routeInput{cost: triadCost(), n: 20_000_000, maxThread: 2, resident: true, usable: usable}
	d := route(testCosts, in)
	if d.chosen.backend == BackendOpenCL {
		t.Fatal("a float64 program went to a device without fp64")
	}
	if s := d.explain(in); !strings.Contains(s, "not usable: the device has no fp64") {
		t.Errorf("explanation lacks the fp64 reason:\n%s", s)
	}
}

// A CPU-device profile like PoCL's: no transfers (host memory used in place), a slow
// launch, fast streaming, and trigonometric functions ten times dearer than the SIMD
// backend's.
var pocl = backendCost{FixedNs: 30000, HostFixedNs: 20000, NsPerOp: [4]float64{0.05, 0.05, 0.3, 3},
	BandwidthGBs: 24, BandwidthGBs1: 24, FuncNs: map[string]float64{"trig/float64": 20, "exp/float64": 0.5}}

func poclCosts() map[string]backendCost {
	return map[string]backendCost{BackendSIMD: testCosts[BackendSIMD], BackendGonum: testCosts[BackendGonum], BackendOpenCL: pocl}
}

func TestRouteInPlaceDeviceTakesHostData(t *testing.T) {
	poly := ir.Cost{BytesRead: 24, BytesWritten: 8, Ops: [4]int{0, 6, 0, 0}, Passes: 1}
	in := routeInput{cost: poly, n: 20_000_000, maxThread: 2, zeroCopy: true, usable: allUsable()}
	d := route(poclCosts(), in)
	if d.chosen.backend != BackendOpenCL {
		t.Fatalf("a long element-wise expression on a device that uses host memory in place stayed on the CPU:\n%s", d.explain(in))
	}
	in.n = 1000
	d = route(poclCosts(), in)
	if d.chosen.backend == BackendOpenCL {
		t.Fatalf("n=1000 went to the device:\n%s", d.explain(in))
	}
	if s := d.explain(in); !strings.Contains(s, "uses host memory in place (no transfers), but its launch") {
		t.Errorf("explanation lacks the in-place reason:\n%s", s)
	}
}

func TestRouteFunctionFamilyCosts(t *testing.T) {
	sin := ir.Cost{BytesRead: 8, BytesWritten: 8, Ops: [4]int{0, 0, 0, 1}, Passes: 1}
	in := routeInput{cost: sin, n: 20_000_000, maxThread: 2, zeroCopy: true, usable: allUsable(),
		funcs: map[string]int{"trig/float64": 1}}
	if d := route(poclCosts(), in); d.chosen.backend == BackendOpenCL {
		t.Fatalf("sin went to a device whose sin is 10x dearer:\n%s", d.explain(in))
	}
	in.funcs = map[string]int{"exp/float64": 1}
	if d := route(poclCosts(), in); d.chosen.backend != BackendOpenCL {
		t.Fatalf("exp did not go to a device with a cheaper exp and faster streaming:\n%s", d.explain(in))
	}
}

func TestRouteReductionCost(t *testing.T) {
	dot := ir.Cost{BytesRead: 16, Ops: [4]int{0, 2, 0, 0}, Passes: 1}
	costs := poclCosts()
	in := routeInput{cost: dot, n: 20_000_000, maxThread: 2, zeroCopy: true, usable: allUsable(), reduce: 1}
	if d := route(costs, in); d.chosen.backend != BackendOpenCL {
		t.Fatalf("without a reduction cost the device should win:\n%s", d.explain(in))
	}
	c := costs[BackendOpenCL]
	c.ReduceNs = 1
	costs[BackendOpenCL] = c
	if d := route(costs, in); d.chosen.backend == BackendOpenCL {
		t.Fatalf("a device with slow reductions took a dot product:\n%s", d.explain(in))
	}
}

func TestCandidateThreads(t *testing.T) {
	tests := []struct {
		in     routeInput
		device bool
		want   []int
	}{
		{routeInput{n: 100, maxThread: 8}, false, []int{1}},
		{routeInput{n: 1 << 20, maxThread: 8}, false, []int{1, 2, 4, 8}},
		{routeInput{n: 1 << 20, maxThread: 6}, false, []int{1, 2, 4, 6}},
		{routeInput{n: 1 << 20, maxThread: 6, fixedThreads: 6}, false, []int{6}},
		{routeInput{n: 1 << 20, maxThread: 8}, true, []int{1}},
	}
	for _, tt := range tests {
		if got := candidateThreads(tt.in, tt.device); !slices.Equal(got, tt.want) {
			t.Errorf("candidateThreads(n=%d, max=%d, fixed=%d, device=%v) = %v, want %v",
				tt.in.n, tt.in.maxThread, tt.in.fixedThreads, tt.device, got, tt.want)
		}
	}
}

func TestSizeClass(t *testing.T) {
	for _, tt := range []struct{ n, k int }{{0, 0}, {1, 0}, {2, 1}, {3, 1}, {1000, 9}, {1024, 10}, {20_000_000, 24}} {
		if got := sizeClass(tt.n); got != tt.k {
			t.Errorf("sizeClass(%d) = %d, want %d", tt.n, got, tt.k)
		}
	}
}
