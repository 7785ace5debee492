//go:build !noasm && gc

package asm

import "math"

// Assembly kernels of the trig family (math_trig_amd64.s); each computes the
// same element function as its twin in math_trig_scalar.go. The tan kernels
// stop before the first vector that holds a lane with |x| beyond trigF64Max
// (trigF32Max) and return how many elements they finished; TanF64/TanF32 do
// that vector with the twin (Payne–Hanek) and call them again on the rest.

//go:noescape
func atanF64AVX512(dst, x []float64)

//go:noescape
func atanF64AVX2(dst, x []float64)

//go:noescape
func atan2F64AVX512(dst, y, x []float64)

//go:noescape
func atan2F64AVX2(dst, y, x []float64)

//go:noescape
func asinF64AVX512(dst, x []float64)

//go:noescape
func asinF64AVX2(dst, x []float64)

//go:noescape
func acosF64AVX512(dst, x []float64)

//go:noescape
func acosF64AVX2(dst, x []float64)

//go:noescape
func tanF64AVX512(dst, x []float64) (done int)

//go:noescape
func tanF64AVX2(dst, x []float64) (done int)

//go:noescape
func tanF32AVX512(dst, x []float32) (done int)

//go:noescape
func tanF32AVX2(dst, x []float32) (done int)

// trigTab holds the constants of math_trig_amd64.s by offset (the T_ defines
// there); trigTab4 repeats each 4 times for the AVX2 kernels' memory operands.
var trigTab = [...]float64{
	0: math.Float64frombits(1<<63 - 1), 1: math.Inf(1), 2: 1, 3: 8, 4: atanBig, 5: atanSmall,
	6: atanDown, 7: atanUp, 8: atanT1, 9: atanT3, 10: atanT5, 11: atanT7,
	12: ddTanPio8Hi, 13: ddTanPio8Lo, 14: ddPio8Hi, 15: ddPio8Lo, 16: math.Float64frombits(1 << 63),
	17: 0.5, 18: ddPio2Hi, 19: ddPio2Lo, 20: ddPiHi, 21: ddPiLo, 22: 2, 23: -2, 24: -1, 25: 0x1p-60, 26: 0, 27: 0x1p-969, 28: 0x1p60,

	30: atanF64C9, 31: atanF64C8, 32: atanF64C7, 33: atanF64C6, 34: atanF64C5,
	35: atanF64C4, 36: atanF64C3, 37: atanF64C2, 38: atanF64C1, 39: atanF64C0,
	45: asinF64C12, 46: asinF64C11, 47: asinF64C10, 48: asinF64C9, 49: asinF64C8, 50: asinF64C7,
	51: asinF64C6, 52: asinF64C5, 53: asinF64C4, 54: asinF64C3, 55: asinF64C2, 56: asinF64C1, 57: asinF64C0,

	64: trigF64Max, 65: twoOverPi, 66: pio2C1, 67: pio2C2, 68: pio2C3, 69: 0x1p52, 70: -0.5,
	71: trigF32Max, 72: math.Float64frombits(1),
	73: sinF64C5, 74: sinF64C4, 75: sinF64C3, 76: sinF64C2, 77: sinF64C1, 78: sinF64C0,
	79: cosF64C5, 80: cosF64C4, 81: cosF64C3, 82: cosF64C2, 83: cosF64C1, 84: cosF64C0,
	85: sinF32C3, 86: sinF32C2, 87: sinF32C1, 88: sinF32C0,
	89: cosF32C3, 90: cosF32C2, 91: cosF32C1, 92: cosF32C0,
}

var trigTab4 [len(trigTab)][4]float64

func init() {
	for i, v := range trigTab {
		trigTab4[i] = [4]float64{v, v, v, v}
	}
}
