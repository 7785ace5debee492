package cl

// This file is the enumeration contract that package numeric builds on. The
// implementation fills these structs from clGetPlatformInfo / clGetDeviceInfo.

// DeviceType is an OpenCL device type.
type DeviceType uint64

// Device types, as cl_device_type bits.
const (
	DeviceTypeDefault     DeviceType = 1 << 0
	DeviceTypeCPU         DeviceType = 1 << 1
	DeviceTypeGPU         DeviceType = 1 << 2
	DeviceTypeAccelerator DeviceType = 1 << 3
	DeviceTypeCustom      DeviceType = 1 << 4
)

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
