package vm

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/numkit/numkit/asm"
	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/internal/generic"
	"github.com/numkit/numkit/numeric/ir"
)

// minParallel is the smallest number of elements worth handing to other goroutines.
const minParallel = exec.MinParallel

// chunksPerWorker is how many chunks a stage's blocks are cut into per worker: enough
// that a worker slowed by other load leaves its chunks to the others, few enough that
// taking one (an atomic add) costs nothing next to its blocks.
const chunksPerWorker = 16

// run holds one evaluation's bindings and per-worker scratch. runs are pooled per plan,
// so a steady stream of evaluations allocates nothing.
type run struct {
	plan     *plan
	n        int
	whole    bool             // run the vector code in whole blocks (Program.wholeMin), not stage passes
	stream   bool             // write the result through a buffer with non-temporal stores (Program.streamMin)
	inputs   []unsafe.Pointer // base of each input's data (nil for scalars)
	scalars  [][2]uint64      // storage of every scalar register (two words: complex128), by register
	dst      unsafe.Pointer
	workers  []scratch
	partials [][]generic.Partial // [reduction][block]
	wg       sync.WaitGroup
	pending  atomic.Int32 // workers still running (polled before waiting on wg)
	next     atomic.Int64 // the first block of the stage that no worker has taken
	nblocks  int          // the stage's blocks
	chunk    int          // blocks a worker takes at a time
	gen      uint64       // counts the stages handed to workers (task.gen)
	done     <-chan struct{}
	stopped  bool // set by a worker that saw done closed
	stopMu   sync.Mutex
	args     [3]unsafe.Pointer // scalar kernel arguments
}

// scratch is one worker's buffers: numScratch buffers of blockSize 8-byte words (16-byte
// elements when the program has complex128 registers).
type scratch struct {
	buffers []unsafe.Pointer
	backing []uint64
	out     unsafe.Pointer    // a pass's result on its way to dst, where run.stream
	filled  []int             // per buffer: how many elements of the broadcast value are in place
	chain   []asm.ChainStep   // a chain's steps with this pass's pointers (chain.go)
	slots   []uint64          // a chain's slots
	args    [3]unsafe.Pointer // kernel arguments (kept here: a local array would escape)
	slot    *atomic.Uint64    // the state of the worker's task (pool.go's taskStarted...)
}

func (pl *plan) newRun() *run {
	r := &run{
		plan:    pl,
		inputs:  make([]unsafe.Pointer, len(pl.prog.Inputs)),
		scalars: make([][2]uint64, len(pl.prog.Regs)),
	}
	for i, info := range pl.prog.Regs {
		if info.Kind == ir.RegConst {
			r.scalars[i] = info.Const.Words()
		}
	}
	r.partials = make([][]generic.Partial, 0)
	return r
}

func (r *run) ensureWorkers(k int) {
	for len(r.workers) < k {
		var s scratch
		n := r.plan.numScratch
		words := blockSize * r.plan.elemWords // words per buffer
		s.backing = make([]uint64, n*words+8) // +8 words to align to 64 bytes
		base := unsafe.Pointer(&s.backing[0])
		off := (64 - uintptr(base)%64) % 64 / 8
		for i := 0; i < n; i++ {
			s.buffers = append(s.buffers, unsafe.Pointer(&s.backing[int(off)+i*words]))
		}
		s.filled = make([]int, n)
		s.out = unsafe.Pointer(&make([]uint64, 2*streamPiece)[0]) // complex128 elements at most
		s.slot = new(atomic.Uint64)
		r.workers = append(r.workers, s)
	}
}

