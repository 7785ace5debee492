//go:build !noasm && gc

package asm

import "math"

// The kernels of FmodF64 and ModF64 (math_mod_amd64.s; see modF64Vec): they store
// NaN in the lanes off their fast path and report whether there were any.

//go:noescape
func fmodF64AVX512(dst, x, y []float64) (patch bool)

//go:noescape
func modF64AVX512(dst, x, y []float64) (patch bool)

//go:noescape
func fmodF64AVX2(dst, x, y []float64) (patch bool)

//go:noescape
func modF64AVX2(dst, x, y []float64) (patch bool)

// modF64Tab holds the kernels' constants, 4 copies each (a ymm memory operand for
// AVX2, a broadcast source for AVX-512), at the MD_* indices of the assembly.
var modF64Tab = [...][4]uint64{
	x4(1<<63 - 1), x4(1 << 63), x4(math.Float64bits(0x1p52)), x4(math.Float64bits(math.Inf(1))),
	x4(math.Float64bits(math.NaN())),
}

func x4(v uint64) [4]uint64 { return [4]uint64{v, v, v, v} }

// The float32 kernels of FmodF32 and ModF32 (math_mod32_amd64.s; see modF32Vec).

//go:noescape
func fmodF32AVX512(dst, x, y []float32) (patch bool)

//go:noescape
func modF32AVX512(dst, x, y []float32) (patch bool)

// modF32Tab holds the float32 kernels' constants (math_mod32_amd64.s): the abs mask,
// the sign bit, 2^23, +Inf and NaN.
var modF32Tab = [...]uint32{1<<31 - 1, 1 << 31, math.Float32bits(0x1p23), math.Float32bits(float32(math.Inf(1))), 0x7fc00000}
