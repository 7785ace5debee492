//go:build !noasm && gc

package asm

// The float32-lane arcsin and arccos kernels (math_f32_asin_amd64.s).

//go:noescape
func asinF32AVX512(dst, x []float32)

//go:noescape
func asinF32AVX2(dst, x []float32)

//go:noescape
func acosF32AVX512(dst, x []float32)

//go:noescape
func acosF32AVX2(dst, x []float32)

// asinF32Tab holds their constants by offset (the AS_ defines), 8 copies each.
var asinF32Tab = [...][8]uint32{
	x8(1<<31 - 1), x8(f32b(0.5)), x8(f32b(1)), x8(f32b(asinF32Tiny)),
	x8(f32b(asinF32Pio2Hi)), x8(f32b(asinF32Pio2Lo)), x8(f32b(asinF32PiHi)), x8(f32b(asinF32PiLo)),
	x8(f32b(2)), x8(f32b(-2)), x8(f32b(-1)), x8(1 << 31),
	x8(f32b(asinF32P5)), x8(f32b(asinF32P4)), x8(f32b(asinF32P3)), x8(f32b(asinF32P2)), x8(f32b(asinF32P1)), x8(f32b(asinF32P0)),
}
