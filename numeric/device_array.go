package numeric

import (
	"fmt"

	"github.com/numkit/numkit/numeric/internal/opencl"
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
	a *opencl.Array

	// self points at this array. EvalInto takes a destination as any and reads the
	// array through this field, so the escape analysis sees a load from the
	// destination rather than the destination itself flowing into the evaluation:
	// that keeps a caller's conversion of a slice to any off the heap.
	self *DeviceArray
}

func newDeviceArray(a *opencl.Array) *DeviceArray {
	d := &DeviceArray{a: a}
	d.self = d
	return d
}

// Upload copies x, a []float64, []float32, []int64, []int32, []bool, []complex128 or
// []complex64, to a new array on the OpenCL device the opencl backend uses. The error wraps ErrBackend
// when there is no usable device, and ErrType for another type of x.
func Upload(x any) (*DeviceArray, error) {
	var b binding
	var err error
	switch x.(type) {
	case []float64, []float32, []int64, []int32, []bool, []complex128, []complex64:
		b, err = bind("x", x)
	default:
		return nil, fmt.Errorf("numeric: Upload: unsupported type %s (want []float64, []float32, []int64, []int32, []bool, []complex128 or []complex64): %w", typeName(x), ErrType)
	}
	if err != nil {
		return nil, err
	}
	a, err := opencl.Upload(b)
	if err != nil {
		return nil, err
	}
	return newDeviceArray(a), nil
}

// NewDeviceArray allocates an array of n elements of type t on the OpenCL device,
// with undefined contents: a destination for EvalInto. The error wraps ErrBackend
// when there is no usable device, and the OpenCL error (cl.ErrInvalidBufferSize,
// cl.ErrMemObjectAllocationFailure, ...) when the device cannot hold it.
func NewDeviceArray(t DType, n int) (*DeviceArray, error) {
	a, err := opencl.NewArray(t, n)
	if err != nil {
		return nil, err
	}
	return newDeviceArray(a), nil
}

// Len returns the number of elements.
func (d *DeviceArray) Len() int {
	if d.a == nil {
		return 0
	}
	return d.a.Len()
}

// DType returns the element type.
func (d *DeviceArray) DType() DType {
	if d.a == nil {
		return 0
	}
	return d.a.DType()
}

// Download copies the array into dst, a slice of its type and length.
func (d *DeviceArray) Download(dst any) error {
	out, err := outputOf(dst)
	if err != nil || out.Scalar || out.Dev != nil {
		return fmt.Errorf("numeric: Download into %s: want a []%s of length %d: %w", typeName(dst), d.DType(), d.Len(), ErrType)
	}
	if out.Type != d.DType() {
		return fmt.Errorf("numeric: Download of a %s device array into a []%s: %w", d.DType(), out.Type, ErrType)
	}
	if out.N != d.Len() {
		return fmt.Errorf("numeric: Download of %d elements into a slice of length %d: %w", d.Len(), out.N, ErrShape)
	}
	if d.a == nil {
		return nil // a zero DeviceArray has no elements
	}
	return d.a.Download(out)
}

// Release frees the device memory. The array cannot be used afterwards; calling
// Release again does nothing.
func (d *DeviceArray) Release() {
	if d != nil && d.a != nil {
		d.a.Release()
	}
}

// deviceOutput describes a device array as an evaluation's destination.
func deviceOutput(d *DeviceArray) (output, error) {
	if d == nil {
		return output{}, fmt.Errorf("numeric: destination is a nil *DeviceArray: %w", ErrType)
	}
	if d.a == nil {
		return output{}, fmt.Errorf("numeric: the destination is a *DeviceArray not made by Upload or NewDeviceArray: %w", ErrType)
	}
	return output{Type: d.DType(), N: d.Len(), Dev: d.a}, nil
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
