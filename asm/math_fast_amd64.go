//go:build !noasm && gc

package asm

// Assembly kernels of the fast accuracy mode (math_fast_amd64.s); each computes the
// same element function as its twin in math_fast.go. They read the default kernels'
// constant tables (expF64Tab, expF32Tab, sinCosF64Tab, logF32Tab).

//go:noescape
func expFastF64AVX512(dst, x []float64)

//go:noescape
func expFastF64AVX2(dst, x []float64)

//go:noescape
func expFastF32AVX512(dst, x []float32)

//go:noescape
func expFastF32AVX2(dst, x []float32)

//go:noescape
func sinFastF64AVX512(dst, x []float64) (big bool)

//go:noescape
func cosFastF64AVX512(dst, x []float64) (big bool)

//go:noescape
func sinFastF64AVX2(dst, x []float64) (big bool)

//go:noescape
func cosFastF64AVX2(dst, x []float64) (big bool)

//go:noescape
func logFastF32AVX512(dst, x []float32)

//go:noescape
func logFastF32AVX2(dst, x []float32)
