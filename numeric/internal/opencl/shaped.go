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
	bufs []*cl.Buffer
	geo  *cl.Buffer
}

// shapedPrograms holds a Program's shaped variants, one per rank.
type shapedPrograms struct {
	mu    sync.Mutex
	ranks map[int]*Program
}

// shaped returns cp compiled for results of dims dimensions (kernels.Target.Dims).
func (cp *Program) shaped(dims int) (*Program, error) {
	cp.variants.mu.Lock()
	defer cp.variants.mu.Unlock()
	if sp := cp.variants.ranks[dims]; sp != nil {
		return sp, nil
	}
	t := cp.dev.target
	t.Dims = dims
	sp, err := cp.dev.compileFor(cp.prog, t)
	if err != nil {
		return nil, err
	}
	if cp.variants.ranks == nil {
		cp.variants.ranks = map[int]*Program{}
	}
	cp.variants.ranks[dims] = sp
	return sp, nil
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
	if n == 0 || len(shape) == 0 || out.Dev != nil {
		return 0, ErrNotShaped
	}
	for _, b := range inputs {
		if b.Dev != nil {
			return 0, ErrNotShaped
		}
	}
	sp, err := cp.shaped(len(shape))
	if err != nil {
		return 0, err
	}
	geo := make([]int64, kernels.GeometryLen(len(shape), len(inputs)))
	for d, v := range shape {
		geo[d] = int64(v)
	}
	nd := len(shape)
	los := make([]int, len(inputs))
	his := make([]int, len(inputs))
	for i, b := range inputs {
		if b.Scalar {
			continue
		}
		los[i], his[i] = strided.Span(shape, strides[i])
		if uint64((his[i]-los[i])*b.Type.Size()) > cp.dev.dev.MaxAllocBytes {
			return 0, ErrNotShaped
		}
		geo[nd+i*(nd+1)] = int64(-los[i])
		for d := range shape {
			geo[nd+i*(nd+1)+1+d] = int64(strides[i][d])
		}
	}
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
