package cl

import (
	"errors"
	"strings"
	"unsafe"
)

// Device describes one OpenCL device.
type Device struct {
	ID               DeviceID
	Platform         PlatformID
	Name             string
	Vendor           string
	Type             DeviceType
	Version          string // CL_DEVICE_VERSION
	OpenCLCVersion   string // CL_DEVICE_OPENCL_C_VERSION
	DriverVersion    string
	ComputeUnits     uint32
	ClockMHz         uint32
	GlobalMemBytes   uint64
	LocalMemBytes    uint64
	MaxAllocBytes    uint64
	MaxWorkGroupSize int
	FP64             bool // cl_khr_fp64 or a non-zero CL_DEVICE_DOUBLE_FP_CONFIG
	FP16             bool // cl_khr_fp16
	UnifiedMemory    bool // CL_DEVICE_HOST_UNIFIED_MEMORY
	Extensions       []string
}

// HasExtension reports whether the device lists the named extension.
func (d Device) HasExtension(name string) bool {
	for _, e := range d.Extensions {
		if e == name {
			return true
		}
	}
	return false
}

// Device info parameters (cl_device_info).
const (
	deviceType              = 0x1000
	deviceMaxComputeUnits   = 0x1002
	deviceMaxWorkGroupSize  = 0x1004
	deviceMaxClockFrequency = 0x100C
	deviceMaxMemAllocSize   = 0x1010
	deviceGlobalMemSize     = 0x101F
	deviceLocalMemSize      = 0x1023
	deviceName              = 0x102B
	deviceVendor            = 0x102C
	driverVersion           = 0x102D
	deviceVersion           = 0x102F
	deviceExtensions        = 0x1030
	devicePlatform          = 0x1031
	deviceDoubleFPConfig    = 0x1032
	deviceHostUnifiedMemory = 0x1035
	deviceOpenCLCVersion    = 0x103D
)

// device queries every Device field. Queries that OpenCL 1.0 lacks or later versions
// may refuse (C version, double config, unified memory) leave their field zero
// instead of failing.
func (r *Runtime) device(id DeviceID) (Device, error) {
	d := Device{ID: id}
	get := func(param uint32) infoFunc {
		return func(size uintptr, value unsafe.Pointer, sizeOut *uintptr) int32 {
			return r.getDeviceInfo(id, param, size, value, sizeOut)
		}
	}
	const op = "clGetDeviceInfo"
	str := func(param uint32, dst *string) error {
		var err error
		*dst, err = infoString(op, get(param))
		return err
	}
	var extensions string
	var typ uint64
	var workGroup uintptr
	var err error
	errs := []error{
		str(deviceName, &d.Name),
		str(deviceVendor, &d.Vendor),
		str(deviceVersion, &d.Version),
		str(driverVersion, &d.DriverVersion),
		str(deviceExtensions, &extensions),
	}
	typ, err = infoValue[uint64](op, get(deviceType))
	errs = append(errs, err)
	d.ComputeUnits, err = infoValue[uint32](op, get(deviceMaxComputeUnits))
	errs = append(errs, err)
	d.ClockMHz, err = infoValue[uint32](op, get(deviceMaxClockFrequency))
	errs = append(errs, err)
	d.GlobalMemBytes, err = infoValue[uint64](op, get(deviceGlobalMemSize))
	errs = append(errs, err)
	d.LocalMemBytes, err = infoValue[uint64](op, get(deviceLocalMemSize))
	errs = append(errs, err)
	d.MaxAllocBytes, err = infoValue[uint64](op, get(deviceMaxMemAllocSize))
	errs = append(errs, err)
	workGroup, err = infoValue[uintptr](op, get(deviceMaxWorkGroupSize))
	errs = append(errs, err)
	if err := errors.Join(errs...); err != nil {
		return d, err
	}
	d.Type = DeviceType(typ)
	d.MaxWorkGroupSize = int(workGroup)
	d.Extensions = strings.Fields(extensions)

	// Optional queries: a failure leaves the zero value.
	if p, err := infoValue[PlatformID](op, get(devicePlatform)); err == nil {
		d.Platform = p
	}
	if s, err := infoString(op, get(deviceOpenCLCVersion)); err == nil {
		d.OpenCLCVersion = s
	}
	if unified, err := infoValue[uint32](op, get(deviceHostUnifiedMemory)); err == nil {
		d.UnifiedMemory = unified != 0
	}
	d.FP64 = d.HasExtension("cl_khr_fp64")
	if !d.FP64 {
		if config, err := infoValue[uint64](op, get(deviceDoubleFPConfig)); err == nil {
			d.FP64 = config != 0
		}
	}
	d.FP16 = d.HasExtension("cl_khr_fp16")
	return d, nil
}
