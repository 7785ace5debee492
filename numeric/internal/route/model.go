package route

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/internal/hw"
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

// Cost is one backend's measured (or default) throughput.
type Cost struct {
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
	// CacheGBs is the bandwidth of one thread when the data fits in cache (below
	// half the last-level cache; threads add theirs); 0 means the memory bandwidth.
	CacheGBs float64 `json:"cache_gbs,omitempty"`
	// LinkGBs is the host-device transfer bandwidth (device backends only); 0 where
	// the device works on host memory in place (no copies to make).
	LinkGBs float64 `json:"link_gbs,omitempty"`
	// HostFixedNs is a device backend's extra fixed cost when the inputs and output
	// are host memory: wrapping or allocating buffers, mapping the result.
	HostFixedNs float64 `json:"host_fixed_ns,omitempty"`
	// Device names the OpenCL device and driver a device backend's costs were measured
	// on (openclDeviceID); costs measured on another device are not used.
	Device string `json:"device,omitempty"`
	// FuncNs is the time per element on one thread of each family of transcendental
	// functions ("exp/float64", "trig/float32", ...; see funcFamily), where measured:
	// their costs differ by 10x between families and backends.
	FuncNs map[string]float64 `json:"func_ns,omitempty"`
	// ReduceNs is the extra time per element, with all threads, of a reduction over
	// an element-wise pass that streams the same bytes.
	ReduceNs float64 `json:"reduce_ns,omitempty"`
	// StreamNsPerOp is the time per element and thread of one more cheap instruction
	// when the arrays stream from memory rather than sit in cache: the block VM's
	// extra passes over each block cost more then than NsPerOp says; a fused kernel's
	// cost nothing. It replaces the move and cheap classes' costs when larger, for
	// arrays past half the last-level cache.
	StreamNsPerOp float64 `json:"stream_ns_per_op,omitempty"`
}

// funcFamily groups the transcendental ops whose cost is alike on every backend:
// exp-like, log-like, trigonometric and pow; "" for an op of another class.
func funcFamily(op ir.Op) string {
	switch op {
	case ir.OpExp, ir.OpExpm1, ir.OpExp2, ir.OpSinh, ir.OpCosh, ir.OpTanh:
		return "exp"
	case ir.OpLog, ir.OpLog1p, ir.OpLog2, ir.OpLog10, ir.OpAsinh, ir.OpAcosh, ir.OpAtanh:
		return "log"
	case ir.OpSin, ir.OpCos, ir.OpTan, ir.OpAsin, ir.OpAcos, ir.OpAtan, ir.OpAtan2:
		return "trig"
	case ir.OpPow:
		return "pow"
	}
	return ""
}

// FamilyExprs are the expressions calibration times for each function family, with
// their number of array inputs.
var FamilyExprs = []struct {
	Family, Src string
	Inputs      int
}{
	{"exp", "exp(a)", 1}, {"log", "log(a)", 1}, {"trig", "sin(a)", 1}, {"pow", "a**b", 2},
}

// ProgramFuncs counts prog's vector instructions of each function family, keyed
// "family/type" as backendCost.FuncNs is.
func ProgramFuncs(prog *ir.Program) map[string]int {
	var m map[string]int
	for _, st := range prog.Stages {
		for _, in := range st.Vector {
			if f := funcFamily(in.Op); f != "" {
				if m == nil {
					m = map[string]int{}
				}
				m[f+"/"+prog.Regs[in.Dst].Type.String()]++
			}
		}
	}
	return m
}

// ProgramReductions counts prog's reductions over elements.
func ProgramReductions(prog *ir.Program) int {
	k := 0
	for _, st := range prog.Stages {
		k += len(st.Reductions)
	}
	return k
}

// DefaultCosts are the built-in defaults, used until numkit calibrate has measured
// this machine: rounded from a calibration of a 2-core Sapphire Rapids VM with PoCL
// (2026-11-22), except that the device's link is a PCIe-like 8 GB/s (no cost on a
// device that uses host memory in place). The device's functions are priced as PoCL's
// on the CPU, which keeps transcendental work on the CPU backends until a calibration
// shows a device that is faster at it.
var DefaultCosts = map[string]Cost{
	exec.BackendSIMD: {FixedNs: 450, ThreadNs: 2000, NsPerOp: [4]float64{0.3, 0.3, 0.8, 1.5}, BandwidthGBs: 23, BandwidthGBs1: 14,
		CacheGBs: 1000, StreamNsPerOp: 0.4, FuncNs: map[string]float64{"exp/float32": 1, "trig/float64": 3, "pow/float64": 35, "pow/float32": 25}},
	exec.BackendGonum: {FixedNs: 400, ThreadNs: 2000, NsPerOp: [4]float64{0.4, 0.4, 0.8, 8}, BandwidthGBs: 25, BandwidthGBs1: 14,
		CacheGBs: 1000, StreamNsPerOp: 0.45, ReduceNs: 0.15, FuncNs: map[string]float64{"exp/float64": 16, "exp/float32": 19,
			"log/float64": 16, "log/float32": 19, "trig/float64": 16, "trig/float32": 19, "pow/float64": 90, "pow/float32": 90}},
	exec.BackendOpenCL: {FixedNs: 36000, HostFixedNs: 30000, NsPerOp: [4]float64{0, 0, 0.2, 3.5}, BandwidthGBs: 23, BandwidthGBs1: 23,
		CacheGBs: 25, LinkGBs: 8, FuncNs: map[string]float64{"exp/float64": 3.5, "exp/float32": 1.1,
			"log/float64": 15, "log/float32": 12, "trig/float64": 12, "trig/float32": 16, "pow/float64": 100, "pow/float32": 100}},
}

