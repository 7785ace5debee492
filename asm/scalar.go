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
