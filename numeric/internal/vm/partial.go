package vm

// Partial evaluation (numeric/partial*.go, issue #17) cuts the elements into chunks
// evaluated apart and merges their reductions into the bits of a whole-array run. It
// needs three things of the VM, all here: a program for a derived IR program on the same
// backend and plan options, the per-block partials of a run's last stage, and the fixed
// pairwise fold the VM combines them with.

import (
	"context"

	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/internal/generic"
	"github.com/numkit/numkit/numeric/ir"
)

// Derive compiles p, an IR program derived from vp's (a pass of it), for vp's backend
// with vp's plan options, so its runs use the kernels and plans vp's runs use.
func (vp *Program) Derive(p *ir.Program) (*Program, error) {
	return Compile(p, vp.plan.backend, vp.opt)
}

// Reducers returns the reducers of the program's last stage, in the order of its
// reductions.
func (vp *Program) Reducers() []generic.Reducer {
	st := vp.plan.stages[len(vp.plan.stages)-1]
	rs := make([]generic.Reducer, len(st.reductions))
	for i, r := range st.reductions {
		rs[i] = r.reducer
	}
	return rs
}

// RunBlocks is Run that also returns a copy of the last stage's per-block partials,
// [reduction][block] with blocks of exec.BlockSize elements counted from element lo
// (nil when the last stage has no reductions or does not run over the elements).
// Folding each list with Fold gives the reduction as Run combines it.
func (vp *Program) RunBlocks(ctx context.Context, inputs []exec.Binding, lo, n int, out exec.Output, threads int) (uint64, [][]generic.Partial, error) {
	prog := vp.prog
	r, pool := vp.bind(inputs, lo, n, out)
	defer pool.Put(r)
	if err := r.execute(ctx, threads); err != nil {
		return 0, nil, err
	}
	last := r.plan.stages[len(r.plan.stages)-1]
	var parts [][]generic.Partial
	if last.passes && len(last.reductions) > 0 {
		nblocks := (n + blockSize - 1) / blockSize
		parts = make([][]generic.Partial, len(last.reductions))
		for j := range parts {
			parts[j] = append([]generic.Partial(nil), r.partials[j][:nblocks]...)
		}
	}
	if prog.ScalarResult() && out.Ptr != nil { // as Run: a complex128 is two words
		storeScalar(out.Ptr, out.Type, r.scalars[prog.Result])
	}
	return r.scalars[prog.Result][0], parts, nil
}

// Fold folds block partials in the VM's fixed pairwise tree (the identity for none).
func Fold(ps []generic.Partial, red generic.Reducer) generic.Partial {
	if len(ps) == 0 {
		return red.Identity
	}
	return exec.Pairwise(ps, red.Combine)
}
