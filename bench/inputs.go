package bench

import (
	"fmt"
	"math/rand/v2"

	"github.com/numkit/numkit/numeric"
)

// inputs holds one size's arrays of one dtype, one per variable name, made on demand
// from a fixed seed: the same (seed, dtype, n, name) always gives the same values, so
// every case, backend and baseline sees the same data.
type inputs struct {
	seed   uint64
	dtype  string
	n      int
	arrays map[string]any
}

func newInputs(seed uint64, dtype string, n int) *inputs {
	return &inputs{seed: seed, dtype: dtype, n: n, arrays: map[string]any{}}
}

// vars returns the arrays for names as numeric.Vars.
func (in *inputs) vars(names []string) numeric.Vars {
	v := numeric.Vars{}
	for _, name := range names {
		v[name] = in.array(name)
	}
	return v
}

// array returns the array of variable name: floats uniform in [0, 1), int32s uniform
// in [0, 1000).
func (in *inputs) array(name string) any {
	if a, ok := in.arrays[name]; ok {
		return a
	}
	var stream uint64
	for _, r := range name {
		stream = stream*131 + uint64(r)
	}
	rng := rand.New(rand.NewPCG(in.seed, stream))
	var a any
	switch in.dtype {
	case "float32":
		s := make([]float32, in.n)
		for i := range s {
			s[i] = rng.Float32()
		}
		a = s
	case "int32":
		s := make([]int32, in.n)
		for i := range s {
			s[i] = rng.Int32N(1000)
		}
		a = s
	default:
		s := make([]float64, in.n)
		for i := range s {
			s[i] = rng.Float64()
		}
		a = s
	}
	in.arrays[name] = a
	return a
}

func (in *inputs) f64(name string) []float64 { return in.array(name).([]float64) }
func (in *inputs) f32(name string) []float32 { return in.array(name).([]float32) }
func (in *inputs) i32(name string) []int32   { return in.array(name).([]int32) }

// dtypeSize is the size in bytes of one element of dtype.
func dtypeSize(dtype string) (int, error) {
	switch dtype {
	case "float64", "int64":
		return 8, nil
	case "float32", "int32":
		return 4, nil
	case "bool":
		return 1, nil
	}
	return 0, fmt.Errorf("unknown dtype %q", dtype)
}
