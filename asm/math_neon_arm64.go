//go:build !noasm && gc

package asm

import "math"

// NEON kernels of float64 exp, log, sin and cos (math_neon_arm64.s, written by
// asm/_gen/mathneon/gen.py). Each computes the same element function as its
// pure-Go twin (expF64, logF64, sinCosF64), two lanes per Q register, the last
// odd element with the same code on a zero-padded register. The sin/cos kernels
// copy elements with |x| beyond trigF64Max (and ±Inf) to dst unchanged and
// return true if there were any (see patchF64).

//go:noescape
func expF64NEON(dst, x []float64)

//go:noescape
func logF64NEON(dst, x []float64)

//go:noescape
func sinF64NEON(dst, x []float64) (big bool)

//go:noescape
func cosF64NEON(dst, x []float64) (big bool)

// The constants of expF64NEON, loaded into V16-V31 in this order (two lanes each).
var expF64NEONTab = [32]uint64{
	math.Float64bits(log2e), math.Float64bits(0.5), // V16: by lane
	math.Float64bits(ln2Hi), math.Float64bits(ln2Lo), // V17: by lane
	math.Float64bits(expF64Max), math.Float64bits(expF64Max),
	math.Float64bits(expF64Min), math.Float64bits(expF64Min),
	math.Float64bits(1), math.Float64bits(1),
	1023, 1023, // the exponent bias, as integers
	math.Float64bits(expF64C9), math.Float64bits(expF64C9),
	math.Float64bits(expF64C8), math.Float64bits(expF64C8),
	math.Float64bits(expF64C7), math.Float64bits(expF64C7),
	math.Float64bits(expF64C6), math.Float64bits(expF64C6),
	math.Float64bits(expF64C5), math.Float64bits(expF64C5),
	math.Float64bits(expF64C4), math.Float64bits(expF64C4),
	math.Float64bits(expF64C3), math.Float64bits(expF64C3),
	math.Float64bits(expF64C2), math.Float64bits(expF64C2),
	math.Float64bits(expF64C1), math.Float64bits(expF64C1),
	math.Float64bits(expF64C0), math.Float64bits(expF64C0),
}

// The constants of logF64NEON, loaded into V16-V31 in this order (two lanes each).
var logF64NEONTab = [32]uint64{
	math.Float64bits(1 << 52), math.Float64bits(0.5), // V16: by lane
	math.Float64bits(ln2Hi), math.Float64bits(ln2Lo), // V17: by lane
	1 << 52, 1 << 52, // the smallest normal's bits, as integers
	math.Float64bits(-1023 - 52), math.Float64bits(-1023 - 52),
	math.Float64bits(-1023), math.Float64bits(-1023),
	1<<52 - 1, 1<<52 - 1, // the significand mask
	math.Float64bits(1), math.Float64bits(1),
	math.Float64bits(sqrt2), math.Float64bits(sqrt2),
	math.Float64bits(2), math.Float64bits(2),
	0x7ff8000000000001, 0x7ff8000000000001, // math.NaN()
	math.Float64bits(math.Inf(-1)), math.Float64bits(math.Inf(-1)),
	math.Float64bits(math.Inf(1)), math.Float64bits(math.Inf(1)),
	math.Float64bits(logF64C6), math.Float64bits(logF64C5), // V28-V31: by lane
	math.Float64bits(logF64C4), math.Float64bits(logF64C3),
	math.Float64bits(logF64C2), math.Float64bits(logF64C1),
	math.Float64bits(logF64C0), 0,
}

// The constants of sinF64NEON and cosF64NEON, loaded into V16-V29 in this order
// (two lanes each).
var sinCosF64NEONTab = [28]uint64{
	math.Float64bits(twoOverPi), math.Float64bits(pio2C1), // V16: by lane
	math.Float64bits(pio2C2), math.Float64bits(pio2C3), // V17: by lane
	math.Float64bits(0.5), math.Float64bits(-0.5), // V18: by lane
	math.Float64bits(trigF64Max), math.Float64bits(trigF64Max),
	math.Float64bits(1), math.Float64bits(1),
	math.Float64bits(0x1p52), math.Float64bits(0x1p52),
	1, 1, // the quadrant's low bit, as integers
	1 << 63, 1 << 63, // the sign bit
	math.Float64bits(sinF64C5), math.Float64bits(sinF64C4), // V24-V26: by lane
	math.Float64bits(sinF64C3), math.Float64bits(sinF64C2),
	math.Float64bits(sinF64C1), math.Float64bits(sinF64C0),
	math.Float64bits(cosF64C5), math.Float64bits(cosF64C4), // V27-V29: by lane
	math.Float64bits(cosF64C3), math.Float64bits(cosF64C2),
	math.Float64bits(cosF64C1), math.Float64bits(cosF64C0),
}
