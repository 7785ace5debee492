//go:build !(darwin || freebsd || linux || netbsd || windows)

package cl

import (
	"errors"
	"runtime"
)

// errUnsupportedOS is returned by openLibrary where purego cannot call C.
var errUnsupportedOS = errors.New("loading OpenCL is not supported on " + runtime.GOOS)

func openLibrary(name string) (uintptr, error) { return 0, errUnsupportedOS }

func lookupSymbol(handle uintptr, name string) (uintptr, error) { return 0, errUnsupportedOS }

// registerFunc is never reached: openLibrary always fails here.
func registerFunc(fn any, addr uintptr) { panic(errUnsupportedOS) }
