//go:build !noasm && gc

package asm

import "math"

// Assembly kernels of log1p, log2 and log10 (math_logfam_amd64.s): each computes
// the element function of its twin (log1pF64, log2F32, ...) bit for bit.

//go:noescape
func log2F64AVX512(dst, x []float64)

//go:noescape
func log2F64AVX2(dst, x []float64)

//go:noescape
func log2F32AVX512(dst, x []float32)

//go:noescape
func log2F32AVX2(dst, x []float32)

//go:noescape
func log10F64AVX512(dst, x []float64)

//go:noescape
func log10F64AVX2(dst, x []float64)

//go:noescape
func log10F32AVX512(dst, x []float32)

//go:noescape
func log10F32AVX2(dst, x []float32)

//go:noescape
func log1pF64AVX512(dst, x []float64)

//go:noescape
func log1pF64AVX2(dst, x []float64)

//go:noescape
func log1pF32AVX512(dst, x []float32)

//go:noescape
func log1pF32AVX2(dst, x []float32)

// logFamTab is read by math_logfam_amd64.s by offset (the LF_ #defines there);
// the AVX-512 kernels broadcast single entries, the AVX2 ones use logFamTab4
// (each entry 4 times, 32 bytes) as memory operands.
var logFamTab = [...]float64{
	0: logFamSqrt2, 1: 0.5, 2: 1, 3: 2, 4: math.Inf(1), 5: math.Inf(-1), 6: math.NaN(),
	7: 0x1p-1022, 8: 0x1p52, 9: -1023, 10: -1075, 11: math.Float64frombits(1<<52 - 1),
	12: logFamInvLn2Hi, 13: logFamInvLn2Lo, 14: logFamInvLn10Hi, 15: logFamInvLn10Lo,
	16: logFamLog10of2Hi, 17: logFamLog10of2Lo, 18: logFamLn2Hi, 19: logFamLn2Lo,
	20: logFamLn2, 21: logFamLog10of2, 22: math.Float64frombits(1<<63 - 1), 23: logFamTiny,
	24: logFamC6, 25: logFamC5, 26: logFamC4, 27: logFamC3, 28: logFamC2, 29: logFamC1, 30: logFamC0,
	31: logFamF32C3, 32: logFamF32C2, 33: logFamF32C1, 34: logFamF32C0,
}

var logFamTab4 [len(logFamTab)][4]float64

func init() {
	for i, v := range logFamTab {
		logFamTab4[i] = [4]float64{v, v, v, v}
	}
}
