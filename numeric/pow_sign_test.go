package numeric

import (
	"context"
	"math"
	"strconv"
	"testing"
)

// TestPowLargeIntegerExponentValues: x ** k for constant integers k past the
// multiplication rewrite (|k| > 50) is C99's pow on every backend: negative bases give
// ±|x|**k by k's parity, ±0, ±Inf and NaN the special values, within pow's ULP bound.
func TestPowLargeIntegerExponentValues(t *testing.T) {
	xs := []float64{-2, -1.5, -1, -0.99, -0.5, -1e-300, -5e-324, math.Copysign(0, -1), 0, 5e-324, 0.5, 1, 1.01, 2,
		math.Inf(-1), math.Inf(1), math.NaN(), -1.0000001, -0.9999999}
	for _, k := range []float64{51, 52, -51, -52, 77, 1e20, -1e20, 1 << 53, 101} {
		src := "a ** " + strconv.FormatFloat(k, 'g', -1, 64)
		for _, be := range diffBackends(t, true) {
			x, err := Compile(src, WithBackend(be))
			if err != nil {
				t.Fatalf("%s on %s: %v", src, be, err)
			}
			res, err := x.Eval(context.Background(), Vars{"a": xs})
			if err != nil {
				t.Fatalf("%s on %s: %v", src, be, err)
			}
			got := res.Data.([]float64)
			for i, v := range xs {
				want := math.Pow(v, k)
				if math.IsNaN(want) != math.IsNaN(got[i]) || !math.IsNaN(want) &&
					(math.Signbit(want) != math.Signbit(got[i]) || confULPDist(Float64, want, got[i]) > max(1, confULP(be, "pow", Float64))) {
					t.Errorf("%s on %s at a = %v: %v, want %v", src, be, v, got[i], want)
				}
			}
		}
	}
}
