// Package vm is numkit's CPU backend: a block VM that runs an IR program over blocks
// of exec.BlockSize elements with a pool of worker goroutines, with two kernel tables
// (gonum: portable Go from internal/generic; simd: package asm's kernels where they
// exist), dot-product and peephole fusion (fuse.go), and reductions combined in a fixed
// tree so that results do not depend on the thread count. Program implements
// exec.Program.
package vm

import (
	"context"
	"fmt"
	"math"
	"sync"
	"unsafe"

	"github.com/numkit/numkit/asm"
	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/internal/hw"
	"github.com/numkit/numkit/numeric/ir"
)

// Options tune how a program is planned; the zero value is what evaluations use.
// Tests set the others.
type Options struct {
	// NoFusion turns peephole fusion off (tests compare fused and unfused plans).
	NoFusion bool
	// FuseMin is the smallest working set, in bytes, for which the SIMD backend runs
	// its fused plan: 0 means the L2 cache's size (past it one pass over every input
	// beats several vector passes over blocks; measured at n = 10^5 and 2·10^7); a
	// negative value means always.
	FuseMin int
	// Fast is the fast accuracy mode, on the SIMD backend only: the functions with a
	// fast kernel run it (simdFastKernels, within 4 ULP), and x*y + z, x*s ± y and
	// x*s ± t run as fused multiply-adds (one rounding; fastFusions).
	Fast bool
	// Block is how many elements each pass of a stage's vector code runs over, at
	// most exec.BlockSize, whatever the size: 0 (or out of range) chooses it from the
	// L1 data cache (subBlock) for working sets in cache and takes whole blocks for
	// those that stream from memory (wholeMin). Blocks stay exec.BlockSize elements
	// (their partials fix the order of the sums); the vector code runs over each in
	// passes of this length.
	Block int
	// StreamMin is the smallest result, in bytes, that the SIMD backend writes with
	// non-temporal stores (asm.StreamCopy from an L1 buffer): 0 means
	// hw.NonTemporalMin (about the last-level cache's size), a negative value always
	// (tests), on any backend.
	StreamMin int
	// NoChain turns chains off (chain.go; tests compare with the chain plans), and
	// ChainMin, when not 0, is the smallest working set in bytes that runs them
	// (negative: every size) instead of the streaming threshold.
	NoChain  bool
	ChainMin int
	chains   bool // the chain plan's (newChainPlan)
	// NoLazy evaluates both operands of every where over every pass (tests compare
	// with the lazy plans of lazy.go).
	NoLazy bool
}

// Program is an IR program bound to one CPU backend's kernels.
type Program struct {
	prog *ir.Program
	name string
	plan *plan
	runs sync.Pool // of *run
	// streamPlan, when not nil, is the plan with fusion for working sets past
	// fuseMin (streamRuns pools its runs).
	streamPlan *plan
	streamRuns sync.Pool
	// chainPlan, when not nil, runs stages as chains (chain.go) for working sets past
	// wholeMin (chainRuns pools its runs).
	chainPlan *plan
	chainRuns sync.Pool
	fuseMin   int
	// wholeMin is the smallest working set, in bytes, whose vector code runs in whole
	// blocks rather than in the plan's shorter passes (subBlock): hw.StreamMin, past
	// which the arrays stream from memory and longer runs over each array measured
	// faster; none with Options.Block.
	wholeMin int
	// chainMin is the smallest working set, in bytes, that runs the chain plan:
	// wholeMin, or Options.ChainMin.
	chainMin int
	// streamMin is the smallest result, in bytes, written with non-temporal stores
	// (Options.StreamMin); math.MaxInt for none.
	streamMin int
	opt       Options // as compiled (Derive compiles with the same)
}

// BackendFor returns the CPU backend name asks for ("gonum", "simd", or "auto": simd where
// the SIMD level is not none, else gonum), or an error wrapping exec.ErrBackend that
// says why it is not usable here. This is the one check of the CPU backends' usability.
func BackendFor(name string) (*Backend, error) {
	switch name {
	case exec.BackendGonum:
		return gonumBackend, nil
	case exec.BackendSIMD:
		if hw.SIMDLevel() == asm.LevelNone {
			return nil, fmt.Errorf("numeric: the simd backend is not usable: SIMD level is none (%s): %w", hw.SIMDReason(), exec.ErrBackend)
		}
		return simdBackend(), nil
	}
	if hw.SIMDLevel() != asm.LevelNone {
		return simdBackend(), nil
	}
	return gonumBackend, nil
}

// Name is the backend's name ("gonum" or "simd").
func (b *Backend) Name() string { return b.name }

