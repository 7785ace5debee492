package cl

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"unsafe"
)

// Kernel is one __kernel function of a built program, with its arguments.
//
// Setting arguments is not safe for concurrent use (OpenCL's rule for
// clSetKernelArg); enqueueing the same kernel from several goroutines with
// different arguments needs one Kernel each.
type Kernel struct {
	rt   *Runtime
	h    *handle
	name string

	mu      sync.Mutex
	buffers map[int]*Buffer // buffers set as arguments, kept reachable while set
}

// LocalMem is a kernel argument that reserves that many bytes of __local memory.
type LocalMem int

// CreateKernel returns the kernel named name.
func (p *Program) CreateKernel(name string) (*Kernel, error) {
	if name == "" || strings.IndexByte(name, 0) >= 0 {
		return nil, fmt.Errorf("cl: CreateKernel: invalid name %q", name)
	}
	ph, err := p.get()
	if err != nil {
		return nil, err
	}
	var code int32
	k := p.rt.createKernel(ph, name, &code)
	runtime.KeepAlive(p)
	if code != 0 || k == 0 {
		return nil, fmt.Errorf("cl: kernel %q: %w", name, contextError("clCreateKernel", code))
	}
	kernel := &Kernel{rt: p.rt, h: newHandle(k, "clReleaseKernel", p.rt.releaseKernel), name: name}
	track(kernel, kernel.h)
	return kernel, nil
}

// Name returns the kernel's function name.
func (k *Kernel) Name() string { return k.name }

// setArg passes size bytes at value as argument index.
func (k *Kernel) setArg(index int, size uintptr, value unsafe.Pointer) error {
	if index < 0 || index > 1<<16 {
		return fmt.Errorf("cl: kernel %q: argument index %d out of range", k.name, index)
	}
	kh, err := k.get()
	if err != nil {
		return err
	}
	code := k.rt.setKernelArg(kh, uint32(index), size, value)
	runtime.KeepAlive(k)
	if code != 0 {
		return fmt.Errorf("cl: kernel %q argument %d: %w", k.name, index, newError("clSetKernelArg", code))
	}
	return nil
}

