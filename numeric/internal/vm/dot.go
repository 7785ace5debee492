package vm

import (
	"github.com/numkit/numkit/numeric/ir"
)

// Dot products. sum(a*b) is a multiply pass writing a temporary and a sum pass reading
// it; where the backend's sum reducer has a Dot (the SIMD backend's asm Dot, one fused
// multiply-add per element; the gonum backend's floats.Dot for float64, products
// rounded as the multiply pass rounds them), planDots drops the multiply and the
// reduction reads both operands itself: one pass, no temporary.

// dotPair is a reduction's two factors when it reduces their product.
type dotPair struct {
	x, y ir.Reg
}

// planDots finds the stage's sum and mean reductions of a product of two arrays that
// nothing else reads, and returns the stage without those multiplies and, per
// reduction index, the factors (nil when there are none).
func (pl *plan) planDots(st ir.Stage) (ir.Stage, map[int]dotPair) {
	p := pl.prog
	if len(st.Reductions) == 0 || len(st.Vector) == 0 {
		return st, nil
	}
	uses := map[ir.Reg]int{}
	def := map[ir.Reg]int{}
	for i, in := range st.Vector {
		def[in.Dst] = i
		for _, a := range in.Args[:in.Op.Arity()] {
			uses[a]++
		}
	}
	for _, r := range st.Reductions {
		uses[r.Arg]++
	}
	var dots map[int]dotPair
	drop := map[int]bool{}
	for k, r := range st.Reductions {
		if r.Op != ir.ReduceSum && r.Op != ir.ReduceMean {
			continue
		}
		i, ok := def[r.Arg]
		if !ok || uses[r.Arg] != 1 || r.Arg == p.Result {
			continue
		}
		in := st.Vector[i]
		x, y := in.Args[0], in.Args[1]
		t := p.Regs[r.Arg].Type
		if in.Op != ir.OpMul || !t.IsFloat() || p.Regs[x].Scalar || p.Regs[y].Scalar ||
			p.Regs[x].Type != t || p.Regs[y].Type != t {
			continue
		}
		if red, ok := pl.backend.reducer(r.Op, t); !ok || red.Dot == nil {
			continue
		}
		if dots == nil {
			dots = map[int]dotPair{}
		}
		dots[k] = dotPair{x, y}
		drop[i] = true
	}
	if dots == nil {
		return st, nil
	}
	out := st
	out.Vector = nil
	for i, in := range st.Vector {
		if !drop[i] {
			out.Vector = append(out.Vector, in)
		}
	}
	return out, dots
}
