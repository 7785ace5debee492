//go:build !amd64 || noasm || !gc

package asm

// Stand-ins for the trig family's amd64 kernels on other builds; active never selects them.

func atanF64AVX512(dst, x []float64) { panic("asm: no atanF64AVX512 in this build") }

func atanF64AVX2(dst, x []float64) { panic("asm: no atanF64AVX2 in this build") }

func atanF32AVX512(dst, x []float32) { panic("asm: no atanF32AVX512 in this build") }

func atanF32AVX2(dst, x []float32) { panic("asm: no atanF32AVX2 in this build") }

func atan2F64AVX512(dst, y, x []float64) { panic("asm: no atan2F64AVX512 in this build") }

func atan2F64AVX2(dst, y, x []float64) { panic("asm: no atan2F64AVX2 in this build") }

func atan2F32AVX512(dst, y, x []float32) { panic("asm: no atan2F32AVX512 in this build") }

func atan2F32AVX2(dst, y, x []float32) { panic("asm: no atan2F32AVX2 in this build") }

func asinF64AVX512(dst, x []float64) { panic("asm: no asinF64AVX512 in this build") }

func asinF64AVX2(dst, x []float64) { panic("asm: no asinF64AVX2 in this build") }

func asinF32AVX512(dst, x []float32) { panic("asm: no asinF32AVX512 in this build") }

func asinF32AVX2(dst, x []float32) { panic("asm: no asinF32AVX2 in this build") }

func acosF64AVX512(dst, x []float64) { panic("asm: no acosF64AVX512 in this build") }

func acosF64AVX2(dst, x []float64) { panic("asm: no acosF64AVX2 in this build") }

func acosF32AVX512(dst, x []float32) { panic("asm: no acosF32AVX512 in this build") }

func acosF32AVX2(dst, x []float32) { panic("asm: no acosF32AVX2 in this build") }

func tanF64AVX512(dst, x []float64) int { panic("asm: no tanF64AVX512 in this build") }

func tanF64AVX2(dst, x []float64) int { panic("asm: no tanF64AVX2 in this build") }

func tanF32AVX512(dst, x []float32) int { panic("asm: no tanF32AVX512 in this build") }

func tanF32AVX2(dst, x []float32) int { panic("asm: no tanF32AVX2 in this build") }
