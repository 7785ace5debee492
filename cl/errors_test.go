package cl

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestErrorNames(t *testing.T) {
	for _, tc := range []struct {
		code int32
		name string
	}{
		{0, "CL_SUCCESS"},
		{-1, "CL_DEVICE_NOT_FOUND"},
		{-4, "CL_MEM_OBJECT_ALLOCATION_FAILURE"},
		{-5, "CL_OUT_OF_RESOURCES"},
		{-11, "CL_BUILD_PROGRAM_FAILURE"},
		{-19, "CL_KERNEL_ARG_INFO_NOT_AVAILABLE"},
		{-20, ""},
		{-29, ""},
		{-30, "CL_INVALID_VALUE"},
		{-46, "CL_INVALID_KERNEL_NAME"},
		{-54, "CL_INVALID_WORK_GROUP_SIZE"},
		{-61, "CL_INVALID_BUFFER_SIZE"},
		{-72, "CL_MAX_SIZE_RESTRICTION_EXCEEDED"},
		{-73, ""},
		{1, ""},
		{-1001, "CL_PLATFORM_NOT_FOUND_KHR"},
		{-1142, "CL_INVALID_SEMAPHORE_KHR"},
		{-9999, ""},
		{-2147483648, ""},
	} {
		if got := ErrorName(tc.code); got != tc.name {
			t.Errorf("ErrorName(%d) = %q, want %q", tc.code, got, tc.name)
		}
	}
	// Every core code from -30 to -72 has a name; -20..-29 have none.
	for code := int32(-30); code >= -72; code-- {
		if !strings.HasPrefix(ErrorName(code), "CL_") {
			t.Errorf("ErrorName(%d) = %q", code, ErrorName(code))
		}
	}
}

func TestErrorFormat(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{newError("clBuildProgram", -11), "clBuildProgram: CL_BUILD_PROGRAM_FAILURE (-11)"},
		{newError("clFoo", -9999), "clFoo: unknown OpenCL error (-9999)"},
		{ErrDeviceNotFound, "CL_DEVICE_NOT_FOUND (-1)"},
		{&Error{Code: -25}, "unknown OpenCL error (-25)"},
	} {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("Error() = %q, want %q", got, tc.want)
		}
	}
	if newError("clFinish", 0) != nil {
		t.Error("newError(CL_SUCCESS) is not nil")
	}
}

func TestErrorIs(t *testing.T) {
	err := fmt.Errorf("context: %w", newError("clCreateBuffer", -61))
	if !errors.Is(err, ErrInvalidBufferSize) {
		t.Errorf("%v is not ErrInvalidBufferSize", err)
	}
	if errors.Is(err, ErrOutOfResources) {
		t.Errorf("%v is ErrOutOfResources", err)
	}
	var clErr *Error
	if !errors.As(err, &clErr) || clErr.Op != "clCreateBuffer" || clErr.Code != -61 {
		t.Errorf("errors.As: %+v", clErr)
	}
	build := &BuildError{Err: newError("clBuildProgram", -11).(*Error), Log: "line 1: error"}
	if !errors.Is(build, ErrBuildProgramFailure) || !strings.Contains(build.Error(), "line 1: error") {
		t.Errorf("BuildError %q: Is %v", build, errors.Is(build, ErrBuildProgramFailure))
	}
	if (&Error{Code: -1}).Is(nil) || (&Error{Code: -1}).Is(errors.New("x")) {
		t.Error("Is matched a non-*Error")
	}
}

func TestEventStatusString(t *testing.T) {
	for s, want := range map[EventStatus]string{
		EventComplete: "CL_COMPLETE", EventQueued: "CL_QUEUED", -5: "CL_OUT_OF_RESOURCES", 7: "EventStatus(7)",
	} {
		if got := s.String(); got != want {
			t.Errorf("EventStatus(%d).String() = %q, want %q", int32(s), got, want)
		}
	}
}
