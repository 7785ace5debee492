package asm

import "math"

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
