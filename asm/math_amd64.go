//go:build !noasm && gc

package asm

// Assembly kernels of exp, log, sin and cos (math_*_amd64.s; the function families
// declare theirs in math_<family>_amd64.go). Each computes the same element function
// as its pure-Go twin (expF64, logF64, sinCosF64, ... ); the AVX-512 ones handle the
// tail with a K mask, the AVX2 ones with VMASKMOV. The sin/cos kernels copy
// elements with |x| beyond trigF64Max/trigF32Max (and ±Inf) to dst unchanged
// and return true if there were any (see patchF64).

//go:noescape
func expF64AVX512(dst, x []float64)

//go:noescape
func expF64AVX2(dst, x []float64)

//go:noescape
func expF32AVX512(dst, x []float32)

//go:noescape
func expF32AVX2(dst, x []float32)

//go:noescape
func logF64AVX512(dst, x []float64)

//go:noescape
func logF64AVX2(dst, x []float64)

//go:noescape
func logF32AVX512(dst, x []float32)

//go:noescape
func logF32AVX2(dst, x []float32)

//go:noescape
func sinF64AVX512(dst, x []float64) (big bool)

//go:noescape
func cosF64AVX512(dst, x []float64) (big bool)

//go:noescape
func sinF32AVX512(dst, x []float32) (big bool)

//go:noescape
func cosF32AVX512(dst, x []float32) (big bool)

//go:noescape
func sinF64AVX2(dst, x []float64) (big bool)

//go:noescape
func cosF64AVX2(dst, x []float64) (big bool)

//go:noescape
func sinF32AVX2(dst, x []float32) (big bool)

//go:noescape
func cosF32AVX2(dst, x []float32) (big bool)
