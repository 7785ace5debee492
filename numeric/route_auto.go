package numeric

import (
	"fmt"
	"math/bits"
	"os"
	"sync"
	"sync/atomic"

	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/internal/hw"
	"github.com/numkit/numkit/numeric/internal/opencl"
	"github.com/numkit/numkit/numeric/ir"
)

// autoRoute is what the router decided for one compiled signature, per size class:
// n in [2^k, 2^(k+1)) uses the decision made for n = 2^k (class 0 also holds n = 0).
// Each class is decided on its first evaluation, so an expression only ever used on
// small arrays never loads the OpenCL library.
type autoRoute struct {
	prog      *ir.Program
	cpu       string // the CPU backend of the compiled plan
	device    bool   // the router may choose the OpenCL device (backend auto)
	threads   int    // the most CPU threads
	autoThr   bool   // the thread count is the router's to choose
	coexec    bool   // co-execution may split an evaluation between device and CPU
	classes   [64]atomic.Uint32
	fallback  atomic.Pointer[string] // why the device failed, if it did
	broken    atomic.Bool            // the device failed: host data stays on the CPU
	deviceRun struct {               // the program for the device, compiled on first need
		once sync.Once
		prog exec.Program
		err  error
	}
}

// classChoice is the decision for one size class.
type classChoice struct {
	device  bool // host data goes to the OpenCL device
	share   int  // with co-execution: the device's share of the elements in 1/256ths (0: none)
	threads int  // CPU threads
}

// A class decision is kept encoded in a uint32: decided, device, the co-execution
// share (8 bits) and the thread count (20 bits).
const (
	classDecided = 1 << 31
	classDevice  = 1 << 30
	classShift   = 20
	classThreads = 1<<classShift - 1
)

func (ch classChoice) encode() uint32 {
	v := uint32(classDecided) | uint32(ch.share&0xFF)<<classShift | uint32(min(ch.threads, classThreads))
	if ch.device {
		v |= classDevice
	}
	return v
}

func decodeChoice(v uint32) classChoice {
	return classChoice{device: v&classDevice != 0, share: int(v>>classShift) & 0xFF, threads: int(v & classThreads)}
}

// sizeClass is the class of n: the index of its highest set bit.
func sizeClass(n int) int {
	if n <= 1 {
		return 0
	}
	return bits.Len(uint(n)) - 1
}

// choose returns the decision for n elements of host data.
func (a *autoRoute) choose(n int) classChoice {
	k := sizeClass(n)
	v := a.classes[k].Load()
	if v == 0 {
		v = a.decide(k).encode()
		a.classes[k].Store(v)
	}
	ch := decodeChoice(v)
	if a.broken.Load() {
		ch.device, ch.share = false, 0
	}
	return ch
}

// decide runs the router for n = 2^k. The OpenCL library is loaded only when the
// device would win with the most favourable assumptions (usable, no transfers), or
// when co-execution is on.
func (a *autoRoute) decide(k int) classChoice {
	n := 1 << k
	costs := mustCosts()
	in := a.input(n, false)
	d := route(costs, in)
	if a.device && (d.chosen.backend == BackendOpenCL || a.coexec) {
		in = a.input(n, true)
		costs, _ = deviceCosts(costs, in.device)
		d = route(costs, in)
	}
	ch := classChoice{device: d.chosen.backend == BackendOpenCL, threads: a.threads}
	cpu := d.estimate(a.cpu)
	if a.autoThr && cpu != nil {
		ch.threads = cpu.threads
	}
	co := a.coexecEstimate(costs, in, d)
	if co.share > 0 {
		ch.device, ch.share = false, co.share
	}
	if debugEnabled() {
		fmt.Fprintf(os.Stderr, "numkit: auto route for %q at n=2^%d: %s\n%s%s",
			a.prog.Source, k, ch.describe(a.cpu), d.explain(in), co.text)
	}
	return ch
}

// describe says where a class's evaluations run.
func (ch classChoice) describe(cpu string) string {
	switch {
	case ch.share > 0:
		return fmt.Sprintf("co-execution, %.0f%% of the elements on the OpenCL device and the rest on %s with %d thread%s",
			float64(ch.share)*100/256, cpu, ch.threads, plural(ch.threads))
	case ch.device:
		return "the OpenCL device"
	}
	return fmt.Sprintf("%s with %d thread%s", cpu, ch.threads, plural(ch.threads))
}

// input is the router's input for n elements of host data. With probe false, the
// OpenCL device is assumed usable and sharing host memory, without loading it.
func (a *autoRoute) input(n int, probe bool) routeInput {
	in := routeInput{cost: a.prog.Cost, n: n, maxThread: a.threads, cpu: a.cpu,
		funcs: programFuncs(a.prog), reduce: programReductions(a.prog)}
	if !a.autoThr {
		in.maxThread, in.fixedThreads = a.threads, a.threads
	}
	in.usable = cpuUsability()
	switch {
	case !a.device:
		in.forced = true
		in.usable[BackendOpenCL] = fmt.Errorf("the %s backend is forced", a.cpu)
	case probe:
		zeroCopy, device, err := openclProbe(a.prog)
		in.usable[BackendOpenCL], in.zeroCopy, in.device = err, zeroCopy, device
	default:
		in.usable[BackendOpenCL] = nil
		in.zeroCopy = true
	}
	return in
}

// deviceProgram returns the program for the device, compiled the first time, or the
// compile error.
func (a *autoRoute) deviceProgram() (exec.Program, error) {
	a.deviceRun.once.Do(func() { a.deviceRun.prog, a.deviceRun.err = compileForDevice(a.prog) })
	return a.deviceRun.prog, a.deviceRun.err
}

// hostOnDevice returns the device program for host data when the router chose the
// device, or nil: the CPU then runs it. A device that failed before is not used again.
func (a *autoRoute) hostOnDevice() exec.Program {
	if a.broken.Load() {
		return nil
	}
	p, err := a.deviceProgram()
	if err != nil {
		a.fail(err)
		return nil
	}
	return p
}

// fail records why the device failed; auto then keeps host data on the CPU.
func (a *autoRoute) fail(err error) {
	reason := err.Error()
	a.fallback.Store(&reason)
	a.broken.Store(true)
	if debugEnabled() {
		fmt.Fprintf(os.Stderr, "numkit: %q: the OpenCL device failed, evaluating on the CPU from now on: %s\n", a.prog.Source, reason)
	}
}

// openclProbe loads the OpenCL device and says whether it works on host memory in
// place, which device it is (openclDeviceID), and whether it can run prog (nil, or
// why not). Tests replace it.
var openclProbe = func(prog *ir.Program) (zeroCopy bool, device string, err error) {
	return opencl.Probe(prog)
}

// mustCosts is the router's costs (loadedCosts without the note).
func mustCosts() map[string]backendCost {
	c, _ := loadedCosts()
	return c
}

func debugEnabled() bool {
	cfg, _ := hw.Env()
	return cfg.Debug
}
