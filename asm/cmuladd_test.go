package asm

import (
	"math"
	"testing"
)

// cmulAddZ is the addend of the MulAddC128 tests: n values with special parts.
func cmulAddZ(n int) []complex128 {
	parts := []float64{0.25, math.Copysign(0, -1), 1e308, math.Inf(-1), math.NaN(), -3, 5e-324, 0}
	z := make([]complex128, n)
	for i := range z {
		z[i] = complex(parts[i%len(parts)], parts[(i*3+1)%len(parts)])
	}
	return z
}

// MulAddC128 at every level gives its twin's bits (testC128's lengths, alignments,
// guards, special parts, dst == x), and with dst == z.
func TestMulAddC128(t *testing.T) {
	testC128(t, func(dst, x, y []complex128) { MulAddC128(dst, x, y, cmulAddZ(len(dst))) },
		func(dst, x, y []complex128) { mulAddC128Generic(dst, x, y, cmulAddZ(len(dst))) })
	for _, level := range []Level{LevelNone, LevelAVX2, LevelAVX512} {
		if SetLevel(level) != level {
			continue
		}
		for n := 0; n <= 70; n++ {
			x, y := cmulAddZ(n + 3)[3:], cmulAddZ(n + 5)[5:]
			for i := range x {
				x[i] *= complex(1.5, float64(i%3)-1)
			}
			want := make([]complex128, n)
			mulAddC128Generic(want, x, y, cmulAddZ(n))
			z := cmulAddZ(n)
			MulAddC128(z, x, y, z)
			for i := range z {
				if !sameC(z[i], want[i]) {
					t.Fatalf("level %v n=%d dst == z: [%d] = %v, twin %v", level, n, i, z[i], want[i])
				}
			}
		}
	}
	SetLevel(Supported())
}
