package numeric

import (
	"errors"
	"fmt"
	"sync"
	"unsafe"

	"github.com/numkit/numkit/cl"
)

// DeviceArray is an array kept in the OpenCL device's memory, so that chained
// evaluations do not copy it to and from the host. Pass it in Vars to read it and to
// EvalInto as the destination to write it; Download copies it back. Arrays larger
// than the device's largest allocation are held in several buffers (chunks).
//
// An evaluation with device arrays runs on the opencl backend; the CPU backends
// reject them (download them first). Eval with device inputs returns its result in
// host memory; to keep a result on the device, pass a DeviceArray to EvalInto.
//
// A DeviceArray is safe for concurrent reads; do not write it (EvalInto) while
// another evaluation reads or writes it, and do not Release it while one does.
type DeviceArray struct {
	dev      *clDevice
	typ      DType
	n        int
	chunkLen int

	mu       sync.Mutex
	chunks   []*cl.Buffer
	released bool

	// self points at this array. EvalInto takes a destination as any and reads the
	// array through this field, so the escape analysis sees a load from the
	// destination rather than the destination itself flowing into the evaluation:
	// that keeps a caller's conversion of a slice to any off the heap.
	self *DeviceArray
}

// errReleased is returned for a DeviceArray used after Release.
var errReleased = errors.New("numeric: device array used after Release")

// Upload copies x, a []float64, []float32, []int64, []int32 or []bool, to a new
// array on the OpenCL device the opencl backend uses. The error wraps ErrBackend
// when there is no usable device, and ErrType for another type of x.
func Upload(x any) (*DeviceArray, error) {
	var b binding
	var err error
	switch x.(type) {
	case []float64, []float32, []int64, []int32, []bool:
		b, err = bind("x", x)
	default:
		return nil, fmt.Errorf("numeric: Upload: unsupported type %s (want []float64, []float32, []int64, []int32 or []bool): %w", typeName(x), ErrType)
	}
	if err != nil {
		return nil, err
	}
	a, err := NewDeviceArray(b.Type, b.N)
	if err != nil {
		return nil, err
	}
	q, err := a.dev.queue()
	if err != nil {
		a.Release()
		return nil, err
	}
	size := b.Type.Size()
	for c, buf := range a.chunks {
		cn := min(a.chunkLen, a.n-c*a.chunkLen)
		host := unsafe.Slice((*byte)(unsafe.Add(b.Ptr, c*a.chunkLen*size)), cn*size)
		if err = cl.WriteBuffer(q, buf, 0, host); err != nil {
			break
		}
	}
	a.dev.putQueue(q, err != nil)
	if err != nil {
		a.Release()
		return nil, clDeviceError("uploading an array", a.dev, err)
	}
	return a, nil
}

// NewDeviceArray allocates an array of n elements of type t on the OpenCL device,
// with undefined contents: a destination for EvalInto. The error wraps ErrBackend
// when there is no usable device, and the OpenCL error (cl.ErrInvalidBufferSize,
// cl.ErrMemObjectAllocationFailure, ...) when the device cannot hold it.
func NewDeviceArray(t DType, n int) (*DeviceArray, error) {
	if !t.Valid() || n < 0 {
		return nil, fmt.Errorf("numeric: NewDeviceArray(%s, %d): want a valid type and n ≥ 0: %w", t, n, ErrType)
	}
	d, err := openclState()
	if err != nil {
		return nil, err
	}
	return d.newArray(t, n, d.chunkLen)
}

// newArray allocates an array of n elements in chunks of chunkLen.
func (d *clDevice) newArray(t DType, n, chunkLen int) (*DeviceArray, error) {
	a := &DeviceArray{dev: d, typ: t, n: n, chunkLen: chunkLen}
	a.self = a
	for off := 0; off < n; off += chunkLen {
		size := min(chunkLen, n-off) * t.Size()
		buf, err := d.ctx.CreateBuffer(cl.MemReadWrite, size)
		if err != nil {
			a.Release()
			return nil, clDeviceError(fmt.Sprintf("allocating %d bytes (%d %s elements)", size, n, t), d, err)
		}
		a.chunks = append(a.chunks, buf)
	}
	return a, nil
}

// Len returns the number of elements.
func (a *DeviceArray) Len() int { return a.n }

// DType returns the element type.
func (a *DeviceArray) DType() DType { return a.typ }

// Download copies the array into dst, a slice of its type and length.
func (a *DeviceArray) Download(dst any) error {
	out, err := outputOf(dst)
	if err != nil || out.Scalar || out.Dev != nil {
		return fmt.Errorf("numeric: Download into %s: want a []%s of length %d: %w", typeName(dst), a.typ, a.n, ErrType)
	}
	if out.Type != a.typ {
		return fmt.Errorf("numeric: Download of a %s device array into a []%s: %w", a.typ, out.Type, ErrType)
	}
	if out.N != a.n {
		return fmt.Errorf("numeric: Download of %d elements into a slice of length %d: %w", a.n, out.N, ErrShape)
	}
	if err := a.usable(nil); err != nil {
		return err
	}
	q, err := a.dev.queue()
	if err != nil {
		return err
	}
	size := a.typ.Size()
	for c, buf := range a.chunks {
		cn := min(a.chunkLen, a.n-c*a.chunkLen)
		host := unsafe.Slice((*byte)(unsafe.Add(out.Ptr, c*a.chunkLen*size)), cn*size)
		if err = cl.ReadBuffer(q, buf, 0, host); err != nil {
			break
		}
	}
	a.dev.putQueue(q, err != nil)
	if err != nil {
		return clDeviceError("downloading an array", a.dev, err)
	}
	return nil
}

// Release frees the device memory. The array cannot be used afterwards; calling
// Release again does nothing.
func (a *DeviceArray) Release() {
	if a == nil {
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, b := range a.chunks {
		_ = b.Release()
	}
	a.chunks, a.released = nil, true
}

// usable checks that the array can be used (on device d, when d is not nil).
func (a *DeviceArray) usable(d *clDevice) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.released {
		return errReleased
	}
	if d != nil && a.dev != d {
		return fmt.Errorf("numeric: device array of another OpenCL device: %w", ErrBackend)
	}
	return nil
}

// deviceOutput describes a device array as an evaluation's destination.
func deviceOutput(a *DeviceArray) (output, error) {
	if a == nil {
		return output{}, fmt.Errorf("numeric: destination is a nil *DeviceArray: %w", ErrType)
	}
	return output{Type: a.typ, N: a.n, Dev: a}, nil
}

// rejectDeviceArrays is the CPU backends' check: they read and write host memory
// only.
func rejectDeviceArrays(names []string, bindings []binding, out output) error {
	for i, b := range bindings {
		if b.Dev != nil {
			return fmt.Errorf("numeric: variable %s is a *DeviceArray, which only the opencl backend reads (use WithBackend(\"opencl\") or Download it): %w", names[i], ErrBackend)
		}
	}
	if out.Dev != nil {
		return fmt.Errorf("numeric: the destination is a *DeviceArray, which only the opencl backend writes (use WithBackend(\"opencl\")): %w", ErrBackend)
	}
	return nil
}
