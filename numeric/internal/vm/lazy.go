package vm

import (
	"bytes"
	"unsafe"

	"github.com/numkit/numkit/numeric/ir"
)

// Lazy where, and, or. where(c, x, y) needs x only where c is true and y only where
// it is false, as a C or Numba loop's `c ? x : y` evaluates one side per element;
// likewise p & q needs q only where p is true and p | q only where p is false (C's
// && and ||). Below, c is the condition and x, y the operands it guards. The VM
// evaluates per pass, so it skips a branch per pass: the instructions that only x
// needs (x's branch) run unless c is false over the whole pass, y's unless c is true
// over it; and on a pass where c is the same everywhere, the where itself reads the
// operand it selects for both (lazyPick), so that an input array the other operand
// is does not stream from memory. Skipping changes no result: the vector code has no
// side effects, and the where reads a skipped branch's buffer only in lanes it does
// not select.
//
// The plan keeps each where's branches in two runs of steps right before it:
// lazyOrder moves them there before fusion, fusion leaves such a where a step of its
// own (rather than fuse it with its condition's compare), and planLazy, after fusion
// and binding, finds the runs again in the final code and marks their first steps
// (vstep.lazy). A branch whose instructions fusion moved or merged with others is
// not skipped.

// lazyPick marks a where (or and, or) step whose operands are arrays (inputs,
// temporaries or broadcasts): on a pass where the condition is the same in every
// element and selects one operand, the step reads that one in place of the other,
// so an input the other operand is does not stream from memory there.
type lazyPick struct {
	cond operand
	op   ir.Op
}

// lazyGuard is an operand of a lazy instruction (lazyGuards) that it needs only
// where its condition is want.
type lazyGuard struct {
	arg  int
	want bool
}

// lazyGuards returns the operands of in that it needs only where its condition,
// in.Args[0], has a certain value: a where's x (true) and y (false), the second
// operand of a bool and (true) or or (false); none for other instructions or a
// scalar condition.
func lazyGuards(p *ir.Program, in ir.Instr) []lazyGuard {
	c := p.Regs[in.Args[0]]
	if c.Scalar || c.Type != ir.Bool {
		return nil
	}
	switch in.Op {
	case ir.OpWhere:
		return []lazyGuard{{1, true}, {2, false}}
	case ir.OpAnd, ir.OpOr:
		if in.Type == ir.Bool && !p.Regs[in.Args[1]].Scalar {
			return []lazyGuard{{1, in.Op == ir.OpAnd}}
		}
	}
	return nil
}

// lazySkip marks the first step of a where's branch: the run of n steps, which
// computes a value the where reads only where the condition is want, is skipped on
// a pass where the condition is !want in every element.
type lazySkip struct {
	cond operand // the condition: a bool input or temporary
	want bool
	n    int
}

// lazyUses indexes who reads each register of the program.
type lazyUses struct {
	readers map[ir.Reg][]lazyUse // by the stage's vector code
	outside map[ir.Reg]bool      // read elsewhere: another stage, a reduction, the result
}

// stageReads are the registers a stage's reductions read besides their arguments:
// the factors of the dot products planDots made (it took their product out of the
// vector code).
func stageReads(dots map[int]dotPair) []ir.Reg {
	var regs []ir.Reg
	for _, d := range dots {
		regs = append(regs, d.x, d.y)
	}
	return regs
}

type lazyUse struct{ instr, arg int }

