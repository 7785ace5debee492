package cl

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"unsafe"
)

// Program is an OpenCL program: source or binaries, built for the context's devices.
type Program struct {
	rt  *Runtime
	h   *handle
	ctx *Context
}

// BuildError is a failed clBuildProgram with the compiler's log.
type BuildError struct {
	Err     *Error // CL_BUILD_PROGRAM_FAILURE, CL_INVALID_BUILD_OPTIONS, ...
	Options string // the build options passed
	Log     string // the build log; one section per device when there are several
}

// Error returns the OpenCL error followed by the build log.
func (e *BuildError) Error() string {
	msg := e.Err.Error()
	if e.Options != "" {
		msg += " (options " + fmt.Sprintf("%q", e.Options) + ")"
	}
	if e.Log != "" {
		msg += "\n" + e.Log
	}
	return msg
}

// Unwrap returns the *Error, so errors.Is(err, ErrBuildProgramFailure) holds.
func (e *BuildError) Unwrap() error { return e.Err }

// Program info parameters.
const (
	programNumDevices   = 0x1162
	programDevices      = 0x1163
	programBinarySizes  = 0x1165
	programBinaries     = 0x1166
	programBuildLog     = 0x1183
	programBuildOptions = 0x1182
)

// CreateProgramWithSource creates a program from OpenCL C source; Build it next.
func (c *Context) CreateProgramWithSource(source string) (*Program, error) {
	if source == "" {
		return nil, errors.New("cl: CreateProgramWithSource: empty source")
	}
	ctx, err := c.get()
	if err != nil {
		return nil, err
	}
	// The array of string pointers is Go memory holding a Go pointer: pin the source.
	var pinner runtime.Pinner
	defer pinner.Unpin()
	data := unsafe.StringData(source)
	pinner.Pin(data)
	sources := []*byte{data}
	lengths := []uintptr{uintptr(len(source))}
	var code int32
	p := c.rt.createProgramWithSource(ctx, 1, &sources[0], &lengths[0], &code)
	runtime.KeepAlive(c)
	runtime.KeepAlive(source)
	if code != 0 || p == 0 {
		return nil, contextError("clCreateProgramWithSource", code)
	}
	return c.newProgram(p), nil
}

func (c *Context) newProgram(p uintptr) *Program {
	prog := &Program{rt: c.rt, h: newHandle(p, "clReleaseProgram", c.rt.releaseProgram), ctx: c}
	track(prog, prog.h)
	return prog
}

// BuildProgram creates a program from source and builds it for every device of the
// context. A failed build returns a *BuildError holding the log.
func (c *Context) BuildProgram(source, options string) (*Program, error) {
	p, err := c.CreateProgramWithSource(source)
	if err != nil {
		return nil, err
	}
	if err := p.Build(options); err != nil {
		_ = p.Release()
		return nil, err
	}
	return p, nil
}

// Build compiles and links the program for devices (every device of the context when
// none are given). A failure returns a *BuildError with the build log.
func (p *Program) Build(options string, devices ...Device) error {
	if strings.IndexByte(options, 0) >= 0 {
		return errors.New("cl: Build: options contain a NUL byte")
	}
	ph, err := p.get()
	if err != nil {
		return err
	}
	var ids []DeviceID
	for _, d := range devices {
		ids = append(ids, d.ID)
	}
	var idPtr *DeviceID
	if len(ids) > 0 {
		idPtr = &ids[0]
	}
	code := p.rt.buildProgram(ph, uint32(len(ids)), idPtr, options, 0, 0)
	runtime.KeepAlive(p)
	if code == 0 {
		return nil
	}
	be := &BuildError{Err: newError("clBuildProgram", code).(*Error), Options: options}
	be.Log = p.buildLogs(devices)
	return be
}

// buildLogs collects the build log of each device; with several devices each log is
// headed by the device's name. Devices whose log is empty are left out.
func (p *Program) buildLogs(devices []Device) string {
	if len(devices) == 0 {
		devices = p.ctx.devices
	}
	var sections []string
	for _, d := range devices {
		log, err := p.BuildLog(d)
		if err != nil {
			log = "(no build log: " + err.Error() + ")"
		}
		if log == "" {
			continue
		}
		if len(devices) > 1 {
			log = d.Name + ":\n" + log
		}
		sections = append(sections, log)
	}
	return strings.Join(sections, "\n")
}

// BuildLog returns the log of the last build for device d.
func (p *Program) BuildLog(d Device) (string, error) {
	ph, err := p.get()
	if err != nil {
		return "", err
	}
	log, err := infoString("clGetProgramBuildInfo", func(size uintptr, value unsafe.Pointer, sizeOut *uintptr) int32 {
		return p.rt.getProgramBuildInfo(ph, d.ID, programBuildLog, size, value, sizeOut)
	})
	runtime.KeepAlive(p)
	return log, err
}

// Release releases the program; kernels created from it stay valid until released.
// Calling Release again does nothing.
func (p *Program) Release() error {
	if p == nil {
		return nil
	}
	return p.h.close()
}

func (p *Program) get() (uintptr, error) {
	if p == nil {
		return 0, errors.New("cl: nil *Program")
	}
	return p.h.get()
}

// info returns a bound clGetProgramInfo query.
func (p *Program) info(ph uintptr, param uint32) infoFunc {
	return func(size uintptr, value unsafe.Pointer, sizeOut *uintptr) int32 {
		return p.rt.getProgramInfo(ph, param, size, value, sizeOut)
	}
}
