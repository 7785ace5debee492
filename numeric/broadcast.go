package numeric

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"unsafe"

	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/internal/opencl"
	"github.com/numkit/numkit/numeric/internal/strided"
	"github.com/numkit/numkit/numeric/ir"
)

// minRun is the shortest contiguous inner run that the CPU evaluates run by run in
// place; shorter runs (and programs with reductions) are gathered into contiguous
// temporaries first.
const minRun = 256

// prod is the number of elements of shape.
func prod(shape []int) int {
	n := 1
	for _, d := range shape {
		n *= d
	}
	return n
}

// broadcast returns the broadcast shape of the array inputs.
func (e *Expr) broadcast(bindings []binding) ([]int, error) {
	var names []string
	var shapes [][]int
	for i, b := range bindings {
		if !b.Scalar {
			names = append(names, e.names[i])
			shapes = append(shapes, shapeOf(b))
		}
	}
	return broadcastShapes(names, shapes)
}

// operand is one array operand of a shaped evaluation: its first element, its
// element size and its strides over the result's shape.
type operand struct {
	ptr     unsafe.Pointer
	size    int
	strides []int
}

// evaluateShaped evaluates inputs that need broadcasting or are N-d or strided, or
// into an N-d or strided destination. The result shape is checked against the
// destination before any work. The OpenCL backend reads the inputs in place
// (deviceShaped); elementwise programs on the CPU run contiguous inner runs in place;
// anything else gathers its inputs into contiguous temporaries (in C order), runs the
// 1-D program, and scatters a strided result.
func (e *Expr) evaluateShaped(ctx context.Context, c *compiled, stack []binding, out *output, alloc func(ir.DType, bool, []int, int) output) (uint64, error) {
	bindings := append([]binding(nil), stack...) // the caller's stack array must not escape
	shape, err := e.broadcast(bindings)
	if err != nil {
		return 0, err
	}
	n := prod(shape)
	scalar := c.prog.ScalarResult()
	if alloc != nil {
		rs := shape
		if scalar {
			rs = nil
		}
		*out = alloc(c.prog.ResultType(), scalar, rs, n)
	} else if err := checkShapedOutput(c.prog, *out, shape); err != nil {
		return 0, err
	}
	for i, b := range bindings {
		if b.Dev != nil {
			return 0, fmt.Errorf("numeric: variable %s is a DeviceArray (1-D, %d elements), which cannot take part in broadcasting or N-d evaluation (result shape %s): %w",
				e.names[i], b.N, shapeString(shape), ErrShape)
		}
	}
	if out.Dev != nil && !scalar {
		return 0, fmt.Errorf("numeric: a DeviceArray destination cannot receive an N-d or broadcast result (shape %s): %w", shapeString(shape), ErrShape)
	}
	ops := inputOperands(bindings, shape)
	if !scalar {
		ops = append(ops, operand{out.Ptr, out.Type.Size(), outStrides(*out, shape)})
	}
	if !scalar && overlaps(shape, ops) {
		// The destination shares memory with an input other than element for element:
		// evaluate into a temporary, then copy.
		return e.gatherRun(ctx, c, bindings, *out, shape, ops, n, true)
	}
	if ok, w, err := e.deviceShaped(ctx, c, bindings, *out, shape, ops); ok {
		return w, err
	}
	if cshape, cops, ok := byRows(c, shape, ops); ok {
		return 0, e.runRows(ctx, c, bindings, *out, cshape, cops)
	}
	return e.gatherRun(ctx, c, bindings, *out, shape, ops, n, false) // gathers nothing where all are contiguous
}

// byRows says whether a shaped evaluation runs in place over contiguous runs of rows
// on the CPU (runRows), and gives the collapsed shape and operands it runs over;
// else it gathers into contiguous copies and runs as a 1-D evaluation (gatherRun).
func byRows(c *compiled, shape []int, ops []operand) ([]int, []operand, bool) {
	if prod(shape) == 0 || c.prog.ScalarResult() || c.cpu == nil || c.device != nil || allContiguous(shape, ops) {
		return nil, nil, false
	}
	cshape, cops := collapse(shape, ops)
	return cshape, cops, inPlaceRuns(c.prog, cshape, cops)
}

