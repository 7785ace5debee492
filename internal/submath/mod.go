package submath

import (
	"math"
	"math/bits"
)

// Mod returns math.Mod(x, y), the exact remainder of x/y with the sign of x, in
// time that grows with the exponents' difference by 64 bits at a step: math.Mod
// takes one step per bit of it (about 10 µs for 1e300 % 0.5), which made a `%` of
// large values by small ones a thousand times slower than the rest of the vector
// kernels' fallback. Special values are math.Mod's (NaN for an infinite x, a zero
// or NaN y; x for an infinite y).
func Mod(x, y float64) float64 {
	ax, ay := math.Abs(x), math.Abs(y)
	if y == 0 || math.IsInf(x, 0) || x != x || y != y || math.IsInf(y, 0) || ax < ay {
		return math.Mod(x, y)
	}
	mx, ex := mantExp(ax)
	my, ey := mantExp(ay)
	// ax = mx * 2^ex and ay = my * 2^ey with mx, my < 2^53; ax >= ay, so ex >= ey
	// (mantissas of normal numbers share their leading bit, and a subnormal y or x
	// has the least exponent). r stays below my while the remainder of
	// mx * 2^(ex - ey) by my is taken 64 bits at a time.
	r := mx % my
	for d := ex - ey; d > 0; {
		s := min(d, 64)
		var hi, lo uint64
		if s == 64 {
			hi, lo = r, 0
		} else {
			hi, lo = r>>(64-s), r<<s
		}
		r = bits.Rem64(hi, lo, my)
		d -= s
	}
	return math.Copysign(math.Ldexp(float64(r), ey), x)
}

// mantExp returns a finite, positive v as m * 2^e with m an integer below 2^53.
func mantExp(v float64) (m uint64, e int) {
	b := math.Float64bits(v)
	exp := int(b >> 52 & 0x7ff)
	m = b & (1<<52 - 1)
	if exp == 0 { // subnormal
		return m, -1074
	}
	return m | 1<<52, exp - 1075
}
