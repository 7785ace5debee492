package cl

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"unsafe"
)

// PlatformID is a cl_platform_id.
type PlatformID uintptr

// DeviceID is a cl_device_id.
type DeviceID uintptr

// Runtime is a loaded OpenCL ICD loader: the library handle and its entry points.
//
// A Runtime is safe for concurrent use. It is never unloaded: objects created from it
// may outlive every reference to it.
type Runtime struct {
	library string // the name that loaded
	handle  uintptr

	getPlatformIDs  func(num uint32, platforms *PlatformID, numOut *uint32) int32
	getPlatformInfo func(p PlatformID, param uint32, size uintptr, value unsafe.Pointer, sizeOut *uintptr) int32
	getDeviceIDs    func(p PlatformID, typ uint64, num uint32, devices *DeviceID, numOut *uint32) int32
	getDeviceInfo   func(d DeviceID, param uint32, size uintptr, value unsafe.Pointer, sizeOut *uintptr) int32

	createContext  func(props *uintptr, numDevices uint32, devices *DeviceID, notify uintptr, user uintptr, errOut *int32) uintptr
	releaseContext func(ctx uintptr) int32

	// createQueueWithProperties (OpenCL 2.0) is nil when the library lacks it;
	// createQueue (deprecated in 2.0) is nil when the library lacks that one.
	createQueueWithProperties func(ctx uintptr, dev DeviceID, props *uint64, errOut *int32) uintptr
	createQueue               func(ctx uintptr, dev DeviceID, props uint64, errOut *int32) uintptr
	releaseQueue              func(q uintptr) int32
	finish                    func(q uintptr) int32
	flush                     func(q uintptr) int32

	createBuffer      func(ctx uintptr, flags uint64, size uintptr, host unsafe.Pointer, errOut *int32) uintptr
	releaseMemObject  func(mem uintptr) int32
	enqueueReadBuffer func(q, mem uintptr, blocking uint32, offset, size uintptr, dst unsafe.Pointer,
		numWait uint32, wait *uintptr, event *uintptr) int32
	enqueueWriteBuffer func(q, mem uintptr, blocking uint32, offset, size uintptr, src unsafe.Pointer,
		numWait uint32, wait *uintptr, event *uintptr) int32
	enqueueCopyBuffer func(q, src, dst uintptr, srcOffset, dstOffset, size uintptr,
		numWait uint32, wait *uintptr, event *uintptr) int32
	enqueueMapBuffer func(q, mem uintptr, blocking uint32, flags uint64, offset, size uintptr,
		numWait uint32, wait *uintptr, event *uintptr, errOut *int32) unsafe.Pointer
	enqueueUnmapMemObject func(q, mem uintptr, mapped unsafe.Pointer, numWait uint32, wait *uintptr, event *uintptr) int32

	createProgramWithSource func(ctx uintptr, count uint32, sources **byte, lengths *uintptr, errOut *int32) uintptr
	createProgramWithBinary func(ctx uintptr, numDevices uint32, devices *DeviceID, lengths *uintptr,
		binaries **byte, status *int32, errOut *int32) uintptr
	buildProgram        func(p uintptr, numDevices uint32, devices *DeviceID, options string, notify uintptr, user uintptr) int32
	getProgramInfo      func(p uintptr, param uint32, size uintptr, value unsafe.Pointer, sizeOut *uintptr) int32
	getProgramBuildInfo func(p uintptr, dev DeviceID, param uint32, size uintptr, value unsafe.Pointer, sizeOut *uintptr) int32
	releaseProgram      func(p uintptr) int32

	createKernel           func(p uintptr, name string, errOut *int32) uintptr
	setKernelArg           func(k uintptr, index uint32, size uintptr, value unsafe.Pointer) int32
	getKernelWorkGroupInfo func(k uintptr, dev DeviceID, param uint32, size uintptr, value unsafe.Pointer, sizeOut *uintptr) int32
	releaseKernel          func(k uintptr) int32
	enqueueNDRangeKernel   func(q, k uintptr, dims uint32, offset, global, local *uintptr, numWait uint32, wait *uintptr, event *uintptr) int32
	waitForEvents          func(num uint32, events *uintptr) int32
	getEventInfo           func(e uintptr, param uint32, size uintptr, value unsafe.Pointer, sizeOut *uintptr) int32
	getEventProfilingInfo  func(e uintptr, param uint32, size uintptr, value unsafe.Pointer, sizeOut *uintptr) int32
	releaseEvent           func(e uintptr) int32
}

// check reports a nil or zero Runtime (one not made by Open) as ErrNoRuntime.
func (r *Runtime) check() error {
	if r == nil || r.getPlatformIDs == nil {
		return fmt.Errorf("%w: Runtime not created by Open", ErrNoRuntime)
	}
	return nil
}

// Library returns the name the runtime was loaded from.
func (r *Runtime) Library() string { return r.library }

