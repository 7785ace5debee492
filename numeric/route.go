package numeric

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/numkit/numkit/numeric/ir"
)

// The router's cost model. For each backend, the time to evaluate a program over n
// elements with t threads is
//
//	fixed + n * (bytes/bandwidth(t) + Σ ops_class * nsPerOp_class / t)
//
// plus, for a device backend, the transfers of inputs and output that are not already
// on the device at the measured link bandwidth, and a launch cost per pass. The
// numbers come from a calibration profile (numkit calibrate) or built-in defaults.

// backendCost is one backend's measured (or default) throughput.
type backendCost struct {
	// FixedNs is the cost of one evaluation apart from the elements: binding,
	// dispatch, a kernel launch.
	FixedNs float64 `json:"fixed_ns"`
	// ThreadNs is the extra cost of handing work to each additional thread.
	ThreadNs float64 `json:"thread_ns"`
	// NsPerOp is the time per element of one instruction of each ir.Class on one
	// thread, with the data in cache.
	NsPerOp [4]float64 `json:"ns_per_op"`
	// BandwidthGBs is the memory bandwidth for streaming inputs and outputs with all
	// threads; BandwidthGBs1 with one.
	BandwidthGBs  float64 `json:"bandwidth_gbs"`
	BandwidthGBs1 float64 `json:"bandwidth_gbs_1"`
	// LinkGBs is the host-device transfer bandwidth (device backends only).
	LinkGBs float64 `json:"link_gbs,omitempty"`
}

// defaultCosts are the built-in defaults, used until numkit calibrate has measured
// this machine. They are rough figures for a current x86 core.
var defaultCosts = map[string]backendCost{
	BackendSIMD:   {FixedNs: 400, ThreadNs: 4000, NsPerOp: [4]float64{0.08, 0.08, 0.4, 1.5}, BandwidthGBs: 20, BandwidthGBs1: 12},
	BackendGonum:  {FixedNs: 500, ThreadNs: 4000, NsPerOp: [4]float64{0.6, 0.9, 2, 12}, BandwidthGBs: 20, BandwidthGBs1: 12},
	BackendOpenCL: {FixedNs: 60000, NsPerOp: [4]float64{0.05, 0.05, 0.2, 0.5}, BandwidthGBs: 20, BandwidthGBs1: 20, LinkGBs: 8},
}

// routeInput is what the router knows about one evaluation.
type routeInput struct {
	cost      ir.Cost
	n         int
	maxThread int
	resident  bool             // the inputs are already on the device
	usable    map[string]error // nil for a usable backend, else why not
}

// estimate is one backend's predicted time.
type estimate struct {
	backend string
	threads int
	time    time.Duration
	reason  string // why it was not chosen (empty for the choice)
}

// decision is the router's choice with every backend's estimate.
type decision struct {
	chosen    estimate
	estimates []estimate
}

// predict returns the time backend b takes with t threads.
func predict(c backendCost, in routeInput, t int, device bool) float64 {
	n := float64(in.n)
	bytes := float64(in.cost.BytesRead + in.cost.BytesWritten)
	bw := c.BandwidthGBs1
	if t > 1 {
		bw = c.BandwidthGBs1 + (c.BandwidthGBs-c.BandwidthGBs1)*float64(t-1)/float64(max(in.maxThread-1, 1))
	}
	ns := c.FixedNs + float64(t-1)*c.ThreadNs
	if bw > 0 {
		ns += n * bytes / bw
	}
	var compute float64
	for class, k := range in.cost.Ops {
		compute += float64(k) * c.NsPerOp[class]
	}
	ns += n * compute / float64(t)
	if device && !in.resident && c.LinkGBs > 0 {
		ns += n * bytes / c.LinkGBs
	}
	return ns
}

// route chooses the backend and thread count with the smallest predicted time.
func route(costs map[string]backendCost, in routeInput) decision {
	var d decision
	for _, name := range []string{BackendOpenCL, BackendSIMD, BackendGonum} {
		if err := in.usable[name]; err != nil {
			d.estimates = append(d.estimates, estimate{backend: name, time: -1, reason: "not usable: " + err.Error()})
			continue
		}
		c, ok := costs[name]
		if !ok {
			c = defaultCosts[name]
		}
		device := name == BackendOpenCL
		best, bestT := math.Inf(1), 1
		threads := []int{1}
		if !device && in.n >= minParallel { // the VM keeps smaller inputs on one thread
			for t := 2; t <= in.maxThread; t *= 2 {
				threads = append(threads, t)
			}
			if in.maxThread > 1 && threads[len(threads)-1] != in.maxThread {
				threads = append(threads, in.maxThread)
			}
		}
		for _, t := range threads {
			if p := predict(c, in, t, device); p < best {
				best, bestT = p, t
			}
		}
		d.estimates = append(d.estimates, estimate{backend: name, threads: bestT, time: time.Duration(best)})
	}
	chosen := -1
	for i, e := range d.estimates {
		if e.time >= 0 && (chosen < 0 || e.time < d.estimates[chosen].time) {
			chosen = i
		}
	}
	if chosen < 0 {
		return d // gonum is always usable, so this does not happen in practice
	}
	d.chosen = d.estimates[chosen]
	for i := range d.estimates {
		e := &d.estimates[i]
		if i == chosen || e.time < 0 {
			continue
		}
		e.reason = whyNot(*e, d.chosen, in)
	}
	return d
}

// whyNot explains why estimate e lost to the chosen one.
func whyNot(e, chosen estimate, in routeInput) string {
	ratio := float64(e.time) / math.Max(float64(chosen.time), 1)
	switch {
	case e.backend == BackendOpenCL && !in.resident:
		return fmt.Sprintf("%.1f× slower: host↔device transfers and the kernel launch cost more than they save", ratio)
	case e.backend == BackendOpenCL:
		return fmt.Sprintf("%.1f× slower: the kernel launch costs more than the device saves at n=%d", ratio, in.n)
	case e.backend == BackendGonum:
		return fmt.Sprintf("%.1f× slower: portable Go loops", ratio)
	}
	return fmt.Sprintf("%.1f× slower", ratio)
}

// explain formats a decision for people.
func (d decision) explain(in routeInput) string {
	var b strings.Builder
	fmt.Fprintf(&b, "chosen: %s, %d thread%s, estimated %v for n=%d\n", d.chosen.backend,
		d.chosen.threads, plural(d.chosen.threads), d.chosen.time.Round(100*time.Nanosecond), in.n)
	if d.chosen.threads == 1 && in.maxThread > 1 && d.chosen.backend != BackendOpenCL {
		fmt.Fprintf(&b, "  one thread: at n=%d handing work to more threads costs more than it saves\n", in.n)
	}
	est := append([]estimate(nil), d.estimates...)
	sort.SliceStable(est, func(i, j int) bool { return est[i].time >= 0 && (est[j].time < 0 || est[i].time < est[j].time) })
	for _, e := range est {
		switch {
		case e.time < 0:
			fmt.Fprintf(&b, "  %-7s %s\n", e.backend, e.reason)
		case e.reason == "":
			fmt.Fprintf(&b, "  %-7s %10v  %d thread%s  (chosen)\n", e.backend, e.time.Round(100*time.Nanosecond), e.threads, plural(e.threads))
		default:
			fmt.Fprintf(&b, "  %-7s %10v  %d thread%s  %s\n", e.backend, e.time.Round(100*time.Nanosecond), e.threads, plural(e.threads), e.reason)
		}
	}
	return b.String()
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
