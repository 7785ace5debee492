//go:build !amd64 || noasm || !gc

package asm

// Stand-ins for the amd64 kernels of math_hyp.go on other builds; active never selects them.

func atanhF64AVX512(dst, x []float64) { panic("asm: no atanhF64AVX512 in this build") }

func asinhF64AVX512(dst, x []float64) { panic("asm: no asinhF64AVX512 in this build") }

func acoshF64AVX512(dst, x []float64) { panic("asm: no acoshF64AVX512 in this build") }

func asinhF64AVX2(dst, x []float64) { panic("asm: no asinhF64AVX2 in this build") }

func acoshF64AVX2(dst, x []float64) { panic("asm: no acoshF64AVX2 in this build") }

func atanhF64AVX2(dst, x []float64) { panic("asm: no atanhF64AVX2 in this build") }
