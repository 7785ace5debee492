//go:build !noasm && gc

package asm

// The float32-lane arctan kernels (math_f32_atan_amd64.s).

//go:noescape
func atanF32AVX512(dst, x []float32)

//go:noescape
func atanF32AVX2(dst, x []float32)

// atanF32Tab holds their constants by offset (the AN_ defines), 8 copies each.
var atanF32Tab = [...][8]uint32{
	x8(1<<31 - 1), x8(f32b(1)), x8(f32b(atanF32LClamp)), x8(f32b(atanF32LT1)), x8(f32b(atanF32LT3)),
	x8(f32b(atanF32LPio4H)), x8(f32b(atanF32LPio4L)), x8(f32b(asinF32Pio2Hi)), x8(f32b(asinF32Pio2Lo)),
	x8(f32b(-1)), x8(1 << 31),
	x8(f32b(atanF32LP5)), x8(f32b(atanF32LP4)), x8(f32b(atanF32LP3)), x8(f32b(atanF32LP2)), x8(f32b(atanF32LP1)), x8(f32b(atanF32LP0)),
}
