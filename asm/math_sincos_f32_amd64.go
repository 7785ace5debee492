//go:build !noasm && gc

package asm

// sinCosF32Tab holds the constants of math_sincos_f32_amd64.s, 8 copies each (a ymm
// memory operand for AVX2, a broadcast source for AVX-512), in the order of its
// SC_* indices.
var sinCosF32Tab = [...][8]uint32{
	x8(1<<31 - 1), x8(f32b(sinCosF32Max)), x8(f32b(twoOverPiF32)),
	x8(f32b(pio2F32C1)), x8(f32b(pio2F32C2)), x8(f32b(pio2F32C3)),
	x8(f32b(1)), x8(f32b(0.5)), x8(f32b(0x1p23)), x8(1), x8(1 << 31),
	x8(f32b(sinF32S3)), x8(f32b(sinF32S2)), x8(f32b(sinF32S1)), x8(f32b(sinF32S0)),
	x8(f32b(cosF32K3)), x8(f32b(cosF32K2)), x8(f32b(cosF32K1)), x8(f32b(cosF32K0)),
}
