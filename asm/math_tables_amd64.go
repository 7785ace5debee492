//go:build !noasm && gc

package asm

import "math"

// Constant tables read by the math assembly, by offset: the offsets are the
// #defines at the top of each math_*_amd64.s file. The AVX-512 kernels broadcast
// single entries; the AVX2 kernels use the ...4 copies (each entry repeated 4
// times, 32 bytes) as memory operands.

var expF64Tab = [...]float64{
	0: log2e, 1: ln2Hi, 2: ln2Lo, 3: expF64Max, 4: expF64Min, 5: 1, 6: 0.5, 7: 0x1p52 + 1023,
	8: expF64C9, 9: expF64C8, 10: expF64C7, 11: expF64C6, 12: expF64C5,
	13: expF64C4, 14: expF64C3, 15: expF64C2, 16: expF64C1, 17: expF64C0,
}

var logF64Tab = [...]float64{
	0: sqrt2, 1: 0.5, 2: 1, 3: 2, 4: ln2Hi, 5: ln2Lo, 6: math.Inf(1), 7: math.Inf(-1),
	8: math.NaN(), 9: 0x1p-1022, 10: 0x1p52, 11: -1023, 12: -1075,
	13: math.Float64frombits(1<<52 - 1),
	16: logF64C6, 17: logF64C5, 18: logF64C4, 19: logF64C3, 20: logF64C2, 21: logF64C1, 22: logF64C0,
}

var sinCosF64Tab = [...]float64{
	0: math.Float64frombits(1<<63 - 1), 1: trigF64Max, 2: twoOverPi, 3: pio2C1, 4: pio2C2, 5: pio2C3,
	6: 1, 7: 0.5, 8: -0.5, 9: 0x1p52, 10: math.Float64frombits(1), 11: math.Float64frombits(1 << 63),
	12: sinF64C5, 13: sinF64C4, 14: sinF64C3, 15: sinF64C2, 16: sinF64C1, 17: sinF64C0,
	18: cosF64C5, 19: cosF64C4, 20: cosF64C3, 21: cosF64C2, 22: cosF64C1, 23: cosF64C0,
}

var sinCosF32Tab = [...]float64{
	0: math.Float64frombits(1<<63 - 1), 1: trigF32Max, 2: twoOverPi, 3: pio2C1, 4: pio2C2, 5: 0,
	6: 1, 7: 0.5, 8: -0.5, 9: 0x1p52, 10: math.Float64frombits(1), 11: math.Float64frombits(1 << 63),
	12: sinF32C3, 13: sinF32C2, 14: sinF32C1, 15: sinF32C0,
	18: cosF32C3, 19: cosF32C2, 20: cosF32C1, 21: cosF32C0,
}

var (
	sinCosF64Tab4 [len(sinCosF64Tab)][4]float64
	sinCosF32Tab4 [len(sinCosF32Tab)][4]float64
	expF64Tab4    [len(expF64Tab)][4]float64
	logF64Tab4    [len(logF64Tab)][4]float64
)

// mathTailMask holds 4 all-ones int64 lanes then 4 zero lanes; loading 32 bytes at
// byte offset 8*(4-n) gives a VMASKMOVPD mask for the first n lanes. Read as int32
// lanes at offset 4*(4-n)+16... see mathTailMask32.
var mathTailMask = [8]int64{-1, -1, -1, -1, 0, 0, 0, 0}

// mathTailMask32: 16 bytes at byte offset 4*(4-n) mask the first n float32 lanes.
var mathTailMask32 = [8]int32{-1, -1, -1, -1, 0, 0, 0, 0}

func init() {
	bcast4(expF64Tab4[:], expF64Tab[:])
	bcast4(logF64Tab4[:], logF64Tab[:])
	bcast4(sinCosF64Tab4[:], sinCosF64Tab[:])
	bcast4(sinCosF32Tab4[:], sinCosF32Tab[:])
}

func bcast4(dst [][4]float64, src []float64) {
	for i, v := range src {
		dst[i] = [4]float64{v, v, v, v}
	}
}
