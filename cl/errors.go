package cl

import (
	"errors"
	"strconv"
	"strings"
)

// ErrNoRuntime is wrapped by every error that comes from failing to load the OpenCL
// library or to find its entry points. The wrapping error names the libraries tried
// and repeats the loader's own message (dlopen's or LoadLibrary's).
var ErrNoRuntime = errors.New("no OpenCL runtime")

// ErrReleased is returned when a method is called on an object after its Release.
var ErrReleased = errors.New("cl: object already released")

// Error is an OpenCL status code returned by an OpenCL call.
//
// Two *Error values match under errors.Is when their codes are equal, so the
// exported sentinels (ErrDeviceNotFound, ...) work with errors.Is whatever Op says.
type Error struct {
	Code int32  // the OpenCL status code, always negative for an error
	Name string // the OpenCL name, e.g. "CL_BUILD_PROGRAM_FAILURE"; "" when unknown
	Op   string // the OpenCL function that returned it, e.g. "clBuildProgram"; may be ""
}

// Error formats the error as "clBuildProgram: CL_BUILD_PROGRAM_FAILURE (-11)".
func (e *Error) Error() string {
	var b strings.Builder
	if e.Op != "" {
		b.WriteString(e.Op)
		b.WriteString(": ")
	}
	if e.Name != "" {
		b.WriteString(e.Name)
	} else {
		b.WriteString("unknown OpenCL error")
	}
	b.WriteString(" (")
	b.WriteString(strconv.Itoa(int(e.Code)))
	b.WriteString(")")
	return b.String()
}

// Is reports whether target is an *Error with the same code.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t != nil && t.Code == e.Code
}

// newError returns the *Error for code returned by op, or nil for CL_SUCCESS.
func newError(op string, code int32) error {
	if code == 0 {
		return nil
	}
	return &Error{Code: code, Name: ErrorName(code), Op: op}
}

// sentinel builds an exported sentinel for code.
func sentinel(code int32) *Error { return &Error{Code: code, Name: ErrorName(code)} }

// Sentinels for the status codes callers most often branch on. Compare with errors.Is.
var (
	ErrDeviceNotFound             = sentinel(-1)
	ErrDeviceNotAvailable         = sentinel(-2)
	ErrCompilerNotAvailable       = sentinel(-3)
	ErrMemObjectAllocationFailure = sentinel(-4)
	ErrOutOfResources             = sentinel(-5)
	ErrOutOfHostMemory            = sentinel(-6)
	ErrProfilingInfoNotAvailable  = sentinel(-7)
	ErrBuildProgramFailure        = sentinel(-11)
	ErrInvalidValue               = sentinel(-30)
	ErrInvalidDevice              = sentinel(-33)
	ErrInvalidContext             = sentinel(-34)
	ErrInvalidQueueProperties     = sentinel(-35)
	ErrInvalidHostPtr             = sentinel(-37)
	ErrInvalidMemObject           = sentinel(-38)
	ErrInvalidBinary              = sentinel(-42)
	ErrInvalidBuildOptions        = sentinel(-43)
	ErrInvalidProgramExecutable   = sentinel(-45)
	ErrInvalidKernelName          = sentinel(-46)
	ErrInvalidArgIndex            = sentinel(-49)
	ErrInvalidArgSize             = sentinel(-51)
	ErrInvalidKernelArgs          = sentinel(-52)
	ErrInvalidWorkGroupSize       = sentinel(-54)
	ErrInvalidOperation           = sentinel(-59)
	ErrInvalidBufferSize          = sentinel(-61)
	ErrInvalidGlobalWorkSize      = sentinel(-63)
	ErrPlatformNotFound           = sentinel(-1001) // CL_PLATFORM_NOT_FOUND_KHR: the loader found no ICD
)

// ErrorName returns the OpenCL name of a status code ("CL_INVALID_VALUE"), or "" when
// the code is not a known one.
func ErrorName(code int32) string {
	if code <= 0 && code > -int32(len(coreErrorNames)) {
		return coreErrorNames[-code]
	}
	return extErrorNames[code]
}

