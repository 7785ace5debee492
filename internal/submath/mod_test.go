package submath

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestMod checks Mod against math.Mod bit for bit on quotients of every size (up to
// the largest over the smallest subnormal), quotients next to integers, subnormals,
// signed zeros and special values.
func TestMod(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 1))
	specials := []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(), 5e-324, -5e-324, 1, -1, 0.1, math.MaxFloat64, -math.MaxFloat64, 2.2250738585072014e-308}
	for i := range 400000 {
		var x, y float64
		switch i % 5 {
		case 0:
			x, y = specials[rng.IntN(len(specials))], specials[rng.IntN(len(specials))]
		case 1: // any bits
			x, y = math.Float64frombits(rng.Uint64()), math.Float64frombits(rng.Uint64())
		case 2: // a quotient next to an integer
			y = math.Ldexp(rng.Float64()+0.5, rng.IntN(200)-100)
			k := float64(rng.Int64N(1 << uint(rng.IntN(60))))
			x = math.Float64frombits(math.Float64bits(k*y) + uint64(rng.IntN(5)) - 2)
		case 3: // subnormals
			x, y = math.Ldexp(rng.Float64(), -1070+rng.IntN(60)), math.Ldexp(rng.Float64(), -1074+rng.IntN(30))
		default:
			x, y = math.Ldexp(rng.Float64()+0.5, rng.IntN(2000)-1000), math.Ldexp(rng.Float64()+0.5, rng.IntN(2000)-1000)
		}
		if rng.IntN(2) == 0 {
			x = -x
		}
		if rng.IntN(2) == 0 {
			y = -y
		}
		got, want := Mod(x, y), math.Mod(x, y)
		if math.Float64bits(got) != math.Float64bits(want) && !(got != got && want != want) {
			t.Fatalf("Mod(%g, %g) = %g (%#x), math.Mod %g (%#x)", x, y, got, math.Float64bits(got), want, math.Float64bits(want))
		}
	}
}
