package cl

import (
	"errors"
	"fmt"
	"runtime"
	"unsafe"
)

// MemFlags are cl_mem_flags bits.
type MemFlags uint64

// Memory flags for CreateBuffer and CreateBufferFrom.
const (
	MemReadWrite     MemFlags = 1 << 0 // CL_MEM_READ_WRITE (the default)
	MemWriteOnly     MemFlags = 1 << 1 // CL_MEM_WRITE_ONLY: kernels only write it
	MemReadOnly      MemFlags = 1 << 2 // CL_MEM_READ_ONLY: kernels only read it
	MemUseHostPtr    MemFlags = 1 << 3 // CL_MEM_USE_HOST_PTR: the buffer lives in the given Go slice
	MemAllocHostPtr  MemFlags = 1 << 4 // CL_MEM_ALLOC_HOST_PTR: host-accessible memory (cheap to map)
	MemCopyHostPtr   MemFlags = 1 << 5 // CL_MEM_COPY_HOST_PTR: initialise from the given Go slice
	MemHostWriteOnly MemFlags = 1 << 7 // CL_MEM_HOST_WRITE_ONLY
	MemHostReadOnly  MemFlags = 1 << 8 // CL_MEM_HOST_READ_ONLY
	MemHostNoAccess  MemFlags = 1 << 9 // CL_MEM_HOST_NO_ACCESS
)

// Elem is an element type a Go slice may have to be copied to or from a buffer.
type Elem interface {
	~int8 | ~uint8 | ~int16 | ~uint16 | ~int32 | ~uint32 | ~int64 | ~uint64 | ~float32 | ~float64
}

// Buffer is an OpenCL buffer object of a fixed size in bytes.
type Buffer struct {
	rt   *Runtime
	h    *handle
	size int
}

// CreateBuffer creates a buffer of size bytes. The flags may not include MemUseHostPtr
// or MemCopyHostPtr, which need a slice: use CreateBufferFrom.
func (c *Context) CreateBuffer(flags MemFlags, size int) (*Buffer, error) {
	if flags&(MemUseHostPtr|MemCopyHostPtr) != 0 {
		return nil, errors.New("cl: CreateBuffer: MemUseHostPtr and MemCopyHostPtr need a slice; use CreateBufferFrom")
	}
	if size < 0 {
		return nil, fmt.Errorf("cl: CreateBuffer: negative size %d", size)
	}
	return c.createBuffer(flags, size, nil, nil)
}

// CreateBufferFrom creates a buffer the size of data, initialised from it. Without
// MemUseHostPtr in flags, MemCopyHostPtr is implied and data is copied at once.
//
// With MemUseHostPtr the buffer uses data's memory (the OpenCL implementation may
// cache it): data is pinned and kept reachable until the buffer is released, and
// must not be accessed while commands that use the buffer run. Finish the queues
// that use the buffer before releasing it.
func CreateBufferFrom[T Elem](c *Context, flags MemFlags, data []T) (*Buffer, error) {
	if len(data) == 0 {
		return nil, errors.New("cl: CreateBufferFrom: empty slice")
	}
	if flags&(MemUseHostPtr|MemCopyHostPtr) == MemUseHostPtr|MemCopyHostPtr {
		return nil, errors.New("cl: CreateBufferFrom: MemUseHostPtr and MemCopyHostPtr are exclusive")
	}
	if flags&MemUseHostPtr == 0 {
		flags |= MemCopyHostPtr
	}
	size := len(data) * int(unsafe.Sizeof(data[0]))
	p := unsafe.Pointer(&data[0])
	var keep any
	if flags&MemUseHostPtr != 0 {
		keep = data
	}
	b, err := c.createBuffer(flags, size, p, keep)
	runtime.KeepAlive(data)
	return b, err
}

func (c *Context) createBuffer(flags MemFlags, size int, host unsafe.Pointer, keep any) (*Buffer, error) {
	ctx, err := c.get()
	if err != nil {
		return nil, err
	}
	var code int32
	mem := c.rt.createBuffer(ctx, uint64(flags), uintptr(size), host, &code)
	runtime.KeepAlive(c)
	if code != 0 || mem == 0 {
		return nil, fmt.Errorf("cl: creating a buffer of %d bytes: %w", size, contextError("clCreateBuffer", code))
	}
	b := &Buffer{rt: c.rt, h: newHandle(mem, "clReleaseMemObject", c.rt.releaseMemObject), size: size}
	if keep != nil {
		b.h.pin(host, keep)
	}
	track(b, b.h)
	return b, nil
}

// Size returns the buffer's size in bytes.
func (b *Buffer) Size() int { return b.size }

// Release releases the buffer. Calling Release again does nothing.
func (b *Buffer) Release() error {
	if b == nil {
		return nil
	}
	return b.h.close()
}

func (b *Buffer) get() (uintptr, error) {
	if b == nil {
		return 0, errors.New("cl: nil *Buffer")
	}
	return b.h.get()
}

// checkRange reports whether bytes [offset, offset+size) lie inside the buffer.
func (b *Buffer) checkRange(op string, offset, size int) error {
	if offset < 0 || size < 0 || offset > b.size || size > b.size-offset {
		return fmt.Errorf("cl: %s: bytes [%d, %d+%d) outside a buffer of %d bytes", op, offset, offset, size, b.size)
	}
	return nil
}
