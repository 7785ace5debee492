package vm

import (
	"unsafe"

	"github.com/numkit/numkit/asm"
	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/ir"
)

// Chains. A stage whose vector code runs as kernels, one after the other over a
// block, keeps one array streaming from memory at a time and computes while none
// does: (2 + a) + (10 - b) took 28 ms on one thread at n = 2·10^7 where the single
// loop of b + 3*c took 19, and the same holds for every expression outside the
// fusion table. A chain (asm.RunChain) runs the whole stage in one loop over the
// elements instead, 8 at a time: the expression in postfix form on a stack of
// vector registers, each operation's code jumping to the next's (threaded code, so
// that each jump predicts its own successor), so memory and computation overlap as
// in a C loop. Its operations give the kernels' bits, so a chain plan's results
// equal the vector plan's (TestChainPlans). It runs where the arrays stream from
// memory (Program.chainMin, the whole-block threshold), on AVX-512, for stages that
// compute the float64 result from float64 arrays and scalars by arithmetic,
// compares, where, and, or, not, abs, sqrt, floor and ceil, with no reduction; in
// cache the vector kernels, which run each operation at full vector speed, stay.

// chainStep is a stage's vector code as a chain.
type chainStep struct {
	f32    bool // a float32 chain (16 lanes), else float64 (8)
	steps  []asm.ChainStep
	loads  []chainLoad // the steps that push an input
	store  int         // the step that stores the result
	fills  []chainFill // scalar registers broadcast into slots before a run
	nslots int
}

type chainLoad struct{ step, input int }

type chainFill struct {
	slot int
	reg  ir.Reg
	mask bool // a bool: true fills the slot with ones
}

// chainOp maps the IR operations a chain has, on float64 operands, to its operations.
var chainOp = map[ir.Op]int{
	ir.OpAdd: asm.ChainAdd, ir.OpSub: asm.ChainSub, ir.OpMul: asm.ChainMul, ir.OpDiv: asm.ChainDiv,
	ir.OpNeg: asm.ChainNeg, ir.OpAbs: asm.ChainAbs, ir.OpSqrt: asm.ChainSqrt,
	ir.OpFloor: asm.ChainFloor, ir.OpCeil: asm.ChainCeil,
	ir.OpEq: asm.ChainEq, ir.OpNe: asm.ChainNe, ir.OpLt: asm.ChainLt, ir.OpLe: asm.ChainLe,
	ir.OpGt: asm.ChainGt, ir.OpGe: asm.ChainGe, ir.OpWhere: asm.ChainWhere,
	ir.OpAnd: asm.ChainAnd, ir.OpOr: asm.ChainOr, ir.OpXor: asm.ChainXor, ir.OpNot: asm.ChainNot,
}

// chainable reports whether in is an operation a chain of element type t (float64
// or float32) computes: arithmetic and functions on t, compares of t operands,
// where of t values, and logic on bools.
func chainable(p *ir.Program, in ir.Instr, t ir.DType) bool {
	if _, ok := chainOp[in.Op]; !ok {
		return false
	}
	args := in.Args[:in.Op.Arity()]
	want := [3]ir.DType{t, t, t}
	res := t
	switch in.Op {
	case ir.OpAnd, ir.OpOr, ir.OpXor, ir.OpNot:
		want, res = [3]ir.DType{ir.Bool, ir.Bool}, ir.Bool
	case ir.OpEq, ir.OpNe, ir.OpLt, ir.OpLe, ir.OpGt, ir.OpGe:
		res = ir.Bool
	case ir.OpWhere:
		want[0] = ir.Bool
	}
	for k, a := range args {
		if p.Regs[a].Type != want[k] {
			return false
		}
	}
	return in.Type == res
}

// maxChainSlots bounds a chain's slots (64 bytes each: 4 KiB per worker).
const maxChainSlots = 64

