package cl

import (
	"errors"
	"fmt"
)

// Context is an OpenCL context over one or more devices of one platform.
type Context struct {
	rt      *Runtime
	h       *handle
	devices []Device
}

const contextPlatform = 0x1084 // CL_CONTEXT_PLATFORM

// CreateContext creates a context over devices, which must all belong to one platform.
func (r *Runtime) CreateContext(devices ...Device) (*Context, error) {
	if err := r.check(); err != nil {
		return nil, err
	}
	if len(devices) == 0 {
		return nil, errors.New("cl: CreateContext: no device given")
	}
	ids := make([]DeviceID, len(devices))
	for i, d := range devices {
		if d.Platform != devices[0].Platform {
			return nil, fmt.Errorf("cl: CreateContext: devices %q and %q are on different platforms", devices[0].Name, d.Name)
		}
		ids[i] = d.ID
	}
	props := []uintptr{contextPlatform, uintptr(devices[0].Platform), 0}
	var code int32
	ctx := r.createContext(&props[0], uint32(len(ids)), &ids[0], 0, 0, &code)
	if code != 0 || ctx == 0 {
		return nil, contextError("clCreateContext", code)
	}
	c := &Context{rt: r, h: newHandle(ctx, "clReleaseContext", r.releaseContext), devices: append([]Device(nil), devices...)}
	track(c, c.h)
	return c, nil
}

// Devices returns the devices the context was created over.
func (c *Context) Devices() []Device { return append([]Device(nil), c.devices...) }

// Release releases the context. Objects created from it stay valid until released.
// Calling Release again does nothing.
func (c *Context) Release() error {
	if c == nil {
		return nil
	}
	return c.h.close()
}

// contextError reports a failed create call; a zero handle with CL_SUCCESS is
// reported as CL_INVALID_VALUE rather than passed on as a valid object.
func contextError(op string, code int32) error {
	if code == 0 {
		code = ErrInvalidValue.Code
	}
	return newError(op, code)
}

// get returns the live cl_context; callers keep c alive across its use.
func (c *Context) get() (uintptr, error) {
	if c == nil {
		return 0, errors.New("cl: nil *Context")
	}
	return c.h.get()
}
