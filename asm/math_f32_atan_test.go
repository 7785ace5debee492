package asm

import (
	"math"
	"testing"
)

// TestF32Atan checks AtanF32 (float32 lanes) at every level: bit for bit against
// the twin, and within 1 ULP of math.Atan in float64, over a sample of all float32
// inputs (every input with -f32exhaustive), dense runs at the reduction's split
// points 1/2 and tan(3pi/8), around 1, tiny and subnormal inputs, the clamp 2^30,
// and ±Inf and NaN.
func TestF32Atan(t *testing.T) {
	f32Sweep(t, "arctan", AtanF32, atanF32, math.Atan, []f32Run{
		{0, 0x7f800010, f32Stride(1021, 8191)},      // and the negatives
		{0x3f000000 - 1<<12, 0x3f000000 + 1<<12, 1}, // 1/2
		{0x401a827a - 1<<12, 0x401a827a + 1<<12, 1}, // tan(3pi/8)
		{0x3f800000 - 1<<12, 0x3f800000 + 1<<12, 1}, // 1
		{0x3e400000, 0x3f400000, 211},               // [0.1875, 0.75]: the first two branches
		{0x3f400000, 0x41000000, 211},               // [0.75, 8]
		{0, 1 << 23, 4093},                          // subnormals
		{0x4e800000 - 64, 0x4e800000 + 64, 1},       // the clamp 2^30
		{0x7f7ffff0, 0x7f800010, 1},                 // huge, Inf, signalling NaNs
		{0x7fc00000, 0x7fc00004, 1},                 // quiet NaNs
	})
}
