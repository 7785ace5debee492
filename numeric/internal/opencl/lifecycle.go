package opencl

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/numkit/numkit/cl"
)

// The life of built programs and kernels. A built program is shared by the program
// cache and every compiled expression (Program) made from it, and each Program keeps
// a few idle kernel sets; none of them is released while an expression may still run.
// They are released as soon as nothing refers to them: the program when both the
// cache has evicted it and its Programs are gone, the kernels when their Program is
// gone. Because the driver's memory for them (pocl: hundreds of kB a program) is
// invisible to Go's collector, which under expression churn with a flat Go heap
// would seldom run, every gcEvery builds start a collection, so the releases of
// dropped expressions happen while the process churns rather than never.

// gcEvery is how many program builds start one garbage collection.
const gcEvery = 16

// Counters of driver objects, for tests and diagnostics.
var (
	programsBuilt, programsReleased atomic.Int64
	kernelsCreated, kernelsReleased atomic.Int64
)

// builtProgram is a built cl.Program, released once unreachable.
type builtProgram struct{ p *cl.Program }

func newBuiltProgram(p *cl.Program) *builtProgram {
	b := &builtProgram{p: p}
	runtime.AddCleanup(b, releaseProgram, p)
	if programsBuilt.Add(1)%gcEvery == 0 {
		go runtime.GC()
	}
	return b
}

func releaseProgram(p *cl.Program) {
	_ = p.Release()
	programsReleased.Add(1)
}

// kernelPool is a Program's idle kernel sets: one kernel per stage (nil where none).
type kernelPool struct {
	mu       sync.Mutex
	idle     [][]*cl.Kernel
	released bool
}

func newKernelPool() *kernelPool { return &kernelPool{} }

// take returns an idle set, or nil.
func (kp *kernelPool) take() []*cl.Kernel {
	kp.mu.Lock()
	defer kp.mu.Unlock()
	n := len(kp.idle)
	if n == 0 {
		return nil
	}
	ks := kp.idle[n-1]
	kp.idle = kp.idle[:n-1]
	return ks
}

// put keeps ks for reuse and reports whether it did (at most maxIdleKernelSets).
func (kp *kernelPool) put(ks []*cl.Kernel) bool {
	kp.mu.Lock()
	defer kp.mu.Unlock()
	if kp.released || len(kp.idle) >= maxIdleKernelSets {
		return false
	}
	kp.idle = append(kp.idle, ks)
	return true
}

// release releases the idle sets; the Program is gone.
func (kp *kernelPool) release() {
	kp.mu.Lock()
	idle := kp.idle
	kp.idle, kp.released = nil, true
	kp.mu.Unlock()
	for _, ks := range idle {
		releaseKernels(ks)
	}
}

// Live returns the numbers of built programs and kernels not yet released.
func Live() (programs, kernels int64) {
	return programsBuilt.Load() - programsReleased.Load(), kernelsCreated.Load() - kernelsReleased.Load()
}
