package numeric

// HOOK INTO THE CPU VM (issue #17): this file is the one place where partial
// evaluation (partial.go) touches the VM's internals: blockSize, newPlan, run.execute and
// the per-block partials run.partials holds after a stage. Everything else in
// partial*.go goes through it. When the VM moves, only this file moves with it.

import (
	"context"
	"fmt"
	"sync"
	"unsafe"

	"github.com/numkit/numkit/numeric/internal/generic"
	"github.com/numkit/numkit/numeric/ir"
)

// partialGrain is the block size the CPU VM reduces in: a reduction's result is its
// per-block partials, blocks counted from element 0, folded pairwise (vm_run.go).
const partialGrain = blockSize

// givenName names the input that stands for a reduction computed by an earlier pass.
func givenName(reg ir.Reg) string { return fmt.Sprintf("\x00given%d", reg) }

// derivePass returns the program that runs pass stage of p with the reductions of
// every earlier stage supplied as scalar inputs (appended to p.Inputs in stage order):
// earlier stages keep only their scalar code. With final, the stages after stage are
// kept too (the element-wise result, or for tail the scalar code that ends in the
// result); otherwise the program ends at stage and its result is the stage's first
// reduction. tail drops the vector code and reductions of every stage, supplying all of
// them: it computes a scalar result from merged reductions.
func derivePass(p *ir.Program, stage int, final, tail bool) *ir.Program {
	d := *p
	d.Regs = append([]ir.RegInfo(nil), p.Regs...)
	d.Inputs = append([]ir.Input(nil), p.Inputs...)
	d.Stages = nil
	for k, st := range p.Stages {
		if k > stage && !final {
			break
		}
		if k < stage || tail {
			for _, red := range st.Reductions {
				d.Regs[red.Out].Kind = ir.RegInput
				d.Regs[red.Out].Input = len(d.Inputs)
				d.Inputs = append(d.Inputs, ir.Input{Name: givenName(red.Out), Type: d.Regs[red.Out].Type, Scalar: true, Reg: red.Out})
			}
			st = ir.Stage{Scalar: st.Scalar}
		}
		d.Stages = append(d.Stages, st)
	}
	if !final && !tail {
		d.Result = p.Stages[stage].Reductions[0].Out
	}
	return &d
}

// passRunner runs one derived program on one CPU backend, choosing between the plain
// and the fused plan by the working set as compiled.runCPU does.
type passRunner struct {
	pl, stream *plan
}

func newPassRunner(c *compiled, prog *ir.Program) (*passRunner, error) {
	if c.plan == nil {
		return nil, fmt.Errorf("numeric: %q: partial evaluation runs on the CPU backends (gonum, simd), not %s: %w", prog.Source, c.name, ErrBackend)
	}
	pl, err := newPlan(prog, c.plan.backend, false)
	if err != nil {
		return nil, err
	}
	pr := &passRunner{pl: pl}
	if !pl.fuse {
		if sp, err := newPlan(prog, c.plan.backend, true); err == nil && sp.fused {
			pr.stream = sp
		}
	}
	return pr, nil
}

// backendName is the CPU backend the runner's kernels come from.
func (pr *passRunner) backendName() string { return pr.pl.backend.name }

// reducers returns the last stage's reducers, in the order of its reductions.
func (pr *passRunner) reducers() []generic.Reducer {
	st := pr.pl.stages[len(pr.pl.stages)-1]
	rs := make([]generic.Reducer, len(st.reductions))
	for i, r := range st.reductions {
		rs[i] = r.reducer
	}
	return rs
}

// run evaluates elements [lo, lo+n) of bindings (the program's inputs, given values
// included), writing an array result to out (element lo goes to out). It returns the
// result register and a copy of the last stage's per-block partials.
func (pr *passRunner) run(ctx context.Context, bindings []binding, lo, n int, out unsafe.Pointer, threads int) (uint64, [][]generic.Partial, error) {
	pl := pr.pl
	if pr.stream != nil && n*(pl.prog.Cost.BytesRead+pl.prog.Cost.BytesWritten) >= fuseMin() {
		pl = pr.stream
	}
	r := pl.newRun()
	r.n = n
	r.dst = out
	for i, in := range pl.prog.Inputs {
		b := bindings[i]
		if b.scalar {
			r.scalars[in.Reg] = b.word
		} else if b.ptr != nil {
			r.inputs[i] = unsafe.Add(b.ptr, lo*b.typ.Size())
		}
	}
	if err := r.execute(ctx, threads); err != nil {
		return 0, nil, err
	}
	last := pl.stages[len(pl.stages)-1]
	var parts [][]generic.Partial
	if last.passes && len(last.reductions) > 0 {
		nblocks := (n + blockSize - 1) / blockSize
		parts = make([][]generic.Partial, len(last.reductions))
		for j := range parts {
			parts[j] = append([]generic.Partial(nil), r.partials[j][:nblocks]...)
		}
	}
	return r.scalars[pl.prog.Result], parts, nil
}

