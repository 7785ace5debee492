//go:build !noasm && gc

package asm

// Assembly kernels of the fast accuracy mode (math_fast_amd64.s); each computes the
// same element function as its twin in math_fast.go. They read the default kernels'
// constant tables (expF64Tab, expF32Tab, sinCosF64Tab, logF32Tab).

//go:noescape
func expFastF64AVX512(dst, x []float64)

//go:noescape
func expFastF64AVX2(dst, x []float64)

//go:noescape
func expFastF32AVX512(dst, x []float32)

//go:noescape
func expFastF32AVX2(dst, x []float32)

//go:noescape
func sinFastF64AVX512(dst, x []float64) (big bool)

//go:noescape
func cosFastF64AVX512(dst, x []float64) (big bool)

//go:noescape
func sinFastF64AVX2(dst, x []float64) (big bool)

//go:noescape
func cosFastF64AVX2(dst, x []float64) (big bool)

//go:noescape
func logFastF32AVX512(dst, x []float32)

//go:noescape
func logFastF32AVX2(dst, x []float32)

//go:noescape
func sinFastF32AVX512(dst, x []float32) (big bool)

//go:noescape
func cosFastF32AVX512(dst, x []float32) (big bool)

//go:noescape
func sinFastF32AVX2(dst, x []float32) (big bool)

//go:noescape
func cosFastF32AVX2(dst, x []float32) (big bool)

// sinCosFastF32Tab holds the fast float32 sin/cos kernels' constants, by offset (the
// #defines in math_fast_sincos32_amd64.s), 8 copies of each 32-bit value.
var sinCosFastF32Tab = [...][8]uint32{
	x8(1<<31 - 1), x8(f32b(sinCosF32FastMax)), x8(f32b(sinCosF32TwoOverPi)),
	x8(f32b(sinCosF32P1)), x8(f32b(sinCosF32P2)), x8(f32b(sinCosF32P3)),
	x8(f32b(1)), x8(f32b(-0.5)), x8(1 << 31), x8(1),
	x8(f32b(float32(sinF32C3))), x8(f32b(float32(sinF32C2))), x8(f32b(float32(sinF32C1))), x8(f32b(float32(sinF32C0))),
	x8(f32b(float32(cosF32C3))), x8(f32b(float32(cosF32C2))), x8(f32b(float32(cosF32C1))), x8(f32b(float32(cosF32C0))),
}
