//go:build !amd64 || noasm || !gc

package asm

// mulC128AVX stands in for the amd64 kernel on other builds; active never selects it.
func mulC128AVX(dst, x, y []complex128) { mulC128Generic(dst, x, y) }

// divC128AVX2 stands in for the amd64 kernel on other builds; active never selects it.
func divC128AVX2(dst, x, y []complex128) { divC128Generic(dst, x, y) }

// absC128AVX2 stands in for the amd64 kernel on other builds; active never selects it.
func absC128AVX2(dst []float64, x []complex128) { absC128Generic(dst, x) }

// mulC64AVX stands in for the amd64 kernel on other builds; active never selects it.
func mulC64AVX(dst, x, y []complex64) { mulC64Generic(dst, x, y) }
