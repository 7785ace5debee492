//go:build !amd64 || noasm || !gc

package asm

// Stand-ins for the amd64 fast-mode kernels on other builds; active never selects them.

func expFastF64AVX512(dst, x []float64) { panic("asm: no expFastF64AVX512 in this build") }

func expFastF64AVX2(dst, x []float64) { panic("asm: no expFastF64AVX2 in this build") }

func expFastF32AVX512(dst, x []float32) { panic("asm: no expFastF32AVX512 in this build") }

func expFastF32AVX2(dst, x []float32) { panic("asm: no expFastF32AVX2 in this build") }

func sinFastF64AVX512(dst, x []float64) bool { panic("asm: no sinFastF64AVX512 in this build") }

func cosFastF64AVX512(dst, x []float64) bool { panic("asm: no cosFastF64AVX512 in this build") }

func sinFastF64AVX2(dst, x []float64) bool { panic("asm: no sinFastF64AVX2 in this build") }

func cosFastF64AVX2(dst, x []float64) bool { panic("asm: no cosFastF64AVX2 in this build") }

func logFastF32AVX512(dst, x []float32) { panic("asm: no logFastF32AVX512 in this build") }

func logFastF32AVX2(dst, x []float32) { panic("asm: no logFastF32AVX2 in this build") }

func sinFastF32AVX512(dst, x []float32) bool { panic("asm: no sinFastF32AVX512 in this build") }

func cosFastF32AVX512(dst, x []float32) bool { panic("asm: no cosFastF32AVX512 in this build") }

func sinFastF32AVX2(dst, x []float32) bool { panic("asm: no sinFastF32AVX2 in this build") }

func cosFastF32AVX2(dst, x []float32) bool { panic("asm: no cosFastF32AVX2 in this build") }