// DefaultLibraryNames are the names Open tries when given none, in order.
func DefaultLibraryNames() []string {
	switch runtime.GOOS {
	case "windows":
		return []string{"OpenCL.dll"}
	case "darwin", "ios":
		return []string{"/System/Library/Frameworks/OpenCL.framework/OpenCL"}
	default:
		return []string{"libOpenCL.so.1", "libOpenCL.so"}
	}
}

// Open loads the first of names that loads (DefaultLibraryNames when none are given)
// and binds its entry points. It is not cached: each call opens the library again
// (the system loader shares the mapping).
//
// Every failure wraps ErrNoRuntime and names each library tried with the loader's
// message, or the library and the entry point it lacks.
func Open(names ...string) (*Runtime, error) {
	if len(names) == 0 {
		names = DefaultLibraryNames()
	}
	var failures []string
	for _, name := range names {
		if name == "" {
			continue
		}
		handle, err := openLibrary(name)
		if err != nil {
			msg := err.Error()
			if !strings.Contains(msg, name) {
				msg = name + ": " + msg
			}
			failures = append(failures, msg)
			continue
		}
		r := &Runtime{library: name, handle: handle}
		if err := r.bind(); err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrNoRuntime, name, err)
		}
		return r, nil
	}
	if len(failures) == 0 {
		return nil, fmt.Errorf("%w: no library name given", ErrNoRuntime)
	}
	return nil, fmt.Errorf("%w: tried %s: %s", ErrNoRuntime,
		strings.Join(names, ", "), strings.Join(failures, "; "))
}

// symbol is one entry point: its name, the Go func variable to bind, and whether the
// runtime works without it.
type symbol struct {
	name     string
	fn       any // pointer to a func variable
	optional bool
}

// bind looks up every entry point and registers the Go func variables. A missing
// required symbol is an error naming it; nothing is registered with a zero address.
func (r *Runtime) bind() error {
	syms := []symbol{
		{"clGetPlatformIDs", &r.getPlatformIDs, false},
		{"clGetPlatformInfo", &r.getPlatformInfo, false},
		{"clGetDeviceIDs", &r.getDeviceIDs, false},
		{"clGetDeviceInfo", &r.getDeviceInfo, false},
		{"clCreateContext", &r.createContext, false},
		{"clReleaseContext", &r.releaseContext, false},
		{"clCreateCommandQueueWithProperties", &r.createQueueWithProperties, true},
		{"clCreateCommandQueue", &r.createQueue, true},
		{"clReleaseCommandQueue", &r.releaseQueue, false},
		{"clFinish", &r.finish, false},
		{"clFlush", &r.flush, false},
		{"clCreateBuffer", &r.createBuffer, false},
		{"clReleaseMemObject", &r.releaseMemObject, false},
		{"clEnqueueReadBuffer", &r.enqueueReadBuffer, false},
		{"clEnqueueWriteBuffer", &r.enqueueWriteBuffer, false},
		{"clEnqueueCopyBuffer", &r.enqueueCopyBuffer, false},
		{"clEnqueueMapBuffer", &r.enqueueMapBuffer, false},
		{"clEnqueueUnmapMemObject", &r.enqueueUnmapMemObject, false},
		{"clCreateProgramWithSource", &r.createProgramWithSource, false},
		{"clCreateProgramWithBinary", &r.createProgramWithBinary, false},
		{"clBuildProgram", &r.buildProgram, false},
		{"clGetProgramInfo", &r.getProgramInfo, false},
		{"clGetProgramBuildInfo", &r.getProgramBuildInfo, false},
		{"clReleaseProgram", &r.releaseProgram, false},
		{"clCreateKernel", &r.createKernel, false},
		{"clSetKernelArg", &r.setKernelArg, false},
		{"clGetKernelWorkGroupInfo", &r.getKernelWorkGroupInfo, false},
		{"clReleaseKernel", &r.releaseKernel, false},
		{"clEnqueueNDRangeKernel", &r.enqueueNDRangeKernel, false},
		{"clWaitForEvents", &r.waitForEvents, false},
		{"clGetEventInfo", &r.getEventInfo, false},
		{"clGetEventProfilingInfo", &r.getEventProfilingInfo, false},
		{"clReleaseEvent", &r.releaseEvent, false},
	}
	addrs := make([]uintptr, len(syms))
	var missing []string
	for i, s := range syms {
		addr, err := lookupSymbol(r.handle, s.name)
		if err != nil || addr == 0 {
			if !s.optional {
				missing = append(missing, s.name)
			}
			continue
		}
		addrs[i] = addr
	}
	if len(missing) > 0 {
		if len(missing) > 4 {
			return fmt.Errorf("missing entry points %s and %d more", strings.Join(missing[:4], ", "), len(missing)-4)
		}
		return fmt.Errorf("missing entry points %s", strings.Join(missing, ", "))
	}
	for i, s := range syms {
		if addrs[i] != 0 {
			registerFunc(s.fn, addrs[i])
		}
	}
	if r.createQueueWithProperties == nil && r.createQueue == nil {
		return errors.New("missing entry points clCreateCommandQueueWithProperties and clCreateCommandQueue")
	}
	return nil
}
