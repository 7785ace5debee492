//go:build !noasm && gc

package asm

// The Rows kernels (colsum_amd64.s): a multiple of one register's elements, rows > 0;
// eight registers of acc at a time (64 float64 or 128 float32 columns with AVX-512,
// half as many with AVX2), then one.

//go:noescape
func addRowsF64AVX512(acc, x []float64, stride, rows int)

//go:noescape
func addRowsF64AVX2(acc, x []float64, stride, rows int)

//go:noescape
func addRowsF32AVX512(acc, x []float32, stride, rows int)

//go:noescape
func addRowsF32AVX2(acc, x []float32, stride, rows int)

//go:noescape
func mulRowsF64AVX512(acc, x []float64, stride, rows int)

//go:noescape
func mulRowsF64AVX2(acc, x []float64, stride, rows int)

//go:noescape
func mulRowsF32AVX512(acc, x []float32, stride, rows int)

//go:noescape
func mulRowsF32AVX2(acc, x []float32, stride, rows int)
