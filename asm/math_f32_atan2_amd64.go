//go:build !noasm && gc

package asm

import "math"

// The float32-lane arctan2 kernels (math_f32_atan2_amd64.s).

//go:noescape
func atan2F32AVX512(dst, y, x []float32)

//go:noescape
func atan2F32AVX2(dst, y, x []float32)

// atan2F32Tab holds their constants by offset (the A2_ defines), 8 copies each.
var atan2F32Tab = [...][8]uint32{
	x8(1<<31 - 1), x8(f32b(float32(math.Inf(1)))), x8(f32b(1)), x8(f32b(0.5)),
	x8(f32b(atan2F32Big)), x8(f32b(atan2F32Small)), x8(f32b(atan2F32Down)), x8(f32b(atan2F32Up)), x8(f32b(atan2F32Tiny)),
	x8(1 << 31),
	x8(f32b(atanF32LPio4H)), x8(f32b(atanF32LPio4L)), x8(f32b(asinF32Pio2Hi)), x8(f32b(asinF32Pio2Lo)),
	x8(f32b(asinF32PiHi)), x8(f32b(asinF32PiLo)), x8(f32b(atan2F32P34H)), x8(f32b(atan2F32P34L)),
	x8(f32b(atanF32LP5)), x8(f32b(atanF32LP4)), x8(f32b(atanF32LP3)), x8(f32b(atanF32LP2)), x8(f32b(atanF32LP1)), x8(f32b(atanF32LP0)),
}
