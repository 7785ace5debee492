package numeric

import (
	"errors"
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
