package exprgen_test

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/numkit/numkit/internal/exprgen"
	"github.com/numkit/numkit/numeric"
)

// TestEvaluatorMatchesGonum compares the evaluator with the gonum backend (both Go's
// math, with docs/language.md's subnormal-correct log, log10 and pow, and literal-only
// constants folded by Python's rules) on the benchmark's expressions over inputs with
// special values: equal, or both NaN, except sums (blocked differently): within 1e-9
// (float32: 1e-5) relative.
func TestEvaluatorMatchesGonum(t *testing.T) {
	// 29: pow of a subnormal (Go's math.Pow is wrong there); 775, 1523, 1529, 2540:
	// literal-only constants that the language folds by Python's rules, not rewritten.
	seeds := []uint64{775, 1523, 1529, 2540}
	for s := range uint64(300) {
		seeds = append(seeds, s)
	}
	for _, seed := range seeds {
		for _, dt := range []exprgen.Type{exprgen.Float64, exprgen.Float32} {
			e, err := exprgen.Generate(seed, exprgen.BenchConfig(dt))
			if err != nil {
				t.Fatal(err)
			}
			n := []int{0, 1, 7, 1023, 1025, 3000}[seed%6]
			vals := e.Values(seed, n)
			ev, err := exprgen.NewEvaluator(e.Root, vals, n)
			if err != nil {
				t.Fatalf("seed %d: %s: %v", seed, e, err)
			}
			ev.Run()
			x, err := numeric.Compile(e.String(), numeric.WithBackend(numeric.BackendGonum))
			if err != nil {
				t.Fatalf("seed %d: %s: %v", seed, e, err)
			}
			r, err := x.Eval(context.Background(), vals)
			if err != nil {
				t.Fatalf("seed %d: %s: %v", seed, e, err)
			}
			got, want := floats(ev.Result()), floats(r.Data)
			if len(got) != len(want) {
				t.Fatalf("seed %d: %s: %d values, gonum %d", seed, e, len(got), len(want))
			}
			tol := 0.0
			if strings.HasPrefix(e.String(), "sum(") {
				tol = map[exprgen.Type]float64{exprgen.Float64: 1e-9, exprgen.Float32: 1e-5}[dt]
			}
			for i := range got {
				g, w := got[i], want[i]
				if g == w || math.IsNaN(g) && math.IsNaN(w) || math.Abs(g-w) <= tol*math.Max(1, math.Abs(w)) {
					continue
				}
				t.Errorf("seed %d: %s: [%d] = %v, gonum %v", seed, e, i, g, w)
				break
			}
		}
	}
}

func floats(v any) []float64 {
	switch s := v.(type) {
	case []float64:
		return s
	case []float32:
		out := make([]float64, len(s))
		for i, x := range s {
			out[i] = float64(x)
		}
		return out
	case []bool:
		out := make([]float64, len(s))
		for i, x := range s {
			if x {
				out[i] = 1
			}
		}
		return out
	case float32:
		return []float64{float64(s)}
	case float64:
		return []float64{s}
	}
	return nil
}

func TestPrinters(t *testing.T) {
	// 29: pow of a subnormal (Go's math.Pow is wrong there); 775, 1523, 1529, 2540:
	// literal-only constants that the language folds by Python's rules, not rewritten.
	seeds := []uint64{775, 1523, 1529, 2540}
	for s := range uint64(300) {
		seeds = append(seeds, s)
	}
	for _, seed := range seeds {
		for _, dt := range []exprgen.Type{exprgen.Float64, exprgen.Float32} {
			e, _ := exprgen.Generate(seed, exprgen.BenchConfig(dt))
			c, ok := exprgen.C(e.Root)
			if !ok {
				t.Errorf("seed %d: no C form for %s", seed, e)
				continue
			}
			np := exprgen.NumPy(e.Root)
			for _, s := range []string{c, np} {
				if strings.Count(s, "(") != strings.Count(s, ")") || strings.Contains(s, "\t") {
					t.Errorf("seed %d: %s: unbalanced or tab: %s", seed, e, s)
				}
			}
			if strings.Contains(c, "**") || strings.Contains(c, "where") {
				t.Errorf("seed %d: C form %s", seed, c)
			}
			if dt == exprgen.Float32 && strings.Contains(c, "sin(") {
				t.Errorf("seed %d: float32 C form calls sin, not sinf: %s", seed, c)
			}
		}
	}
	if _, ok := exprgen.C(&exprgen.Node{Kind: exprgen.Call, Op: "isnan", Type: exprgen.Bool,
		Args: []*exprgen.Node{{Kind: exprgen.Var, Name: "a", Type: exprgen.Float64}}}); ok {
		t.Error("C(isnan(a)) claims a C form")
	}
}

func TestEvaluatorPerturb(t *testing.T) {
	a := []float64{0.5, 1, 2}
	root := &exprgen.Node{Kind: exprgen.Binary, Op: "+", Type: exprgen.Float64, Array: true, Args: []*exprgen.Node{
		{Kind: exprgen.Call, Op: "sin", Type: exprgen.Float64, Array: true, Args: []*exprgen.Node{{Kind: exprgen.Var, Name: "a", Type: exprgen.Float64, Array: true}}},
		{Kind: exprgen.Var, Name: "a", Type: exprgen.Float64, Array: true}}}
	ev, err := exprgen.NewEvaluator(root, map[string]any{"a": a}, len(a))
	if err != nil {
		t.Fatal(err)
	}
	ev.Perturb(1e-6)
	ev.Run()
	got := ev.Result().([]float64)
	for i, x := range a {
		if want := math.Sin(x)*(1+1e-6) + x; got[i] != want {
			t.Errorf("sin(a)+a perturbed by 1e-6 at a=%v: %v, want %v (only sin perturbed)", x, got[i], want)
		}
	}
	if _, err := exprgen.NewEvaluator(root, map[string]any{"a": []int32{1, 2, 3}}, 3); err == nil {
		t.Error("an int32 input: no error")
	}
}
