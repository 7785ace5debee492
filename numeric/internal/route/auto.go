package route

import (
	"fmt"
	"math/bits"
	"sync"
	"sync/atomic"
	"time"

	"github.com/numkit/numkit/asm"
	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/internal/hw"
	"github.com/numkit/numkit/numeric/ir"
)

// Auto is what the router decided for one compiled signature, per size class:
// n in [2^k, 2^(k+1)) uses the decision made for n = 2^k (class 0 also holds n = 0).
// Each class is decided on its first evaluation, so an expression only ever used on
// small arrays never loads the OpenCL library.
type Auto struct {
	Prog        *ir.Program
	CPU         string // the CPU backend of the compiled plan
	Device      bool   // the router may choose the OpenCL device (backend auto)
	Threads     int    // the most CPU threads
	AutoThreads bool   // the thread count is the router's to choose
	Coexec      bool   // co-execution may split an evaluation between device and CPU
	Src         *Sources
	classes     [64]atomic.Uint32
	meas        [64]atomic.Pointer[measure] // the measured classes' state (measure.go)
	timed       atomic.Pointer[timedDevice]
	fallback    atomic.Pointer[string] // why the device failed, if it did
	broken      atomic.Bool            // the device failed: host data stays on the CPU
	deviceRun   struct {               // the program for the device, compiled on first need
		once sync.Once
		prog exec.Program
		err  error
	}
}

// Sources are where the router gets its costs and reaches the OpenCL device: numeric
// passes the real ones, tests their own.
type Sources struct {
	// Costs are the costs in use and a note on where they come from (LoadedCosts).
	Costs func() (map[string]Cost, string)
	// Probe loads the OpenCL device and says whether it works on host memory in
	// place, which device it is, and whether it can run prog (nil, or why not).
	Probe func(prog *ir.Program) (zeroCopy bool, device string, err error)
	// Compile compiles prog for the OpenCL device.
	Compile func(prog *ir.Program) (exec.Program, error)
	// Clock times evaluations for measured routing (MachineClock, or a test's fake);
	// nil turns measuring off: the model decides every size class.
	Clock func() time.Duration
	// Recall returns a decision measured earlier (the profile's), Learn stores one;
	// either may be nil.
	Recall func(key string) (Learned, bool)
	Learn  func(key string, l Learned)
}

// ClassChoice is the decision for one size class.
type ClassChoice struct {
	Device  bool // host data goes to the OpenCL device
	Share   int  // with co-execution: the device's share of the elements in 1/256ths (0: none)
	Threads int  // CPU threads
}

// A class decision is kept encoded in a uint32: decided, device, the co-execution
// share (8 bits) and the thread count (20 bits).
const (
	classDecided   = 1 << 31
	classDevice    = 1 << 30
	classMeasuring = 1 << 29 // the class's evaluations are being timed (measure.go)
	classMeasured  = 1 << 28 // the decision was measured, not modelled
	classShift     = 20
	classThreads   = 1<<classShift - 1
)

func (ch ClassChoice) encode() uint32 {
	v := uint32(classDecided) | uint32(ch.Share&0xFF)<<classShift | uint32(min(ch.Threads, classThreads))
	if ch.Device {
		v |= classDevice
	}
	return v
}

func decodeChoice(v uint32) ClassChoice {
	return ClassChoice{Device: v&classDevice != 0, Share: int(v>>classShift) & 0xFF, Threads: int(v & classThreads)}
}

// SizeClass is the class of n: the index of its highest set bit.
func SizeClass(n int) int {
	if n <= 1 {
		return 0
	}
	return bits.Len(uint(n)) - 1
}

// Choose returns the decision for n elements of host data.
func (a *Auto) Choose(n int) ClassChoice {
	k := SizeClass(n)
	v := a.classes[k].Load()
	if v == 0 {
		if v = a.decide(k); !a.classes[k].CompareAndSwap(0, v) {
			v = a.classes[k].Load()
		}
	}
	ch := decodeChoice(v)
	switch {
	case v&classMeasuring != 0:
		if m := a.meas[k].Load(); m != nil {
			ch = m.next()
		}
	case v&classMeasured != 0:
		a.recheck(k, v)
	}
	if a.broken.Load() {
		ch.Device, ch.Share = false, 0
	}
	return ch
}