// coreErrorNames holds the core status codes, indexed by -code (0 .. -72).
var coreErrorNames = [...]string{
	0:  "CL_SUCCESS",
	1:  "CL_DEVICE_NOT_FOUND",
	2:  "CL_DEVICE_NOT_AVAILABLE",
	3:  "CL_COMPILER_NOT_AVAILABLE",
	4:  "CL_MEM_OBJECT_ALLOCATION_FAILURE",
	5:  "CL_OUT_OF_RESOURCES",
	6:  "CL_OUT_OF_HOST_MEMORY",
	7:  "CL_PROFILING_INFO_NOT_AVAILABLE",
	8:  "CL_MEM_COPY_OVERLAP",
	9:  "CL_IMAGE_FORMAT_MISMATCH",
	10: "CL_IMAGE_FORMAT_NOT_SUPPORTED",
	11: "CL_BUILD_PROGRAM_FAILURE",
	12: "CL_MAP_FAILURE",
	13: "CL_MISALIGNED_SUB_BUFFER_OFFSET",
	14: "CL_EXEC_STATUS_ERROR_FOR_EVENTS_IN_WAIT_LIST",
	15: "CL_COMPILE_PROGRAM_FAILURE",
	16: "CL_LINKER_NOT_AVAILABLE",
	17: "CL_LINK_PROGRAM_FAILURE",
	18: "CL_DEVICE_PARTITION_FAILED",
	19: "CL_KERNEL_ARG_INFO_NOT_AVAILABLE",
	// -20 .. -29 are not assigned.
	30: "CL_INVALID_VALUE",
	31: "CL_INVALID_DEVICE_TYPE",
	32: "CL_INVALID_PLATFORM",
	33: "CL_INVALID_DEVICE",
	34: "CL_INVALID_CONTEXT",
	35: "CL_INVALID_QUEUE_PROPERTIES",
	36: "CL_INVALID_COMMAND_QUEUE",
	37: "CL_INVALID_HOST_PTR",
	38: "CL_INVALID_MEM_OBJECT",
	39: "CL_INVALID_IMAGE_FORMAT_DESCRIPTOR",
	40: "CL_INVALID_IMAGE_SIZE",
	41: "CL_INVALID_SAMPLER",
	42: "CL_INVALID_BINARY",
	43: "CL_INVALID_BUILD_OPTIONS",
	44: "CL_INVALID_PROGRAM",
	45: "CL_INVALID_PROGRAM_EXECUTABLE",
	46: "CL_INVALID_KERNEL_NAME",
	47: "CL_INVALID_KERNEL_DEFINITION",
	48: "CL_INVALID_KERNEL",
	49: "CL_INVALID_ARG_INDEX",
	50: "CL_INVALID_ARG_VALUE",
	51: "CL_INVALID_ARG_SIZE",
	52: "CL_INVALID_KERNEL_ARGS",
	53: "CL_INVALID_WORK_DIMENSION",
	54: "CL_INVALID_WORK_GROUP_SIZE",
	55: "CL_INVALID_WORK_ITEM_SIZE",
	56: "CL_INVALID_GLOBAL_OFFSET",
	57: "CL_INVALID_EVENT_WAIT_LIST",
	58: "CL_INVALID_EVENT",
	59: "CL_INVALID_OPERATION",
	60: "CL_INVALID_GL_OBJECT",
	61: "CL_INVALID_BUFFER_SIZE",
	62: "CL_INVALID_MIP_LEVEL",
	63: "CL_INVALID_GLOBAL_WORK_SIZE",
	64: "CL_INVALID_PROPERTY",
	65: "CL_INVALID_IMAGE_DESCRIPTOR",
	66: "CL_INVALID_COMPILER_OPTIONS",
	67: "CL_INVALID_LINKER_OPTIONS",
	68: "CL_INVALID_DEVICE_PARTITION_COUNT",
	69: "CL_INVALID_PIPE_SIZE",
	70: "CL_INVALID_DEVICE_QUEUE",
	71: "CL_INVALID_SPEC_ID",
	72: "CL_MAX_SIZE_RESTRICTION_EXCEEDED",
}

// extErrorNames holds the extension status codes (the -1000s) from the Khronos headers.
var extErrorNames = map[int32]string{
	-1000: "CL_INVALID_GL_SHAREGROUP_REFERENCE_KHR",
	-1001: "CL_PLATFORM_NOT_FOUND_KHR",
	-1002: "CL_INVALID_D3D10_DEVICE_KHR",
	-1003: "CL_INVALID_D3D10_RESOURCE_KHR",
	-1004: "CL_D3D10_RESOURCE_ALREADY_ACQUIRED_KHR",
	-1005: "CL_D3D10_RESOURCE_NOT_ACQUIRED_KHR",
	-1006: "CL_INVALID_D3D11_DEVICE_KHR",
	-1007: "CL_INVALID_D3D11_RESOURCE_KHR",
	-1008: "CL_D3D11_RESOURCE_ALREADY_ACQUIRED_KHR",
	-1009: "CL_D3D11_RESOURCE_NOT_ACQUIRED_KHR",
	-1010: "CL_INVALID_DX9_MEDIA_ADAPTER_KHR",
	-1011: "CL_INVALID_DX9_MEDIA_SURFACE_KHR",
	-1012: "CL_DX9_MEDIA_SURFACE_ALREADY_ACQUIRED_KHR",
	-1013: "CL_DX9_MEDIA_SURFACE_NOT_ACQUIRED_KHR",
	-1057: "CL_DEVICE_PARTITION_FAILED_EXT",
	-1058: "CL_INVALID_PARTITION_COUNT_EXT",
	-1059: "CL_INVALID_PARTITION_NAME_EXT",
	-1092: "CL_EGL_RESOURCE_NOT_ACQUIRED_KHR",
	-1093: "CL_INVALID_EGL_OBJECT_KHR",
	-1094: "CL_INVALID_ACCELERATOR_INTEL",
	-1095: "CL_INVALID_ACCELERATOR_TYPE_INTEL",
	-1096: "CL_INVALID_ACCELERATOR_DESCRIPTOR_INTEL",
	-1097: "CL_ACCELERATOR_TYPE_NOT_SUPPORTED_INTEL",
	-1098: "CL_INVALID_VA_API_MEDIA_ADAPTER_INTEL",
	-1099: "CL_INVALID_VA_API_MEDIA_SURFACE_INTEL",
	-1100: "CL_VA_API_MEDIA_SURFACE_ALREADY_ACQUIRED_INTEL",
	-1101: "CL_VA_API_MEDIA_SURFACE_NOT_ACQUIRED_INTEL",
	-1108: "CL_COMMAND_TERMINATED_ITSELF_WITH_FAILURE_ARM",
	-1121: "CL_CONTEXT_TERMINATED_KHR",
	-1138: "CL_INVALID_COMMAND_BUFFER_KHR",
	-1139: "CL_INVALID_SYNC_POINT_WAIT_LIST_KHR",
	-1140: "CL_INCOMPATIBLE_COMMAND_QUEUE_KHR",
	-1141: "CL_INVALID_MUTABLE_COMMAND_KHR",
	-1142: "CL_INVALID_SEMAPHORE_KHR",
}
