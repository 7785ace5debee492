package numeric

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
)

var benchSink float64

// BenchmarkEvalInto times a compiled expression into a preallocated destination, the
// hot-loop use; names follow BenchmarkEval/expr=.../n=.../backend=....
func BenchmarkEvalInto(b *testing.B) {
	exprs := []struct{ name, src string }{
		{"triad", "b+3*c"},
		{"poly", "2*a+3*b**2-c/4"},
		{"sin", "sin(a)"},
		{"where", "where(a>0.5,b,c)"},
	}
	for _, ex := range exprs {
		for _, n := range []int{1000, 100_000} {
			for _, backend := range []string{BackendGonum, BackendSIMD} {
				name := fmt.Sprintf("expr=%s/n=%d/backend=%s", ex.name, n, backend)
				b.Run(name, func(b *testing.B) {
					e, err := Compile(ex.src, WithBackend(backend))
					if err != nil {
						b.Skip(err)
					}
					rng := rand.New(rand.NewPCG(1, 2))
					vars := Vars{}
					for _, v := range e.Names() {
						s := make([]float64, n)
						for i := range s {
							s[i] = rng.Float64()
						}
						vars[v] = s
					}
					dst := make([]float64, n)
					ctx := context.Background()
					b.SetBytes(int64(8 * n * (len(e.Names()) + 1)))
					b.ReportAllocs()
					b.ResetTimer()
					for b.Loop() {
						if err := e.EvalInto(ctx, dst, vars); err != nil {
							b.Fatal(err)
						}
					}
					b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds()/1e9, "Gelem/s")
					benchSink += dst[0]
				})
			}
		}
	}
}
