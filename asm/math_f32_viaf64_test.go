package asm

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestF32ViaF64 checks AsinhF32, AcoshF32 and AtanhF32 (float64 kernels on widened
// blocks) at every level against their element twins, bit for bit, over lengths
// that cross block boundaries, in place, with special values, and without
// allocating.
func TestF32ViaF64(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 2))
	special := []float32{0, float32(math.Copysign(0, -1)), 1, -1, 0x1p-149, -0x1p-149, 0x1p-126, 0x1p-28, -0x1p-28,
		float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.NaN()), math.MaxFloat32, -math.MaxFloat32,
		0.99999994, -0.99999994, 1.0000001, 2, 0.5, -0.5, 1e20, -1e-20}
	const n = 3*f32ViaF64Block + 37
	x := make([]float32, n)
	for i := range x {
		switch i % 4 {
		case 0:
			x[i] = special[rng.IntN(len(special))]
		case 1:
			x[i] = float32(rng.Float64()*2 - 1)
		case 2:
			x[i] = float32(1 + rng.ExpFloat64())
		default:
			x[i] = math.Float32frombits(rng.Uint32())
		}
	}
	funcs := []struct {
		name string
		f    func(dst, x []float32)
		twin func(float64) float64
	}{
		{"arcsinh", AsinhF32, asinhF64},
		{"arccosh", AcoshF32, acoshF64},
		{"arctanh", AtanhF32, atanhF64},
	}
	for _, l := range levels() {
		atLevel(t, l, func() {
			for _, fn := range funcs {
				for _, m := range []int{0, 1, f32ViaF64Block - 1, f32ViaF64Block, f32ViaF64Block + 1, n} {
					got := make([]float32, m)
					fn.f(got, x[:m])
					inPlace := append([]float32(nil), x[:m]...)
					fn.f(inPlace, inPlace)
					for i, v := range x[:m] {
						want := float32(fn.twin(float64(v)))
						for _, g := range []float32{got[i], inPlace[i]} {
							if math.Float32bits(g) != math.Float32bits(want) && !(g != g && want != want) {
								t.Fatalf("%s f32 at %v, n=%d: %s(%g) = %g, twin %g", fn.name, l, m, fn.name, v, g, want)
							}
						}
					}
				}
				dst := make([]float32, n)
				if a := testing.AllocsPerRun(5, func() { fn.f(dst, x) }); a != 0 {
					t.Errorf("%s f32 at %v: %v allocations per call", fn.name, l, a)
				}
			}
		})
	}
}