// Input is what the router knows about one evaluation.
type Input struct {
	Cost         ir.Cost
	N            int
	MaxThread    int
	Resident     bool             // the inputs are already on the device
	ZeroCopy     bool             // the device works on host memory in place
	Device       string           // the loaded OpenCL device (openclDeviceID); "" before a probe
	CPU          string           // the one CPU backend that may be chosen ("": any)
	FixedThreads int              // the thread count the user fixed (0: the router's choice)
	Forced       bool             // cpu was forced by the user (only threads are chosen)
	Funcs        map[string]int   // transcendental instructions by family (programFuncs)
	Reduce       int              // reductions over the elements
	Usable       map[string]error // nil for a usable backend, else why not
}

// Estimate is one backend's predicted time.
type Estimate struct {
	Backend string
	Threads int
	Time    time.Duration
	Reason  string // why it was not chosen (empty for the choice)
}

// Decision is the router's choice with every backend's estimate.
type Decision struct {
	Chosen    Estimate
	Estimates []Estimate
}

// predict returns the time backend b takes with t threads.
func predict(c Cost, in Input, t int, device bool) float64 {
	n := float64(in.N)
	bytes := float64(in.Cost.BytesRead + in.Cost.BytesWritten)
	streaming := n*bytes >= float64(hw.StreamMin())
	bw := c.BandwidthGBs1
	switch {
	case !streaming && c.CacheGBs > 0:
		bw = c.CacheGBs * float64(t)
	case t > 1:
		bw = c.BandwidthGBs1 + (c.BandwidthGBs-c.BandwidthGBs1)*float64(t-1)/float64(max(in.MaxThread-1, 1))
	}
	ns := c.FixedNs + float64(t-1)*c.ThreadNs
	if bw > 0 {
		ns += n * bytes / bw
	}
	var compute float64
	for class, k := range in.Cost.Ops {
		perOp := c.NsPerOp[class]
		if streaming && class <= int(ir.ClassCheap) {
			perOp = max(perOp, c.StreamNsPerOp)
		}
		compute += float64(k) * perOp
	}
	for key, k := range in.Funcs {
		if f, ok := c.FuncNs[key]; ok {
			compute += float64(k) * (f - c.NsPerOp[ir.ClassTranscend])
		}
	}
	ns += n * compute / float64(t)
	ns += n * float64(in.Reduce) * c.ReduceNs
	if device && !in.Resident {
		ns += c.HostFixedNs
		if !in.ZeroCopy && c.LinkGBs > 0 {
			ns += n * bytes / c.LinkGBs
		}
	}
	return ns
}

// Route chooses the backend and thread count with the smallest predicted time.
// Every backend gets an estimate; only OpenCL and in.cpu (when set) can be chosen.
func Route(costs map[string]Cost, in Input) Decision {
	var d Decision
	for _, name := range []string{exec.BackendOpenCL, exec.BackendSIMD, exec.BackendGonum} {
		if err := in.Usable[name]; err != nil {
			d.Estimates = append(d.Estimates, Estimate{Backend: name, Time: -1, Reason: "not usable: " + err.Error()})
			continue
		}
		c := costOf(costs, name)
		device := name == exec.BackendOpenCL
		best, bestT := math.Inf(1), 1
		for _, t := range candidateThreads(in, device) {
			if p := predict(c, in, t, device); p < best {
				best, bestT = p, t
			}
		}
		d.Estimates = append(d.Estimates, Estimate{Backend: name, Threads: bestT, Time: time.Duration(best)})
	}
	eligible := func(e Estimate) bool {
		return e.Time >= 0 && (e.Backend == exec.BackendOpenCL || in.CPU == "" || e.Backend == in.CPU)
	}
	chosen := -1
	for i, e := range d.Estimates {
		if eligible(e) && (chosen < 0 || e.Time < d.Estimates[chosen].Time) {
			chosen = i
		}
	}
	if chosen < 0 {
		return d // a CPU backend is always usable, so this does not happen in practice
	}
	d.Chosen = d.Estimates[chosen]
	for i := range d.Estimates {
		e := &d.Estimates[i]
		switch {
		case i == chosen || e.Time < 0:
		case !eligible(*e) && in.Forced:
			e.Reason = fmt.Sprintf("not chosen: the %s backend is forced", in.CPU)
		case !eligible(*e) && e.Time < d.Chosen.Time:
			e.Reason = fmt.Sprintf("not chosen under auto: the %s backend runs the same program with vector kernels", in.CPU)
		default:
			e.Reason = whyNot(*e, d.Chosen, in)
		}
	}
	return d
}

