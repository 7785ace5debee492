//go:build !amd64 || noasm || !gc

package asm

// Stand-ins for the amd64 fmod kernels on other builds; active never selects them.

func fmodF64AVX512(dst, x, y []float64) bool { panic("asm: no fmodF64AVX512 in this build") }

func modF64AVX512(dst, x, y []float64) bool { panic("asm: no modF64AVX512 in this build") }

func fmodF64AVX2(dst, x, y []float64) bool { panic("asm: no fmodF64AVX2 in this build") }

func modF64AVX2(dst, x, y []float64) bool { panic("asm: no modF64AVX2 in this build") }

func fmodF32AVX512(dst, x, y []float32) bool { panic("asm: no fmodF32AVX512 in this build") }

func modF32AVX512(dst, x, y []float32) bool { panic("asm: no modF32AVX512 in this build") }
