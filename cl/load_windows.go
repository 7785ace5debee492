//go:build windows

package cl

import (
	"strings"

	"github.com/ebitengine/purego"
	"golang.org/x/sys/windows"
)

// openLibrary loads name. A bare name ("OpenCL.dll") is looked up in System32 only, so
// a DLL planted in the working directory is not picked up; a path is loaded as given.
func openLibrary(name string) (uintptr, error) {
	if !strings.ContainsAny(name, `\/:`) {
		h, err := windows.LoadLibraryEx(name, 0, windows.LOAD_LIBRARY_SEARCH_SYSTEM32)
		return uintptr(h), err
	}
	h, err := windows.LoadLibrary(name)
	return uintptr(h), err
}

// lookupSymbol returns the address of name in the library, or GetProcAddress's error.
func lookupSymbol(handle uintptr, name string) (uintptr, error) {
	return windows.GetProcAddress(windows.Handle(handle), name)
}

// registerFunc binds the Go func variable fn points at to the C function at addr.
func registerFunc(fn any, addr uintptr) { purego.RegisterFunc(fn, addr) }
