package cl

import (
	"errors"
	"fmt"
	"runtime"
	"unsafe"
)

// ProgramBinary is a built program's binary for one device, as clGetProgramInfo
// returns it: opaque, valid only for the same device and driver version.
type ProgramBinary struct {
	Device DeviceID
	Data   []byte
}

// Binaries returns the program's binary for each of its devices, in the program's
// device order. A device the program was not built for has empty Data.
func (p *Program) Binaries() ([]ProgramBinary, error) {
	ph, err := p.get()
	if err != nil {
		return nil, err
	}
	defer runtime.KeepAlive(p)
	devices, err := infoSlice[DeviceID]("clGetProgramInfo", p.info(ph, programDevices))
	if err != nil {
		return nil, err
	}
	sizes, err := infoSlice[uintptr]("clGetProgramInfo", p.info(ph, programBinarySizes))
	if err != nil {
		return nil, err
	}
	if len(sizes) != len(devices) {
		return nil, fmt.Errorf("cl: Binaries: %d binary sizes for %d devices", len(sizes), len(devices))
	}
	out := make([]ProgramBinary, len(devices))
	// CL_PROGRAM_BINARIES fills caller-allocated buffers through an array of pointers
	// held in Go memory: pin every buffer for the call.
	var pinner runtime.Pinner
	defer pinner.Unpin()
	ptrs := make([]*byte, len(devices))
	for i, d := range devices {
		out[i].Device = d
		if sizes[i] == 0 {
			continue
		}
		out[i].Data = make([]byte, sizes[i])
		ptrs[i] = &out[i].Data[0]
		pinner.Pin(ptrs[i])
	}
	if len(ptrs) == 0 {
		return out, nil
	}
	size := uintptr(len(ptrs)) * unsafe.Sizeof(ptrs[0])
	if code := p.rt.getProgramInfo(ph, programBinaries, size, unsafe.Pointer(&ptrs[0]), nil); code != 0 {
		return nil, newError("clGetProgramInfo", code)
	}
	runtime.KeepAlive(ptrs)
	return out, nil
}

// CreateProgramWithBinary creates a program from binaries that Binaries returned,
// one per device; Build it next (with the same options) before creating kernels.
// A binary the device rejects fails with CL_INVALID_BINARY naming the device.
func (c *Context) CreateProgramWithBinary(binaries []ProgramBinary) (*Program, error) {
	const op = "clCreateProgramWithBinary"
	if len(binaries) == 0 {
		return nil, errors.New("cl: CreateProgramWithBinary: no binary given")
	}
	ctx, err := c.get()
	if err != nil {
		return nil, err
	}
	var pinner runtime.Pinner
	defer pinner.Unpin()
	ids := make([]DeviceID, len(binaries))
	lengths := make([]uintptr, len(binaries))
	ptrs := make([]*byte, len(binaries))
	for i, b := range binaries {
		if len(b.Data) == 0 {
			return nil, fmt.Errorf("cl: CreateProgramWithBinary: empty binary for device %#x", uintptr(b.Device))
		}
		ids[i] = b.Device
		lengths[i] = uintptr(len(b.Data))
		ptrs[i] = &b.Data[0]
		pinner.Pin(ptrs[i])
	}
	status := make([]int32, len(binaries))
	var code int32
	prog := c.rt.createProgramWithBinary(ctx, uint32(len(ids)), &ids[0], &lengths[0], &ptrs[0], &status[0], &code)
	runtime.KeepAlive(c)
	runtime.KeepAlive(binaries)
	runtime.KeepAlive(ptrs)
	if code != 0 || prog == 0 {
		err := contextError(op, code)
		for i, s := range status {
			if s != 0 {
				err = fmt.Errorf("%w; device %#x: %v", err, uintptr(ids[i]), newError("binary status", s))
			}
		}
		return nil, err
	}
	return c.newProgram(prog), nil
}