// Compile binds p to backend b's kernels.
func Compile(p *ir.Program, b *Backend, opt Options) (*Program, error) {
	if opt.Fast && b.name == exec.BackendSIMD && !b.fast {
		b = simdFastBackend()
	}
	pl, err := newPlan(p, b, false, opt)
	if err != nil {
		return nil, err
	}
	vp := &Program{prog: p, name: b.name, plan: pl, fuseMin: opt.FuseMin, opt: opt}
	vp.runs.New = func() any { return pl.newRun() }
	if vp.fuseMin == 0 {
		vp.fuseMin = hw.L2Bytes()
	}
	vp.wholeMin = hw.StreamMin()
	switch {
	case opt.StreamMin < 0:
		vp.streamMin = 0
	case opt.StreamMin > 0:
		vp.streamMin = opt.StreamMin
	case b.asmFused && asm.Active() >= asm.LevelAVX2:
		vp.streamMin = hw.NonTemporalMin()
	default:
		vp.streamMin = math.MaxInt
	}
	if opt.Block > 0 {
		vp.wholeMin = math.MaxInt
	}
	vp.chainMin = vp.wholeMin
	if opt.ChainMin != 0 {
		vp.chainMin = max(opt.ChainMin, 0)
	}
	if !opt.NoChain && vp.chainMin < math.MaxInt {
		if cp := newChainPlan(p, b, opt); cp != nil {
			vp.chainPlan = cp
			vp.chainRuns.New = func() any { return cp.newRun() }
		}
	}
	if !pl.fuse || pl.asmOnly {
		// For arrays that stream from memory: one fused pass beats several vector
		// passes (the fused loops give the same bits), portable loops included.
		if sp, err := newPlan(p, b, true, opt); err == nil && sp.fused {
			vp.streamPlan = sp
			vp.streamRuns.New = func() any { return sp.newRun() }
		}
	}
	return vp, nil
}

// bind takes a run from the pool that suits n elements and points it at elements
// [lo, lo+n) of the inputs and out (out.Ptr may be nil for a scalar result). The
// caller puts it back in the pool returned.
func (vp *Program) bind(inputs []exec.Binding, lo, n int, out exec.Output) (*run, *sync.Pool) {
	prog := vp.prog
	pool := &vp.runs
	if vp.streamPlan != nil && (vp.fuseMin < 0 || n*(prog.Cost.BytesRead+prog.Cost.BytesWritten) >= vp.fuseMin) {
		pool = &vp.streamRuns
	}
	if vp.chainPlan != nil && n*(prog.Cost.BytesRead+prog.Cost.BytesWritten) >= vp.chainMin {
		pool = &vp.chainRuns
	}
	r := pool.Get().(*run)
	r.n = n
	r.whole = n*(prog.Cost.BytesRead+prog.Cost.BytesWritten) >= vp.wholeMin
	r.dst, r.stream = nil, false
	if !prog.ScalarResult() && out.Ptr != nil {
		r.dst = unsafe.Add(out.Ptr, lo*out.Type.Size())
		r.stream = n*out.Type.Size() >= vp.streamMin
	}
	for i, in := range prog.Inputs {
		b := inputs[i]
		r.inputs[i] = b.Ptr
		if b.Scalar {
			r.scalars[in.Reg] = [2]uint64{b.Word, b.Hi}
		} else if b.Ptr != nil {
			r.inputs[i] = unsafe.Add(b.Ptr, lo*b.Type.Size())
		}
	}
	return r, pool
}

// Backend names the backend that runs the program ("gonum" or "simd").
func (vp *Program) Backend() string { return vp.name }

// Run evaluates elements [lo, lo+n) of the inputs into the same elements of out and
// returns the result register (for a scalar result). It implements exec.Program, and
// allocates nothing in the steady state. Device arrays are refused by the caller.
func (vp *Program) Run(ctx context.Context, inputs []exec.Binding, lo, n int, out exec.Output, threads int) (uint64, error) {
	prog := vp.prog
	r, pool := vp.bind(inputs, lo, n, out)
	defer pool.Put(r)
	if err := r.execute(ctx, threads); err != nil {
		return 0, err
	}
	if prog.ScalarResult() && out.Ptr != nil { // the whole value (a complex128 has two words)
		storeScalar(out.Ptr, out.Type, r.scalars[prog.Result])
	}
	return r.scalars[prog.Result][0], nil
}

// HasStreamPlan reports whether the program has a fused plan for arrays that stream
// from memory.
func (vp *Program) HasStreamPlan() bool { return vp.streamPlan != nil }

// Steps returns the number of vector steps of each stage of the in-cache plan, and of
// those, the reductions that read a product's two factors (dot products).
func (vp *Program) Steps() (vector, dots []int) {
	for _, st := range vp.plan.stages {
		vector = append(vector, len(st.vector))
		k := 0
		for _, r := range st.reductions {
			if r.dot {
				k++
			}
		}
		dots = append(dots, k)
	}
	return vector, dots
}

var _ exec.Program = (*Program)(nil)

// Fusions lists the patterns of the fusion table that the in-cache plan fuses, one per
// match (on the SIMD backend only the rows with an asm loop).
func (vp *Program) Fusions() []string {
	var out []string
	for _, st := range vp.prog.Stages {
		_, groups := vp.plan.planFusion(st)
		for _, g := range groups {
			out = append(out, g.fusion.pattern())
		}
	}
	return out
}

// FusionPatterns lists the fusion table's patterns, in the table's order.
func FusionPatterns() []string {
	out := make([]string, len(fusions))
	for i := range fusions {
		out[i] = fusions[i].pattern()
	}
	return out
}