// SetArgBuffer sets argument index to buffer b (a __global or __constant pointer).
// The kernel keeps b reachable until another argument replaces it.
func (k *Kernel) SetArgBuffer(index int, b *Buffer) error {
	mem, err := b.get()
	if err != nil {
		return fmt.Errorf("cl: kernel %q argument %d: %w", k.name, index, err)
	}
	err = k.setArg(index, unsafe.Sizeof(mem), unsafe.Pointer(&mem))
	runtime.KeepAlive(b)
	if err != nil {
		return err
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.buffers == nil {
		k.buffers = make(map[int]*Buffer)
	}
	k.buffers[index] = b
	return nil
}

// setScalar sets argument index to the bytes of v.
func setScalar[T Elem](k *Kernel, index int, v T) error {
	if err := k.setArg(index, unsafe.Sizeof(v), unsafe.Pointer(&v)); err != nil {
		return err
	}
	k.mu.Lock()
	delete(k.buffers, index)
	k.mu.Unlock()
	return nil
}

// SetArgInt32 sets argument index to an int.
func (k *Kernel) SetArgInt32(index int, v int32) error { return setScalar(k, index, v) }

// SetArgInt64 sets argument index to a long.
func (k *Kernel) SetArgInt64(index int, v int64) error { return setScalar(k, index, v) }

// SetArgUint32 sets argument index to a uint.
func (k *Kernel) SetArgUint32(index int, v uint32) error { return setScalar(k, index, v) }

// SetArgUint64 sets argument index to a ulong.
func (k *Kernel) SetArgUint64(index int, v uint64) error { return setScalar(k, index, v) }

// SetArgFloat32 sets argument index to a float.
func (k *Kernel) SetArgFloat32(index int, v float32) error { return setScalar(k, index, v) }

// SetArgFloat64 sets argument index to a double.
func (k *Kernel) SetArgFloat64(index int, v float64) error { return setScalar(k, index, v) }

// SetArgLocal reserves bytes of __local memory for argument index.
func (k *Kernel) SetArgLocal(index int, bytes int) error {
	if bytes <= 0 {
		return fmt.Errorf("cl: kernel %q argument %d: local memory size %d must be positive", k.name, index, bytes)
	}
	if err := k.setArg(index, uintptr(bytes), nil); err != nil {
		return err
	}
	k.mu.Lock()
	delete(k.buffers, index)
	k.mu.Unlock()
	return nil
}

// SetArgs sets arguments 0, 1, ... in order. Each must be a *Buffer, int32, int64,
// uint32, uint64, float32, float64 or LocalMem; a Go int is refused because its
// OpenCL width is ambiguous.
func (k *Kernel) SetArgs(args ...any) error {
	for i, a := range args {
		var err error
		switch v := a.(type) {
		case *Buffer:
			err = k.SetArgBuffer(i, v)
		case int32:
			err = k.SetArgInt32(i, v)
		case int64:
			err = k.SetArgInt64(i, v)
		case uint32:
			err = k.SetArgUint32(i, v)
		case uint64:
			err = k.SetArgUint64(i, v)
		case float32:
			err = k.SetArgFloat32(i, v)
		case float64:
			err = k.SetArgFloat64(i, v)
		case LocalMem:
			err = k.SetArgLocal(i, int(v))
		default:
			err = fmt.Errorf("cl: kernel %q argument %d: unsupported type %T", k.name, i, a)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// WorkGroupInfo is what a device can do with a kernel.
type WorkGroupInfo struct {
	WorkGroupSize     int    // CL_KERNEL_WORK_GROUP_SIZE: the largest local size
	PreferredMultiple int    // CL_KERNEL_PREFERRED_WORK_GROUP_SIZE_MULTIPLE
	LocalMemBytes     uint64 // CL_KERNEL_LOCAL_MEM_SIZE
	PrivateMemBytes   uint64 // CL_KERNEL_PRIVATE_MEM_SIZE
}

// Kernel work-group info parameters.
const (
	kernelWorkGroupSize         = 0x11B0
	kernelLocalMemSize          = 0x11B2
	kernelPreferredWorkGroupMul = 0x11B3
	kernelPrivateMemSize        = 0x11B4
)

// WorkGroupInfo returns the kernel's work-group limits on device d.
func (k *Kernel) WorkGroupInfo(d Device) (WorkGroupInfo, error) {
	kh, err := k.get()
	if err != nil {
		return WorkGroupInfo{}, err
	}
	defer runtime.KeepAlive(k)
	get := func(param uint32) infoFunc {
		return func(size uintptr, value unsafe.Pointer, sizeOut *uintptr) int32 {
			return k.rt.getKernelWorkGroupInfo(kh, d.ID, param, size, value, sizeOut)
		}
	}
	const op = "clGetKernelWorkGroupInfo"
	var info WorkGroupInfo
	size, err1 := infoValue[uintptr](op, get(kernelWorkGroupSize))
	mul, err2 := infoValue[uintptr](op, get(kernelPreferredWorkGroupMul))
	local, err3 := infoValue[uint64](op, get(kernelLocalMemSize))
	private, err4 := infoValue[uint64](op, get(kernelPrivateMemSize))
	if err := errors.Join(err1, err2, err3, err4); err != nil {
		return info, fmt.Errorf("cl: kernel %q on %s: %w", k.name, d.Name, err)
	}
	info = WorkGroupInfo{WorkGroupSize: int(size), PreferredMultiple: int(mul), LocalMemBytes: local, PrivateMemBytes: private}
	return info, nil
}

// Release releases the kernel. Calling Release again does nothing.
func (k *Kernel) Release() error {
	if k == nil {
		return nil
	}
	k.mu.Lock()
	k.buffers = nil
	k.mu.Unlock()
	return k.h.close()
}

func (k *Kernel) get() (uintptr, error) {
	if k == nil {
		return 0, errors.New("cl: nil *Kernel")
	}
	return k.h.get()
}