// planChain makes the stage's vector code one chain step, where the stage computes
// the float64 result array from float64 inputs and scalars by operations a chain
// has, with no reduction, no vector register another stage reads, and a stack no
// deeper than asm.ChainDepth. It reports whether it did. The chain is the
// expression in postfix form from the result down; a value read twice is saved to a
// slot the first time and pushed from it after.
func (pl *plan) planChain(sp *stagePlan, stage int, st ir.Stage) bool {
	p := pl.prog
	t := p.Regs[p.Result].Type
	if !asm.ChainAvailable() || len(st.Vector) == 0 || len(st.Reductions) > 0 ||
		p.ScalarResult() || t != ir.Float64 && t != ir.Float32 {
		return false
	}
	newStep := asm.NewChainStep
	if t == ir.Float32 {
		newStep = asm.NewChainStepF32
	}
	u := newLazyUses(p, stage, st.Vector)
	def := map[ir.Reg]int{}
	for i, in := range st.Vector {
		if !chainable(p, in, t) || in.Dst != p.Result && u.outside[in.Dst] {
			return false
		}
		def[in.Dst] = i
	}
	c := &chainStep{f32: t == ir.Float32}
	saved := map[ir.Reg]int{}
	depth, ok := 0, true
	emit := func(op, slot int) {
		st, fits := newStep(op, depth, slot, nil)
		ok = ok && fits
		c.steps = append(c.steps, st)
		switch op {
		case asm.ChainSave, asm.ChainStore:
		default:
			depth += 1 - asm.ChainArity(op)
		}
	}
	slotFor := func(r ir.Reg) int {
		c.nslots++ // slot 0 is left unused
		saved[r] = c.nslots
		return c.nslots
	}
	var visit func(r ir.Reg)
	visit = func(r ir.Reg) {
		if s, done := saved[r]; done {
			emit(asm.ChainPushSlot, s)
			return
		}
		info := p.Regs[r]
		i, computed := def[r]
		switch {
		case info.Scalar:
			c.fills = append(c.fills, chainFill{slot: slotFor(r), reg: r, mask: info.Type == ir.Bool})
			emit(asm.ChainPushSlot, saved[r])
		case info.Kind == ir.RegInput && info.Type == t:
			c.loads = append(c.loads, chainLoad{step: len(c.steps), input: info.Input})
			emit(asm.ChainPushInput, 0)
		case computed:
			in := st.Vector[i]
			for _, a := range in.Args[:in.Op.Arity()] {
				visit(a)
			}
			emit(chainOp[in.Op], 0)
			if len(u.readers[r]) > 1 {
				emit(asm.ChainSave, slotFor(r))
			}
		default:
			ok = false // a bool input array (bytes, not masks), or a value of another stage
		}
	}
	visit(p.Result)
	c.store = len(c.steps)
	emit(asm.ChainStore, 0)
	if !ok || depth != 1 || c.nslots+1 > maxChainSlots {
		return false
	}
	c.nslots++
	sp.vector = []vstep{{chain: c, dst: operand{kind: operandDst, size: t.Size()}, whole: true}}
	sp.broadcasts = nil
	return true
}

// chainRun runs the chain over m elements from element elem of the arrays on
// worker s: the main part with non-temporal stores where the result streams and
// its first element is 64-byte aligned, the rest with ordinary ones.
func (r *run) chainRun(s *scratch, c *chainStep, elem, m int) {
	if cap(s.chain) < len(c.steps) {
		s.chain = make([]asm.ChainStep, len(c.steps))
	}
	steps := s.chain[:len(c.steps)]
	copy(steps, c.steps)
	if len(s.slots) < c.nslots*8 {
		s.slots = make([]uint64, maxChainSlots*8)
	}
	size, lanes, newStep, runChain := 8, 8, asm.NewChainStep, asm.RunChain
	if c.f32 {
		size, lanes, newStep, runChain = 4, 16, asm.NewChainStepF32, asm.RunChainF32
	}
	for _, f := range c.fills {
		v := r.scalars[f.reg][0]
		if f.mask && v != 0 {
			v = ^uint64(0)
		} else if c.f32 {
			v = v&(1<<32-1) | v<<32 // two float32 copies per word
		}
		for i := range 8 {
			s.slots[f.slot*8+i] = v
		}
	}
	dst := unsafe.Add(r.dst, elem*size)
	slots := unsafe.Pointer(&s.slots[0])
	main := 0
	if r.stream && uintptr(dst)%64 == 0 && m >= lanes {
		main = m &^ (lanes - 1)
		for _, l := range c.loads {
			steps[l.step].Ptr = unsafe.Add(r.inputs[l.input], elem*size)
		}
		steps[c.store], _ = newStep(asm.ChainStoreNT, 1, 0, dst)
		runChain(steps, slots, main)
	}
	if main < m {
		for _, l := range c.loads {
			steps[l.step].Ptr = unsafe.Add(r.inputs[l.input], (elem+main)*size)
		}
		steps[c.store] = c.steps[c.store]
		steps[c.store].Ptr = unsafe.Add(dst, main*size)
		runChain(steps, slots, m-main)
	}
}

// newChainPlan returns p's plan with every stage a chain can run as one chain step,
// or nil where none can (or chains do not run here, or b is not the SIMD backend).
func newChainPlan(p *ir.Program, b *Backend, opt Options) *plan {
	if !asm.ChainAvailable() || b.name != exec.BackendSIMD {
		return nil
	}
	pl, err := newPlan(p, b, false, opt)
	if err != nil {
		return nil
	}
	chained := false
	for k, st := range p.Stages {
		chained = pl.planChain(&pl.stages[k], k, st) || chained
	}
	if !chained {
		return nil
	}
	return pl
}
