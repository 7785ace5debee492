package numeric

import (
	"math/rand/v2"
	"testing"

	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/internal/opencl"
	"github.com/numkit/numkit/numeric/internal/route"
	"github.com/numkit/numkit/numeric/internal/stats"
	"github.com/numkit/numkit/numeric/internal/vm"
)

// Test hooks: options and helpers only tests use, so that production code carries no
// package variables for them.

const (
	blockSize   = exec.BlockSize
	minParallel = exec.MinParallel
)

// momentsKernel forces the moments block kernel's mode.
func momentsKernel(k stats.Kernel) MomentsOption {
	return func(c *momentsConfig) { c.kernel = k }
}

// The package's tests route by the model alone on the machine's sources: without a
// clock no evaluation is timed, so no choice depends on the wall clock or on what an
// earlier run stored in the user's profile (nothing is recalled or written there).
// Measured routing is tested with fake clocks and devices (route_measure_test.go,
// internal/route/measure_test.go).
func init() {
	machine.Clock, machine.Recall, machine.Learn = nil, nil, nil
}

// withoutFusion turns the CPU VM's peephole fusion off.
func withoutFusion() Option { return func(o *options) { o.vm.NoFusion = true } }

// withFuseMin sets the working set from which the SIMD backend runs its fused plan
// (vm.Options.FuseMin: negative means always).
func withFuseMin(bytes int) Option { return func(o *options) { o.vm.FuseMin = bytes } }

// withChainMin sets the working set from which the SIMD backend runs stages as
// chains (vm.Options.ChainMin: negative means always).
func withChainMin(bytes int) Option { return func(o *options) { o.vm.ChainMin = bytes } }

// withSources gives the router costs and a device of the test's.
func withSources(s *route.Sources) Option { return func(o *options) { o.sources = s } }

// cpuUsable reports whether the CPU backend name can be forced here.
func cpuUsable(name string) error {
	_, err := vm.BackendFor(name)
	return err
}

// cpuBackends are the CPU backends this build runs: gonum, and simd unless the build
// has no assembly (-tags noasm) or the CPU no vector unit.
func cpuBackends() []string {
	if cpuUsable(BackendSIMD) != nil {
		return []string{BackendGonum}
	}
	return []string{BackendGonum, BackendSIMD}
}

// cpuBest is the fastest CPU backend this build runs: simd, or gonum where it has none
// (the CPU backends give the same bits, so either is the device's reference).
func cpuBest() string {
	b := cpuBackends()
	return b[len(b)-1]
}

// cpuProgram is the CPU program of e's i-th compiled signature (-1: the latest).
func cpuProgram(e *Expr, i int) *vm.Program {
	list := *e.compiled.Load()
	if i < 0 {
		i = len(list) - 1
	}
	return list[i].cpu
}

// clTestDevice returns the process's OpenCL device, skipping the test (or failing it
// under NUMKIT_REQUIRE_OPENCL=1) when there is none.
func clTestDevice(t *testing.T) *opencl.Device {
	t.Helper()
	requireOpenCL(t)
	d, err := opencl.Default()
	if err != nil {
		t.Fatalf("OpenCL is available but the backend is not usable: %v", err)
	}
	return d
}

// clWithChunkLen makes the device process host arrays in chunks of n elements for the
// rest of the test.
func clWithChunkLen(t *testing.T, d *opencl.Device, n int) {
	t.Helper()
	old := d.SetChunkLen(n)
	t.Cleanup(func() { d.SetChunkLen(old) })
}

func clRandom(n int, seed uint64) []float64 {
	r := rand.New(rand.NewPCG(seed, 7))
	x := make([]float64, n)
	for i := range x {
		x[i] = r.Float64()*2 - 1
	}
	return x
}

// openclShapedRuns and openclAxisRuns count the shaped evaluations and axis
// reductions the OpenCL device ran with its inputs in place (no host gather).
func openclShapedRuns() int64 { return opencl.ShapedRuns() }
func openclAxisRuns() int64   { return opencl.AxisRuns() }