// newLazyUses indexes the readers of code, the stage's vector code, and marks as
// read outside it the registers of read (stageReads) besides those other stages,
// reductions' arguments and the result read.
func newLazyUses(p *ir.Program, stage int, code []ir.Instr, read ...ir.Reg) lazyUses {
	u := lazyUses{readers: map[ir.Reg][]lazyUse{}, outside: map[ir.Reg]bool{p.Result: true}}
	for _, r := range read {
		u.outside[r] = true
	}
	for i, in := range code {
		for k, a := range in.Args[:in.Op.Arity()] {
			u.readers[a] = append(u.readers[a], lazyUse{i, k})
		}
	}
	for k, st := range p.Stages {
		for _, r := range st.Reductions {
			u.outside[r.Arg] = true
		}
		for _, in := range st.Scalar {
			for _, a := range in.Args[:in.Op.Arity()] {
				u.outside[a] = true
			}
		}
		if k == stage {
			continue
		}
		for _, in := range st.Vector {
			for _, a := range in.Args[:in.Op.Arity()] {
				u.outside[a] = true
			}
		}
	}
	return u
}

// branch returns the indices, in order, of the instructions of code before w that
// only operand k of the where at code[w] needs: those whose result is read by the
// where's operand k alone, or only by instructions already in the branch.
func (u lazyUses) branch(code []ir.Instr, w, k int) []int {
	in := map[int]bool{}
	var idx []int
	for i := w - 1; i >= 0; i-- {
		d := code[i].Dst
		if u.outside[d] || len(u.readers[d]) == 0 {
			continue
		}
		only := true
		for _, r := range u.readers[d] {
			if !(r.instr == w && r.arg == k || in[r.instr]) {
				only = false
				break
			}
		}
		if only {
			in[i] = true
			idx = append(idx, i)
		}
	}
	for i, j := 0, len(idx)-1; i < j; i, j = i+1, j-1 {
		idx[i], idx[j] = idx[j], idx[i]
	}
	return idx
}

// lazyOrder returns the stage's vector code with each lazy instruction's guarded
// branches moved right before it, in the order of lazyGuards, each in its order.
// The code is in SSA form and every moved instruction is read only by the lazy
// instruction or by instructions moved with it, so every operand is still defined
// before it is read. An instruction in the branches of nested lazy instructions
// moves with the innermost (the one defined first). It takes time in proportion to
// the code's length times its lazy instructions.
func lazyOrder(p *ir.Program, stage int, code []ir.Instr) []ir.Instr {
	u := newLazyUses(p, stage, code)
	owner := make([]int, len(code)) // the lazy instruction a branch of which holds each, or -1
	for i := range owner {
		owner[i] = -1
	}
	runs := map[int][][]int{}
	for w := len(code) - 1; w >= 0; w-- { // inner ones last: they claim their instructions
		for _, g := range lazyGuards(p, code[w]) {
			b := u.branch(code, w, g.arg)
			runs[w] = append(runs[w], b)
			for _, i := range b {
				owner[i] = w
			}
		}
	}
	if len(runs) == 0 {
		return code
	}
	out := make([]ir.Instr, 0, len(code))
	var emit func(i int)
	emit = func(i int) {
		for _, b := range runs[i] {
			for _, j := range b {
				if owner[j] == i {
					emit(j)
				}
			}
		}
		out = append(out, code[i])
	}
	for i := range code {
		if owner[i] < 0 {
			emit(i)
		}
	}
	return out
}

// lazyWheres returns the results of the wheres in code (the stage's vector code,
// lazyOrder's) that have a branch to skip.
func lazyWheres(p *ir.Program, stage int, code []ir.Instr, read []ir.Reg) map[ir.Reg]bool {
	var out map[ir.Reg]bool
	u := newLazyUses(p, stage, code, read...)
	for w, in := range code {
		if in.Op == ir.OpWhere && lazyGuards(p, in) != nil && (len(u.branch(code, w, 1)) > 0 || len(u.branch(code, w, 2)) > 0) {
			if out == nil {
				out = map[ir.Reg]bool{}
			}
			out[in.Dst] = true
		}
	}
	return out
}

