package numeric

import (
	"context"
	"math"
	"testing"
)

// divModValues pairs awkward dividends and divisors: signed zeros, infinities, NaN,
// subnormals, quotients past 2^52 and near integers (7.0 // 0.1 is 69).
func divModValues() (x, y []float64) {
	xs := []float64{0, math.Copysign(0, -1), 1, -1, 7, -7, 0.7, 5.5, -5.5, 1e300, -1e300, 3e-310, math.Inf(1), math.Inf(-1), math.NaN(),
		1 << 53, 123456789.123, -0.1, 2.5, 1e-5}
	ys := []float64{0, math.Copysign(0, -1), 1, -1, 3, -3, 0.1, -0.1, 1e-300, 5e-324, math.Inf(1), math.Inf(-1), math.NaN(), 10, 0.3, 1e20, -2.5}
	for _, a := range xs {
		for _, b := range ys {
			x, y = append(x, a), append(y, b)
		}
	}
	return x, y
}

// TestSIMDDivModBitIdentical: the SIMD backend's vector paths for %, // and fmod
// give the generic kernels' bits, in float64 and float32, with array and scalar
// divisors.
func TestSIMDDivModBitIdentical(t *testing.T) {
	if err := cpuUsable(BackendSIMD); err != nil {
		t.Skipf("no SIMD backend here: %v", err) // the gonum backend is then the only one
	}
	x64, y64 := divModValues()
	x32, y32 := make([]float32, len(x64)), make([]float32, len(y64))
	for i := range x64 {
		x32[i], y32[i] = float32(x64[i]), float32(y64[i])
	}
	same := func(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) || a != a && b != b }
	for _, src := range []string{"x % y", "x // y", "fmod(x, y)", "x % 10", "x // 0.1", "fmod(x, 0.3)", "(x + 1) % y"} {
		for _, f32 := range []bool{false, true} {
			vars := Vars{"x": x64, "y": y64}
			if f32 {
				vars = Vars{"x": x32, "y": y32}
			}
			got := map[string][]float64{}
			for _, b := range []string{BackendSIMD, BackendGonum} {
				res, err := MustCompile(src, WithBackend(b), WithFloat32Constants()).Eval(context.Background(), vars)
				if err != nil {
					t.Fatalf("%s on %s: %v", src, b, err)
				}
				switch r := res.Data.(type) {
				case []float64:
					got[b] = r
				case []float32:
					for _, v := range r {
						got[b] = append(got[b], float64(v))
					}
				default:
					t.Fatalf("%s: result %T", src, res)
				}
			}
			for i := range got[BackendGonum] {
				if g, s := got[BackendGonum][i], got[BackendSIMD][i]; !same(g, s) {
					t.Errorf("%s float32=%v at x=%v y=%v: simd %v (%#x), gonum %v (%#x)", src, f32, x64[i], y64[i],
						s, math.Float64bits(s), g, math.Float64bits(g))
				}
			}
		}
	}
}
