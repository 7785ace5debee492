package vm

import (
	"slices"

	"github.com/numkit/numkit/numeric/internal/generic"
	"github.com/numkit/numkit/numeric/ir"
)

// Peephole fusion for the gonum backend. Each vector instruction is one pure-Go pass
// over a block, so an expression like 2*a + 3*b**2 - c/4 costs six passes, each
// loading and storing a temporary. The pass below finds small trees of instructions
// that one loop of package generic computes (generic.Fused) and runs that loop instead:
// the temporaries inside the tree stay in registers. The loops round every operation as
// the unfused kernels do, so fusing never changes a result's bits.
//
// It works in three steps around assignVector:
//
//   - planFusion matches the table's patterns against the stage's vector code, largest
//     tree first, from the last instruction back, and moves each match's inner
//     instructions right before its root (the code is in SSA form, so moving an
//     instruction later, before its only use, keeps every operand defined);
//   - assignVector binds that code as usual, instruction by instruction;
//   - fuseVector replaces each match's run of steps with one step, whose operands are the
//     ones the matched steps read.
//
// Because a match's steps are adjacent, nothing runs between them: an operand buffer
// freed inside the match can only have been reused for one of the match's own results,
// which the fused step does not write, or for the root's result, which the fused loop
// writes element by element after reading the same element of every operand, and only
// for the same element size (assignVector's rule). So the fused step reads exactly the
// values the unfused steps would have read.

// fusedGroup is one match: the instruction at root (an index into the reordered
// code) and the inner instructions right before it.
type fusedGroup struct {
	start, root int
	fusion      *fusion
	match
}

// match is a pattern's leaves bound to registers, and the instructions inside the tree.
type match struct {
	leaves [numLeaves]ir.Reg
	bound  [numLeaves]bool
	inner  []int // indices into the stage's original vector code
}

type fuser struct {
	p     *ir.Program
	code  []ir.Instr
	typ   ir.DType       // the root's
	wide  bool           // the row's
	def   map[ir.Reg]int // the instruction defining each vector temporary
	uses  map[ir.Reg]int // reads of each register in the whole program
	taken []bool         // the instruction is inside a match
}

// hasAsm reports whether the row has an asm loop for type t.
func (fu *fusion) hasAsm(t ir.DType) bool {
	return fu.asm != nil && (t == ir.Float32 && fu.asm.F32 != nil || t == ir.Float64 && fu.asm.F64 != nil)
}

// planFusion finds the stage's fusable trees and returns the stage with each tree's
// inner instructions moved right before its root, and the matches. It returns the
// stage unchanged unless the plan fuses.
func (pl *plan) planFusion(st ir.Stage) (ir.Stage, []fusedGroup) {
	if !pl.fuse || pl.noFusion || len(st.Vector) < 2 {
		return st, nil
	}
	p := pl.prog
	f := &fuser{p: p, code: st.Vector, def: map[ir.Reg]int{}, uses: map[ir.Reg]int{},
		taken: make([]bool, len(st.Vector))}
	for i, in := range st.Vector {
		f.def[in.Dst] = i
	}
	for _, s := range p.Stages {
		for _, in := range s.Vector {
			for _, a := range in.Args[:in.Op.Arity()] {
				f.uses[a]++
			}
		}
		for _, r := range s.Reductions {
			f.uses[r.Arg]++
		}
	}
	f.uses[p.Result]++
	matches := map[int]*fusedGroup{}
	for i := len(st.Vector) - 1; i >= 0; i-- {
		if f.taken[i] {
			continue
		}
		in := st.Vector[i]
		if !in.Type.IsFloat() || pl.lazyWheres[in.Dst] {
			continue
		}
		f.typ = in.Type
		table := fusions
		if pl.fast && pl.backend.asmFused {
			table = fastOrder
		}
		for k := range table {
			fu := &table[k]
			if fu.loop.F32 == nil && in.Type == ir.Float32 || fu.loop.F64 == nil && in.Type == ir.Float64 || pl.asmOnly && !fu.hasAsm(in.Type) {
				continue
			}
			f.wide = fu.wide
			var m match
			if !f.matchInstr(fu.tree, in, &m) || !fitsArgs(p, &m) {
				continue
			}
			for _, j := range m.inner {
				f.taken[j] = true
			}
			slices.Sort(m.inner)
			matches[i] = &fusedGroup{fusion: fu, match: m}
			break
		}
	}
	if len(matches) == 0 {
		return st, nil
	}
	code := make([]ir.Instr, 0, len(st.Vector))
	var groups []fusedGroup
	for i, in := range st.Vector {
		if f.taken[i] {
			continue
		}
		g := matches[i]
		if g == nil {
			code = append(code, in)
			continue
		}
		g.start = len(code)
		for _, j := range g.inner {
			code = append(code, st.Vector[j])
		}
		g.root = len(code)
		code = append(code, in)
		groups = append(groups, *g)
	}
	st.Vector = code
	return st, groups
}

