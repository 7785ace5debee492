package vm

import (
	"math"
	"unsafe"

	"github.com/numkit/numkit/asm"
	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/ir"
)

// Chains. A stage whose vector code runs as kernels, one after the other over a
// block, keeps one array streaming from memory at a time and computes while none
// does: (2 + a) + (10 - b) took 28 ms on one thread at n = 2·10^7 where the single
// loop of b + 3*c took 19, and the same holds for every expression outside the
// fusion table. A chain (asm.RunChain, RunChainF32) runs a run of a stage's steps
// in one loop over the elements instead, 8 float64 or 16 float32 at a time: the
// run's expression in postfix form on a stack of vector registers, each operation's
// code jumping to the next's (threaded code, so that each jump predicts its own
// successor), so memory and computation overlap as in a C loop. Its operations give
// the kernels' bits (but a NaN's payload), so a chain plan's results equal the
// vector plan's (TestChainPlans, TestChainRandom). The chain plan (newChainPlan)
// runs where the arrays stream from memory (Program.chainMin, the whole-block
// threshold), on AVX-512; planChains says which runs a chain computes. In cache
// the vector kernels, which run each operation at full vector speed, stay.

// chainStep is a run of a stage's steps as one chain.
type chainStep struct {
	f32    bool // a float32 chain (16 lanes), else float64 (8)
	steps  []asm.ChainStep
	ptrs   []chainPtr   // the steps that push an array or store a result, and where
	fills  []chainFill  // scalar registers broadcast into slots before a run
	consts []chainConst // constants in slots
	nslots int
	// nt, where the chain stores the result alone, is its store in ptrs, and ntStep
	// that store with non-temporal stores (chainRun); else nt is -1.
	nt     int
	ntStep asm.ChainStep
}

type chainConst struct {
	slot int
	v    float64
}

// chainPtr is a push or store step and the operand it reads or writes.
type chainPtr struct {
	step  int
	op    operand
	store bool
	depth int // a store's stack depth
}

type chainFill struct {
	slot int
	reg  ir.Reg
	mask bool // a bool: true fills the slot with ones
}

// chainOp maps the IR operations a chain has to its operations (emitOp has the rest).
var chainOp = map[ir.Op]int{
	ir.OpAdd: asm.ChainAdd, ir.OpSub: asm.ChainSub, ir.OpMul: asm.ChainMul, ir.OpDiv: asm.ChainDiv,
	ir.OpNeg: asm.ChainNeg, ir.OpAbs: asm.ChainAbs, ir.OpSqrt: asm.ChainSqrt,
	ir.OpFloor: asm.ChainFloor, ir.OpCeil: asm.ChainCeil,
	ir.OpEq: asm.ChainEq, ir.OpNe: asm.ChainNe, ir.OpLt: asm.ChainLt, ir.OpLe: asm.ChainLe,
	ir.OpGt: asm.ChainGt, ir.OpGe: asm.ChainGe, ir.OpWhere: asm.ChainWhere,
	ir.OpAnd: asm.ChainAnd, ir.OpOr: asm.ChainOr, ir.OpXor: asm.ChainXor, ir.OpNot: asm.ChainNot,
}