// overlaps reports whether the destination (the last operand) shares memory with an
// input that does not read each element exactly where the destination writes it.
func overlaps(shape []int, ops []operand) bool {
	if prod(shape) == 0 {
		return false
	}
	dst := ops[len(ops)-1]
	dlo, dhi := span(shape, dst)
	for _, op := range ops[:len(ops)-1] {
		lo, hi := span(shape, op)
		if lo >= dhi || dlo >= hi {
			continue
		}
		if op.ptr != dst.ptr || op.size != dst.size || !equalShapes(op.strides, dst.strides) {
			return true
		}
	}
	return false
}

// span is the address range [lo, hi) that op touches over shape (as integers: one
// past the end is no pointer the garbage collector may see).
func span(shape []int, op operand) (lo, hi uintptr) {
	a, b := strided.Span(shape, op.strides)
	base := uintptr(op.ptr)
	return base - uintptr(-a*op.size), base + uintptr(b*op.size)
}

func allContiguous(shape []int, ops []operand) bool {
	for _, op := range ops {
		if !isContiguous(shape, op.strides) {
			return false
		}
	}
	return true
}

// outStrides is the destination's strides over shape.
func outStrides(out output, shape []int) []int {
	if out.Strides != nil {
		return out.Strides
	}
	return cStrides(shape)
}

// checkShapedOutput checks a destination's type and that its shape is exactly the
// result's.
func checkShapedOutput(prog *ir.Program, out output, shape []int) error {
	n := prod(shape)
	if out.Shape == nil && !out.Scalar {
		out.Shape = []int{out.N}
	}
	if err := checkOutput(prog, out, out.N); err != nil {
		return err
	}
	if !out.Scalar && !equalShapes(out.Shape, shape) {
		return fmt.Errorf("numeric: the destination has shape %s, the result %s (%d elements): %w", shapeString(out.Shape), shapeString(shape), n, ErrShape)
	}
	return nil
}

// collapse merges neighbouring dimensions that every operand walks as one and drops
// dimensions of length 1 (strided.Collapse).
func collapse(shape []int, ops []operand) ([]int, []operand) {
	strides := make([][]int, len(ops))
	for k, op := range ops {
		strides[k] = op.strides
	}
	cs, cst := strided.Collapse(shape, strides)
	cops := make([]operand, len(ops))
	for k, op := range ops {
		cops[k] = operand{op.ptr, op.size, cst[k]}
	}
	return cs, cops
}

// groupRows is strided.GroupRows over ops' strides.
func groupRows(shape []int, ops []operand) int {
	strides := make([][]int, len(ops))
	for k, op := range ops {
		strides[k] = op.strides
	}
	return strided.GroupRows(shape, strides)
}

// inPlaceRuns reports whether the program may run over each inner run in place: it
// is elementwise (a reduction needs all elements), the runs are long enough, every
// input's inner stride is 1 or 0 and the destination's is 1.
func inPlaceRuns(prog *ir.Program, shape []int, ops []operand) bool {
	for _, st := range prog.Stages {
		if len(st.Reductions) > 0 {
			return false
		}
	}
	if len(shape) == 0 || shape[len(shape)-1] < minRun {
		return false
	}
	last := len(shape) - 1
	for k, op := range ops {
		s := op.strides[last]
		if s != 1 && (s != 0 || k == len(ops)-1) {
			return false
		}
	}
	return true
}

