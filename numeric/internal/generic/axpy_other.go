//go:build !amd64 || noasm || gccgo || safe

package generic

// addScaledAsm: see axpy_amd64.go.
const addScaledAsm = false
