package exprgen

import (
	"math"
	"math/rand/v2"
)

// Special values of each type, mixed into generated inputs.
var (
	special64 = []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(),
		math.SmallestNonzeroFloat64, -math.SmallestNonzeroFloat64, 2.2250738585072014e-308,
		1e-310, -3e-320, math.MaxFloat64, -math.MaxFloat64, 1e300, -1e300, 1e16, 0.5, -0.5, 1, -1,
		0.49999999999999994, 4503599627370497, 1e-10, 3, -7}
	special32 = []float32{0, float32(math.Copysign(0, -1)), float32(math.Inf(1)), float32(math.Inf(-1)),
		float32(math.NaN()), math.SmallestNonzeroFloat32, -math.SmallestNonzeroFloat32, 1.17549435e-38,
		1e-40, math.MaxFloat32, -math.MaxFloat32, 1e30, -1e30, 1e16, 0.5, -0.5, 1, -1, 0.49999997,
		8388609, 16777217, 3, -7}
	specialI32 = []int32{0, 1, -1, 2, -2, 31, 32, 33, 63, 64, math.MaxInt32, math.MinInt32,
		math.MaxInt32 - 1, math.MinInt32 + 1, 46341, -46341, 1 << 30, 16777217}
	specialI64 = []int64{0, 1, -1, 2, -2, 31, 32, 63, 64, 65, math.MaxInt64, math.MinInt64,
		math.MaxInt64 - 1, math.MinInt64 + 1, 1<<53 + 1, -(1<<53 + 1), 3037000500, 1 << 32,
		math.MaxInt32 + 1, math.MinInt32 - 1, 1 << 62, 16777217}
)

// Lengths near which the engine changes how it works: its block size (4096) and
// powers of two around vector widths and thread splits.
var blockLengths = []int{63, 64, 65, 255, 256, 257, 1023, 1024, 1025, 4095, 4096, 4097, 8191, 8192, 8193, 12289}

// Length is a random input length for seed: 0 and 1 sometimes, small odd lengths
// often, and lengths around block sizes (up to maxLen).
func Length(seed uint64, maxLen int) int {
	rng := rand.New(rand.NewPCG(seed, 0x6c656e))
	var n int
	switch r := rng.IntN(20); {
	case r == 0:
		n = 0
	case r == 1:
		n = 1
	case r < 10:
		n = 2*rng.IntN(40) + 1
	case r < 15:
		n = rng.IntN(300)
	default:
		n = blockLengths[rng.IntN(len(blockLengths))]
	}
	return min(n, maxLen)
}

// Values makes the inputs of e for seed: arrays of length n, scalars for scalar
// inputs. A fraction of the elements (chosen from the seed: none, a few, many or all)
// are special values: ±0, ±Inf, NaN, subnormals, the types' extremes.
func (e *Expr) Values(seed uint64, n int) map[string]any {
	rng := rand.New(rand.NewPCG(seed, 0x76616c))
	frac := []float64{0, 0.02, 0.2, 1}[rng.IntN(4)]
	vals := map[string]any{}
	for _, in := range e.Inputs {
		count := n
		if in.Scalar {
			count = 1
		}
		v := values(rng, in.Type, count, frac)
		if in.Scalar {
			v = first(v)
		}
		vals[in.Name] = v
	}
	return vals
}

func first(v any) any {
	switch s := v.(type) {
	case []bool:
		return s[0]
	case []int32:
		return s[0]
	case []int64:
		return s[0]
	case []float32:
		return s[0]
	case []complex64:
		return s[0]
	case []complex128:
		return s[0]
	}
	return v.([]float64)[0]
}

func values(rng *rand.Rand, t Type, n int, frac float64) any {
	spec := func() bool { return rng.Float64() < frac }
	switch t {
	case Complex64, Complex128:
		return complexValues(rng, t, n, frac)
	case Bool:
		s := make([]bool, n)
		for i := range s {
			s[i] = rng.IntN(2) == 0
		}
		return s
	case Int32:
		s := make([]int32, n)
		for i := range s {
			switch {
			case spec():
				s[i] = specialI32[rng.IntN(len(specialI32))]
			case rng.IntN(8) == 0:
				s[i] = int32(rng.Uint32())
			default:
				s[i] = int32(rng.IntN(201) - 100)
			}
		}
		return s
	case Int64:
		s := make([]int64, n)
		for i := range s {
			switch {
			case spec():
				s[i] = specialI64[rng.IntN(len(specialI64))]
			case rng.IntN(8) == 0:
				s[i] = int64(rng.Uint64())
			default:
				s[i] = int64(rng.IntN(20001) - 10000)
			}
		}
		return s
	case Float32:
		s := make([]float32, n)
		for i := range s {
			if spec() {
				s[i] = special32[rng.IntN(len(special32))]
			} else {
				s[i] = float32(ordinary(rng, 30))
			}
		}
		return s
	}
	s := make([]float64, n)
	for i := range s {
		if spec() {
			s[i] = special64[rng.IntN(len(special64))]
		} else {
			s[i] = ordinary(rng, 60)
		}
	}
	return s
}

// ordinary is a finite value: uniform in (-10, 10) mostly, sometimes a small integer
// or a value of magnitude 2^±wide.
func ordinary(rng *rand.Rand, wide int) float64 {
	switch rng.IntN(8) {
	case 0:
		return float64(rng.IntN(21) - 10)
	case 1:
		return (rng.Float64()*2 - 1) * math.Ldexp(1, rng.IntN(2*wide+1)-wide)
	case 2:
		return rng.Float64()
	}
	return rng.Float64()*20 - 10
}
