package opencl

import (
	"context"
	"fmt"
	"math"
	"unsafe"

	"github.com/numkit/numkit/cl"
	"github.com/numkit/numkit/kernels"
	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/internal/generic"
	"github.com/numkit/numkit/numeric/ir"
)

// run is one evaluation on the device: its queue, kernels, scalar registers and the
// buffers it made (released at the end).
type runState struct {
	cp       *Program
	q        *cl.Queue
	kernels  []*cl.Kernel
	n        int
	chunkLen int
	nchunks  int
	scalars  [][2]uint64 // per register: its value as ir.Value.Words lays it out
	inputs   []exec.Binding
	arrays   [][]*cl.Buffer       // per input: its chunks on the device (nil for scalars)
	temps    []*cl.Buffer         // buffers to release at the end
	events   []*cl.Event          // transfers to wait for and release at the end
	blocks   *[][]generic.Partial // when set, receives the last stage's tile partials (partial.go)
	geo      *geometry            // a shaped run's inputs in place (shaped.go)
}

// Backend names the backend that runs the program ("opencl").
func (cp *Program) Backend() string { return exec.BackendOpenCL }

// Run evaluates elements [lo, lo+n) of the inputs into the same elements of out on the
// device and returns the result register for a scalar result (exec.Program). threads
// is ignored. Host arrays are offset by lo; device arrays are read and written whole,
// so with them lo must be 0.
func (cp *Program) Run(ctx context.Context, inputs []exec.Binding, lo, n int, out exec.Output, threads int) (uint64, error) {
	if lo != 0 {
		in := make([]exec.Binding, len(inputs))
		for i, b := range inputs {
			if b.Dev != nil {
				return 0, fmt.Errorf("numeric: opencl: a device array evaluated from element %d: %w", lo, exec.ErrShape)
			}
			in[i] = b
			if !b.Scalar && b.Ptr != nil {
				in[i].Ptr = unsafe.Add(b.Ptr, lo*b.Type.Size())
			}
		}
		inputs = in
		if out.Dev != nil {
			return 0, fmt.Errorf("numeric: opencl: a device destination written from element %d: %w", lo, exec.ErrShape)
		}
		if !out.Scalar && out.Ptr != nil {
			out.Ptr = unsafe.Add(out.Ptr, lo*out.Type.Size())
		}
	}
	return cp.runEntry(ctx, inputs, n, out, nil)
}

// run evaluates the program over n elements.
func (cp *Program) run(ctx context.Context, inputs []exec.Binding, n int, out exec.Output) error {
	return cp.runKeeping(ctx, inputs, n, out, nil, nil)
}