// chainable reports whether in is an operation a chain of element type t (float64
// or float32) computes: arithmetic and functions on t, compares of t operands, ==
// and != of bools, where of t values or of bools, logic on bools, a bool cast to t,
// and a copy (a scalar broadcast to every element).
func chainable(p *ir.Program, in ir.Instr, t ir.DType) bool {
	if _, ok := chainOp[in.Op]; !ok && in.Op != ir.OpCast && in.Op != ir.OpCopy {
		return false
	}
	args := in.Args[:in.Op.Arity()]
	want := [3]ir.DType{t, t, t}
	res := t
	switch in.Op {
	case ir.OpAnd, ir.OpOr, ir.OpXor, ir.OpNot:
		want, res = [3]ir.DType{ir.Bool, ir.Bool}, ir.Bool
	case ir.OpEq, ir.OpNe:
		res = ir.Bool
		if p.Regs[args[0]].Type == ir.Bool {
			want = [3]ir.DType{ir.Bool, ir.Bool}
		}
	case ir.OpLt, ir.OpLe, ir.OpGt, ir.OpGe:
		res = ir.Bool
	case ir.OpWhere:
		want[0] = ir.Bool
		if in.Type == ir.Bool {
			want, res = [3]ir.DType{ir.Bool, ir.Bool, ir.Bool}, ir.Bool
		}
	case ir.OpCast:
		want[0] = ir.Bool
	case ir.OpCopy: // a value copied (a scalar broadcast): the same on the stack
		want[0] = in.Type
		res = in.Type
		if in.Type != t && in.Type != ir.Bool {
			return false
		}
	}
	for k, a := range args {
		if p.Regs[a].Type != want[k] {
			return false
		}
	}
	return in.Type == res
}

// emitOp appends the chain operations of in, whose operands are on the stack.
func emitOp(p *ir.Program, in ir.Instr, emit func(op, slot int) int, constant func(v float64) int) {
	boolArgs := p.Regs[in.Args[0]].Type == ir.Bool
	switch {
	case in.Op == ir.OpNe && boolArgs:
		emit(asm.ChainXor, 0)
	case in.Op == ir.OpEq && boolArgs:
		emit(asm.ChainXor, 0)
		emit(asm.ChainNot, 0)
	case in.Op == ir.OpCopy: // the operand, already pushed, is the value
	case in.Op == ir.OpCast: // a bool as 1 or 0
		emit(asm.ChainPushSlot, constant(1))
		emit(asm.ChainPushSlot, constant(0))
		emit(asm.ChainWhere, 0)
	default:
		emit(chainOp[in.Op], 0)
	}
}

// maxChainSlots bounds a chain's slots (64 bytes each: 4 KiB per worker).
const maxChainSlots = 64

// planChains replaces runs of the stage's steps by chains: each maximal run of
// steps (code[i] bound as sp.vector[i]: the chain plan fuses nothing) that a chain
// of one element type computes (chainSpan), read being the registers the stage's
// reductions read besides their arguments (stageReads). A stage with a where that
// skips branches (lazy.go) keeps them where a branch holds an instruction no chain
// has; otherwise its wheres are evaluated eagerly in the chains.
func (pl *plan) planChains(sp *stagePlan, stage int, code []ir.Instr, read []ir.Reg) {
	p := pl.prog
	if !asm.ChainAvailable() || len(code) != len(sp.vector) {
		return
	}
	for i := range sp.vector {
		if l := sp.vector[i].lazy; l != nil {
			for k := i; k < i+l.n; k++ {
				if !chainableAny(p, code[k]) {
					return // a skipped branch saves more than a chain would
				}
			}
		}
	}
	u := newLazyUses(p, stage, code, read...)
	var steps []vstep
	for i := 0; i < len(code); {
		t, j := pl.chainSpan(code, i, u)
		if j-i < 2 {
			steps = append(steps, sp.vector[i])
			i++
			continue
		}
		if v, ok := pl.chainGroup(sp, code, i, j, t, u); ok {
			steps = append(steps, v)
		} else {
			steps = append(steps, sp.vector[i:j]...)
		}
		i = j
	}
	for i := range steps {
		steps[i].lazy, steps[i].pick = nil, nil
	}
	if len(steps) < len(sp.vector) {
		sp.vector = steps
	}
}

// chainableAny reports whether a chain of some element type computes in.
func chainableAny(p *ir.Program, in ir.Instr) bool {
	return chainable(p, in, ir.Float64) || chainable(p, in, ir.Float32)
}

