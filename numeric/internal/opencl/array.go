package opencl

import (
	"errors"
	"fmt"
	"sync"
	"unsafe"

	"github.com/numkit/numkit/cl"
	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/ir"
)

// Array is an array kept in the OpenCL device's memory (numeric.DeviceArray is its
// public handle). Arrays larger than the device's largest allocation are held in
// several buffers (chunks). It implements exec.DeviceData.
type Array struct {
	dev      *Device
	typ      ir.DType
	n        int
	chunkLen int

	mu       sync.Mutex
	chunks   []*cl.Buffer
	released bool
}

// ErrReleased is returned for an Array used after Release.
var ErrReleased = errors.New("numeric: device array used after Release")

// NewArray allocates an array of n elements of type t on the process's device, with
// undefined contents. The error wraps exec.ErrBackend when there is no usable device,
// and the OpenCL error (cl.ErrInvalidBufferSize, cl.ErrMemObjectAllocationFailure, ...)
// when the device cannot hold it.
func NewArray(t ir.DType, n int) (*Array, error) {
	if !t.Valid() || n < 0 {
		return nil, fmt.Errorf("numeric: NewDeviceArray(%s, %d): want a valid type and n ≥ 0: %w", t, n, exec.ErrType)
	}
	d, err := Default()
	if err != nil {
		return nil, err
	}
	return d.newArray(t, n, d.chunkLen)
}

// Upload copies the host array b to a new array on the process's device.
func Upload(b exec.Binding) (*Array, error) {
	a, err := NewArray(b.Type, b.N)
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
		return nil, deviceError("uploading an array", a.dev, err)
	}
	return a, nil
}

// newArray allocates an array of n elements in chunks of chunkLen.
func (d *Device) newArray(t ir.DType, n, chunkLen int) (*Array, error) {
	a := &Array{dev: d, typ: t, n: n, chunkLen: chunkLen}
	for off := 0; off < n; off += chunkLen {
		size := min(chunkLen, n-off) * t.Size()
		buf, err := d.ctx.CreateBuffer(cl.MemReadWrite, size)
		if err != nil {
			a.Release()
			return nil, deviceError(fmt.Sprintf("allocating %d bytes (%d %s elements)", size, n, t), d, err)
		}
		a.chunks = append(a.chunks, buf)
	}
	return a, nil
}

// Len returns the number of elements.
func (a *Array) Len() int { return a.n }

// Chunks returns the number of device buffers that hold the array.
func (a *Array) Chunks() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.chunks)
}

// DType returns the element type.
func (a *Array) DType() ir.DType { return a.typ }

// Download copies the array into out, a host array of its type and length (which the
// caller has checked).
func (a *Array) Download(out exec.Output) error {
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
		return deviceError("downloading an array", a.dev, err)
	}
	return nil
}

// Release frees the device memory. The array cannot be used afterwards; calling
// Release again does nothing.
func (a *Array) Release() {
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
func (a *Array) usable(d *Device) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.released {
		return ErrReleased
	}
	if d != nil && a.dev != d {
		return fmt.Errorf("numeric: device array of another OpenCL device: %w", exec.ErrBackend)
	}
	return nil
}

var _ exec.DeviceData = (*Array)(nil)
