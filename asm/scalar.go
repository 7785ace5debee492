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

// scFMAF32 returns x*y + z rounded once to float32, like a hardware float32 FMA.
//
// The product of two float32 values is exact in float64 (48 significant bits), so
// math.FMA(x, y, z) in float64 rounds the exact x*y + z once. Rounding that float64
// to float32 would round a second time, which can be wrong when the first rounding
// lands exactly on a float32 halfway point. So the float64 sum is first rounded to
// odd: the rounding error e of p + z (p = x*y exactly) is recovered with TwoSum,
// and if the sum was inexact and its last bit is even it is moved one ulp toward
// the exact value. Rounding a round-to-odd result with at least two more bits than
// the target (53 >= 24 + 2) to float32 gives the correctly rounded result.
func scFMAF32(x, y, z float32) float32 {
	p := float64(x) * float64(y) // exact
	zz := float64(z)
	s := p + zz
	if math.IsInf(s, 0) || math.IsNaN(s) || s == 0 {
		return float32(s)
	}
	// TwoSum: s + e == p + zz exactly.
	bp := s - zz
	bz := s - bp
	e := (p - bp) + (zz - bz)
	if e != 0 {
		bits := math.Float64bits(s)
		if bits&1 == 0 {
			if (e > 0) == (s > 0) {
				bits++ // away from zero
			} else {
				bits--
			}
			s = math.Float64frombits(bits)
		}
	}
	return float32(s)
}
