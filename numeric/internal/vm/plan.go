package vm

import (
	"fmt"
	"sync/atomic"

	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/internal/generic"
	"github.com/numkit/numkit/numeric/internal/hw"
	"github.com/numkit/numkit/numeric/ir"
)

// blockSize is the number of elements the VM processes per instruction (exec.BlockSize).
const blockSize = exec.BlockSize

// operandKind says where a vector operand's block lives.
type operandKind uint8

const (
	operandInput     operandKind = iota // an input array, at the block's offset
	operandTemp                         // a worker's scratch buffer
	operandBroadcast                    // a worker's buffer filled with a scalar register
	operandDst                          // the destination array, at the block's offset
	operandScalar                       // one value: a scalar register, not broadcast
)

type operand struct {
	kind  operandKind
	index int // input index, scratch buffer index, or scalar register
	size  int // element size in bytes, for input and dst offsets
	// held marks a temporary that a reduction of the stage reads: its buffer holds
	// the whole block (the vector code writes each pass at the pass's offset).
	held bool
}

// vstep is one vector instruction bound to its kernel and operands.
type vstep struct {
	kernel generic.Kernel
	dst    operand
	args   [3]operand
	nargs  int
	// whole: a vector-math kernel, whose fixed cost per call the result's short
	// non-temporal pieces would multiply (run.streamStep); it writes dst itself.
	whole bool
	// lazy, on the first step of a where's branch, says when a pass skips the
	// branch (lazy.go).
	lazy *lazySkip
	// pick, on a where, says when a pass reads one operand for both (lazy.go).
	pick *lazyPick
	// chain, when not nil, is a run of the stage's steps as one chain (chain.go).
	chain *chainStep
}

// sstep is one scalar instruction: registers index plan.scalars.
type sstep struct {
	kernel generic.Kernel
	dst    ir.Reg
	args   [3]ir.Reg
	nargs  int
}

type rstep struct {
	reducer generic.Reducer
	arg     operand
	arg2    operand // with dot: the second factor (reducer.Dot of arg and arg2)
	dot     bool
	out     ir.Reg
	op      ir.ReduceOp
	pos     int
}

type stagePlan struct {
	scalar     []sstep
	vector     []vstep
	reductions []rstep
	broadcasts []broadcastFill // scalar registers the vector code reads as blocks
	passes     bool            // whether the stage runs over the elements at all
	sub        int             // elements per pass of the vector code over a block (subBlock)
}

type broadcastFill struct {
	buffer int
	reg    ir.Reg
	size   int
}

// plan is a program bound to one backend's kernels, with scratch buffers assigned.
type plan struct {
	prog       *ir.Program
	backend    *Backend
	stages     []stagePlan
	numScratch int // scratch buffers per worker (temporaries and broadcasts)
	elemWords  int // 8-byte words per scratch element: 2 with complex128 registers, else 1
	// fuse is whether small trees of instructions run as one generic loop
	// (vm_fuse.go): always on the gonum backend, and on the SIMD backend's plan for
	// arrays that stream from memory, where one pass beats several vector ones.
	fuse     bool
	fused    bool // whether fusion found anything
	noFusion bool // Options.NoFusion
	// asmOnly limits fusion to the rows with an asm loop: the SIMD backend's plan for
	// arrays in cache, where one asm pass beats the vector passes (2*a+3*b**2-c/4 at
	// n = 1000: 6 kernel calls against one loop) but a portable fused loop does not.
	asmOnly bool
	fast    bool // Options.Fast: the fused multiply-adds of fastFusions too
	// lazyWheres are the wheres with a branch to skip (lazy.go), which fusion
	// leaves as steps of their own.
	lazyWheres map[ir.Reg]bool
	// lazySkips counts the branches passes skipped and the wheres' picked operands
	// (lazy.go), for tests.
	lazySkips atomic.Int64
}

