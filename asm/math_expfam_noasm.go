//go:build !amd64 || noasm || !gc

package asm

// Stand-ins for the amd64 expm1/exp2/tanh/sinh/cosh kernels on other builds;
// active never selects them.

func expm1F64AVX512(dst, x []float64) { panic("asm: no expm1F64AVX512 in this build") }
func expm1F64AVX2(dst, x []float64)   { panic("asm: no expm1F64AVX2 in this build") }
func expm1F32AVX512(dst, x []float32) { panic("asm: no expm1F32AVX512 in this build") }
func expm1F32AVX2(dst, x []float32)   { panic("asm: no expm1F32AVX2 in this build") }
func exp2F64AVX512(dst, x []float64)  { panic("asm: no exp2F64AVX512 in this build") }
func exp2F64AVX2(dst, x []float64)    { panic("asm: no exp2F64AVX2 in this build") }
func exp2F32AVX512(dst, x []float32)  { panic("asm: no exp2F32AVX512 in this build") }
func exp2F32AVX2(dst, x []float32)    { panic("asm: no exp2F32AVX2 in this build") }
func tanhF64AVX512(dst, x []float64)  { panic("asm: no tanhF64AVX512 in this build") }
func tanhF64AVX2(dst, x []float64)    { panic("asm: no tanhF64AVX2 in this build") }
func tanhF32AVX512(dst, x []float32)  { panic("asm: no tanhF32AVX512 in this build") }
func tanhF32AVX2(dst, x []float32)    { panic("asm: no tanhF32AVX2 in this build") }
func sinhF64AVX512(dst, x []float64)  { panic("asm: no sinhF64AVX512 in this build") }
func sinhF64AVX2(dst, x []float64)    { panic("asm: no sinhF64AVX2 in this build") }
func sinhF32AVX512(dst, x []float32)  { panic("asm: no sinhF32AVX512 in this build") }
func sinhF32AVX2(dst, x []float32)    { panic("asm: no sinhF32AVX2 in this build") }
func coshF64AVX512(dst, x []float64)  { panic("asm: no coshF64AVX512 in this build") }
func coshF64AVX2(dst, x []float64)    { panic("asm: no coshF64AVX2 in this build") }
func coshF32AVX512(dst, x []float32)  { panic("asm: no coshF32AVX512 in this build") }
func coshF32AVX2(dst, x []float32)    { panic("asm: no coshF32AVX2 in this build") }
