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
	0: sqrt2, 1: 0.5, 2: 1, 3: 2, 4: math.Inf(1), 5: math.Inf(-1), 6: math.NaN(),
	7: 0x1p-1022, 8: 0x1p52, 9: -1023, 10: -1075, 11: math.Float64frombits(1<<52 - 1),
	12: logFamInvLn2Hi, 13: logFamInvLn2Lo, 14: logFamInvLn10Hi, 15: logFamInvLn10Lo,
	16: logFamLog10of2Hi, 17: logFamLog10of2Lo, 18: ln2Hi, 19: ln2Lo,
	20: ln2F64, 21: logFamLog10of2, 22: math.Float64frombits(1<<63 - 1), 23: logFamTiny,
	24: logF64C6, 25: logF64C5, 26: logF64C4, 27: logF64C3, 28: logF64C2, 29: logF64C1, 30: logF64C0,
}

var logFamTab4 [len(logFamTab)][4]float64

func init() {
	for i, v := range logFamTab {
		logFamTab4[i] = [4]float64{v, v, v, v}
	}
}

// logFamF32Tab is read by math_logfam_f32_amd64.s by offset (the FF_ #defines
// there), 8 copies of each 32-bit value as logF32Tab: the AVX2 kernels use the
// entries as ymm memory operands, the AVX-512 ones broadcast them.
var logFamF32Tab = [...][8]uint32{
	x8(logF32C + 1<<23), x8(f32b(0.5)), x8(f32b(1)), x8(f32b(-0.5)), x8(f32b(logF32Ln2Hi)), x8(f32b(logF32Ln2Lo)),
	x8(f32b(float32(math.Inf(1)))), x8(f32b(float32(math.Inf(-1)))), x8(f32b(float32(math.NaN()))),
	x8(f32b(0x1p-126)), x8(f32b(0x1p23)), x8(0xffffffe9), x8(logF32C), x8(1<<23 - 1), // AVX2 split: -23, c, mantissa mask
	x8(f32b(logF32P8)), x8(f32b(logF32P7)), x8(f32b(logF32P6)), x8(f32b(logF32P5)), x8(f32b(logF32P4)),
	x8(f32b(logF32P3)), x8(f32b(logF32P2)), x8(f32b(logF32P1)), x8(f32b(logF32P0)),
	x8(0x03530422), // VFIXUPIMMPS table of the log kernel (logF32Tab)
	x8(f32b(logFamF32InvLn2Hi)), x8(f32b(logFamF32InvLn2Lo)), x8(f32b(logFamF32InvLn10Hi)), x8(f32b(logFamF32InvLn10Lo)),
	x8(f32b(logFamF32Log10of2Hi)), x8(f32b(logFamF32Log10of2Lo)), x8(1<<31 - 1), x8(f32b(logFamF32Tiny)),
}