// costOf is backend name's costs: from costs, else the built-in defaults.
func costOf(costs map[string]Cost, name string) Cost {
	if c, ok := costs[name]; ok {
		return c
	}
	return DefaultCosts[name]
}

// candidateThreads lists the thread counts to consider: one for a device and for
// inputs the VM keeps on one thread, else powers of two up to maxThread (or the count
// the user fixed).
func candidateThreads(in Input, device bool) []int {
	threads := []int{1}
	if device || in.N < exec.MinParallel {
		return threads
	}
	if in.FixedThreads > 0 {
		return []int{in.FixedThreads}
	}
	for t := 2; t <= in.MaxThread; t *= 2 {
		threads = append(threads, t)
	}
	if in.MaxThread > 1 && threads[len(threads)-1] != in.MaxThread {
		threads = append(threads, in.MaxThread)
	}
	return threads
}

// Estimate returns the Estimate for backend name, nil if there is none.
func (d Decision) Estimate(name string) *Estimate {
	for i := range d.Estimates {
		if d.Estimates[i].Backend == name && d.Estimates[i].Time >= 0 {
			return &d.Estimates[i]
		}
	}
	return nil
}

// whyNot explains why estimate e lost to the chosen one.
func whyNot(e, chosen Estimate, in Input) string {
	ratio := float64(e.Time) / math.Max(float64(chosen.Time), 1)
	switch {
	case e.Backend == exec.BackendOpenCL && !in.Resident && !in.ZeroCopy:
		return fmt.Sprintf("%.1f× slower: host↔device transfers and the kernel launch cost more than they save", ratio)
	case e.Backend == exec.BackendOpenCL && !in.Resident:
		return fmt.Sprintf("%.1f× slower: the device uses host memory in place (no transfers), but its launch and per-element costs are higher here at n=%d", ratio, in.N)
	case e.Backend == exec.BackendOpenCL:
		return fmt.Sprintf("%.1f× slower: the kernel launch costs more than the device saves at n=%d", ratio, in.N)
	case e.Backend == exec.BackendGonum:
		return fmt.Sprintf("%.1f× slower: portable Go loops", ratio)
	}
	return fmt.Sprintf("%.1f× slower", ratio)
}

// Explain formats a decision for people.
func (d Decision) Explain(in Input) string {
	var b strings.Builder
	fmt.Fprintf(&b, "chosen: %s, %s, estimated %v for n=%d\n", d.Chosen.Backend, d.Chosen.where(),
		d.Chosen.Time.Round(100*time.Nanosecond), in.N)
	if d.Chosen.Threads == 1 && in.MaxThread > 1 && d.Chosen.Backend != exec.BackendOpenCL {
		fmt.Fprintf(&b, "  one thread: at n=%d handing work to more threads costs more than it saves\n", in.N)
	}
	est := append([]Estimate(nil), d.Estimates...)
	sort.SliceStable(est, func(i, j int) bool { return est[i].Time >= 0 && (est[j].Time < 0 || est[i].Time < est[j].Time) })
	for _, e := range est {
		switch {
		case e.Time < 0:
			fmt.Fprintf(&b, "  %-7s %s\n", e.Backend, e.Reason)
		case e.Reason == "":
			fmt.Fprintf(&b, "  %-7s %10v  %-9s  (chosen)\n", e.Backend, e.Time.Round(100*time.Nanosecond), e.where())
		default:
			fmt.Fprintf(&b, "  %-7s %10v  %-9s  %s\n", e.Backend, e.Time.Round(100*time.Nanosecond), e.where(), e.Reason)
		}
	}
	return b.String()
}

// where says where an estimate runs: on the device, or on how many threads.
func (e Estimate) where() string {
	if e.Backend == exec.BackendOpenCL {
		return "device"
	}
	return fmt.Sprintf("%d thread%s", e.Threads, plural(e.Threads))
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