// decide runs the router for n = 2^k and returns the encoded decision. The OpenCL
// library is loaded only when the device would win with the most favourable
// assumptions (usable, no transfers), or is worth measuring, or when co-execution is
// on.
func (a *Auto) decide(k int) uint32 {
	n := 1 << k
	costs, _ := a.Src.Costs()
	in := a.RouteInput(n, false)
	d := Route(costs, in)
	if a.Device && (d.Chosen.Backend == exec.BackendOpenCL || a.Coexec || a.worthMeasuring(d)) {
		in = a.RouteInput(n, true)
		costs, _ = DeviceCosts(costs, in.Device)
		d = Route(costs, in)
	}
	ch := ClassChoice{Device: d.Chosen.Backend == exec.BackendOpenCL, Threads: a.Threads}
	cpu := d.Estimate(a.CPU)
	if a.AutoThreads && cpu != nil {
		ch.Threads = cpu.Threads
	}
	co := a.CoexecEstimate(costs, in, d)
	if co.Share > 0 {
		ch.Device, ch.Share = false, co.Share
	}
	ch, flag := a.startMeasure(k, ch, d, in.Device)
	if hw.Debugging() {
		basis := "modelled"
		switch flag {
		case classMeasuring:
			basis = "measuring the candidates on the next evaluations"
		case classMeasured:
			basis = "measured earlier, from the profile"
		}
		hw.Logger().Debug(fmt.Sprintf("numkit: auto route for %q at n=2^%d: %s (%s)\n%s%s",
			a.Prog.Source, k, ch.Describe(a.CPU), basis, d.Explain(in), co.Text))
	}
	return ch.encode() | flag
}

// Describe says where a class's evaluations run.
func (ch ClassChoice) Describe(cpu string) string {
	switch {
	case ch.Share > 0:
		return fmt.Sprintf("co-execution, %.0f%% of the elements on the OpenCL device and the rest on %s with %d thread%s",
			float64(ch.Share)*100/256, cpu, ch.Threads, plural(ch.Threads))
	case ch.Device:
		return "the OpenCL device"
	}
	return fmt.Sprintf("%s with %d thread%s", cpu, ch.Threads, plural(ch.Threads))
}

// RouteInput is the router's RouteInput for n elements of host data. With probe false, the
// OpenCL device is assumed usable and sharing host memory, without loading it.
func (a *Auto) RouteInput(n int, probe bool) Input {
	in := Input{Cost: a.Prog.Cost, N: n, MaxThread: a.Threads, CPU: a.CPU,
		Funcs: ProgramFuncs(a.Prog), Reduce: ProgramReductions(a.Prog)}
	if !a.AutoThreads {
		in.MaxThread, in.FixedThreads = a.Threads, a.Threads
	}
	in.Usable = CPUUsability()
	switch {
	case !a.Device:
		in.Forced = true
		in.Usable[exec.BackendOpenCL] = fmt.Errorf("the %s backend is forced", a.CPU)
	case probe:
		zeroCopy, device, err := a.Src.Probe(a.Prog)
		in.Usable[exec.BackendOpenCL], in.ZeroCopy, in.Device = err, zeroCopy, device
	default:
		in.Usable[exec.BackendOpenCL] = nil
		in.ZeroCopy = true
	}
	return in
}

// DeviceProgram returns the program for the device, compiled the first time, or the
// compile error.
func (a *Auto) DeviceProgram() (exec.Program, error) {
	a.deviceRun.once.Do(func() { a.deviceRun.prog, a.deviceRun.err = a.Src.Compile(a.Prog) })
	return a.deviceRun.prog, a.deviceRun.err
}

// HostOnDevice returns the device program for host data when the router chose the
// device, or nil: the CPU then runs it. A device that failed before is not used again.
func (a *Auto) HostOnDevice() exec.Program {
	if a.broken.Load() {
		return nil
	}
	p, err := a.DeviceProgram()
	if err != nil {
		a.Fail(err)
		return nil
	}
	if t := a.timed.Load(); t != nil {
		return t
	}
	a.timed.CompareAndSwap(nil, &timedDevice{a: a, p: p})
	return a.timed.Load()
}

// Fallback is why the device failed, or nil if it has not.
func (a *Auto) Fallback() *string { return a.fallback.Load() }

// Fail records why the device failed; auto then keeps host data on the CPU.
func (a *Auto) Fail(err error) {
	reason := err.Error()
	a.fallback.Store(&reason)
	a.broken.Store(true)
	hw.Logger().Warn("numkit: the OpenCL device failed, evaluating on the CPU from now on", "expr", a.Prog.Source, "err", reason)
}

// CPUUsability says, for each CPU backend, nil or why it cannot run here.
func CPUUsability() map[string]error {
	u := map[string]error{exec.BackendGonum: nil, exec.BackendSIMD: nil}
	if hw.SIMDLevel() == asm.LevelNone {
		u[exec.BackendSIMD] = fmt.Errorf("SIMD level none (%s)", hw.SIMDReason())
	}
	return u
}
