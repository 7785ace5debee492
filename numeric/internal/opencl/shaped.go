package opencl

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/numkit/numkit/cl"
	"github.com/numkit/numkit/kernels"
	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/internal/strided"
)

// Shaped evaluation on the device (docs/opencl.md, "Shapes"): N-d, broadcast and
// strided inputs are uploaded as they are, each as the span of memory its strides
// reach, and the program's shaped kernels (kernels/shaped.go) map each element of the
// result to every input's element. The result is written contiguously.

// ErrNotShaped is returned by RunShaped and ReduceAxis when the device cannot take
// the inputs in place (an input's span or the result is larger than one buffer may
// be, or the device lacks what the kernel needs): the caller evaluates another way.
var ErrNotShaped = errors.New("opencl: the inputs cannot be read in place on the device")

var shapedRuns, axisRuns atomic.Int64

// ShapedRuns and AxisRuns count the shaped evaluations and axis reductions that ran
// on the device (for tests that must prove no fallback happened).
func ShapedRuns() int64 { return shapedRuns.Load() }

// AxisRuns: see ShapedRuns.
func AxisRuns() int64 { return axisRuns.Load() }

// geometry is a shaped run's inputs in place: per input, the buffer of its span (nil
// for scalars), and the geometry argument.
type geometry struct {
	bufs   []*cl.Buffer
	geo    *cl.Buffer
	rowLen int // the rows kernel's row length (0: the flat kernel)
	row0   int // the first row of the launch being set up
}

// shapedPrograms holds a Program's shaped variants.
type shapedPrograms struct {
	mu       sync.Mutex
	variants map[shapedKey]*Program
}

// shapedKey is what a shaped variant's source depends on (kernels.Target's fields).
type shapedKey struct {
	dims                 int
	rows                 bool
	unitInner, zeroInner uint64
}

// shaped returns cp compiled as the shaped variant k.
func (cp *Program) shaped(k shapedKey) (*Program, error) {
	cp.variants.mu.Lock()
	defer cp.variants.mu.Unlock()
	if sp := cp.variants.variants[k]; sp != nil {
		return sp, nil
	}
	t := cp.dev.target
	t.Dims, t.Rows, t.UnitInner, t.ZeroInner = k.dims, k.rows, k.unitInner, k.zeroInner
	sp, err := cp.dev.compileFor(cp.prog, t)
	if err != nil {
		return nil, err
	}
	if cp.variants.variants == nil {
		cp.variants.variants = map[shapedKey]*Program{}
	}
	cp.variants.variants[k] = sp
	return sp, nil
}

// minRowsInner is the shortest inner dimension that a shaped element-wise stage runs
// as a rows kernel (a 2-D launch whose inner dimension is rounded up to a multiple
// of 64 work-items: shorter rows would idle most of them); shorter ones run the flat
// kernel, which divides each element's index.
const minRowsInner = 64

// rowsKey is the variant for the inputs' strides over shape: a rows kernel when the
// program ends element-wise and the inner dimension is long enough (and one row's
// result fits a buffer), with each input's inner stride 1 or 0 written into it.
func (cp *Program) rowsKey(inputs []exec.Binding, shape []int, strides [][]int, size int) shapedKey {
	k := shapedKey{dims: len(shape)}
	inner := shape[len(shape)-1]
	if cp.prog.ScalarResult() || inner < minRowsInner || uint64(inner*size) > cp.dev.dev.MaxAllocBytes {
		return k
	}
	for _, st := range cp.prog.Stages[len(cp.prog.Stages)-1:] {
		if len(st.Reductions) > 0 {
			return k
		}
	}
	k.rows = true
	for i, b := range inputs {
		switch {
		case b.Scalar || i >= 64:
		case strides[i][len(shape)-1] == 1:
			k.unitInner |= 1 << i
		case strides[i][len(shape)-1] == 0:
			k.zeroInner |= 1 << i
		}
	}
	return k
}