// chainSpan returns the longest run code[i:j] that a chain of one element type t
// computes: every instruction chainable for t, every bool it reads computed in the
// run, every bool it computes read only in the run.
func (pl *plan) chainSpan(code []ir.Instr, i int, u lazyUses) (ir.DType, int) {
	p := pl.prog
	for _, t := range []ir.DType{ir.Float64, ir.Float32} {
		j := i
		for j < len(code) && chainable(p, code[j], t) {
			j++
		}
		for j > i {
			bad := -1
			in := map[ir.Reg]bool{}
			for k := i; k < j; k++ {
				in[code[k].Dst] = true
			}
			for k := i; k < j && bad < 0; k++ {
				c := code[k]
				for _, a := range c.Args[:c.Op.Arity()] {
					if p.Regs[a].Type == ir.Bool && !in[a] && !p.Regs[a].Scalar {
						bad = k // a bool array from outside: bytes, not masks
					}
				}
				if c.Type == ir.Bool {
					if u.outside[c.Dst] {
						bad = k
					}
					for _, r := range u.readers[c.Dst] {
						if r.instr >= j {
							bad = k
						}
					}
				}
			}
			if bad < 0 {
				break
			}
			j = bad // end the run before the offending instruction
		}
		if j > i {
			return t, j
		}
	}
	return 0, i
}

// chainGroup makes the chain step that computes code[i:j] (sp.vector[i:j]) in
// element type t: every value the run computes and a later step, a reduction,
// another stage or the result reads is stored to its step's destination, after the
// run has read everything it reads (so that a destination that reuses an operand's
// buffer is written after that operand is read, element for element).
func (pl *plan) chainGroup(sp *stagePlan, code []ir.Instr, i, j int, t ir.DType, u lazyUses) (vstep, bool) {
	p := pl.prog
	newStep := asm.NewChainStep
	if t == ir.Float32 {
		newStep = asm.NewChainStepF32
	}
	def := map[ir.Reg]int{}
	for k := i; k < j; k++ {
		def[code[k].Dst] = k
	}
	// The outputs: computed here and read after the run, or by nothing at all (the
	// stage's result is read by the caller: u.outside has it).
	var outs []int
	for k := i; k < j; k++ {
		d := code[k].Dst
		later := u.outside[d]
		for _, r := range u.readers[d] {
			later = later || r.instr >= j
		}
		if later {
			outs = append(outs, k)
		}
	}
	if len(outs) == 0 {
		return vstep{}, false
	}
	inside := func(r ir.Reg) int { // readers within the run
		n := 0
		for _, x := range u.readers[r] {
			if x.instr >= i && x.instr < j {
				n++
			}
		}
		return n
	}
	c := &chainStep{f32: t == ir.Float32}
	saved := map[ir.Reg]int{}
	depth, ok := 0, true
	emit := func(op, slot int) int {
		st, fits := newStep(op, depth, slot, nil)
		ok = ok && fits
		c.steps = append(c.steps, st)
		switch op {
		case asm.ChainSave, asm.ChainStore:
		default:
			depth += 1 - asm.ChainArity(op)
		}
		return len(c.steps) - 1
	}
	slotFor := func(r ir.Reg) int {
		c.nslots++ // slot 0 is left unused
		saved[r] = c.nslots
		return c.nslots
	}
	consts := map[float64]int{}
	constant := func(v float64) int { // a slot holding v in every lane
		if s, ok := consts[v]; ok {
			return s
		}
		c.nslots++
		consts[v] = c.nslots
		c.consts = append(c.consts, chainConst{slot: c.nslots, v: v})
		return c.nslots
	}
	var visit func(r ir.Reg, from operand)
	visit = func(r ir.Reg, from operand) {
		if s, done := saved[r]; done {
			emit(asm.ChainPushSlot, s)
			return
		}
		k, computed := def[r]
		switch {
		case computed:
			in, v := code[k], &sp.vector[k]
			for a, x := range in.Args[:in.Op.Arity()] {
				visit(x, v.args[a])
			}
			emitOp(p, in, emit, constant)
			if inside(r) > 1 || u.outside[r] || len(u.readers[r]) > inside(r) {
				emit(asm.ChainSave, slotFor(r))
			}
		case from.kind == operandScalar || from.kind == operandBroadcast || p.Regs[r].Scalar:
			c.fills = append(c.fills, chainFill{slot: slotFor(r), reg: r, mask: p.Regs[r].Type == ir.Bool})
			emit(asm.ChainPushSlot, saved[r])
		case (from.kind == operandInput || from.kind == operandTemp) && p.Regs[r].Type == t:
			c.ptrs = append(c.ptrs, chainPtr{step: len(c.steps), op: from})
			emit(asm.ChainPushInput, 0)
		default:
			ok = false
		}
	}
	for _, k := range outs {
		visit(code[k].Dst, operand{})
	}
	for _, k := range outs {
		emit(asm.ChainPushSlot, saved[code[k].Dst])
		c.ptrs = append(c.ptrs, chainPtr{step: len(c.steps), op: sp.vector[k].dst, store: true, depth: depth})
		emit(asm.ChainStore, 0)
	}
	if !ok || c.nslots+1 > maxChainSlots {
		return vstep{}, false
	}
	c.nslots++
	c.nt = -1
	if x := c.ptrs[len(c.ptrs)-1]; len(outs) == 1 && x.op.kind == operandDst {
		c.nt = len(c.ptrs) - 1
		c.ntStep, _ = newStep(asm.ChainStoreNT, x.depth, 0, nil)
	}
	last := sp.vector[outs[len(outs)-1]]
	return vstep{chain: c, dst: last.dst, whole: true}, true
}

