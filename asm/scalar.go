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

// scFMAF32 returns a*b + c rounded once to float32, as VFMADD...PS computes it. Go has
// no float32 FMA, and math.FMA on widened operands rounds to float64 first (a double
// rounding). Here a*b is exact in float64, so s = a*b + c rounded to float64 is one
// rounding, and rounding s to float32 is correct unless s landed on a float32
// halfway point (or a float32 subnormal, where those lie elsewhere). Then s + err =
// a*b + c exactly (two-sum) and, if err != 0, s moves to its odd neighbour on err's
// side: a*b + c rounded to odd in 53 bits, whose rounding to float32 (24 bits, or
// fewer as a subnormal) is the correct one, as round-to-odd with at least 2 extra
// bits does not disturb a later round-to-nearest.
func scFMAF32(a, b, c float32) float32 {
	p := float64(float64(a) * float64(b))
	cd := float64(c)
	s := p + cd
	bits := math.Float64bits(s)
	if bits&(1<<29-1) != 1<<28 && bits&(0x7ff<<52) >= (1023-126)<<52 {
		return float32(s)
	}
	bb := s - p
	if err := (p - (s - bb)) + (cd - bb); err != 0 && bits&1 == 0 {
		if (err > 0) == (s > 0) {
			bits++ // away from zero
		} else {
			bits--
		}
		s = math.Float64frombits(bits)
	}
	return float32(s)
}
