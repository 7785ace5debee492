package numeric_test

import (
	"fmt"
	"math"

	"github.com/numkit/numkit/numeric"
)

func ExampleMoments() {
	x := []float64{2, 4, 4, 4, 5, 5, 7, 9}
	s := numeric.Moments(x)
	fmt.Printf("count %d, mean %g, min %g, max %g\n", s.Count, s.Mean, s.Min, s.Max)
	fmt.Printf("population: var %g, std %g, skew %.4f, kurt %.4f\n", s.Var, s.Std, s.Skew, s.Kurt)
	fmt.Printf("sample:     var %.4f, std %.4f, skew %.4f, kurt %.4f\n", s.SampleVar, s.SampleStd, s.SampleSkew, s.SampleKurt)
	// Output:
	// count 8, mean 5, min 2, max 9
	// population: var 4, std 2, skew 0.6562, kurt -0.2188
	// sample:     var 4.5714, std 2.1381, skew 0.8185, kurt 0.9406
}

func ExampleMoments_skipNaN() {
	x := []float32{1, float32(math.NaN()), 3}
	fmt.Println(numeric.Moments(x).Mean)
	s := numeric.Moments(x, numeric.SkipNaN())
	fmt.Println(s.Mean, s.Count, s.NaNs)
	// Output:
	// NaN
	// 2 2 1
}

func ExampleMomentAccumulator() {
	var acc numeric.MomentAccumulator[float64]
	acc.Update([]float64{1e9 + 1, 1e9 + 2})
	acc.Update([]float64{1e9 + 3})
	other := numeric.NewMomentAccumulator[float64]()
	other.Update([]float64{1e9 + 4, 1e9 + 5})
	acc.Merge(other)
	s := acc.Result()
	fmt.Printf("count %d, mean %.1f, var %g\n", s.Count, s.Mean, s.Var)
	// Output:
	// count 5, mean 1000000003.0, var 2
}

// var, std, skew and kurt are reductions of the expression language.
func ExampleEvaluate_moments() {
	for _, src := range []string{"var(x)", "std(x)", "skew(x)", "kurt(x)", "(x - mean(x)) / std(x)"} {
		r, err := numeric.Evaluate(src, numeric.Vars{"x": []float64{2, 4, 4, 4, 5, 5, 7, 9}})
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s = %.4g\n", src, r.Data)
	}
	// Output:
	// var(x) = 4
	// std(x) = 2
	// skew(x) = 0.6562
	// kurt(x) = -0.2188
	// (x - mean(x)) / std(x) = [-1.5 -0.5 -0.5 -0.5 0 0 1 2]
}
