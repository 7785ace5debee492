//go:build !amd64 || noasm || !gc

package asm

// Stand-ins for the amd64 kernels of log1p, log2 and log10 on other builds;
// active never selects them.

func log2F64AVX512(dst, x []float64) { panic("asm: no log2F64AVX512 in this build") }

func log2F64AVX2(dst, x []float64) { panic("asm: no log2F64AVX2 in this build") }

func log2F32AVX512(dst, x []float32) { panic("asm: no log2F32AVX512 in this build") }

func log2F32AVX2(dst, x []float32) { panic("asm: no log2F32AVX2 in this build") }

func log10F64AVX512(dst, x []float64) { panic("asm: no log10F64AVX512 in this build") }

func log10F64AVX2(dst, x []float64) { panic("asm: no log10F64AVX2 in this build") }

func log10F32AVX512(dst, x []float32) { panic("asm: no log10F32AVX512 in this build") }

func log10F32AVX2(dst, x []float32) { panic("asm: no log10F32AVX2 in this build") }

func log1pF64AVX512(dst, x []float64) { panic("asm: no log1pF64AVX512 in this build") }

func log1pF64AVX2(dst, x []float64) { panic("asm: no log1pF64AVX2 in this build") }

func log1pF32AVX512(dst, x []float32) { panic("asm: no log1pF32AVX512 in this build") }

func log1pF32AVX2(dst, x []float32) { panic("asm: no log1pF32AVX2 in this build") }
