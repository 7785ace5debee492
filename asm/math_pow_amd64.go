//go:build !noasm && gc

package asm

import "math"

// powF64AVX512 computes powCore for the lanes on its fast path (x normal > 0, y
// finite and nonzero, |y*log(x)| <= 700) and stores NaN in the others, reporting
// whether there were any (powF64Vec finishes them with powF64).
//
//go:noescape
func powF64AVX512(dst, x, y []float64) (patch bool)

// powF64AVX2 is powF64AVX512 on 4 lanes.
//
//go:noescape
func powF64AVX2(dst, x, y []float64) (patch bool)

// powF32AVX512 computes powF32Core and its rounding to float32 for the lanes on
// powF32's fast path (x > 0 finite, y finite and nonzero) whose rounding is clear
// (not within powF32Tie of a float32 rounding boundary), and stores NaN in the
// others, reporting whether there were any (powF32Vec finishes them with powF32).
//
//go:noescape
func powF32AVX512(dst, x, y []float32) (patch bool)

// powF32AVX2 is powF32AVX512 on 4 lanes.
//
//go:noescape
func powF32AVX2(dst, x, y []float32) (patch bool)

// powF64Tab is read by math_pow_amd64.s by offset (the PW_ #defines there), as
// bit patterns broadcast to every lane.
var powF64Tab = [...]uint64{
	0: powLogOff, 1: 127, 2: 0xfff << 52, 3: ^uint64(0xff), 4: math.Float64bits(1),
	5: math.Float64bits(powLn2Hi), 6: math.Float64bits(powLn2Lo), 7: ^uint64(1<<27 - 1),
	8: math.Float64bits(-0.5), 9: math.Float64bits(0.5), 10: 1 << 63,
	11: math.Float64bits(powLogC0), 12: math.Float64bits(powLogC1), 13: math.Float64bits(powLogC2),
	14: math.Float64bits(powLogC3), 15: math.Float64bits(powLogC4), 16: math.Float64bits(powLogC5),
	17: math.Float64bits(powLogC6),
	18: math.Float64bits(powInvLn2N), 19: math.Float64bits(powShift),
	20: math.Float64bits(powLn2HiN), 21: math.Float64bits(powLn2LoN),
	22: math.Float64bits(powExpC0), 23: math.Float64bits(powExpC1), 24: math.Float64bits(powExpC2),
	25: math.Float64bits(powExpC3),
	26: 0x0010000000000000, 27: 0x7ff0000000000000 - 0x0010000000000000, 28: 1, 29: 0xffe0000000000000 - 1,
	30: 1<<63 - 1, 31: math.Float64bits(700), 32: math.Float64bits(math.NaN()),
	// AVX2 only: the range bounds with the sign bit flipped (for signed compares),
	// and the constants of an exact int64 -> float64 conversion of 12-bit values.
	33: (0x7ff0000000000000 - 0x0010000000000000) ^ 1<<63, 34: (0xffe0000000000000 - 1) ^ 1<<63,
	35: 0x800, 36: 0x4330000000000000, 37: math.Float64bits(0x1p52 + 2048),
}

// powF64Tab4 holds each entry of powF64Tab 4 times (AVX2 memory operands).
var powF64Tab4 [len(powF64Tab)][4]uint64

func init() {
	for i, v := range powF64Tab {
		powF64Tab4[i] = [4]uint64{v, v, v, v}
	}
}

// powF32Tab is powF64Tab for the float32 kernels (the PF_ #defines).
var powF32Tab = [...]uint64{
	0: powF32LogOff, 1: 31, 2: 0xfff << 52, 3: math.Float64bits(1),
	4: math.Float64bits(powF32LogC0), 5: math.Float64bits(powF32LogC1), 6: math.Float64bits(powF32LogC2),
	7: math.Float64bits(powF32LogC3), 8: math.Float64bits(powF32LogC4), 9: math.Float64bits(powF32LogC5),
	10: math.Float64bits(powF32LogC6), 11: math.Float64bits(powF32Shift),
	12: math.Float64bits(powF32ExpC0), 13: math.Float64bits(powF32ExpC1), 14: math.Float64bits(powF32ExpC2),
	15: math.Float64bits(powF32ExpC3),
	16: 1<<63 - 1, 17: math.Float64bits(math.MaxFloat32), 18: math.Float64bits(128), 19: math.Float64bits(-151),
	20: math.Float64bits(math.Inf(1)), 21: math.Float64bits(1 - powF32Tie), 22: math.Float64bits(1 + powF32Tie),
	23: 0x800, 24: 0x4330000000000000, 25: math.Float64bits(0x1p52 + 2048), // AVX2: as in powF64Tab
	26: 16,
}

var powF32Tab4 [len(powF32Tab)][4]uint64

// powF32PermTab holds powF32LogTab's columns and powF32ExpTab, 32 entries each, for
// the AVX-512 kernel's table lookups by VPERMI2PD from registers (faster than
// gathers): 1/c at [0:32], log2(c) at [32:64], the exp bits at [64:96].
var powF32PermTab [96]uint64

func init() {
	for i, v := range powF32Tab {
		powF32Tab4[i] = [4]uint64{v, v, v, v}
	}
	for i, e := range powF32LogTab {
		powF32PermTab[i] = math.Float64bits(e[0])
		powF32PermTab[32+i] = math.Float64bits(e[1])
		powF32PermTab[64+i] = powF32ExpTab[i]
	}
}

// scalarPowF64AVX512 is powF64AVX512 with every x[i] the constant base s whose
// powLog is hi + lo: powExpYLog for the lanes on the fast path (y finite and nonzero,
// |y*hi| <= 700), NaN in the others (reported; ScalarPowF64 finishes them).
//
//go:noescape
func scalarPowF64AVX512(dst, y []float64, hi, lo float64) (patch bool)

// scalarPowF64AVX2 is scalarPowF64AVX512 on 4 lanes.
//
//go:noescape
func scalarPowF64AVX2(dst, y []float64, hi, lo float64) (patch bool)

// scalarPowF32AVX512 is powF32AVX512 with every x[i] the constant base s, l =
// powF32Log2(s): powF32Exp2(y*l) rounded where the rounding is clear, NaN in the
// lanes left to powF32 (reported).
//
//go:noescape
func scalarPowF32AVX512(dst, y []float32, l float64) (patch bool)

// scalarPowF32AVX2 is scalarPowF32AVX512 on 4 lanes.
//
//go:noescape
func scalarPowF32AVX2(dst, y []float32, l float64) (patch bool)
