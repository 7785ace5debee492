//go:build !amd64 || noasm || !gc

package asm

// Stand-ins for the amd64 kernels of math_f32_hyp.go; active never selects them.

func hypF32AVX512(dst, x []float32, op hypF32Op) { panic("asm: no hypF32AVX512 in this build") }

func hypF32AVX2(dst, x []float32, op hypF32Op) { panic("asm: no hypF32AVX2 in this build") }
