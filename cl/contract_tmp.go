package cl

// TEMPORARY: placeholder signatures so that package numeric compiles while the binding
// is written. The cl helper replaces this file with the real implementation.

import "errors"

// PlatformID is a cl_platform_id.
type PlatformID uintptr

// DeviceID is a cl_device_id.
type DeviceID uintptr

// Runtime is a loaded OpenCL ICD loader.
type Runtime struct{}

// ErrNoRuntime is wrapped by every error that comes from failing to load the library.
var ErrNoRuntime = errors.New("no OpenCL runtime")

// DefaultLibraryNames are the names Open tries when given none, in order.
func DefaultLibraryNames() []string { return nil }

// Open loads the first of names that loads (DefaultLibraryNames when none are given).
// It is not cached: each call opens the library again.
func Open(names ...string) (*Runtime, error) { return nil, ErrNoRuntime }

// Platforms lists the platforms and their devices.
func (r *Runtime) Platforms() ([]Platform, error) { return nil, ErrNoRuntime }
