package numeric

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// generalCases are expressions outside the fusion table with the same loop in Go, for
// BenchmarkGeneral (issue #16 part 1: how far the block VM is from a loop).
var generalCases = []struct {
	name, src string
	loop      func(dst []float64, v [6][]float64)
}{
	{"prod2-div", "a*b+c*d-e/f", func(dst []float64, v [6][]float64) {
		for i := range dst {
			dst[i] = v[0][i]*v[1][i] + v[2][i]*v[3][i] - v[4][i]/v[5][i]
		}
	}},
	{"triad", "b+3*c", func(dst []float64, v [6][]float64) {
		for i := range dst {
			dst[i] = v[1][i] + 3*v[2][i]
		}
	}},
	{"subprod2", "a*b - c*a", func(dst []float64, v [6][]float64) {
		for i := range dst {
			dst[i] = v[0][i]*v[1][i] - v[2][i]*v[0][i]
		}
	}},
	{"where", "where(a>b, a*2, b-1)+c", func(dst []float64, v [6][]float64) {
		for i := range dst {
			r := v[1][i] - 1
			if v[0][i] > v[1][i] {
				r = v[0][i] * 2
			}
			dst[i] = r + v[2][i]
		}
	}},
	{"chain", "a+b*c-d*e+f*a-b*c+d*0.5", func(dst []float64, v [6][]float64) {
		for i := range dst {
			dst[i] = v[0][i] + v[1][i]*v[2][i] - v[3][i]*v[4][i] + v[5][i]*v[0][i] - v[1][i]*v[2][i] + v[3][i]*0.5
		}
	}},
}

func BenchmarkGeneral(b *testing.B) {
	for _, n := range []int{4096, 1 << 20} {
		rng := rand.New(rand.NewPCG(5, 6))
		var v [6][]float64
		vars := Vars{}
		for k := range v {
			v[k] = make([]float64, n)
			for i := range v[k] {
				v[k][i] = rng.Float64() + 0.5
			}
			vars[string(rune('a'+k))] = v[k]
		}
		dst := make([]float64, n)
		for _, c := range generalCases {
			b.Run(fmt.Sprintf("%s/n=%d/simd", c.name, n), func(b *testing.B) {
				e := MustCompile(c.src, WithBackend(BackendSIMD), WithThreads(1))
				for b.Loop() {
					if err := e.EvalInto(context.Background(), dst, vars); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run(fmt.Sprintf("%s/n=%d/simd-fast", c.name, n), func(b *testing.B) {
				e := MustCompile(c.src, WithBackend(BackendSIMD), WithThreads(1), WithAccuracy("fast"))
				for b.Loop() {
					if err := e.EvalInto(context.Background(), dst, vars); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run(fmt.Sprintf("%s/n=%d/simd-vector", c.name, n), func(b *testing.B) {
				e := MustCompile(c.src, WithBackend(BackendSIMD), WithThreads(1), withFuseMin(math.MaxInt))
				for b.Loop() {
					if err := e.EvalInto(context.Background(), dst, vars); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run(fmt.Sprintf("%s/n=%d/goloop", c.name, n), func(b *testing.B) {
				for b.Loop() {
					c.loop(dst, v)
				}
			})
		}
	}
}