// chainRun runs the chain over the pass of m elements from element elem (off into
// the block) on worker s: the main part with non-temporal stores where the result
// streams, the chain stores only the result, and its first element is 64-byte
// aligned; the rest with ordinary stores.
func (r *run) chainRun(s *scratch, c *chainStep, elem, off, m int) {
	if cap(s.chain) < len(c.steps) {
		s.chain = make([]asm.ChainStep, len(c.steps))
	}
	steps := s.chain[:len(c.steps)]
	copy(steps, c.steps)
	if len(s.slots) < c.nslots*8 {
		s.slots = make([]uint64, maxChainSlots*8)
	}
	lanes, runChain := 8, asm.RunChain
	if c.f32 {
		lanes, runChain = 16, asm.RunChainF32
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
	for _, k := range c.consts {
		v := math.Float64bits(k.v)
		if c.f32 {
			b := uint64(math.Float32bits(float32(k.v)))
			v = b | b<<32
		}
		for i := range 8 {
			s.slots[k.slot*8+i] = v
		}
	}
	slots := unsafe.Pointer(&s.slots[0])
	main := 0
	if c.nt >= 0 && r.stream && m >= lanes {
		x := c.ptrs[c.nt]
		if ptr := r.pointer(s, x.op, elem, off); uintptr(ptr)%64 == 0 {
			main = m &^ (lanes - 1)
			for _, x := range c.ptrs {
				steps[x.step].Ptr = r.pointer(s, x.op, elem, off)
			}
			steps[x.step] = c.ntStep
			steps[x.step].Ptr = ptr
			runChain(steps, slots, main)
			steps[x.step] = c.steps[x.step]
		}
	}
	if main < m {
		for _, x := range c.ptrs { // a temporary's buffer holds the pass from its start
			steps[x.step].Ptr = unsafe.Add(r.pointer(s, x.op, elem, off), main*x.op.size)
		}
		runChain(steps, slots, m-main)
	}
}

// newChainPlan returns p's plan with runs of steps as chains (planChains), or nil
// where there are none (or chains do not run here, or b is not the SIMD backend).
func newChainPlan(p *ir.Program, b *Backend, opt Options) *plan {
	if !asm.ChainAvailable() || b.name != exec.BackendSIMD {
		return nil
	}
	opt.chains = true
	pl, err := newPlan(p, b, false, opt)
	if err != nil {
		return nil
	}
	for _, sp := range pl.stages {
		for _, v := range sp.vector {
			if v.chain != nil {
				return pl
			}
		}
	}
	return nil
}
