package asm

import "math"

// Scalar helpers shared by the pure-Go twins. They define the element semantics
// that every assembly level reproduces bit for bit.

// scMinF64 is x86 MINSD with NaN propagation: it returns x if x is NaN, x if
// x < y, and y otherwise (so y if y is NaN, and y when x and y compare equal, as
// for min(-0, +0) = +0 and min(+0, -0) = -0).
func scMinF64(x, y float64) float64 {
	if x != x || x < y {
		return x
	}
	return y
}

// scMaxF64 is scMinF64 with > in place of <.
func scMaxF64(x, y float64) float64 {
	if x != x || x > y {
		return x
	}
	return y
}

// scMinF32 is scMinF64 for float32.
func scMinF32(x, y float32) float32 {
	if x != x || x < y {
		return x
	}
	return y
}

// scMaxF32 is scMaxF64 for float32.
func scMaxF32(x, y float32) float32 {
	if x != x || x > y {
		return x
	}
	return y
}

// scFMAF64 returns x*y + z rounded once.
func scFMAF64(x, y, z float64) float64 { return math.FMA(x, y, z) }

// scSignF64 is NumPy's sign: 1 for x > 0, -1 for x < 0, and x itself for ±0 and NaN.
func scSignF64(x float64) float64 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return x
}

// scSignF32 is scSignF64 for float32.
func scSignF32(x float32) float32 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return x
}

// scCopysignF64 is math.Copysign: x's magnitude with y's sign bit.
func scCopysignF64(x, y float64) float64 { return math.Copysign(x, y) }

// scCopysignF32 is math.Copysign for float32, on the bits (no widening, so a NaN's
// payload is kept as the assembly keeps it).
func scCopysignF32(x, y float32) float32 {
	return math.Float32frombits(math.Float32bits(x)&^(1<<31) | math.Float32bits(y)&(1<<31))
}
