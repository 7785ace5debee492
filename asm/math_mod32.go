package asm

import (
	"math"

	"github.com/numkit/numkit/internal/submath"
)

// FmodF32 sets dst[i] to C's fmod of x[i] and y[i] (fmodf: exact, with the sign of
// x[i]). It panics if the lengths differ.
func FmodF32(dst, x, y []float32) {
	checkLen3("FmodF32", "dst x y", len(dst), len(x), len(y))
	modF32Vec(dst, x, y, false)
}

// ModF32 sets dst[i] = x[i] % y[i] with Python's and NumPy's sign rule, as ModF64
// does, the sum m + y rounded to float32 once. It panics if the lengths differ.
func ModF32(dst, x, y []float32) {
	checkLen3("ModF32", "dst x y", len(dst), len(x), len(y))
	modF32Vec(dst, x, y, true)
}

// modF32 is the twin of ModF32 (python) or FmodF32: the fmod through float64 is
// exact, so its narrowing is too; the sign rule is in float32.
func modF32(x, y float32, python bool) float32 {
	m := float32(submath.Mod(float64(x), float64(y)))
	if python {
		m = pySign32(m, y)
	}
	return m
}

// pySign32 applies Python's sign rule to m = fmod(x, y): m + y where m is nonzero
// and its sign differs from y's; a zero takes y's sign.
func pySign32(m, y float32) float32 {
	if m == 0 {
		return float32(math.Copysign(0, float64(y)))
	}
	if (y < 0) != (m < 0) {
		m += y
	}
	return m
}

// modF32Vec runs the AVX-512 kernel on chunks copied to the stack, so that dst may
// alias x or y, and finishes the lanes it left NaN with the twin. The kernel
// (math_mod32_amd64.s) is modF64Vec's method in float32 operations: d = ax/ay,
// q = trunc(d), r = ax - q*ay by an FMA, r += ay if r < 0. Where d < 2^23 and ay
// is finite this is exact for the same reasons (fl(ax/ay) rounds up to an integer
// only from within a relative 2^-24 below it, and trunc(ax/ay) < 2^23 is a float32),
// so it equals fmod; the sign rule's m + y is then one float32 rounding, as in the
// twin.
// Elsewhere it computes the fmod with FmodF64 on widened chunks and the sign rule
// element by element.
func modF32Vec(dst, x, y []float32, python bool) {
	dst = dst[:len(x)]
	y = y[:len(x)]
	var xb, yb [modChunk]float32
	var xw, yw, mw [modChunk]float64
	for len(x) > 0 {
		n := min(len(x), modChunk)
		copy(xb[:n], x[:n])
		copy(yb[:n], y[:n])
		if active >= LevelAVX512 {
			var patch bool
			if python {
				patch = modF32AVX512(dst[:n], xb[:n], yb[:n])
			} else {
				patch = fmodF32AVX512(dst[:n], xb[:n], yb[:n])
			}
			if patch {
				for i, v := range dst[:n] {
					if v != v {
						dst[i] = modF32(xb[i], yb[i], python)
					}
				}
			}
		} else {
			for i := range n {
				xw[i], yw[i] = float64(xb[i]), float64(yb[i])
			}
			FmodF64(mw[:n], xw[:n], yw[:n])
			for i := range n {
				dst[i] = float32(mw[i])
				if python {
					dst[i] = pySign32(dst[i], yb[i])
				}
			}
		}
		dst, x, y = dst[n:], x[n:], y[n:]
	}
}
