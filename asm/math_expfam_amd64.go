//go:build !noasm && gc

package asm

import "math"

// Assembly kernels of expm1, exp2, tanh, sinh and cosh (math_expfam_amd64.s), and
// the constant tables they read by offset (the #defines at the top of the .s
// file). Each kernel computes its twin in math_expfam_scalar.go, bit for bit.

//go:noescape
func expm1F64AVX512(dst, x []float64)

//go:noescape
func expm1F64AVX2(dst, x []float64)

//go:noescape
func expm1F32AVX512(dst, x []float32)

//go:noescape
func expm1F32AVX2(dst, x []float32)

//go:noescape
func exp2F64AVX512(dst, x []float64)

//go:noescape
func exp2F64AVX2(dst, x []float64)

//go:noescape
func tanhF64AVX512(dst, x []float64)

//go:noescape
func tanhF64AVX2(dst, x []float64)

//go:noescape
func sinhF64AVX512(dst, x []float64)

//go:noescape
func sinhF64AVX2(dst, x []float64)

//go:noescape
func sinhF32AVX512(dst, x []float32)

//go:noescape
func sinhF32AVX2(dst, x []float32)

//go:noescape
func coshF64AVX512(dst, x []float64)

//go:noescape
func coshF64AVX2(dst, x []float64)

//go:noescape
func coshF32AVX512(dst, x []float32)

//go:noescape
func coshF32AVX2(dst, x []float32)

var expFamTab = [...]float64{
	0: log2e, 1: ln2Hi, 2: ln2Lo, 3: 1, 4: 0x1p52 + 1023, 5: 0.5, 6: 2, 7: 1000,
	8: math.Float64frombits(1<<63 - 1), 9: math.Float64frombits(1 << 63),
	10: ddLn2Hi, 11: ddLn2Lo, 12: -50, 13: 710, 14: -1080, 15: 1030, 16: 22, 17: 711,
	18: expFamC9, 19: expFamC8, 20: expFamC7, 21: expFamC6, 22: expFamC5,
	23: expFamC4, 24: expFamC3, 25: expFamC2, 26: expFamC1, 27: expFamC0,
}

var expFamTab32 = [...]float64{
	0: log2e, 1: ln2F64, 2: 1, 3: 0x1p52 + 1023, 4: 0.5, 5: 2,
	6: math.Float64frombits(1<<63 - 1), 7: math.Float64frombits(1 << 63),
	8: -30, 9: 100, 10: -160, 11: 130, 12: 10, 13: 100,
	14: expFamF32C5, 15: expFamF32C4, 16: expFamF32C3, 17: expFamF32C2, 18: expFamF32C1, 19: expFamF32C0,
}

var (
	expFamTab4   [len(expFamTab)][4]float64
	expFamTab324 [len(expFamTab32)][4]float64
)

func init() {
	bcast4(expFamTab4[:], expFamTab[:])
	bcast4(expFamTab324[:], expFamTab32[:])
}
