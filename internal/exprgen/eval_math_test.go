package exprgen_test

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/numkit/numkit/internal/exprgen"
	"github.com/numkit/numkit/numeric"
)

// TestEvaluatorSubnormalMath checks that the evaluator's log, log10 and pow equal the
// gonum backend's bit for bit on subnormal, tiny and ordinary arguments (both follow
// docs/language.md's algorithm where Go's math is wrong, golang/go#56600), and that
// they are right where Go's are not: ln(5e-324) is -744.44, not Go's -709.09.
func TestEvaluatorSubnormalMath(t *testing.T) {
	rng := rand.New(rand.NewPCG(56600, 1))
	var xs, ys []float64
	for _, x := range []float64{5e-324, 1e-323, 0x1p-1060, 0x1p-1023, 0x1.fffffffffffffp-1023, 0x1p-1022, 1e-300, 0.5, 1, 3, 0, -5e-324, math.Inf(1), math.NaN()} {
		for _, y := range []float64{0.5, -0.5, 0.3, -0.3, 2.7, 1.5e-3, -1e-5, 2, -1, 40.5, -0.9, 1e5, -1e5} {
			xs, ys = append(xs, x), append(ys, y)
		}
	}
	for range 3000 {
		x := math.Float64frombits(rng.Uint64N(1<<52) + 1) // a random subnormal
		xs, ys = append(xs, x), append(ys, (rng.Float64()-0.5)*math.Pow(10, float64(rng.IntN(6)-3)))
	}
	gonum := func(src string) []float64 {
		x, err := numeric.Compile(src, numeric.WithBackend(numeric.BackendGonum))
		if err != nil {
			t.Fatal(err)
		}
		r, err := x.Eval(context.Background(), numeric.Vars{"x": xs, "y": ys})
		if err != nil {
			t.Fatal(err)
		}
		return r.Data.([]float64)
	}
	for _, c := range []struct {
		src string
		f   func(i int) float64
	}{
		{"log(x)", func(i int) float64 { return exprgen.EvalLog(xs[i]) }},
		{"log10(x)", func(i int) float64 { return exprgen.EvalLog10(xs[i]) }},
		{"x ** y", func(i int) float64 { return exprgen.EvalPow(xs[i], ys[i]) }},
	} {
		want := gonum(c.src)
		bad := 0
		for i := range xs {
			if g := c.f(i); math.Float64bits(g) != math.Float64bits(want[i]) && !(math.IsNaN(g) && math.IsNaN(want[i])) {
				if bad++; bad <= 5 {
					t.Errorf("%s at x=%v y=%v: evaluator %v, gonum %v", c.src, xs[i], ys[i], g, want[i])
				}
			}
		}
	}
	if got := exprgen.EvalLog(5e-324); math.Abs(got-(-744.4400719213812)) > 1e-12 {
		t.Errorf("log(5e-324) = %v, want -744.4400719213812", got)
	}
	if got := exprgen.EvalPow(5e-324, 0.5); got != 2.2227587494850775e-162 {
		t.Errorf("5e-324 ** 0.5 = %v, want 2.2227587494850775e-162", got)
	}
}
