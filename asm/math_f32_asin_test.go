package asm

import (
	"math"
	"testing"
)

// TestF32AsinAcos checks AsinF32 and AcosF32 (float32 lanes) at every level: bit
// for bit against the twin, and within 1 ULP of math.Asin and math.Acos in float64,
// over a sample of every float32 in [-1, 1] (all of them with -f32exhaustive), the
// inputs next to the branch point 1/2 and to ±1, tiny and subnormal inputs, and the
// special values (±0, ±Inf, NaN, |x| > 1).
func TestF32AsinAcos(t *testing.T) {
	runs := []f32Run{
		{0, 0x3f800000, f32Stride(1009, 4001)},      // [0, 1] and [-1, -0]
		{0x3f000000 - 1<<12, 0x3f000000 + 1<<12, 1}, // around 1/2
		{0x3f800000 - 1<<13, 0x3f800000 + 64, 1},    // up to 1 and past it
		{0, 1 << 23, 4093},                          // subnormals
		{0x39000000, 0x3a000000, 257},               // small: asin(x) = x + ...
		{0x7f7ffff0, 0x7f800010, 1},                 // huge, Inf, signalling NaNs
		{0x7fc00000, 0x7fc00004, 1},                 // quiet NaNs
	}
	f32Sweep(t, "arcsin", AsinF32, asinF32, math.Asin, runs)
	f32Sweep(t, "arccos", AcosF32, acosF32, math.Acos, runs)
}
