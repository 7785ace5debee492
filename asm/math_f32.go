package asm

import "math"

// fma32 returns a*b + c rounded once to float32, as VFMADD...PS computes it. Go has
// no float32 FMA, and math.FMA on widened operands rounds to float64 first (a double
// rounding). Here a*b is exact in float64 and s + err = a*b + c exactly (two-sum);
// if err != 0, s is moved to its odd neighbour on err's side, which rounds a*b + c
// to odd in 53 bits. Rounding that to float32 (24 bits, or fewer as a subnormal) is
// then the correctly rounded result: round-to-odd with at least 2 extra bits does
// not disturb a later round-to-nearest.
func fma32(a, b, c float32) float32 {
	p := float64(float64(a) * float64(b))
	cd := float64(c)
	s := p + cd
	bb := s - p
	err := (p - (s - bb)) + (cd - bb)
	if bits := math.Float64bits(s); err != 0 && bits&1 == 0 {
		if (err > 0) == (s > 0) {
			bits++ // away from zero
		} else {
			bits--
		}
		s = math.Float64frombits(bits)
	}
	return float32(s)
}