// runRows runs the program over each inner run of shape in place, splitting the rows
// between up to threads goroutines. An input whose inner stride is 0 (a column that
// broadcasts along the row) is one value per row: it is bound as a scalar to the
// program compiled for that (scalarColumns), or else repeated into a row-long buffer.
func (e *Expr) runRows(ctx context.Context, c *compiled, bindings []binding, out output, shape []int, ops []operand) error {
	inner := shape[len(shape)-1]
	rows := prod(shape[:len(shape)-1])
	cols := e.scalarColumns(c, bindings, shape, ops)
	threads := e.rowThreads(c, rows*inner)
	workers := max(1, min(threads, rows, rows*inner/exec.MinParallel))
	e.last.Store(&c.name)
	var wg sync.WaitGroup
	errs := make([]error, workers)
	for w := range workers {
		lo, hi := rows*w/workers, rows*(w+1)/workers
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[w] = c.rowRange(ctx, cols, bindings, out, shape, ops, lo, hi, max(1, threads/workers))
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// scalarColumns returns the program compiled for the inputs that are columns (inner
// stride 0) bound as scalars, or nil when there are none, the rows are short, or that
// program could compute differently (another result type, or WithFloat32Constants,
// under which a scalar's type depends on its being a scalar).
func (e *Expr) scalarColumns(c *compiled, bindings []binding, shape []int, ops []operand) *compiled {
	last := len(shape) - 1
	if shape[last] < 64 || e.opts.float32Constants {
		return nil
	}
	bs := append([]binding(nil), bindings...)
	var sig signature
	found, k := false, 0
	for i := range bs {
		if !bs[i].Scalar {
			if ops[k].strides[last] == 0 {
				bs[i] = binding{Type: bs[i].Type, Scalar: true}
				found = true
			}
			k++
		}
		sig.set(i, bindingCode(bs[i]))
	}
	if !found {
		return nil
	}
	cs, err := e.forSignature(sig, bs, nil)
	if err != nil || cs.cpu == nil || cs.prog.ResultType() != c.prog.ResultType() || cs.prog.ScalarResult() {
		return nil
	}
	return cs
}

// rowRange runs rows [lo, hi) of runRows on this goroutine, up to group rows at a
// time; with cols (scalarColumns), one row at a time, the columns bound as scalars.
func (c *compiled) rowRange(ctx context.Context, cols *compiled, bindings []binding, out output, shape []int, ops []operand, lo, hi, threads int) error {
	inner := shape[len(shape)-1]
	outer := shape[:len(shape)-1]
	last, last2 := len(outer), len(outer)-1
	group := groupRows(shape, ops)
	run := c
	if cols != nil {
		group, run = 1, cols
	}
	bs := append([]binding(nil), bindings...)
	bufs := make([][]uint64, len(ops))        // per input that is not read in place
	tiled := make([]unsafe.Pointer, len(ops)) // the row a repeated-row buffer holds
	idx := make([]int, len(outer))
	for r, i := lo, len(outer)-1; i >= 0; i-- { // idx = the multi-index of row lo
		idx[i] = r % outer[i]
		r /= outer[i]
	}
	for row := lo; row < hi; {
		if err := ctx.Err(); err != nil {
			return err
		}
		g := 1
		if group > 1 {
			g = min(group, hi-row, outer[last2]-idx[last2])
		}
		n := g * inner
		k := 0
		for i := range bs {
			if bindings[i].Scalar { // the caller's: a column is made a scalar below
				continue
			}
			op := ops[k]
			p := unsafe.Add(op.ptr, offset(idx, op.strides)*op.size)
			rowStride := 0 // between neighbouring rows (none in 1-D)
			if last2 >= 0 {
				rowStride = op.strides[last2]
			}
			if cols != nil && op.strides[last] == 0 { // this row's value, as a scalar
				bs[i] = binding{Type: bs[i].Type, Scalar: true, Word: loadWord(p, bs[i].Type)}
				if bs[i].Type == Complex128 {
					bs[i].Hi = *(*uint64)(unsafe.Add(p, 8))
				}
				k++
				continue
			}
			if op.strides[last] == 0 || g > 1 && rowStride == 0 {
				if len(bufs[k]) < (n*op.size+7)/8 {
					bufs[k], tiled[k] = make([]uint64, (group*inner*op.size+7)/8), nil
				}
				buf := unsafe.Pointer(&bufs[k][0])
				switch {
				case op.strides[last] == 0: // a column: each row repeats one element
					for r := range g {
						fill(unsafe.Add(buf, r*inner*op.size), unsafe.Add(p, r*rowStride*op.size), op.size, inner)
					}
				case tiled[k] != p: // a row repeated down the group
					for r := range group {
						copyRun(unsafe.Add(buf, r*inner*op.size), 1, p, 1, inner, op.size)
					}
					tiled[k] = p
				}
				p = buf
			}
			bs[i].Ptr, bs[i].N, bs[i].Shape, bs[i].Strides = p, n, nil, nil
			k++
		}
		o := out
		o.Ptr = unsafe.Add(ops[k].ptr, offset(idx, ops[k].strides)*ops[k].size)
		o.N, o.Shape, o.Strides = n, nil, nil
		if _, err := run.cpu.Run(ctx, bs, 0, n, o, threads); err != nil {
			return err
		}
		row += g
		if g > 1 {
			idx[last2] += g - 1
		}
		for i := len(idx) - 1; i >= 0; i-- {
			if idx[i]++; idx[i] < outer[i] {
				break
			}
			idx[i] = 0
		}
	}
	return nil
}

// deviceShaped runs a shaped evaluation on the OpenCL backend with every input read in
// place (opencl.RunShaped: its own elements uploaded, the kernel indexing them through
// their strides), the result written contiguously and scattered into a strided
// destination; false where that does not apply (all contiguous: the 1-D run; no
// elements) or the device cannot (opencl.ErrNotShaped), and gatherRun runs it.
func (e *Expr) deviceShaped(ctx context.Context, c *compiled, bindings []binding, out output, shape []int, ops []operand) (bool, uint64, error) {
	dp, ok := c.device.(*opencl.Program)
	n := prod(shape)
	if !ok || n == 0 || allContiguous(shape, ops) {
		return false, 0, nil
	}
	cshape, cops := collapse(shape, ops)
	bs := append([]binding(nil), bindings...)
	strides := make([][]int, len(bs))
	k := 0
	for i := range bs {
		if !bs[i].Scalar {
			bs[i].Ptr, bs[i].N, bs[i].Shape, bs[i].Strides, strides[i] = cops[k].ptr, n, nil, nil, cops[k].strides
			k++
		}
	}
	o := out
	o.Shape, o.Strides = nil, nil
	var scatterTo *operand
	if !out.Scalar {
		o.N = n
		if !isContiguous(cshape, cops[k].strides) {
			o.Ptr, scatterTo = unsafe.Pointer(unsafe.SliceData(make([]uint64, (n*ops[k].size+7)/8))), &ops[k]
		}
	}
	w, err := dp.RunShaped(ctx, bs, cshape, strides, o)
	if errors.Is(err, opencl.ErrNotShaped) {
		return false, 0, nil
	}
	e.last.Store(&ranOpenCL)
	if err == nil && scatterTo != nil {
		copyStrided(scatterTo.ptr, scatterTo.strides, o.Ptr, cStrides(shape), shape, scatterTo.size)
	}
	return true, w, err
}

// gatherRun copies every input that is not contiguous over shape into a contiguous
// temporary, runs the 1-D program over all n elements, and scatters the result into a
// destination that is not contiguous (or, with temp, into any destination).
func (e *Expr) gatherRun(ctx context.Context, c *compiled, bindings []binding, out output, shape []int, ops []operand, n int, temp bool) (uint64, error) {
	bs := append([]binding(nil), bindings...)
	k := 0
	for i := range bs {
		if bs[i].Scalar {
			continue
		}
		op := ops[k]
		k++
		if !isContiguous(shape, op.strides) && n > 0 {
			bs[i].Ptr = gather(op, shape, n)
		}
		bs[i].N, bs[i].Shape, bs[i].Strides = n, nil, nil
		if n == 0 {
			bs[i].Ptr = nil
		}
	}
	o := out
	o.Shape, o.Strides = nil, nil
	scatterTo := (*operand)(nil)
	if !out.Scalar {
		o.N = n
		if op := ops[k]; (temp || !isContiguous(shape, op.strides)) && n > 0 {
			o.Ptr = unsafe.Pointer(unsafe.SliceData(make([]uint64, (n*op.size+7)/8)))
			scatterTo = &op
		}
	}
	w, err := e.run(ctx, c, bs, n, o)
	if err == nil && scatterTo != nil {
		copyStrided(scatterTo.ptr, scatterTo.strides, o.Ptr, cStrides(shape), shape, scatterTo.size)
	}
	return w, err
}
