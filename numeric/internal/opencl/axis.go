package opencl

import (
	"context"
	"errors"
	"fmt"
	"unsafe"

	"github.com/numkit/numkit/cl"
	"github.com/numkit/numkit/kernels"
	"github.com/numkit/numkit/numeric/internal/strided"
	"github.com/numkit/numkit/numeric/ir"
)

// AxisLine is one axis reduction's input in place: element (j0, j1, ...) of the
// result's line e is at Ptr + Σ jd·Strides[d] + e·LineStride elements.
type AxisLine struct {
	Type       ir.DType
	Ptr        unsafe.Pointer
	Shape      []int // the result's shape (no dimension 0, at least one dimension)
	Strides    []int
	Len        int // the line length along the axis (positive)
	LineStride int
	// Moments is the CPU algorithm whose bits var, std, skew and kurt of floats give
	// (the caller's CPU reference: kernels.MomentOrder).
	Moments kernels.MomentOrder
}

// AxisResult is the result type of op along an axis of arg, and false where ReduceAxis
// does not compute it (kernels.AxisResult).
func AxisResult(op ir.ReduceOp, arg ir.DType) (ir.DType, bool) { return kernels.AxisResult(op, arg) }

// ReduceAxis computes op along the axis of in on the device, one work-item per result
// element (per 2 to 8 neighbouring ones where axisVector says), each line reduced in the CPU backends' order (kernels/axis.go), into
// dst: the contiguous result (kernels.AxisResult's type, prod(in.Shape) elements). It
// returns an error wrapping ErrNotShaped where the device does not run it (the
// operation or type, no fp64, buffers larger than the device allows).
func ReduceAxis(ctx context.Context, op ir.ReduceOp, in AxisLine, dst unsafe.Pointer) error {
	res, ok := kernels.AxisResult(op, in.Type)
	if !ok || len(in.Shape) == 0 || in.Len <= 0 {
		return ErrNotShaped
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	d, err := Default()
	if err != nil {
		return err
	}
	n := 1
	for _, v := range in.Shape {
		n *= v
	}
	lo, hi := strided.Span(append(in.Shape[:len(in.Shape):len(in.Shape)], in.Len), append(in.Strides[:len(in.Strides):len(in.Strides)], in.LineStride))
	size := in.Type.Size()
	if n == 0 || n >= kernels.MaxShapedIndex || uint64((hi-lo)*size) > d.dev.MaxAllocBytes || uint64(n*res.Size()) > d.dev.MaxAllocBytes {
		return ErrNotShaped
	}
	stepped := in.LineStride != 1 && in.Len > 1
	vec := axisVector(op, in, stepped)
	g, err := kernels.GenerateAxis(op, in.Type, d.target, len(in.Shape), kernels.AxisOptions{Stepped: stepped, Moments: in.Moments, Vector: vec})
	if errors.Is(err, kernels.ErrNoFP64) {
		return fmt.Errorf("%w: %w", ErrNotShaped, err)
	} else if err != nil {
		return err
	}
	built, err := d.programs.get(g.Source)
	if err != nil {
		return fmt.Errorf("numeric: opencl: %s along an axis of %s: %w", op, in.Type, err)
	}
	kern, err := built.p.CreateKernel("nk_axis")
	if err != nil {
		return deviceError("creating kernel nk_axis", d, err)
	}
	kernelsCreated.Add(1)
	defer releaseKernels([]*cl.Kernel{kern})
	geo := kernels.Geometry(in.Shape, []int{-lo}, [][]int{in.Strides})
	q, err := d.queue()
	if err != nil {
		return err
	}
	r := &runState{cp: &Program{dev: d}, q: q}
	// The moment kernels keep 4-13 KB of private arrays per work-item: in groups
	// of the driver's choice, var along the last axis of a (4095, 3) array crashed
	// pocl 3.1 (a segmentation fault); in groups of AxisGroup it does not.
	grouped := stepped || kernels.IsMoment(op)
	err = r.axis(kern, grouped, vec, in, lo, hi, n, geo, unsafe.Slice((*byte)(dst), n*res.Size()))
	if ferr := r.finish(); err == nil {
		err = ferr
	}
	d.putQueue(q, err != nil)
	if err == nil {
		axisRuns.Add(1)
	}
	return err
}

// axisVector is how many neighbouring lines one work-item reduces at once (0: one):
// where the lines are not contiguous but neighbouring lines' elements are (a leading
// axis of a C-order array), 8, 4 or 2 lines in vector registers, the largest that
// divides the result's inner extent and the reduction's variant allows.
func axisVector(op ir.ReduceOp, in AxisLine, stepped bool) int {
	last := len(in.Shape) - 1
	most := kernels.VectorAxis(op, in.Type)
	if !stepped || most == 0 || in.Strides[last] != 1 {
		return 0
	}
	for _, v := range []int{8, 4, 2} {
		if v <= most && in.Shape[last]%v == 0 {
			return v
		}
	}
	return 0
}

// axis uploads the input span [lo, hi) and the geometry, launches the axis kernel
// over n results (in groups of AxisGroup work-items where grouped) and makes them
// visible in out.
func (r *runState) axis(kern *cl.Kernel, grouped bool, vec int, in AxisLine, lo, hi, n int, geo []int64, out []byte) error {
	d := r.cp.dev
	size := in.Type.Size()
	host := unsafe.Slice((*byte)(unsafe.Add(in.Ptr, lo*size)), (hi-lo)*size)
	src, err := r.hostBuffer(cl.MemReadOnly, host, true)
	if err != nil {
		return deviceError(fmt.Sprintf("uploading %d bytes", len(host)), d, err)
	}
	gb, err := cl.CreateBufferFrom(d.ctx, cl.MemReadOnly, geo)
	if err != nil {
		return deviceError("uploading the geometry", d, err)
	}
	r.temps = append(r.temps, gb)
	dst, err := r.hostBuffer(cl.MemWriteOnly, out, false)
	if err != nil {
		return deviceError(fmt.Sprintf("allocating %d bytes for the result", len(out)), d, err)
	}
	if err := kern.SetArgs(int64(n), int64(in.Len), int64(in.LineStride), gb, src, dst); err != nil {
		return deviceError("setting the arguments of nk_axis", d, err)
	}
	var local []int // the driver's choice, except for the stepped and moment kernels' groups
	if grouped {
		l := min(kernels.AxisGroup, d.target.GroupSize) // a power of two up to 64
		if info, err := kern.WorkGroupInfo(d.dev); err == nil {
			for l > 1 && l > info.WorkGroupSize {
				l /= 2
			}
		}
		local = []int{l}
	}
	if err := r.q.RunNDRange(kern, []int{globalSize(n / max(vec, 1))}, local); err != nil {
		return deviceError("running nk_axis", d, err)
	}
	if err := r.download(dst, out); err != nil {
		return deviceError("downloading the result", d, err)
	}
	return nil
}
