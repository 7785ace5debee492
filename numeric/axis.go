package numeric

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"gonum.org/v1/gonum/mat"

	"github.com/numkit/numkit/kernels"
	"github.com/numkit/numkit/numeric/internal/opencl"
	"github.com/numkit/numkit/numeric/internal/stats"
	"github.com/numkit/numkit/numeric/internal/strided"
	"github.com/numkit/numkit/numeric/internal/syntax"
	"github.com/numkit/numkit/numeric/internal/vm"
	"github.com/numkit/numkit/numeric/ir"
)

// Reductions along an axis of N-d inputs. An expression with a reduction that names
// an axis (sum(x, axis=1), mean(x, 0)) is planned at Compile: each outermost such call
// becomes a variable of the rewritten expression, bound at evaluation to the
// reduction of its argument's result along the axis, line by line with the 1-D
// reduction program (so the bits do not depend on the thread count), or on the OpenCL
// backend by one launch of the device's axis kernel in the same order. The reduced
// array has the argument's shape without the axis and broadcasts back into the rest
// of the expression as NumPy's would (a - mean(a, axis=0)). With inputs of at most
// one dimension the compiler's own handling (axis None, 0 or -1: the whole array)
// applies instead.

// axisPlan is an expression's reductions along an axis.
type axisPlan struct {
	outer *Expr // the expression with each axis call replaced by its variable
	calls []axisCall
}

// axisCall is one outermost reduction along an axis.
type axisCall struct {
	name    string // the variable that replaces it in outer
	fun     string
	arg     *Expr // the reduced expression
	reducer *Expr // fun(x), the 1-D reduction of one line x
	serial  *Expr // the same on one thread, for lines reduced in parallel
	axis    int
	axisErr error // an axis that is not an integer
	pos     int
	src     string // the call's source, which errors show for name
	columns bool   // a float sum, mean or prod on a CPU backend: columnReduce may run it
	device  bool   // the OpenCL backend: deviceAxis runs sum, prod, min, max and mean
	all     bool   // no axis (a split plan's call): every element, in C order, to a 0-d array
}

// renamed is an error whose message shows an axis call's source for its variable.
type renamed struct {
	msg string
	err error
}

func (r *renamed) Error() string { return r.msg }
func (r *renamed) Unwrap() error { return r.err }

// rename shows each axis call's source in err's message instead of its variable.
func (p *axisPlan) rename(err error) error {
	if err == nil {
		return nil
	}
	return &renamed{p.renameText(err.Error()), err}
}

// renameText shows each axis call's source in text in place of its variable.
func (p *axisPlan) renameText(text string) string {
	for _, c := range p.calls {
		text = strings.ReplaceAll(text, c.name, c.src)
	}
	return text
}

// callList is the axis calls' sources, comma-separated.
func (p *axisPlan) callList() string {
	srcs := make([]string, len(p.calls))
	for i, c := range p.calls {
		srcs[i] = c.src
	}
	return strings.Join(srcs, ", ")
}

// axisVar and splitVar prefix the variables that replace an axis plan's calls and a
// split plan's (whose expression may be an axis plan's outer one).
const (
	axisVar  = "numkit_axis_"
	splitVar = "numkit_split_"
)