// newPlan binds p to backend b's kernels; fuse asks for fusion (vm_fuse.go), which the
// gonum backend always has.
func newPlan(p *ir.Program, b *Backend, fuse bool, opt Options) (*plan, error) {
	pl := &plan{prog: p, backend: b, stages: make([]stagePlan, len(p.Stages)), fuse: fuse || b == gonumBackend, noFusion: opt.NoFusion, elemWords: 1}
	for _, r := range p.Regs {
		if r.Type.Size() > 8 {
			pl.elemWords = 2
		}
	}
	pl.fast = opt.Fast
	if opt.chains {
		pl.noFusion = true // chains cover the fusion table's rows; planChains needs one step per instruction
	}
	if !pl.fuse && b.asmFused {
		pl.fuse, pl.asmOnly = true, true
	}
	for k, st := range p.Stages {
		sp := &pl.stages[k]
		for _, in := range st.Scalar {
			s := sstep{dst: in.Dst, nargs: in.Op.Arity()}
			copy(s.args[:], in.Args[:])
			s.kernel = b.kernel(in.Op, in.Type, exec.OperandType(p, in))
			if s.kernel == nil {
				return nil, fmt.Errorf("numeric: %s backend has no kernel for %s", b.name, p.InstrString(in))
			}
			sp.scalar = append(sp.scalar, s)
		}
		if !opt.NoLazy {
			st.Vector = lazyOrder(p, k, st.Vector) // lazy.go
		}
		st, dots := pl.planDots(st) // vm_dot.go
		read := stageReads(dots)
		pl.lazyWheres = nil
		if !opt.NoLazy {
			pl.lazyWheres = lazyWheres(p, k, st.Vector, read)
		}
		st, fused := pl.planFusion(st) // vm_fuse.go
		if err := pl.assignVector(sp, st, dots); err != nil {
			return nil, err
		}
		pl.fuseVector(sp, st.Vector, fused)
		if !opt.NoLazy {
			pl.planLazy(sp, k, st.Vector, fused, read)
		}
		if opt.chains {
			pl.planChains(sp, k, st.Vector, read) // chain.go
		}
		pl.fused = pl.fused || len(fused) > 0
		sp.passes = len(st.Vector) > 0 || len(st.Reductions) > 0
		sp.sub = opt.Block
		if sp.sub <= 0 || sp.sub > blockSize {
			sp.sub = pl.subBlock(sp, st.Vector)
		}
	}
	return pl, nil
}

// assignVector binds the stage's vector code to kernels and gives every temporary a
// scratch buffer, reusing a buffer once its value is dead (linear scan over the code).
func (pl *plan) assignVector(sp *stagePlan, st ir.Stage, dots map[int]dotPair) error {
	p := pl.prog
	lastUse := map[ir.Reg]int{}
	for i, in := range st.Vector {
		for _, a := range in.Args[:in.Op.Arity()] {
			lastUse[a] = i
		}
	}
	held := map[ir.Reg]bool{} // read by a reduction: never freed, never reusing a buffer
	for k, r := range st.Reductions {
		lastUse[r.Arg] = len(st.Vector)
		held[r.Arg] = true
		if d, ok := dots[k]; ok {
			lastUse[d.x], lastUse[d.y] = len(st.Vector), len(st.Vector)
			held[d.x], held[d.y] = true, true
		}
	}
	// free holds buffers whose values are dead, with the element size they held. A
	// buffer is reused for a result of the same element size only: a kernel may write
	// its result over an operand in place when both have the same layout, but a
	// float64 result written over a float32 or bool operand would clobber elements
	// before they are read.
	type freeBuf struct{ buf, size int }
	var free []freeBuf
	next := 0
	slot := map[ir.Reg]int{}
	broadcast := map[ir.Reg]int{}
	allocSized := func(size int) int {
		for i := len(free) - 1; i >= 0; i-- {
			if free[i].size == size {
				b := free[i].buf
				free = append(free[:i], free[i+1:]...)
				return b
			}
		}
		next++
		return next - 1
	}
	alloc := func() int { return allocSized(-1) } // a fresh buffer
	operandOf := func(r ir.Reg) operand {
		info := p.Regs[r]
		switch {
		case info.Scalar:
			b, ok := broadcast[r]
			if !ok {
				b = alloc()
				broadcast[r] = b
				sp.broadcasts = append(sp.broadcasts, broadcastFill{buffer: b, reg: r, size: info.Type.Size()})
			}
			return operand{kind: operandBroadcast, index: b, size: info.Type.Size()}
		case info.Kind == ir.RegInput:
			return operand{kind: operandInput, index: info.Input, size: info.Type.Size()}
		}
		return operand{kind: operandTemp, index: slot[r], size: info.Type.Size(), held: held[r]}
	}
	for i, in := range st.Vector {
		v := vstep{nargs: in.Op.Arity()}
		scalarPos := -1 // the one scalar operand a scalar kernel can take directly
		if v.nargs == 2 && p.Regs[in.Args[0]].Scalar != p.Regs[in.Args[1]].Scalar {
			pos := 0
			if p.Regs[in.Args[1]].Scalar {
				pos = 1
			}
			if k := pl.backend.scalarKernel(in.Op, in.Type, exec.OperandType(p, in), pos); k != nil {
				scalarPos, v.kernel = pos, k
			}
		}
		for k, a := range in.Args[:v.nargs] {
			if k == scalarPos {
				v.args[k] = operand{kind: operandScalar, index: int(a)}
				continue
			}
			v.args[k] = operandOf(a)
		}
		for _, a := range in.Args[:v.nargs] {
			if s, ok := slot[a]; ok && lastUse[a] == i {
				free = append(free, freeBuf{s, p.Regs[a].Type.Size()})
				delete(slot, a)
			}
		}
		if in.Dst == p.Result {
			v.dst = operand{kind: operandDst, size: in.Type.Size()}
		} else {
			if held[in.Dst] {
				// A fresh buffer: one freed by an earlier temporary would be written
				// again at offset 0 by the next pass, over this one's elements.
				slot[in.Dst] = alloc()
			} else {
				slot[in.Dst] = allocSized(in.Type.Size())
			}
			v.dst = operand{kind: operandTemp, index: slot[in.Dst], size: in.Type.Size(), held: held[in.Dst]}
		}
		v.whole = in.Op.Class() == ir.ClassTranscend
		if v.kernel == nil {
			v.kernel = pl.backend.kernel(in.Op, in.Type, exec.OperandType(p, in))
		}
		if v.kernel == nil {
			return fmt.Errorf("numeric: %s backend has no kernel for %s", pl.backend.name, p.InstrString(in))
		}
		sp.vector = append(sp.vector, v)
	}
	for k, r := range st.Reductions {
		red, ok := pl.backend.reducer(r.Op, p.Regs[r.Arg].Type)
		if !ok {
			return fmt.Errorf("numeric: %s backend has no %s reduction of %s", pl.backend.name, r.Op, p.Regs[r.Arg].Type)
		}
		rs := rstep{reducer: red, out: r.Out, op: r.Op, pos: r.Pos}
		if d, ok := dots[k]; ok {
			rs.dot, rs.arg, rs.arg2 = true, operandOf(d.x), operandOf(d.y)
		} else {
			rs.arg = operandOf(r.Arg)
		}
		sp.reductions = append(sp.reductions, rs)
	}
	pl.numScratch = max(pl.numScratch, next)
	return nil
}

