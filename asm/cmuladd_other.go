//go:build !amd64 || noasm || !gc

package asm

// mulAddC128AVX stands in for the amd64 kernel on other builds; active never selects it.
func mulAddC128AVX(dst, x, y, z []complex128) { mulAddC128Generic(dst, x, y, z) }
