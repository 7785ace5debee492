package numeric

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
)

var (
	benchStats MomentStats
	benchSum   Result
)

// BenchmarkMoments compares one pass of Moments with the engine's sum(a) over the same
// float64 data (the target: Moments within 1.3× of sum at n = 2e7). Run with
//
//	go test -run '^$' -bench 'Moments' -benchtime 20x ./numeric/
func BenchmarkMoments(b *testing.B) {
	for _, n := range []int{1 << 16, 20_000_000} {
		a := make([]float64, n)
		rng := rand.New(rand.NewPCG(1, 2))
		for i := range a {
			a[i] = 1e9 + rng.NormFloat64()
		}
		for _, threads := range []int{1, 2} {
			name := fmt.Sprintf("n=%s/threads=%d", benchSize(n), threads)
			b.Run("op=moments/"+name, func(b *testing.B) {
				b.SetBytes(int64(8 * n))
				b.ReportAllocs()
				for b.Loop() {
					benchStats = Moments(a, MomentsThreads(threads))
				}
				b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds()/1e9, "Gelem/s")
			})
			b.Run("op=sum/"+name, func(b *testing.B) {
				e := MustCompile("sum(a)", WithThreads(threads))
				vars := Vars{"a": a}
				b.SetBytes(int64(8 * n))
				b.ReportAllocs()
				for b.Loop() {
					r, err := e.Eval(context.Background(), vars)
					if err != nil {
						b.Fatal(err)
					}
					benchSum = r
				}
				b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds()/1e9, "Gelem/s")
			})
			b.Run("op=var_expr/"+name, func(b *testing.B) {
				e := MustCompile("var(a)", WithThreads(threads))
				vars := Vars{"a": a}
				b.SetBytes(int64(8 * n))
				for b.Loop() {
					r, err := e.Eval(context.Background(), vars)
					if err != nil {
						b.Fatal(err)
					}
					benchSum = r
				}
				b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds()/1e9, "Gelem/s")
			})
		}
	}
}

func benchSize(n int) string {
	switch {
	case n >= 1_000_000 && n%1_000_000 == 0:
		return fmt.Sprintf("%de6", n/1_000_000)
	case n >= 1024 && n%1024 == 0:
		return fmt.Sprintf("%dKi", n/1024)
	}
	return fmt.Sprint(n)
}
