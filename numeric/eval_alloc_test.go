//go:build !race

// The race detector makes sync.Pool drop items at random, so allocation counts are
// only meaningful without it.

package numeric

import (
	"context"
	"testing"
)

func TestEvalIntoNoAllocs(t *testing.T) {
	n := 100_000
	a, b, dst := make([]float64, n), make([]float64, n), make([]float64, n)
	e := MustCompile("2*a + 3*b**2 - a/4", WithThreads(2))
	vars := Vars{"a": a, "b": b}
	ctx := context.Background()
	if err := e.EvalInto(ctx, dst, vars); err != nil {
		t.Fatal(err)
	}
	allocs := testing.AllocsPerRun(20, func() {
		if err := e.EvalInto(ctx, dst, vars); err != nil {
			t.Fatal(err)
		}
	})
	if allocs != 0 {
		t.Errorf("EvalInto allocates %v times per call", allocs)
	}
}