// matchInstr matches pattern node n against instruction in, in either operand order
// where the operation allows.
func (f *fuser) matchInstr(n *patNode, in ir.Instr, m *match) bool {
	if n.op == in.Op && f.matchArgs(n, in.Args[:in.Op.Arity()], m) {
		return true
	}
	if mir, ok := in.Op.Swapped(); ok && mir == n.op {
		return f.matchArgs(n, []ir.Reg{in.Args[1], in.Args[0]}, m)
	}
	return false
}

func (f *fuser) matchArgs(n *patNode, args []ir.Reg, m *match) bool {
	saved := *m
	saved.inner = append([]int(nil), m.inner...)
	for k, a := range args {
		if !f.matchReg(n.args[k], a, m) {
			*m = saved
			return false
		}
	}
	return true
}

// matchReg matches pattern node n against register r: a leaf of the fused type, or a
// temporary read only here whose instruction matches n.
func (f *fuser) matchReg(n *patNode, r ir.Reg, m *match) bool {
	info := f.p.Regs[r]
	if n.op == ir.OpInvalid {
		scalar := n.leaf >= firstScalarLeaf
		want := f.typ
		if scalar && f.wide {
			want = ir.Float64
		}
		if info.Type != want || info.Scalar != scalar ||
			(m.bound[n.leaf] && m.leaves[n.leaf] != r) {
			return false
		}
		m.leaves[n.leaf], m.bound[n.leaf] = r, true
		return true
	}
	i, ok := f.def[r]
	if !ok || f.taken[i] || f.uses[r] != 1 || r == f.p.Result {
		return false
	}
	if !f.matchInstr(n, f.code[i], m) {
		return false
	}
	m.inner = append(m.inner, i)
	return true
}

// fitsArgs reports whether the match's operands fit a kernel's three argument
// pointers: one per distinct vector register and one per scalar that is not a
// constant (constants are built into the kernel).
func fitsArgs(p *ir.Program, m *match) bool {
	var regs []ir.Reg
	for k, r := range m.leaves {
		if !m.bound[k] || (k >= firstScalarLeaf && p.Regs[r].Kind == ir.RegConst) {
			continue
		}
		if !slices.Contains(regs, r) {
			regs = append(regs, r)
		}
	}
	return len(regs) <= 3
}

// fuseVector replaces each group's steps in sp.vector (bound from code) by one step.
func (pl *plan) fuseVector(sp *stagePlan, code []ir.Instr, groups []fusedGroup) {
	if len(groups) == 0 {
		return
	}
	out := make([]vstep, 0, len(sp.vector))
	next := 0
	for _, g := range groups {
		out = append(out, sp.vector[next:g.start]...)
		out = append(out, pl.fusedStep(sp.vector[g.start:g.root+1], code[g.start:g.root+1], &g))
		next = g.root + 1
	}
	sp.vector = append(out, sp.vector[next:]...)
}

// fusedStep makes the step that computes a group: steps are the group's bound steps
// and code their instructions.
func (pl *plan) fusedStep(steps []vstep, code []ir.Instr, g *fusedGroup) vstep {
	p := pl.prog
	v := vstep{dst: steps[len(steps)-1].dst}
	argOf := map[ir.Reg]int{}
	arg := func(r ir.Reg, o operand) int {
		k, ok := argOf[r]
		if !ok {
			k = v.nargs
			argOf[r] = k
			v.args[k] = o
			v.nargs++
		}
		return k
	}
	var vecs []int
	var scals []generic.Leaf
	fu := g.fusion
	for k, r := range g.leaves {
		if !g.bound[k] {
			continue
		}
		if k < firstScalarLeaf {
			vecs = append(vecs, arg(r, boundOperand(steps, code, r)))
			continue
		}
		info := p.Regs[r]
		l := generic.Leaf{Arg: -1, Neg: fu.negate&(1<<k) != 0,
			Float32: info.Type == ir.Float32}
		if info.Kind == ir.RegConst {
			l.Const = info.Const.Float()
		} else {
			l.Arg = arg(r, operand{kind: operandScalar, index: int(r)})
		}
		scals = append(scals, l)
	}
	loop := fu.loop
	if pl.backend.asmFused && fu.asm != nil {
		loop = *fu.asm // asm's loop for the row, with the same bits
	}
	switch p.Regs[code[len(code)-1].Dst].Type {
	case ir.Float32:
		v.kernel = generic.FusedKernel(loop.F32, vecs, scals)
	default:
		v.kernel = generic.FusedKernel(loop.F64, vecs, scals)
	}
	return v
}

// boundOperand returns the operand a group's step reads register r through.
func boundOperand(steps []vstep, code []ir.Instr, r ir.Reg) operand {
	for i, in := range code {
		for k, a := range in.Args[:in.Op.Arity()] {
			if a == r {
				return steps[i].args[k]
			}
		}
	}
	panic("vm: fused operand not read by its group")
}