// runKeeping is run that, with blocks set, also stores there the per-tile partials of
// the last stage's reductions ([reduction][tile]); prepare, where set, is called once
// the run has its queue (RunShaped's uploads).
func (cp *Program) runKeeping(ctx context.Context, inputs []exec.Binding, n int, out exec.Output, blocks *[][]generic.Partial, prepare func(*runState) error) (err error) {
	if err := ctx.Err(); err != nil {
		return err
	}
	d := cp.dev
	r := &runState{cp: cp, n: n, inputs: inputs, scalars: make([][2]uint64, len(cp.prog.Regs)), blocks: blocks}
	if r.chunkLen, err = r.chunking(out); err != nil {
		return err
	}
	if n > 0 {
		r.nchunks = (n + r.chunkLen - 1) / r.chunkLen
	}
	for i, info := range cp.prog.Regs {
		if info.Kind == ir.RegConst {
			r.scalars[i] = info.Const.Words()
		}
	}
	for i, in := range cp.prog.Inputs {
		if inputs[i].Scalar {
			r.scalars[in.Reg] = [2]uint64{inputs[i].Word, inputs[i].Hi}
		}
	}
	if cp.built != nil && n > 0 {
		if r.q, err = d.queue(); err != nil {
			return err
		}
		if r.kernels, err = cp.takeKernels(); err != nil {
			d.putQueue(r.q, false)
			return err
		}
		defer func() {
			if ferr := r.finish(); err == nil && ferr != nil {
				err = ferr
			}
			cp.putKernels(r.kernels)
			d.putQueue(r.q, err != nil)
		}()
		if prepare != nil {
			if err := prepare(r); err != nil {
				return err
			}
		}
	}
	r.arrays = make([][]*cl.Buffer, len(inputs))
	for k, st := range cp.prog.Stages {
		r.scalarCode(k, st)
		kern := cp.gen.Kernels[k]
		if kern.Name == "" && len(st.Reductions) == 0 {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if n == 0 {
			if err := r.emptyReductions(k, st); err != nil {
				return err
			}
			continue
		}
		switch {
		case kern.Reduce:
			err = r.reduce(ctx, k, st, kern)
		case r.geo != nil && r.geo.rowLen > 0:
			err = r.mapRows(ctx, k, kern, out)
		default:
			err = r.mapStage(ctx, k, kern, out)
		}
		if err != nil {
			return err
		}
	}
	if cp.prog.ScalarResult() {
		w := r.scalars[cp.prog.Result]
		copy(unsafe.Slice((*byte)(out.Ptr), cp.prog.ResultType().Size()), unsafe.Slice((*byte)(unsafe.Pointer(&w)), cp.prog.ResultType().Size()))
	}
	return nil
}

// chunking returns the chunk length of this run: that of the device arrays among the
// inputs and exec.Output (they must agree), else the device's.
func (r *runState) chunking(out exec.Output) (int, error) {
	chunk := 0
	check := func(d exec.DeviceData, what string) error {
		a, ok := d.(*Array)
		if !ok {
			return fmt.Errorf("numeric: %s is a %T, not an OpenCL device array: %w", what, d, exec.ErrType)
		}
		if err := a.usable(r.cp.dev); err != nil {
			return fmt.Errorf("numeric: %s: %w", what, err)
		}
		if chunk != 0 && a.chunkLen != chunk {
			return fmt.Errorf("numeric: %s is chunked by %d elements, other device arrays by %d: %w", what, a.chunkLen, chunk, exec.ErrShape)
		}
		chunk = a.chunkLen
		return nil
	}
	for i, b := range r.inputs {
		if b.Dev != nil {
			if err := check(b.Dev, "variable "+r.cp.prog.Inputs[i].Name); err != nil {
				return 0, err
			}
		}
	}
	if out.Dev != nil {
		if err := check(out.Dev, "the destination"); err != nil {
			return 0, err
		}
	}
	if chunk == 0 {
		chunk = r.cp.dev.chunkLen
	}
	return chunk, nil
}

// chunkSize is the number of elements of chunk c.
func (r *runState) chunkSize(c int) int { return min(r.chunkLen, r.n-c*r.chunkLen) }

// scalarCode runs stage k's scalar instructions on the host.
func (r *runState) scalarCode(k int, st ir.Stage) {
	var args [3]unsafe.Pointer
	for i, in := range st.Scalar {
		for a := 0; a < in.Op.Arity(); a++ {
			args[a] = unsafe.Pointer(&r.scalars[in.Args[a]])
		}
		r.cp.scalar[k][i](1, unsafe.Pointer(&r.scalars[in.Dst]), &args)
	}
}

// emptyReductions sets the reductions of stage k over no elements.
func (r *runState) emptyReductions(k int, st ir.Stage) error {
	for j, red := range st.Reductions {
		if red.Op == ir.ReduceMin || red.Op == ir.ReduceMax {
			return fmt.Errorf("numeric: %s of no elements in %q: %w", red.Op, r.cp.prog.Source, exec.ErrEmpty)
		}
		rd := r.cp.reducers[k][j]
		r.scalars[red.Out] = rd.Final(rd.Identity, 0).Words()
	}
	return nil
}

// input returns chunk c of input i on the device, uploading a host array the first
// time a stage needs it.
func (r *runState) input(i, c int) (*cl.Buffer, error) {
	b := r.inputs[i]
	if b.Dev != nil {
		return b.Dev.(*Array).chunks[c], nil
	}
	if r.geo != nil { // every chunk reads the whole input
		return r.geo.bufs[i], nil
	}
	if r.arrays[i] == nil {
		r.arrays[i] = make([]*cl.Buffer, r.nchunks)
	}
	if buf := r.arrays[i][c]; buf != nil {
		return buf, nil
	}
	size := b.Type.Size()
	cn := r.chunkSize(c)
	host := unsafe.Slice((*byte)(unsafe.Add(b.Ptr, c*r.chunkLen*size)), cn*size)
	buf, err := r.hostBuffer(cl.MemReadOnly, host, true)
	if err != nil {
		return nil, deviceError(fmt.Sprintf("uploading %d bytes of %s", cn*size, r.cp.prog.Inputs[i].Name), r.cp.dev, err)
	}
	r.arrays[i][c] = buf
	return buf, nil
}

// hostBuffer returns a device buffer for host memory: on a device that shares memory
// with the host, a buffer over the Go memory itself (CL_MEM_USE_HOST_PTR, no copy);
// elsewhere a new buffer, into which an input (upload) is copied without blocking.
// The buffer is released at the end of the run.
func (r *runState) hostBuffer(flags cl.MemFlags, host []byte, upload bool) (*cl.Buffer, error) {
	d := r.cp.dev
	if d.dev.UnifiedMemory {
		buf, err := cl.CreateBufferFrom(d.ctx, flags|cl.MemUseHostPtr, host)
		if err != nil {
			return nil, err
		}
		r.temps = append(r.temps, buf)
		return buf, nil
	}
	buf, err := d.ctx.CreateBuffer(flags, len(host))
	if err != nil {
		return nil, err
	}
	r.temps = append(r.temps, buf)
	if upload {
		ev, err := cl.EnqueueWriteBuffer(r.q, buf, 0, host)
		if err != nil {
			return nil, err
		}
		r.events = append(r.events, ev)
	}
	return buf, nil
}

// download makes the result in buf visible in host, the memory hostBuffer made it
// from: a map and unmap of a host-memory buffer (no copy where the device uses the
// host memory directly), else a read.
func (r *runState) download(buf *cl.Buffer, host []byte) error {
	if r.cp.dev.dev.UnifiedMemory {
		m, err := r.q.MapBuffer(buf, cl.MapRead, 0, len(host))
		if err != nil {
			return err
		}
		return r.q.Unmap(m)
	}
	ev, err := cl.EnqueueReadBuffer(r.q, buf, 0, host)
	if err != nil {
		return err
	}
	r.events = append(r.events, ev)
	return nil
}

// setArgs sets the arguments of kernel kern for chunk c; extra supplies the exec.Output
// and partial buffers.
func (r *runState) setArgs(k *cl.Kernel, kern kernels.Kernel, c int, extra func(a kernels.Arg) *cl.Buffer) error {
	for idx, a := range kern.Args {
		var err error
		switch a.Kind {
		case kernels.ArgCount, kernels.ArgStart:
			err = k.SetArgInt64(idx, r.span(kern, a.Kind, c))
		case kernels.ArgGeometry:
			err = k.SetArgBuffer(idx, r.geo.geo)
		case kernels.ArgInput:
			var buf *cl.Buffer
			if buf, err = r.input(a.Input, c); err == nil {
				err = k.SetArgBuffer(idx, buf)
			}
		case kernels.ArgScalar:
			err = setScalarArg(k, idx, a, r.scalars[a.Reg])
		default:
			err = k.SetArgBuffer(idx, extra(a))
		}
		if err != nil {
			return deviceError("setting argument "+fmt.Sprint(idx)+" of "+kern.Name, r.cp.dev, err)
		}
	}
	return nil
}

// span is the count (ArgCount) or start (ArgStart) argument of kernel kern for
// chunk c: the chunk's length and first element, or for a rows kernel (mapRows) the
// row's length and the launch's first row.
func (r *runState) span(kern kernels.Kernel, kind kernels.ArgKind, c int) int64 {
	rows := r.geo != nil && r.geo.rowLen > 0 && !kern.Reduce
	switch {
	case kind == kernels.ArgCount && rows:
		return int64(r.geo.rowLen)
	case kind == kernels.ArgCount:
		return int64(r.chunkSize(c))
	case rows:
		return int64(r.geo.row0)
	}
	return int64(c * r.chunkLen)
}

// setScalarArg passes a scalar register's words w as argument idx: a complex scalar
// as two arguments, its real part and (a.Imag) its imaginary part.
func setScalarArg(k *cl.Kernel, idx int, a kernels.Arg, words [2]uint64) error {
	t, w := a.Type, words[0]
	switch {
	case t == ir.Complex64 && a.Imag:
		return k.SetArgFloat32(idx, math.Float32frombits(uint32(w>>32)))
	case t == ir.Complex64:
		return k.SetArgFloat32(idx, math.Float32frombits(uint32(w)))
	case t == ir.Complex128 && a.Imag:
		return k.SetArgFloat64(idx, math.Float64frombits(words[1]))
	}
	switch t {
	case ir.Bool:
		return k.SetArgUint32(idx, uint32(w&0xff))
	case ir.Int32:
		return k.SetArgInt32(idx, int32(uint32(w)))
	case ir.Int64:
		return k.SetArgInt64(idx, int64(w))
	case ir.Float32:
		return k.SetArgFloat32(idx, math.Float32frombits(uint32(w)))
	}
	return k.SetArgFloat64(idx, math.Float64frombits(w))
}

// finish waits for the run's commands and releases its events and buffers.
func (r *runState) finish() error {
	err := r.q.Finish()
	for _, ev := range r.events {
		_ = ev.Release()
	}
	for _, b := range r.temps {
		_ = b.Release()
	}
	r.events, r.temps = nil, nil
	if err != nil {
		return deviceError("finishing", r.cp.dev, err)
	}
	return nil
}

// mapStage runs the element-wise kernel of the last stage chunk by chunk, writing
// into the device destination or through device buffers into the host one.
func (r *runState) mapStage(ctx context.Context, k int, kern kernels.Kernel, out exec.Output) error {
	d := r.cp.dev
	size := out.Type.Size()
	for c := 0; c < r.nchunks; c++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		cn := r.chunkSize(c)
		var host []byte
		var dst *cl.Buffer
		if out.Dev != nil {
			dst = out.Dev.(*Array).chunks[c]
		} else {
			host = unsafe.Slice((*byte)(unsafe.Add(out.Ptr, c*r.chunkLen*size)), cn*size)
			var err error
			if dst, err = r.hostBuffer(cl.MemWriteOnly, host, false); err != nil {
				return deviceError(fmt.Sprintf("allocating %d bytes for the result", cn*size), d, err)
			}
		}
		if err := r.setArgs(r.kernels[k], kern, c, func(kernels.Arg) *cl.Buffer { return dst }); err != nil {
			return err
		}
		if err := r.q.RunNDRange(r.kernels[k], []int{globalSize(cn)}, nil); err != nil {
			return deviceError("running "+kern.Name, d, err)
		}
		if out.Dev == nil {
			if err := r.download(dst, host); err != nil {
				return deviceError("downloading the result", d, err)
			}
		}
		if c+1 < r.nchunks { // wait, so that the context is checked between chunks
			if err := r.q.Finish(); err != nil {
				return deviceError("running "+kern.Name, d, err)
			}
		}
	}
	return nil
}

// globalSize rounds a launch of n work-items up to a multiple of 64, so that the
// driver can choose a good work-group size (a prime n would force groups of one);
// the kernel ignores work-items at n and beyond. The local size is left to the
// driver: on pocl that ran triad about 1.5× faster than fixed groups of 64 or 512
// (74 ms against 111 and 105 ms at n = 2·10^7), at the price of one more
// work-group specialisation (cached by pocl) for each new global size.
func globalSize(n int) int { return (n + 63) / 64 * 64 }
