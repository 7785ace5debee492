//go:build !noasm && gc

package asm

// addRowsF64AVX512 is AddRowsF64 on a multiple of 8 elements with AVX-512: 32
// columns (four registers) or 8 at a time, their accumulators held in registers
// while every row is added.
//
//go:noescape
func addRowsF64AVX512(acc, x []float64, stride, rows int)

// addRowsF64AVX2 is AddRowsF64 on a multiple of 4 elements with AVX2 (16 or 4
// columns at a time).
//
//go:noescape
func addRowsF64AVX2(acc, x []float64, stride, rows int)

// addRowsF32AVX512 is AddRowsF32 on a multiple of 16 elements with AVX-512 (64 or 16
// columns at a time).
//
//go:noescape
func addRowsF32AVX512(acc, x []float32, stride, rows int)

// addRowsF32AVX2 is AddRowsF32 on a multiple of 8 elements with AVX2 (32 or 8 columns
// at a time).
//
//go:noescape
func addRowsF32AVX2(acc, x []float32, stride, rows int)
