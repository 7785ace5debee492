package cl

import (
	"errors"
	"fmt"
	"strings"
	"unsafe"
)

// DeviceType is an OpenCL device type.
type DeviceType uint64

// Device types, as cl_device_type bits.
const (
	DeviceTypeDefault     DeviceType = 1 << 0
	DeviceTypeCPU         DeviceType = 1 << 1
	DeviceTypeGPU         DeviceType = 1 << 2
	DeviceTypeAccelerator DeviceType = 1 << 3
	DeviceTypeCustom      DeviceType = 1 << 4
	DeviceTypeAll         DeviceType = 0xFFFFFFFF
)

// String names the type bits, e.g. "CPU" or "GPU|Default".
func (t DeviceType) String() string {
	var parts []string
	for _, b := range []struct {
		bit  DeviceType
		name string
	}{
		{DeviceTypeCPU, "CPU"}, {DeviceTypeGPU, "GPU"}, {DeviceTypeAccelerator, "Accelerator"},
		{DeviceTypeCustom, "Custom"}, {DeviceTypeDefault, "Default"},
	} {
		if t&b.bit != 0 {
			parts = append(parts, b.name)
		}
	}
	if rest := t &^ 0x1F; rest != 0 {
		parts = append(parts, fmt.Sprintf("%#x", uint64(rest)))
	}
	if len(parts) == 0 {
		return "None"
	}
	return strings.Join(parts, "|")
}

// Platform describes one OpenCL platform and its devices.
type Platform struct {
	ID         PlatformID
	Name       string
	Vendor     string
	Version    string // e.g. "OpenCL 3.0 PoCL 5.0 ..."
	Profile    string
	Extensions []string
	Devices    []Device
}

// Platform info parameters (cl_platform_info).
const (
	platformProfile    = 0x0900
	platformVersion    = 0x0901
	platformName       = 0x0902
	platformVendor     = 0x0903
	platformExtensions = 0x0904
)

// Platforms lists every platform with its devices, every Device field filled.
//
// A platform with no devices (CL_DEVICE_NOT_FOUND) is listed with none. A loader that
// finds no platform at all returns an error matching ErrPlatformNotFound.
func (r *Runtime) Platforms() ([]Platform, error) {
	if err := r.check(); err != nil {
		return nil, err
	}
	ids, err := r.platformIDs()
	if err != nil {
		return nil, err
	}
	platforms := make([]Platform, 0, len(ids))
	for _, id := range ids {
		p, err := r.platform(id)
		if err != nil {
			return nil, err
		}
		platforms = append(platforms, p)
	}
	return platforms, nil
}

// Devices lists the devices of every platform, in platform order.
func (r *Runtime) Devices() ([]Device, error) {
	platforms, err := r.Platforms()
	if err != nil {
		return nil, err
	}
	var devices []Device
	for _, p := range platforms {
		devices = append(devices, p.Devices...)
	}
	return devices, nil
}

func (r *Runtime) platformIDs() ([]PlatformID, error) {
	var n uint32
	if code := r.getPlatformIDs(0, nil, &n); code != 0 {
		return nil, newError("clGetPlatformIDs", code)
	}
	if n == 0 {
		return nil, newError("clGetPlatformIDs", ErrPlatformNotFound.Code)
	}
	ids := make([]PlatformID, n)
	if code := r.getPlatformIDs(n, &ids[0], &n); code != 0 {
		return nil, newError("clGetPlatformIDs", code)
	}
	return ids[:min(int(n), len(ids))], nil
}

// platform queries one platform and its devices.
func (r *Runtime) platform(id PlatformID) (Platform, error) {
	p := Platform{ID: id}
	str := func(param uint32, dst *string) error {
		s, err := infoString("clGetPlatformInfo", func(size uintptr, value unsafe.Pointer, sizeOut *uintptr) int32 {
			return r.getPlatformInfo(id, param, size, value, sizeOut)
		})
		*dst = s
		return err
	}
	var extensions string
	if err := errors.Join(
		str(platformName, &p.Name),
		str(platformVendor, &p.Vendor),
		str(platformVersion, &p.Version),
		str(platformProfile, &p.Profile),
		str(platformExtensions, &extensions),
	); err != nil {
		return p, err
	}
	p.Extensions = strings.Fields(extensions)
	ids, err := r.deviceIDs(id, DeviceTypeAll)
	if err != nil {
		return p, fmt.Errorf("platform %q: %w", p.Name, err)
	}
	for _, did := range ids {
		d, err := r.device(did)
		if err != nil {
			return p, fmt.Errorf("platform %q, device %#x: %w", p.Name, uintptr(did), err)
		}
		if d.Platform == 0 {
			d.Platform = id
		}
		p.Devices = append(p.Devices, d)
	}
	return p, nil
}

// deviceIDs lists a platform's devices of the given type; none is not an error.
func (r *Runtime) deviceIDs(p PlatformID, typ DeviceType) ([]DeviceID, error) {
	var n uint32
	code := r.getDeviceIDs(p, uint64(typ), 0, nil, &n)
	if code == ErrDeviceNotFound.Code || (code == 0 && n == 0) {
		return nil, nil
	}
	if code != 0 {
		return nil, newError("clGetDeviceIDs", code)
	}
	ids := make([]DeviceID, n)
	if code := r.getDeviceIDs(p, uint64(typ), n, &ids[0], &n); code != 0 {
		return nil, newError("clGetDeviceIDs", code)
	}
	return ids[:min(int(n), len(ids))], nil
}
