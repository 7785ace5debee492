//go:build !noasm && gc

package asm

import "math"

// The float32 inverse hyperbolic kernels (math_f32_hyp_amd64.s); op is a hypF32Op.

//go:noescape
func hypF32AVX512(dst, x []float32, op hypF32Op)

//go:noescape
func hypF32AVX2(dst, x []float32, op hypF32Op)

// hypF32Tab holds their constants by offset (the HY_ defines), 4 copies each (the
// AVX-512 kernel broadcasts the first).
var hypF32Tab [19][4]uint64

func init() {
	v := []uint64{
		math.Float64bits(1), math.Float64bits(math.Sqrt2), math.Float64bits(0.5), math.Float64bits(math.Ln2),
		math.Float64bits(2), 1<<63 - 1, math.Float64bits(math.Inf(1)), math.Float64bits(math.NaN()),
		1<<52 - 1, 0x3ff0000000000000, 0x4330000000000000, math.Float64bits(0x1p52 + 1023),
	}
	for _, c := range hypF32C {
		v = append(v, math.Float64bits(c))
	}
	v = append(v, math.Float64bits(1.0/6), math.Float64bits(hypF32Tiny))
	for i, b := range v {
		hypF32Tab[i] = [4]uint64{b, b, b, b}
	}
}
