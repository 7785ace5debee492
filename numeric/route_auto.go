package numeric

import (
	"context"
	"errors"
	"fmt"
	"math/bits"
	"os"
	"sync"
	"sync/atomic"

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
	classes   [64]atomic.Uint32
	fallback  atomic.Pointer[string] // why the device failed, if it did
	broken    atomic.Bool            // the device failed: host data stays on the CPU
	deviceRun struct {               // the program for the device, compiled on first need
		once sync.Once
		prog deviceProgram
		err  error
	}
}

// An encoded class decision: decided, on the device, and the CPU thread count.
const (
	classDecided = 1 << 31
	classDevice  = 1 << 30
)

// sizeClass is the class of n: the index of its highest set bit.
func sizeClass(n int) int {
	if n <= 1 {
		return 0
	}
	return bits.Len(uint(n)) - 1
}

// choose returns whether to evaluate n elements of host data on the device, and the
// CPU thread count otherwise.
func (a *autoRoute) choose(n int) (device bool, threads int) {
	k := sizeClass(n)
	v := a.classes[k].Load()
	if v == 0 {
		v = a.decide(k)
		a.classes[k].Store(v)
	}
	return v&classDevice != 0, int(v &^ (classDecided | classDevice))
}

// decide runs the router for n = 2^k. The OpenCL library is loaded only when the
// device would win with the most favourable assumptions (usable, no transfers).
func (a *autoRoute) decide(k int) uint32 {
	n := 1 << k
	in := a.input(n, false)
	d := route(mustCosts(), in)
	if d.chosen.backend == BackendOpenCL && a.device {
		in = a.input(n, true)
		d = route(mustCosts(), in)
	}
	v := uint32(classDecided)
	threads := a.threads
	if a.autoThr {
		threads = 1
		if d.chosen.backend != BackendOpenCL {
			threads = d.chosen.threads
		} else if cpu := d.estimate(a.cpu); cpu != nil {
			threads = cpu.threads
		}
	}
	if d.chosen.backend == BackendOpenCL {
		v |= classDevice
	}
	if debugEnabled() {
		fmt.Fprintf(os.Stderr, "numkit: auto route for %q at n=2^%d: %s, %d thread%s\n%s",
			a.prog.Source, k, d.chosen.backend, d.chosen.threads, plural(d.chosen.threads), d.explain(in))
	}
	return v | uint32(min(threads, 1<<20))
}

// input is the router's input for n elements of host data. With probe false, the
// OpenCL device is assumed usable and sharing host memory, without loading it.
func (a *autoRoute) input(n int, probe bool) routeInput {
	in := routeInput{cost: a.prog.Cost, n: n, maxThread: a.threads, cpu: a.cpu,
		funcs: programFuncs(a.prog), reduce: programReductions(a.prog)}
	if !a.autoThr {
		in.maxThread, in.minThread = a.threads, a.threads
	}
	in.usable = cpuUsability()
	switch {
	case !a.device:
		in.forced = true
		in.usable[BackendOpenCL] = fmt.Errorf("the %s backend is forced", a.cpu)
	case probe:
		zeroCopy, err := openclProbe(a.prog)
		in.usable[BackendOpenCL], in.zeroCopy = err, zeroCopy
	default:
		in.usable[BackendOpenCL] = nil
		in.zeroCopy = true
	}
	return in
}

// deviceProgram returns the program for the device, compiled the first time, or the
// compile error.
func (a *autoRoute) deviceProgram() (deviceProgram, error) {
	a.deviceRun.once.Do(func() { a.deviceRun.prog, a.deviceRun.err = compileForDevice(a.prog) })
	return a.deviceRun.prog, a.deviceRun.err
}

// hostOnDevice returns the device program for host data when the router chose the
// device, or nil: the CPU then runs it. A device that failed before is not used again.
func (a *autoRoute) hostOnDevice() deviceProgram {
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

// deviceFault reports whether err, from an evaluation on the device, is the device's
// failure (the CPU may succeed) rather than the caller's (a cancelled context, an empty
// min or max), which the CPU would return as well.
func deviceFault(err error) bool {
	return err != nil && !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) &&
		!errors.Is(err, ErrEmpty) && !errors.Is(err, ErrShape) && !errors.Is(err, ErrType)
}

// openclProbe loads the OpenCL device and says whether it works on host memory in
// place, and whether it can run prog (nil, or why not). Tests replace it.
var openclProbe = func(prog *ir.Program) (zeroCopy bool, err error) {
	return openclZeroCopy(), openclUsability(prog)
}

// openclZeroCopy reports whether the OpenCL device works on host memory in place.
func openclZeroCopy() bool {
	d, err := openclState()
	return err == nil && d.dev.UnifiedMemory
}

// mustCosts is the router's costs (loadedCosts without the note).
func mustCosts() map[string]backendCost {
	c, _ := loadedCosts()
	return c
}

func debugEnabled() bool {
	cfg, _ := envConfig()
	return cfg.Debug
}
