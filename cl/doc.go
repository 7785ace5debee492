// Package cl is a thin OpenCL binding loaded at run time.
//
// It opens the OpenCL ICD loader (libOpenCL.so.1 on Linux, OpenCL.dll on Windows,
// the OpenCL framework on macOS) with github.com/ebitengine/purego, so the module
// builds with CGO_ENABLED=0 and no OpenCL SDK, and a machine without OpenCL gets an
// error, never a crash. Nothing is loaded until a function that needs the library is
// first called.
//
// OpenCL status codes become *Error values that carry the OpenCL name
// (CL_DEVICE_NOT_FOUND, ...). Every object has a Release method; finalizers are only a
// safety net. Entry points newer than OpenCL 1.2 are looked up before use.
//
// Package cl imports nothing else of numkit's.
package cl
