//go:build !noasm && gc

package asm

import "math"

// Constant tables of the float32 exp and log assembly (math_exp_amd64.s,
// math_log_amd64.s), read by offset: the offsets are the #defines next to the
// kernels. Each entry is 8 copies of one 32-bit value (32 bytes): the AVX2 kernels
// use it as a ymm memory operand, the AVX-512 ones broadcast its first copy.

var expF32Tab = [...][8]uint32{
	x8(f32b(expF32Log2e)), x8(f32b(expF32Ln2Hi)), x8(f32b(expF32Ln2Lo)), x8(f32b(expF32Max)), x8(f32b(expF32Min)), x8(f32b(1)),
	x8(f32b(expF32P4)), x8(f32b(expF32P3)), x8(f32b(expF32P2)), x8(f32b(expF32P1)), x8(f32b(expF32P0)),
	x8(127), // the float32 exponent bias (AVX2 builds 2^k from bits)
}

var logF32Tab = [...][8]uint32{
	x8(logF32C + 1<<23), x8(f32b(0.5)), x8(f32b(1)), x8(f32b(-0.5)), x8(f32b(logF32Ln2Hi)), x8(f32b(logF32Ln2Lo)),
	x8(f32b(float32(math.Inf(1)))), x8(f32b(float32(math.Inf(-1)))), x8(f32b(float32(math.NaN()))),
	x8(f32b(0x1p-126)), x8(f32b(0x1p23)), x8(0xffffffe9), x8(logF32C), x8(1<<23 - 1), // AVX2 split: -23, c, mantissa mask
	x8(f32b(logF32P8)), x8(f32b(logF32P7)), x8(f32b(logF32P6)), x8(f32b(logF32P5)), x8(f32b(logF32P4)),
	x8(f32b(logF32P3)), x8(f32b(logF32P2)), x8(f32b(logF32P1)), x8(f32b(logF32P0)),
	// VFIXUPIMMPS table, a response per class of x: QNaN, SNaN -> NaN; ±0 -> -Inf;
	// +1 -> computed; -Inf -> NaN; +Inf -> +Inf; x < 0 -> NaN; x > 0 -> computed.
	x8(0x03530422),
}

// f32TailMask: 32 bytes at byte offset 4*(8-n) are a VMASKMOVPS mask for the
// first n float32 lanes of a ymm.
var f32TailMask = [16]int32{-1, -1, -1, -1, -1, -1, -1, -1}

func f32b(v float32) uint32 { return math.Float32bits(v) }

// x8 returns 8 copies of v.
func x8(v uint32) [8]uint32 { return [8]uint32{v, v, v, v, v, v, v, v} }
