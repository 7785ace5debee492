package numeric

import (
	"github.com/numkit/numkit/numeric/internal/exec"
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

// withoutFusion turns the CPU VM's peephole fusion off.
func withoutFusion() Option { return func(o *options) { o.vm.NoFusion = true } }

// withFuseMin sets the working set from which the SIMD backend runs its fused plan
// (vm.Options.FuseMin: negative means always).
func withFuseMin(bytes int) Option { return func(o *options) { o.vm.FuseMin = bytes } }

// cpuUsable reports whether the CPU backend name can be forced here.
func cpuUsable(name string) error {
	_, err := vm.Backend(name)
	return err
}

// cpuProgram is the CPU program of e's i-th compiled signature (-1: the latest).
func cpuProgram(e *Expr, i int) *vm.Program {
	list := *e.compiled.Load()
	if i < 0 {
		i = len(list) - 1
	}
	return list[i].cpu
}