// RunShaped evaluates the program over a result of shape (no dimension 0) into the
// contiguous out: array input i's element at result index (j0, j1, ...) is at
// inputs[i].Ptr + Σ jd·strides[i][d] elements (strides[i] is nil for scalars). It
// returns ErrNotShaped where the device cannot read an input in place.
func (cp *Program) RunShaped(ctx context.Context, inputs []exec.Binding, shape []int, strides [][]int, out exec.Output) (uint64, error) {
	n := 1
	for _, d := range shape {
		n *= d
	}
	if n == 0 || n >= kernels.MaxShapedIndex || len(shape) == 0 || out.Dev != nil {
		return 0, ErrNotShaped
	}
	for _, b := range inputs {
		if b.Dev != nil {
			return 0, ErrNotShaped
		}
	}
	key := cp.rowsKey(inputs, shape, strides, out.Type.Size())
	sp, err := cp.shaped(key)
	if err != nil {
		return 0, err
	}
	los := make([]int, len(inputs))
	his := make([]int, len(inputs))
	offsets := make([]int, len(inputs))
	for i, b := range inputs {
		if b.Scalar {
			continue
		}
		los[i], his[i] = strided.Span(shape, strides[i])
		if uint64((his[i]-los[i])*b.Type.Size()) > cp.dev.dev.MaxAllocBytes {
			return 0, ErrNotShaped
		}
		offsets[i] = -los[i]
	}
	geo := kernels.Geometry(shape, offsets, strides)
	prepare := func(r *runState) error {
		g := &geometry{bufs: make([]*cl.Buffer, len(inputs))}
		for i, b := range inputs {
			if b.Scalar {
				continue
			}
			size := b.Type.Size()
			host := unsafe.Slice((*byte)(unsafe.Add(b.Ptr, los[i]*size)), (his[i]-los[i])*size)
			buf, err := r.hostBuffer(cl.MemReadOnly, host, true)
			if err != nil {
				return deviceError(fmt.Sprintf("uploading %d bytes of %s", len(host), cp.prog.Inputs[i].Name), cp.dev, err)
			}
			g.bufs[i] = buf
		}
		buf, err := cl.CreateBufferFrom(cp.dev.ctx, cl.MemReadOnly, geo)
		if err != nil {
			return deviceError("uploading the geometry", cp.dev, err)
		}
		r.temps = append(r.temps, buf)
		g.geo = buf
		if key.rows {
			g.rowLen = shape[len(shape)-1]
		}
		r.geo = g
		return nil
	}
	w, err := sp.runEntry(ctx, inputs, n, out, prepare)
	if err == nil {
		shapedRuns.Add(1)
	}
	return w, err
}

// runEntry is Run from element 0 with prepare called on the run before its stages
// (RunShaped's uploads).
func (cp *Program) runEntry(ctx context.Context, inputs []exec.Binding, n int, out exec.Output, prepare func(*runState) error) (uint64, error) {
	if cp.prog.ScalarResult() { // the whole value where out.Ptr points (a complex128 has two words)
		var w [2]uint64
		dst := out.Ptr
		out.Ptr = unsafe.Pointer(&w)
		if err := cp.runKeeping(ctx, inputs, n, out, nil, prepare); err != nil {
			return 0, err
		}
		if dst != nil {
			copy(unsafe.Slice((*byte)(dst), out.Type.Size()), unsafe.Slice((*byte)(unsafe.Pointer(&w)), out.Type.Size()))
		}
		return w[0], nil
	}
	return 0, cp.runKeeping(ctx, inputs, n, out, nil, prepare)
}

// mapRows runs the rows kernel of the last stage (kernels.Target.Rows) over chunks
// of whole rows (about the device's chunk length), writing each into the host
// destination through a device buffer as mapStage does.
func (r *runState) mapRows(ctx context.Context, k int, kern kernels.Kernel, out exec.Output) error {
	d := r.cp.dev
	size := out.Type.Size()
	inner := r.geo.rowLen
	rows := r.n / inner
	per := max(1, r.chunkLen/inner)
	for row0 := 0; row0 < rows; row0 += per {
		if err := ctx.Err(); err != nil {
			return err
		}
		cr := min(per, rows-row0)
		host := unsafe.Slice((*byte)(unsafe.Add(out.Ptr, row0*inner*size)), cr*inner*size)
		dst, err := r.hostBuffer(cl.MemWriteOnly, host, false)
		if err != nil {
			return deviceError(fmt.Sprintf("allocating %d bytes for the result", len(host)), d, err)
		}
		r.geo.row0 = row0
		if err := r.setArgs(r.kernels[k], kern, 0, func(kernels.Arg) *cl.Buffer { return dst }); err != nil {
			return err
		}
		if err := r.q.RunNDRange(r.kernels[k], []int{globalSize(inner), cr}, nil); err != nil {
			return deviceError("running "+kern.Name, d, err)
		}
		if err := r.download(dst, host); err != nil {
			return deviceError("downloading the result", d, err)
		}
		if row0+per < rows { // wait, so that the context is checked between chunks
			if err := r.q.Finish(); err != nil {
				return deviceError("running "+kern.Name, d, err)
			}
		}
	}
	return nil
}
