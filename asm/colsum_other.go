//go:build !amd64 || noasm || !gc

package asm

// The amd64 Rows kernels' stand-ins on other builds; active never selects them.

func addRowsF64AVX512(acc, x []float64, stride, rows int) { addRowsGeneric(acc, x, stride, rows) }

func addRowsF64AVX2(acc, x []float64, stride, rows int) { addRowsGeneric(acc, x, stride, rows) }

func addRowsF32AVX512(acc, x []float32, stride, rows int) { addRowsGeneric(acc, x, stride, rows) }

func addRowsF32AVX2(acc, x []float32, stride, rows int) { addRowsGeneric(acc, x, stride, rows) }

func mulRowsF64AVX512(acc, x []float64, stride, rows int) { mulRowsGeneric(acc, x, stride, rows) }

func mulRowsF64AVX2(acc, x []float64, stride, rows int) { mulRowsGeneric(acc, x, stride, rows) }

func mulRowsF32AVX512(acc, x []float32, stride, rows int) { mulRowsGeneric(acc, x, stride, rows) }

func mulRowsF32AVX2(acc, x []float32, stride, rows int) { mulRowsGeneric(acc, x, stride, rows) }