// execute runs every stage over n elements with up to threads workers.
func (r *run) execute(ctx context.Context, threads int) error {
	r.done = ctx.Done()
	r.stopped = false
	nblocks := (r.n + blockSize - 1) / blockSize
	workers := 1
	if r.n >= minParallel && threads > 1 {
		workers = min(threads, nblocks)
	}
	r.ensureWorkers(workers)
	for k := range r.plan.stages {
		sp := &r.plan.stages[k]
		for _, s := range sp.scalar {
			r.scalarStep(s)
		}
		if !sp.passes {
			continue
		}
		r.preparePartials(sp, nblocks)
		for w := range workers {
			clear(r.workers[w].filled)
		}
		if workers == 1 {
			r.blocks(sp, 0, 0, nblocks)
		} else {
			r.nblocks, r.chunk = nblocks, max(1, nblocks/(workers*chunksPerWorker))
			r.next.Store(0)
			r.gen++
			r.wg.Add(workers - 1)
			r.pending.Store(int32(workers - 1))
			for w := 1; w < workers; w++ {
				slot := r.workers[w].slot
				slot.Store(r.gen << 2)
				workerPool.submit(task{run: r, stage: sp, worker: w, gen: r.gen, slot: slot})
			}
			r.share(sp, 0)
			// A worker that has not started by now (its thread not yet woken, or its
			// core busy with another process) has nothing left to take: withdraw its
			// task rather than wait for it to start.
			for w := 1; w < workers; w++ {
				if r.workers[w].slot.CompareAndSwap(r.gen<<2, r.gen<<2|taskWithdrawn) {
					r.pending.Add(-1)
					r.wg.Done()
				}
			}
			r.wait()
		}
		if r.stopped {
			return ctx.Err()
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := r.combine(sp, nblocks); err != nil {
			return err
		}
	}
	return nil
}

func (r *run) scalarStep(s sstep) {
	for i := 0; i < s.nargs; i++ {
		r.args[i] = unsafe.Pointer(&r.scalars[s.args[i]])
	}
	s.kernel(1, unsafe.Pointer(&r.scalars[s.dst]), &r.args)
}

func (r *run) preparePartials(sp *stagePlan, nblocks int) {
	for len(r.partials) < len(sp.reductions) {
		r.partials = append(r.partials, nil)
	}
	for i := range sp.reductions {
		if cap(r.partials[i]) < nblocks {
			r.partials[i] = make([]generic.Partial, nblocks)
		}
		r.partials[i] = r.partials[i][:nblocks]
	}
}

// share runs chunks of the stage's blocks on worker w, taking the next chunk not yet
// taken until none is left: a worker whose core is busy with other work takes fewer
// chunks instead of holding up the evaluation with a fixed share. Which worker runs a
// block changes nothing in its results (each block's partials have their own slot).
func (r *run) share(sp *stagePlan, w int) {
	for {
		hi := int(r.next.Add(int64(r.chunk)))
		lo := hi - r.chunk
		if lo >= r.nblocks || !r.blocks(sp, w, lo, min(hi, r.nblocks)) {
			return
		}
	}
}

// blocks runs the stage's vector code and reductions over blocks [lo, hi) on worker w;
// it returns false when it stopped because the evaluation's context was done.
func (r *run) blocks(sp *stagePlan, w, lo, hi int) bool {
	s := &r.workers[w]
	if r.stream {
		defer asm.StoreFence() // before the worker reports its blocks done
	}
	for b := lo; b < hi; b++ {
		if r.done != nil {
			select {
			case <-r.done:
				r.stopMu.Lock()
				r.stopped = true
				r.stopMu.Unlock()
				return false
			default:
			}
		}
		start := b * blockSize
		n := min(blockSize, r.n-start)
		// The vector code runs over the block in passes of sp.sub elements, so that
		// its temporaries stay in the L1 cache; the registers the reductions read fill
		// their whole block (held operands), which the reductions then read at once.
		sub := sp.sub
		if r.whole {
			sub = blockSize
		}
		for off := 0; off < n; off += sub {
			m := min(sub, n-off)
			for _, f := range sp.broadcasts {
				if s.filled[f.buffer] < m {
					fillBroadcast(s.buffers[f.buffer], r.scalars[f.reg], f.size, m)
					s.filled[f.buffer] = m
				}
			}
			for i := 0; i < len(sp.vector); i++ {
				v := &sp.vector[i]
				if v.chain != nil {
					r.chainRun(s, v.chain, start+off, off, m)
					continue
				}
				if v.lazy != nil && v.lazy.skips(r.pointer(s, v.lazy.cond, start+off, off), m) {
					r.plan.lazySkips.Add(1)
					i += v.lazy.n - 1
					continue
				}
				args := &v.args
				if v.pick != nil {
					if picked, ok := v.pick.operands(v, r.pointer(s, v.pick.cond, start+off, off), m); ok {
						r.plan.lazySkips.Add(1)
						args = &picked
					}
				}
				if r.stream && v.dst.kind == operandDst && !v.whole {
					r.streamStep(s, v, args, start+off, off, m)
					continue
				}
				for k := 0; k < v.nargs; k++ {
					s.args[k] = r.pointer(s, args[k], start+off, off)
				}
				v.kernel(m, r.pointer(s, v.dst, start+off, off), &s.args)
			}
		}
		for i := range sp.reductions {
			red := &sp.reductions[i]
			if red.dot {
				r.partials[i][b] = red.reducer.Dot(n, r.pointer(s, red.arg, start, 0), r.pointer(s, red.arg2, start, 0))
				continue
			}
			r.partials[i][b] = red.reducer.Block(n, r.pointer(s, red.arg, start, 0))
		}
	}
	return true
}

// streamStep runs v, which writes the result, on operands ops (v.args, or a where's
// picked ones) over m elements from element elem (off into the block) in pieces of
// streamPiece elements, each computed into the worker's out buffer and written to
// dst by non-temporal stores, so that the buffer stays in the L1 cache.
func (r *run) streamStep(s *scratch, v *vstep, ops *[3]operand, elem, off, m int) {
	var args [3]unsafe.Pointer // the pass's operands; a scalar's stays put
	for k := 0; k < v.nargs; k++ {
		args[k] = r.pointer(s, ops[k], elem, off)
	}
	dst := r.pointer(s, v.dst, elem, off)
	for j := 0; j < m; j += streamPiece {
		c := min(streamPiece, m-j)
		for k := 0; k < v.nargs; k++ {
			s.args[k] = args[k]
			if ops[k].kind != operandScalar {
				s.args[k] = unsafe.Add(args[k], j*ops[k].size)
			}
		}
		v.kernel(c, s.out, &s.args)
		asm.StreamCopy(unsafe.Add(dst, j*v.dst.size), s.out, c*v.dst.size)
	}
}

// streamPiece is streamStep's piece: 4 KiB of float64.
const streamPiece = 512

// pointer returns where operand o's elements start for element elem of the arrays,
// off elements into the block being run.
func (r *run) pointer(s *scratch, o operand, elem, off int) unsafe.Pointer {
	switch o.kind {
	case operandInput:
		return unsafe.Add(r.inputs[o.index], elem*o.size)
	case operandDst:
		return unsafe.Add(r.dst, elem*o.size)
	case operandScalar:
		return unsafe.Pointer(&r.scalars[o.index])
	}
	if o.held {
		return unsafe.Add(s.buffers[o.index], off*o.size)
	}
	return s.buffers[o.index]
}

// combine folds each reduction's block partials pairwise in a fixed tree, so the result
// depends only on n, and stores it in the reduction's scalar register.
func (r *run) combine(sp *stagePlan, nblocks int) error {
	for i := range sp.reductions {
		red := &sp.reductions[i]
		if r.n == 0 && (red.op == ir.ReduceMin || red.op == ir.ReduceMax) {
			return fmt.Errorf("numeric: %s of an empty array (at offset %d of %q): %w", red.op, red.pos, r.plan.prog.Source, exec.ErrEmpty)
		}
		p := red.reducer.Identity
		if nblocks > 0 {
			p = exec.Pairwise(r.partials[i][:nblocks], red.reducer.Combine)
		}
		v := red.reducer.Final(p, r.n)
		r.scalars[red.out] = v.Words()
	}
	return nil
}

// fillBroadcast writes n copies of the scalar in words (an element of size bytes) to p.
func fillBroadcast(p unsafe.Pointer, words [2]uint64, size, n int) {
	word := words[0]
	switch size {
	case 16:
		s := unsafe.Slice((*[2]uint64)(p), n)
		for i := range s {
			s[i] = words
		}
	case 1:
		b := *(*byte)(unsafe.Pointer(&word))
		s := unsafe.Slice((*byte)(p), n)
		for i := range s {
			s[i] = b
		}
	case 4:
		v := *(*uint32)(unsafe.Pointer(&word))
		s := unsafe.Slice((*uint32)(p), n)
		for i := range s {
			s[i] = v
		}
	default:
		s := unsafe.Slice((*uint64)(p), n)
		for i := range s {
			s[i] = word
		}
	}
}
