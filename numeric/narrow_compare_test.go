package numeric

import (
	"context"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestNarrowCompare checks that a float32 array compared with a float64 constant by
// <, <=, > or >= (compiled as a float32 comparison with a neighbouring constant)
// gives float64(x) op c for every x: constants between float32 values, on them,
// tiny, beyond the float32 range and infinite, on either side of the operator, and
// x around each constant, at ±0, ±Inf, NaN and subnormals, on every CPU backend.
func TestNarrowCompare(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 7))
	consts := []float64{0.1, 0.5, -0.1, 1.5, 2.5, 1e-50, -1e-50, 1e-45, 1.4e-45, 3e38, 3.5e38, -3.5e38, 1e300,
		math.Inf(1), math.Inf(-1), math.SmallestNonzeroFloat64, float64(math.MaxFloat32), 16777217, -16777217}
	for range 20 {
		consts = append(consts, (rng.Float64()*2-1)*math.Ldexp(1, rng.IntN(300)-150))
	}
	ops := map[string]func(a, b float64) bool{
		"<": func(a, b float64) bool { return a < b }, "<=": func(a, b float64) bool { return a <= b },
		">": func(a, b float64) bool { return a > b }, ">=": func(a, b float64) bool { return a >= b },
	}
	for _, c := range consts {
		var xs []float32
		k := float32(c)
		for _, v := range []float32{k, math.Nextafter32(k, float32(math.Inf(1))), math.Nextafter32(k, float32(math.Inf(-1))),
			0, float32(math.Copysign(0, -1)), float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.NaN()),
			1e-45, -1e-45, math.MaxFloat32, -math.MaxFloat32, 1, -1} {
			xs = append(xs, v)
		}
		lit := strconv.FormatFloat(c, 'g', -1, 64)
		if math.IsInf(c, 0) {
			continue // no literal: inf is not in the language
		}
		if c < 0 {
			lit = "(" + lit + ")"
		}
		for name, f := range ops {
			for _, left := range []bool{false, true} {
				src := "a " + name + " " + lit
				if left {
					src = lit + " " + name + " a"
				}
				for _, be := range cpuBackends() {
					e, err := Compile(src, WithBackend(be))
					if err != nil {
						t.Fatal(err)
					}
					r, err := e.Eval(context.Background(), Vars{"a": xs})
					if err != nil {
						t.Fatal(err)
					}
					got, _ := r.Data.([]bool)
					for i, x := range xs {
						want := f(float64(x), c)
						if left {
							want = f(c, float64(x))
						}
						if got[i] != want {
							t.Errorf("%s %s with a = %g (%#x): %v, want %v", be, src, x, math.Float32bits(x), got[i], want)
						}
					}
				}
			}
		}
	}
}
