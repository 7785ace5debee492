package asm

import (
	"math"

	"github.com/numkit/numkit/internal/submath"
)

// FmodF64 sets dst[i] = math.Mod(x[i], y[i]) for every i: C's fmod, exact, with
// the sign of x[i] (numexpr's fmod function). It panics if the lengths differ.
func FmodF64(dst, x, y []float64) {
	checkLen3("FmodF64", "dst x y", len(dst), len(x), len(y))
	modF64Vec(dst, x, y, false)
}

// ModF64 sets dst[i] = x[i] % y[i] with Python's and NumPy's sign rule (numexpr's
// % on floats): m = math.Mod(x, y); a nonzero m whose sign differs from y's
// becomes m + y (rounded); a zero m takes the sign of y; x % 0 is NaN. It panics
// if the lengths differ.
func ModF64(dst, x, y []float64) {
	checkLen3("ModF64", "dst x y", len(dst), len(x), len(y))
	modF64Vec(dst, x, y, true)
}

// modF64 is the twin of ModF64 (numeric's generic ModFloat, the same rule).
func modF64(x, y float64) float64 {
	m := submath.Mod(x, y)
	if m != 0 {
		if (y < 0) != (m < 0) {
			m += y
		}
	} else {
		m = math.Copysign(0, y)
	}
	return m
}

// modF64Vec runs the AVX-512 or AVX2 kernel on chunks copied to the stack (dst may
// alias x or y) and finishes the lanes it left NaN with the twin; below AVX2 it
// runs the twin. The kernels (math_mod_amd64.s) compute, for ax = |x| and
// ay = |y|: d = ax/ay, q = trunc(d), r = ax - q*ay by an FMA, r += ay if r < 0,
// then the sign of x, and for ModF64 the sign rule. Where d < 2^52 and ay is
// finite this is exact, and equals math.Mod: q is trunc(ax/ay) or one more (d
// rounds up to an integer only when the quotient is within a relative 2^-53
// below it, and trunc(ax/ay) is representable), and r, either the remainder
// or the remainder minus ay, lies in (-ay, ay) on the grid of the smaller of
// ulp(ax) and ulp(ay), so the FMA and the correction are exact. The other lanes
// (y = 0, ±Inf or NaN operands, quotients from 2^52 on) are NaN for the twin.
func modF64Vec(dst, x, y []float64, python bool) {
	if active < LevelAVX2 {
		twin := submath.Mod
		if python {
			twin = modF64
		}
		y = y[:len(x)]
		dst = dst[:len(x)]
		for i, v := range x {
			dst[i] = twin(v, y[i])
		}
		return
	}
	dst = dst[:len(x)]
	y = y[:len(x)]
	var xb, yb [modChunk]float64
	for len(x) > 0 {
		n := min(len(x), modChunk)
		copy(xb[:n], x[:n])
		copy(yb[:n], y[:n])
		var patch bool
		switch {
		case active >= LevelAVX512 && python:
			patch = modF64AVX512(dst[:n], xb[:n], yb[:n])
		case active >= LevelAVX512:
			patch = fmodF64AVX512(dst[:n], xb[:n], yb[:n])
		case python:
			patch = modF64AVX2(dst[:n], xb[:n], yb[:n])
		default:
			patch = fmodF64AVX2(dst[:n], xb[:n], yb[:n])
		}
		if patch {
			for i, v := range dst[:n] {
				if v != v {
					if python {
						dst[i] = modF64(xb[i], yb[i])
					} else {
						dst[i] = submath.Mod(xb[i], yb[i])
					}
				}
			}
		}
		dst, x, y = dst[n:], x[n:], y[n:]
	}
}

const modChunk = 256