// planAxes finds the outermost reductions with an explicit axis other than None (with
// every, all the outermost reductions: a split plan) and compiles the rewritten
// expression and each argument; nil when there are none.
func planAxes(src string, ast syntax.Expr, o options, every bool) (*axisPlan, error) {
	var found []*syntax.CallExpr
	syntax.Walk(ast, func(x syntax.Expr) bool {
		c, ok := x.(*syntax.CallExpr)
		if !ok || c.Attr || !isReduction(c.Fun.Name) {
			return true
		}
		if axisArg(c) == nil && !every {
			return true
		}
		found = append(found, c)
		return false
	})
	if len(found) == 0 {
		return nil, nil
	}
	p := &axisPlan{}
	var b strings.Builder
	last := 0
	same := func(p *options) { *p = o }
	for i, c := range found {
		prefix := axisVar
		if every {
			prefix = splitVar
		}
		call := axisCall{name: prefix + strconv.Itoa(i), fun: c.Fun.Name, pos: int(c.Pos()), src: src[c.Pos():c.End()]}
		b.WriteString(src[last:c.Pos()])
		b.WriteString(call.name)
		last = int(c.End())
		var err error
		if call.arg, err = Compile(src[c.Args[0].Pos():c.Args[0].End()], same); err != nil {
			return nil, err
		}
		// One device launch per line would cost more than the line: under the OpenCL
		// backend every reduction runs all its lines in one launch (deviceAxis); the
		// 1-D reducer, for what the device does not run (an argument larger than it
		// allows, no fp64) and the one evaluation of an empty line, goes where auto
		// routes it.
		lines := func(p *options) {
			if *p = o; o.backendName() == BackendOpenCL {
				p.backend = BackendAuto
			}
		}
		if call.reducer, err = Compile(call.fun+"(x)", lines); err != nil {
			return nil, err
		}
		if call.serial, err = Compile(call.fun+"(x)", lines, WithThreads(1)); err != nil {
			return nil, err
		}
		if call.all = axisArg(c) == nil; !call.all {
			call.axis, call.axisErr = axisValue(src, c)
			// A split plan runs only where no input has two dimensions (else the axis
			// plan does), and there axis 0 or -1 is the whole argument, a scalar's too.
			call.all = every && call.axisErr == nil && (call.axis == 0 || call.axis == -1)
		}
		call.columns = (call.fun == "sum" || call.fun == "mean" || call.fun == "prod") && o.backendName() != BackendOpenCL
		call.device = o.backendName() == BackendOpenCL
		p.calls = append(p.calls, call)
	}
	b.WriteString(src[last:])
	var err error
	if p.outer, err = Compile(b.String(), same); err != nil {
		return nil, err
	}
	return p, nil
}

// axisArg is a reduction call's axis (second positional argument or keyword), nil
// when there is none or it is None.
func axisArg(c *syntax.CallExpr) syntax.Expr {
	var axis syntax.Expr
	if len(c.Args) == 2 {
		axis = c.Args[1]
	}
	for _, kw := range c.Keywords {
		if kw.Name.Name == "axis" {
			axis = kw.Value
		}
	}
	if lit, ok := syntax.Unparen(axis).(*syntax.BasicLit); axis == nil || ok && lit.Kind == syntax.NoneLit {
		return nil
	}
	return axis
}

// axisValue evaluates a call's axis, a constant expression.
func axisValue(src string, c *syntax.CallExpr) (int, error) {
	a := axisArg(c)
	r, err := Evaluate(src[a.Pos():a.End()], nil)
	if err == nil && !r.Type.IsFloat() && r.Type != Bool && r.Scalar {
		v, _ := r.Float64()
		return int(v), nil
	}
	return 0, fmt.Errorf("numeric: the axis of %s (at offset %d of %q) must be None or an integer: %w", c.Fun.Name, a.Pos(), src, ErrType)
}

// axisVars evaluates each axis call over vars and returns the rewritten expression
// with the variables it reads: vars and the reduced arrays.
func (p *axisPlan) axisVars(ctx context.Context, vars Vars, threads int) (*Expr, Vars, error) {
	all := make(Vars, len(vars)+len(p.calls))
	for k, v := range vars {
		all[k] = v
	}
	for _, c := range p.calls {
		if c.axisErr != nil {
			return nil, nil, c.axisErr
		}
		src, err := c.argument(ctx, vars)
		if err == nil && c.all {
			src, err = c.flat(src, threads)
		}
		if err != nil {
			return nil, nil, err
		}
		arr, err := c.reduce(ctx, src, threads)
		if err != nil {
			return nil, nil, err
		}
		all[c.name] = arr
	}
	return p.outer, all, nil
}

// argument evaluates the call's argument as an N-d array; a bare variable is viewed
// in place, without copying.
func (c *axisCall) argument(ctx context.Context, vars Vars) (*Array, error) {
	if names := c.arg.names; len(names) == 1 && c.arg.src == names[0] {
		switch v := vars[names[0]].(type) {
		case *Array:
			if v != nil && len(v.Shape) > 0 {
				return v, nil
			}
		case *mat.Dense:
			if v != nil {
				raw := v.RawMatrix()
				return &Array{Data: raw.Data, Shape: []int{raw.Rows, raw.Cols}, Strides: []int{raw.Stride, 1}}, nil
			}
		case []float64, []float32, []int64, []int32, []bool, []complex128, []complex64:
			_, _, n, _ := dataOf(v)
			return NewArray(v, n), nil
		}
	}
	res, err := c.arg.Eval(ctx, vars)
	if err != nil {
		return nil, err
	}
	if res.Scalar {
		return &Array{Data: res.Array().Data}, nil // 0-d: every axis is out of bounds
	}
	return res.Array(), nil
}

