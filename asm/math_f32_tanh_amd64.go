//go:build !noasm && gc

package asm

// The float32-lane tanh kernels (math_f32_tanh_amd64.s).

//go:noescape
func tanhF32AVX512(dst, x []float32)

//go:noescape
func tanhF32AVX2(dst, x []float32)

// tanhF32Tab holds their constants by offset (the TH_ defines), 8 copies each.
var tanhF32Tab = [...][8]uint32{
	x8(1<<31 - 1), x8(f32b(tanhF32Max)), x8(f32b(tanhF32Split)), x8(f32b(1)), x8(f32b(2)), x8(f32b(0.5)),
	x8(f32b(expF32Log2e)), x8(f32b(expF32Ln2Hi)), x8(f32b(expF32Ln2Lo)), x8(1 << 31), x8(127),
	x8(f32b(expF32P4)), x8(f32b(expF32P3)), x8(f32b(expF32P2)), x8(f32b(expF32P1)), x8(f32b(expF32P0)),
	x8(f32b(tanhF32P4)), x8(f32b(tanhF32P3)), x8(f32b(tanhF32P2)), x8(f32b(tanhF32P1)), x8(f32b(tanhF32P0)),
}