// foldPartials folds block partials in the VM's fixed pairwise tree.
func foldPartials(ps []generic.Partial, red generic.Reducer) generic.Partial {
	if len(ps) == 0 {
		return red.Identity
	}
	return pairwise(ps, red.Combine)
}

// bindingOf makes the binding of a scalar word or of an array in raw little-endian
// bytes (aligned storage for t).
func bindingOf(t ir.DType, scalar bool, word uint64, raw []byte) binding {
	if scalar {
		return binding{typ: t, scalar: true, word: word}
	}
	b := binding{typ: t, n: len(raw) / t.Size()}
	if len(raw) > 0 {
		b.ptr = unsafe.Pointer(&raw[0])
	}
	return b
}

// rawBytes returns the bytes of elements [lo, hi) of an array binding.
func rawBytes(b binding, lo, hi int) []byte {
	if hi <= lo || b.ptr == nil {
		return nil
	}
	size := b.typ.Size()
	return unsafe.Slice((*byte)(unsafe.Add(b.ptr, lo*size)), (hi-lo)*size)
}

// bytesOfWords views words as bytes.
func bytesOfWords(words []uint64) []byte {
	return unsafe.Slice((*byte)(unsafe.Pointer(&words[0])), len(words)*8)
}

// outputBytes views an array output's elements as bytes.
func outputBytes(o output) []byte {
	if o.ptr == nil {
		return nil
	}
	return unsafe.Slice((*byte)(o.ptr), o.n*o.typ.Size())
}

// scalarOf returns a scalar register's word as a Go value of type t.
func scalarOf(t ir.DType, w uint64) any { return loadScalar(t, unsafe.Pointer(&w)) }

// The moments kernels (moments_kernel.go), for MomentsPartial.

// momentBlocks returns the summary of each whole block of x (blocks of partialGrain
// values from x[0]; the last may be short), as Moments makes them.
func momentBlocks[T float32 | float64](x []T, skipNaN bool, threads int) []summary {
	k := newMomentKernel()
	nblocks := (len(x) + partialGrain - 1) / partialGrain
	out := make([]summary, nblocks)
	blocks := func(lo, hi int) {
		s := momentScratchPool.Get().(*momentScratch)
		defer momentScratchPool.Put(s)
		for b := lo; b < hi; b++ {
			out[b] = blockSummary(k, x[b*partialGrain:min((b+1)*partialGrain, len(x))], nil, skipNaN, s)
		}
	}
	workers := 1
	if len(x) >= minParallel {
		workers = min(threads, nblocks)
	}
	var wg sync.WaitGroup
	for w := 1; w < workers; w++ {
		wg.Add(1)
		go func(lo, hi int) {
			defer wg.Done()
			blocks(lo, hi)
		}(nblocks*w/workers, nblocks*(w+1)/workers)
	}
	blocks(0, nblocks/max(workers, 1))
	wg.Wait()
	return out
}

// foldSummaries merges block summaries in Moments' fixed tree.
func foldSummaries(ps []summary) MomentStats { return mergeTree(ps).stats() }

// sliceView returns raw (aligned storage) as a slice of t without copying.
func sliceView(t ir.DType, raw []byte) any {
	n := len(raw) / t.Size()
	var p unsafe.Pointer
	if n > 0 {
		p = unsafe.Pointer(&raw[0])
	}
	switch t {
	case ir.Float64:
		return unsafe.Slice((*float64)(p), n)
	case ir.Float32:
		return unsafe.Slice((*float32)(p), n)
	case ir.Int64:
		return unsafe.Slice((*int64)(p), n)
	case ir.Int32:
		return unsafe.Slice((*int32)(p), n)
	}
	return unsafe.Slice((*bool)(p), n)
}
