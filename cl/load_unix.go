//go:build darwin || freebsd || linux || netbsd

package cl

import "github.com/ebitengine/purego"

// openLibrary loads name with dlopen.
func openLibrary(name string) (uintptr, error) {
	return purego.Dlopen(name, purego.RTLD_NOW|purego.RTLD_LOCAL)
}

// lookupSymbol returns the address of name in the library, or an error (dlerror's text).
func lookupSymbol(handle uintptr, name string) (uintptr, error) {
	return purego.Dlsym(handle, name)
}

// registerFunc binds the Go func variable fn points at to the C function at addr.
func registerFunc(fn any, addr uintptr) { purego.RegisterFunc(fn, addr) }