// planLazy marks the guarded branches of the stage's lazy instructions that run as
// their own runs of steps right before the instruction; code is the stage's final
// vector code and groups its fused runs, which sp.vector has bound.
func (pl *plan) planLazy(sp *stagePlan, stage int, code []ir.Instr, groups []fusedGroup, read []ir.Reg) {
	step := make([]int, len(code)) // the step that computes each instruction
	s, g := 0, 0
	for i := 0; i < len(code); i++ {
		if g < len(groups) && i == groups[g].start {
			for ; i <= groups[g].root; i++ {
				step[i] = s
			}
			i--
			g++
		} else {
			step[i] = s
		}
		s++
	}
	u := newLazyUses(pl.prog, stage, code, read...)
	for w, in := range code {
		guards := lazyGuards(pl.prog, in)
		if guards == nil || w > 0 && step[w-1] == step[w] || w+1 < len(code) && step[w+1] == step[w] {
			continue // not lazy, or fused with the code around it
		}
		v := &sp.vector[step[w]]
		cond := v.args[0]
		if v.nargs != in.Op.Arity() || cond.kind != operandTemp && cond.kind != operandInput || cond.size != 1 {
			continue
		}
		picks := true
		for _, g := range guards {
			picks = picks && v.args[g.arg].kind != operandScalar
		}
		if picks {
			v.pick = &lazyPick{cond: cond, op: in.Op}
		}
		// The runs must be in the guards' order, right before the instruction, in
		// steps of their own.
		hi := w
		for k := len(guards) - 1; k >= 0; k-- {
			run := u.branch(code, w, guards[k].arg)
			if len(run) == 0 {
				continue
			}
			if !pl.lazyRun(sp, step, run, hi-len(run), hi, cond, guards[k].want) {
				break
			}
			hi -= len(run)
		}
	}
}

// lazyRun marks the run of instructions idx, which must be exactly code[lo:hi], as
// skipped unless the condition is want somewhere in the pass; it reports whether it
// did.
func (pl *plan) lazyRun(sp *stagePlan, step []int, idx []int, lo, hi int, cond operand, want bool) bool {
	if idx[0] != lo || idx[len(idx)-1] != hi-1 || len(idx) != hi-lo ||
		lo > 0 && step[lo-1] == step[lo] || step[hi-1] == step[hi] {
		return false // not in place, or sharing a fused step with code outside the run
	}
	first := step[lo]
	if sp.vector[first].lazy != nil {
		return false
	}
	sp.vector[first].lazy = &lazySkip{cond: cond, want: want, n: step[hi-1] - first + 1}
	return true
}

// operands returns the operands the step v of l reads on a pass of m elements whose
// condition starts at c: the selected one in place of the other where the
// condition selects one operand everywhere (ok), else v's own.
func (l *lazyPick) operands(v *vstep, c unsafe.Pointer, m int) (ops [3]operand, ok bool) {
	b := unsafe.Slice((*byte)(c), m)
	a := v.args
	switch {
	case l.op == ir.OpWhere && bytes.IndexByte(b, 0) < 0:
		return [3]operand{a[0], a[1], a[1]}, true
	case l.op == ir.OpWhere && allZero(b):
		return [3]operand{a[0], a[2], a[2]}, true
	case l.op == ir.OpAnd && allZero(b), l.op == ir.OpOr && bytes.IndexByte(b, 0) < 0:
		return [3]operand{a[0], a[0]}, true // p & p is p where p is false, p | p where true
	}
	return a, false
}

// skips reports whether the branch that l marks can be skipped on the pass of m
// elements whose condition starts at c: the condition is !want in every element.
func (l *lazySkip) skips(c unsafe.Pointer, m int) bool {
	b := unsafe.Slice((*byte)(c), m)
	if !l.want {
		return bytes.IndexByte(b, 0) < 0 // true everywhere: y is not needed
	}
	return allZero(b) // false everywhere: x is not needed
}

// allZero reports whether every byte of b is 0.
func allZero(b []byte) bool {
	for len(b) >= 8 {
		if *(*uint64)(unsafe.Pointer(&b[0])) != 0 {
			return false
		}
		b = b[8:]
	}
	for _, v := range b {
		if v != 0 {
			return false
		}
	}
	return true
}