// reduce reduces src along the call's axis: its lines along the axis are copied
// (tiled) into one contiguous C-order array, unless they already are, and each is
// reduced by the 1-D reduction, up to threads lines at a time.
func (c *axisCall) reduce(ctx context.Context, src *Array, threads int) (*Array, error) {
	t, p, _, strides, err := src.view("the argument of " + c.src)
	if err != nil {
		return nil, err
	}
	shape := src.Shape
	axis := c.axis
	if axis < 0 {
		axis += len(shape)
	}
	if axis < 0 || axis >= len(shape) {
		return nil, fmt.Errorf("numeric: axis %d of %s (at offset %d) is out of bounds for an array of %d dimensions (shape %s): %w",
			c.axis, c.fun, c.pos, len(shape), shapeString(shape), ErrShape)
	}
	outShape := append(append([]int{}, shape[:axis]...), shape[axis+1:]...)
	n, length := prod(outShape), shape[axis]
	if n > 0 && length == 0 {
		return c.emptyLines(ctx, t, shape, outShape)
	}
	if c.device && n*length > 0 {
		if arr, err := deviceAxis(ctx, c.fun, t, p, shape, strides, axis); !errors.Is(err, opencl.ErrNotShaped) {
			return arr, err
		}
	}
	if c.columns && t.IsFloat() && axis < len(shape)-1 && isContiguous(shape, strides) && n*length > 0 {
		return columnReduce(t, p, shape, axis, c.fun, threads), nil
	}
	// lines: the argument with the axis moved last, C order, contiguous.
	lineShape := append(append([]int{}, outShape...), length)
	srcStrides := append(append(append([]int{}, strides[:axis]...), strides[axis+1:]...), strides[axis])
	lines := unsafe.Pointer(nil)
	if n*length > 0 {
		if isContiguous(lineShape, srcStrides) {
			lines = p
		} else {
			lines = unsafe.Pointer(unsafe.SliceData(make([]uint64, (n*length*t.Size()+7)/8)))
			copyTiledParallel(lines, cStrides(lineShape), p, srcStrides, lineShape, t.Size(), threads)
		}
	}
	// The result type: the reduction of one element of the argument's type.
	probe, _ := allocate(t, false, 1)
	tr, err := c.reducer.Eval(ctx, Vars{"x": probe})
	if err != nil {
		return nil, err
	}
	data, out := allocate(tr.Type, false, n)
	workers := max(1, min(threads, n/64, n*length/(1<<16)))
	reducer := c.reducer
	if workers > 1 {
		reducer = c.serial // the lines in parallel, each on one thread (same bits)
	}
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			vars := Vars{}
			for i := n * w / workers; i < n*(w+1)/workers; i++ {
				vars["x"] = sliceAt(t, lines, i*length, length)
				r, err := reducer.Eval(ctx, vars)
				if err != nil {
					errs[w] = err
					return
				}
				storeValue(unsafeIndex(out, tr.Type, i), tr.Type, r.Data)
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return &Array{Data: data, Shape: outShape}, nil
}

// emptyLines is the reduction along an axis of length 0: every line is empty, so
// every result is the reduction of no elements (0, 1, NaN; an error for min and max),
// computed once by the 1-D reduction and repeated, on every backend.
func (c *axisCall) emptyLines(ctx context.Context, t DType, shape, outShape []int) (*Array, error) {
	none, _ := allocate(t, false, 0)
	r, err := c.reducer.Eval(ctx, Vars{"x": none})
	if err != nil {
		return nil, fmt.Errorf("numeric: %s (at offset %d) over an array of shape %s: every line along the axis is empty: %w", c.src, c.pos, shapeString(shape), err)
	}
	n := prod(outShape)
	data, out := allocate(r.Type, false, n)
	for i := range n {
		storeValue(unsafeIndex(out, r.Type, i), r.Type, r.Data)
	}
	return &Array{Data: data, Shape: outShape}, nil
}

// axisOuter returns the expression and variables that evaluate e over vars, and the
// plan that rewrote it (nil for none): e and vars themselves; where e reduces along an
// axis of N-d inputs its rewritten expression with the reduced arrays bound; where a
// reduction reads arrays of another shape than the rest of e (needsSplit), e with
// every outermost reduction evaluated first, over its own argument's shape.
func (e *Expr) axisOuter(ctx context.Context, vars Vars) (*Expr, Vars, *axisPlan, error) {
	var p *axisPlan
	switch {
	case e.axes != nil && e.maxDims(vars) >= 2:
		p = e.axes
	case e.needsSplit(vars):
		var err error
		if p, err = e.splitPlan(); err != nil {
			return nil, nil, nil, err
		}
	default:
		return e, vars, nil, nil
	}
	outer, all, err := p.axisVars(ctx, vars, e.opts.threadCount())
	return outer, all, p, err
}

// unsafeIndex is the address of element i of out's array of type t.
func unsafeIndex(out output, t DType, i int) unsafe.Pointer {
	return unsafe.Add(out.Ptr, i*t.Size())
}

// columnReduce is sum, mean or prod (fun) along a non-last axis of a C-contiguous
// float array (vm.ColumnReduce): row-wise, no transposing copy, and every line along
// the axis gets exactly the bits of its 1-D reduction, at any thread count; a float32
// result is rounded once from the float64 sum, mean or product.
func columnReduce(t DType, p unsafe.Pointer, shape []int, axis int, fun string, threads int) *Array {
	pre, length, post := prod(shape[:axis]), shape[axis], prod(shape[axis+1:])
	outShape := append(append([]int{}, shape[:axis]...), shape[axis+1:]...)
	var res []float64
	if t == Float64 {
		res = vm.ColumnReduce(unsafe.Slice((*float64)(p), pre*length*post), pre, length, post, threads, fun == "prod")
	} else {
		res = vm.ColumnReduce(unsafe.Slice((*float32)(p), pre*length*post), pre, length, post, threads, fun == "prod")
	}
	if fun == "mean" {
		for i := range res {
			res[i] /= float64(length)
		}
	}
	if t == Float64 {
		return &Array{Data: res, Shape: outShape}
	}
	out := make([]float32, len(res))
	for i, v := range res {
		out[i] = float32(v)
	}
	return &Array{Data: out, Shape: outShape}
}

// deviceAxis is fun along axis on the OpenCL device (opencl.ReduceAxis): the argument
// read in place, one work-item per result element (or per 2 to 8 neighbouring ones)
// reducing each line in the CPU backends' order, so the same bits (for var, std, skew and kurt of floats, those of
// the CPU backend this build and machine run: momentOrder). An error wrapping
// opencl.ErrNotShaped means the device does not run it, and the lines are reduced on
// the host.
func deviceAxis(ctx context.Context, fun string, t DType, p unsafe.Pointer, shape, strides []int, axis int) (*Array, error) {
	op, ok := axisOps[fun]
	res, known := opencl.AxisResult(op, t)
	if !ok || !known {
		return nil, opencl.ErrNotShaped
	}
	resShape := append(append([]int{}, shape[:axis]...), shape[axis+1:]...)
	outShape := resShape
	outStrides := append(append([]int{}, strides[:axis]...), strides[axis+1:]...)
	if len(outShape) == 0 {
		outShape, outStrides = []int{1}, []int{0}
	}
	cshape, cst := strided.Collapse(outShape, [][]int{outStrides})
	data, out := allocate(res, false, prod(outShape))
	line := opencl.AxisLine{Type: t, Ptr: p, Shape: cshape, Strides: cst[0], Len: shape[axis], LineStride: strides[axis], Moments: momentOrder()}
	if err := opencl.ReduceAxis(ctx, op, line, out.Ptr); err != nil {
		return nil, err
	}
	return &Array{Data: data, Shape: resShape}, nil
}

// axisOps are the reductions by name.
var axisOps = map[string]ir.ReduceOp{
	"sum": ir.ReduceSum, "prod": ir.ReduceProd, "min": ir.ReduceMin, "max": ir.ReduceMax, "mean": ir.ReduceMean,
	"var": ir.ReduceVar, "std": ir.ReduceStd, "skew": ir.ReduceSkew, "kurt": ir.ReduceKurt,
}

// momentOrder is the block algorithm of the float moments on the CPU backend a device
// reduction matches: the SIMD backend's kernel where this build and CPU run it
// (stats.Chosen), else the gonum backend's block function.
func momentOrder() kernels.MomentOrder {
	if _, err := vm.BackendFor(BackendSIMD); err != nil {
		return kernels.MomentsBlock
	}
	if stats.Chosen() == stats.KernelPrims {
		return kernels.MomentsChunked
	}
	return kernels.MomentsLanes
}
