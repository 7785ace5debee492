package numeric

import (
	"context"
	"math/rand/v2"
	"testing"
)

// BenchmarkSmallPoly times 2*a+3*b**2-c/4 at n = 1000 under auto, the per-call
// binding, signature and dispatch costs included (issue #16's 1 µs target), next to
// the same loop in plain Go.
func BenchmarkSmallPoly(b *testing.B) {
	const n = 1000
	rng := rand.New(rand.NewPCG(3, 4))
	a, bb, c, dst := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range a {
		a[i], bb[i], c[i] = rng.Float64(), rng.Float64(), rng.Float64()
	}
	vars := Vars{"a": a, "b": bb, "c": c}
	b.Run("auto", func(b *testing.B) {
		e := MustCompile("2*a+3*b**2-c/4")
		ctx := context.Background()
		b.ReportAllocs()
		for b.Loop() {
			if err := e.EvalInto(ctx, dst, vars); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("fused", func(b *testing.B) {
		e := MustCompile("2*a+3*b**2-c/4", withFuseMin(-1))
		ctx := context.Background()
		for b.Loop() {
			if err := e.EvalInto(ctx, dst, vars); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("goloop", func(b *testing.B) {
		for b.Loop() {
			for i := range dst {
				dst[i] = 2*a[i] + 3*bb[i]*bb[i] - c[i]/4
			}
		}
	})
	benchSink += dst[1]
}
