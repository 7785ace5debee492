package opencl

import (
	"context"
	"unsafe"

	"github.com/numkit/numkit/cl"
	"github.com/numkit/numkit/kernels"
	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/internal/generic"
	"github.com/numkit/numkit/numeric/internal/stats"
	"github.com/numkit/numkit/numeric/ir"
)

// reduce runs stage k's reduction kernel chunk by chunk, reads the partials back and
// combines them in a fixed pairwise order into the reductions' scalar registers.
func (r *runState) reduce(ctx context.Context, k int, st ir.Stage, kern kernels.Kernel) error {
	d, g := r.cp.dev, r.cp.gen
	groups := g.Groups(r.n)
	types := make([]ir.DType, len(st.Reductions))
	sizes := make([]int, len(st.Reductions)) // bytes per group
	host := make([][]byte, len(st.Reductions))
	for j, red := range st.Reductions {
		types[j] = kernels.PartialType(red.Op, r.cp.prog.Regs[red.Arg].Type)
		sizes[j] = types[j].Size() * kernels.PartialWidth(red.Op)
		host[j] = make([]byte, groups*sizes[j])
	}
	first := 0 // the first group of the chunk
	for c := 0; c < r.nchunks; c++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		cg := g.Groups(r.chunkSize(c))
		parts := make([]*cl.Buffer, len(st.Reductions))
		for j := range parts {
			buf, err := d.ctx.CreateBuffer(cl.MemWriteOnly, cg*sizes[j])
			if err != nil {
				return deviceError("allocating partials", d, err)
			}
			r.temps = append(r.temps, buf)
			parts[j] = buf
		}
		if err := r.setArgs(r.kernels[k], kern, c, func(a kernels.Arg) *cl.Buffer { return parts[a.Reduction] }); err != nil {
			return err
		}
		if err := r.q.RunNDRange(r.kernels[k], []int{cg * g.GroupSize}, []int{g.GroupSize}); err != nil {
			return deviceError("running "+kern.Name, d, err)
		}
		for j := range parts {
			size := sizes[j]
			ev, err := cl.EnqueueReadBuffer(r.q, parts[j], 0, host[j][first*size:(first+cg)*size])
			if err != nil {
				return deviceError("reading partials", d, err)
			}
			r.events = append(r.events, ev)
		}
		first += cg
		if c+1 < r.nchunks { // wait, so that the context is checked between chunks
			if err := r.q.Finish(); err != nil {
				return deviceError("running "+kern.Name, d, err)
			}
		}
	}
	if err := r.q.Finish(); err != nil {
		return deviceError("running "+kern.Name, d, err)
	}
	for j, red := range st.Reductions {
		rd := r.cp.reducers[k][j]
		ps := make([]generic.Partial, groups)
		for i := range ps {
			if kernels.PartialWidth(red.Op) == kernels.MomentWidth {
				ps[i] = momentPartialAt(host[j], i, min(g.TileSize(), r.n-i*g.TileSize()))
			} else {
				ps[i] = partialAt(host[j], types[j], i)
			}
		}
		r.scalars[red.Out] = rd.Final(exec.Pairwise(ps, rd.Combine), r.n).Words()
		if r.blocks != nil && k == len(r.cp.prog.Stages)-1 {
			*r.blocks = append(*r.blocks, ps)
		}
	}
	return nil
}

// partialAt decodes partial i of type t from raw device bytes.
func partialAt(raw []byte, t ir.DType, i int) generic.Partial {
	p := unsafe.Pointer(&raw[i*t.Size()])
	switch t {
	case ir.Int32:
		return generic.Partial{I: int64(*(*int32)(p))}
	case ir.Int64:
		return generic.Partial{I: *(*int64)(p)}
	case ir.Float32:
		return generic.Partial{F: float64(*(*float32)(p))}
	case ir.Complex64:
		c := *(*[2]float32)(p)
		return generic.Partial{F: float64(c[0]), FI: float64(c[1])}
	case ir.Complex128:
		c := *(*[2]float64)(p)
		return generic.Partial{F: c[0], FI: c[1]}
	}
	return generic.Partial{F: *(*float64)(p)}
}

// momentPartialAt decodes the partial of a moment reduction over group i, which
// reduced count elements: the group's mean c and the sums of d, d², d³, d⁴ of the
// deviations from it.
func momentPartialAt(raw []byte, i, count int) generic.Partial {
	v := unsafe.Slice((*float64)(unsafe.Pointer(&raw[i*kernels.MomentWidth*8])), kernels.MomentWidth)
	return generic.FromCentral(stats.FromShifted(int64(count), v[0], v[1], v[2], v[3], v[4]))
}