// minSub is the fewest elements a pass of the vector code runs over: below it a
// kernel call's fixed cost starts to show (a + b alone, in cache, was 7% slower in
// passes of 512 elements than of 4096).
const minSub = 512

// subBlock chooses how many elements of a block each pass of the stage's vector code
// (code, bound as sp.vector) runs over: the largest power of two, down to minSub, for
// which one pass's operands (every distinct array, temporary and broadcast it touches)
// fit in the L1 data cache, so that temporaries are written and read again there rather
// than in L2; but the whole block when the temporaries of a whole block fit in the L1d
// anyway (one float64 temporary, or a reduction's operand, which fills its block
// whatever the pass), or when the code calls a transcendental function, whose kernels'
// fixed cost per call shows in short passes while the temporaries' traffic does not.
// Measured in one process, pass lengths interleaved (TestBlockAB, one thread, CPU time,
// 2026-12-07): in cache (n = 10^5 to 262144) (2 + a) + (10 - b) ran 33% faster in
// passes of 512, where(a>b, a*2, b-1)+c 12-20%, sum((2 + a) + (10 - b)) 24-28%, while
// exp(a)*b - c ran 5% and sum(a*b - c) 6% slower (hence the two exceptions). Working
// sets that stream from memory run whole blocks anyway (Program.wholeMin): there,
// shorter passes measured up to 14% slower (where(a>b, a*2, b-1)+c at n = 4·10^6).
func (pl *plan) subBlock(sp *stagePlan, code []ir.Instr) int {
	for _, in := range code {
		if in.Op.Class() == ir.ClassTranscend {
			return blockSize
		}
	}
	type key struct {
		kind  operandKind
		index int
	}
	seen := map[key]bool{}
	temps, bytes := 0, 0 // bytes per element of the temporaries passes shorten, of all operands
	for _, v := range sp.vector {
		for _, o := range append(v.args[:v.nargs:v.nargs], v.dst) {
			if o.kind == operandScalar || seen[key{o.kind, o.index}] {
				continue
			}
			seen[key{o.kind, o.index}] = true
			if (o.kind == operandTemp || o.kind == operandBroadcast) && !o.held {
				temps += o.size
			}
			bytes += o.size
		}
	}
	sub := blockSize
	for temps*blockSize > hw.L1DBytes() && sub > minSub && sub*bytes > hw.L1DBytes() {
		sub /= 2
	}
	return sub
}
