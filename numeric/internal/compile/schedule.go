package compile

import (
	"sort"

	"github.com/numkit/numkit/numeric/internal/syntax"
	"github.com/numkit/numkit/numeric/ir"
)

// finish schedules the registers reachable from result into stages and returns the
// program. A value's level is the first stage in which it can be computed: inputs and
// constants 0, a reduction's result one more than its argument, anything else the
// largest level of its arguments. Scalar code runs in the stage of its level; vector
// code is recomputed in every stage that needs it (block temporaries do not outlive a
// pass); each reduction runs in the stage of its argument's level.
func (b *builder) finish(result ir.Reg, pos syntax.Pos) (*ir.Program, error) {
	if !b.regs[result].Scalar && b.regs[result].Kind != ir.RegTemp {
		// A vector result must be written by an instruction of the last stage.
		r, err := b.emitShaped(ir.OpCopy, b.typ(result), pos, true, result)
		if err != nil {
			return nil, err
		}
		result = r
	}
	n := len(b.regs)
	level := make([]int, n)
	reachable := make([]bool, n)
	var mark func(r ir.Reg)
	mark = func(r ir.Reg) {
		if reachable[r] {
			return
		}
		reachable[r] = true
		if in, ok := b.defs[r]; ok {
			for _, a := range in.Args[:in.Op.Arity()] {
				mark(a)
			}
		}
		if red, ok := b.reductions[r]; ok {
			mark(red.Arg)
		}
	}
	mark(result)
	for r := range n { // creation order is topological
		if in, ok := b.defs[ir.Reg(r)]; ok {
			for _, a := range in.Args[:in.Op.Arity()] {
				level[r] = max(level[r], level[a])
			}
		}
		if red, ok := b.reductions[ir.Reg(r)]; ok {
			level[r] = level[red.Arg] + 1
		}
	}
	p := &ir.Program{Source: b.src, Regs: b.regs, Inputs: b.inputs, Result: result}
	p.Stages = make([]ir.Stage, level[result]+1)
	var reductions []ir.Reduction
	for r := range n {
		if !reachable[r] {
			continue
		}
		if in, ok := b.defs[ir.Reg(r)]; ok && b.regs[r].Scalar {
			st := &p.Stages[level[r]]
			st.Scalar = append(st.Scalar, in)
		}
		if red, ok := b.reductions[ir.Reg(r)]; ok {
			reductions = append(reductions, red)
		}
	}
	for _, red := range reductions {
		st := &p.Stages[level[red.Arg]]
		st.Reductions = append(st.Reductions, red)
	}
	for k := range p.Stages {
		st := &p.Stages[k]
		var roots []ir.Reg
		for _, red := range st.Reductions {
			roots = append(roots, red.Arg)
		}
		if k == len(p.Stages)-1 && !b.regs[result].Scalar {
			roots = append(roots, result)
		}
		st.Vector = b.vectorCode(roots)
	}
	p.Cost = b.cost(p)
	return p, nil
}

// vectorCode returns, in creation order, the vector instructions needed to compute roots.
func (b *builder) vectorCode(roots []ir.Reg) []ir.Instr {
	need := map[ir.Reg]bool{}
	var visit func(r ir.Reg)
	visit = func(r ir.Reg) {
		in, ok := b.defs[r]
		if !ok || b.regs[r].Scalar || need[r] {
			return
		}
		need[r] = true
		for _, a := range in.Args[:in.Op.Arity()] {
			visit(a)
		}
	}
	for _, r := range roots {
		visit(r)
	}
	regs := make([]ir.Reg, 0, len(need))
	for r := range need {
		regs = append(regs, r)
	}
	sort.Slice(regs, func(i, j int) bool { return regs[i] < regs[j] })
	code := make([]ir.Instr, len(regs))
	for i, r := range regs {
		code[i] = b.defs[r]
	}
	return code
}

func (b *builder) cost(p *ir.Program) ir.Cost {
	var c ir.Cost
	for _, st := range p.Stages {
		read := map[ir.Reg]bool{}
		note := func(r ir.Reg) {
			if info := b.regs[r]; info.Kind == ir.RegInput && !info.Scalar {
				read[r] = true
			}
		}
		for _, in := range st.Vector {
			for _, a := range in.Args[:in.Op.Arity()] {
				note(a)
			}
			c.Ops[in.Op.Class()]++
		}
		for _, red := range st.Reductions {
			note(red.Arg)
			c.Ops[ir.ClassCheap]++
		}
		for r := range read {
			c.BytesRead += b.regs[r].Type.Size()
		}
		if len(st.Vector) > 0 || len(st.Reductions) > 0 {
			c.Passes++
		}
	}
	if !b.regs[p.Result].Scalar {
		c.BytesWritten = b.regs[p.Result].Type.Size()
	}
	return c
}
