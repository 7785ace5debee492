//go:build !amd64 || noasm || !gc

package asm

// Stand-ins for the amd64 math kernels on other builds; active never selects them.

func expF64AVX512(dst, x []float64) { panic("asm: no expF64AVX512 in this build") }

func expF64AVX2(dst, x []float64) { panic("asm: no expF64AVX2 in this build") }

func expF32AVX512(dst, x []float32) { panic("asm: no expF32AVX512 in this build") }

func expF32AVX2(dst, x []float32) { panic("asm: no expF32AVX2 in this build") }

func logF64AVX512(dst, x []float64) { panic("asm: no logF64AVX512 in this build") }

func logF64AVX2(dst, x []float64) { panic("asm: no logF64AVX2 in this build") }

func logF32AVX512(dst, x []float32) { panic("asm: no logF32AVX512 in this build") }

func logF32AVX2(dst, x []float32) { panic("asm: no logF32AVX2 in this build") }

func sinF64AVX512(dst, x []float64) bool { panic("asm: no sinF64AVX512 in this build") }

func cosF64AVX512(dst, x []float64) bool { panic("asm: no cosF64AVX512 in this build") }

func sinF64AVX2(dst, x []float64) bool { panic("asm: no sinF64AVX2 in this build") }

func cosF64AVX2(dst, x []float64) bool { panic("asm: no cosF64AVX2 in this build") }

func sinF32AVX512(dst, x []float32) bool { panic("asm: no sinF32AVX512 in this build") }

func cosF32AVX512(dst, x []float32) bool { panic("asm: no cosF32AVX512 in this build") }

func sinF32AVX2(dst, x []float32) bool { panic("asm: no sinF32AVX2 in this build") }

func cosF32AVX2(dst, x []float32) bool { panic("asm: no cosF32AVX2 in this build") }
