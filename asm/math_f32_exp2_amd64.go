//go:build !noasm && gc

package asm

// The float32-lane exp2 kernels (math_f32_exp2_amd64.s).

//go:noescape
func exp2F32AVX512(dst, x []float32)

//go:noescape
func exp2F32AVX2(dst, x []float32)

// exp2F32Tab holds their constants by offset (the E2_ defines), 8 copies each.
var exp2F32Tab = [...][8]uint32{
	x8(f32b(exp2F32Min)), x8(f32b(exp2F32Max)), x8(f32b(1)), x8(127),
	x8(f32b(exp2F32Q5)), x8(f32b(exp2F32Q4)), x8(f32b(exp2F32Q3)), x8(f32b(exp2F32Q2)), x8(f32b(exp2F32Q1)), x8(f32b(exp2F32Q0)),
}
