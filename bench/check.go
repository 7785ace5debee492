package bench

import (
	"fmt"
	"math"
)

// Before anything is timed, every implementation's result (from the warm-up
// evaluation) is compared with a reference: the go-loop baseline where the case has
// one, else the first numkit backend. Two values x and want agree when
//
//	|x - want| <= tol * max(1, |want|)
//
// (both NaN agree; infinities must be equal), with tol from tolerance. Inputs are in
// [0, 1), so max(1, |want|) keeps the test relative for large values and absolute near
// zero, where a - mean(a) cancels.

// tolerance is the agreement tolerance for a result of dtype; reductions get more
// room, since numkit sums in blocks and pairs while a loop sums in order.
func tolerance(dtype string, reduction bool) float64 {
	switch {
	case dtype == "int32" || dtype == "int64" || dtype == "bool":
		return 0
	case dtype == "float32" && reduction:
		return 1e-4
	case dtype == "float32":
		return 1e-5
	case reduction:
		return 1e-9
	}
	return 1e-12
}

// compareResults returns the largest scaled difference between got and want (see
// above) and an error saying where they disagree beyond tol, or differ in type or
// length.
func compareResults(got, want any, tol float64) (maxErr float64, err error) {
	g, gerr := asFloats(got)
	w, werr := asFloats(want)
	switch {
	case gerr != nil:
		return 0, gerr
	case werr != nil:
		return 0, werr
	case fmt.Sprintf("%T", got) != fmt.Sprintf("%T", want):
		return 0, fmt.Errorf("result is %T, reference is %T", got, want)
	case len(g) != len(w):
		return 0, fmt.Errorf("result has %d elements, reference %d", len(g), len(w))
	}
	worst := -1
	for i := range g {
		e := scaledError(g[i], w[i])
		if e > maxErr {
			maxErr, worst = e, i
		}
	}
	if maxErr > tol {
		if isScalar(want) {
			return maxErr, fmt.Errorf("got %v, reference %v (error %.3g > %.3g)", g[0], w[0], maxErr, tol)
		}
		return maxErr, fmt.Errorf("element %d: got %v, reference %v (error %.3g > %.3g)", worst, g[worst], w[worst], maxErr, tol)
	}
	return maxErr, nil
}

// scaledError is |x - want| / max(1, |want|), 0 for two NaNs or equal infinities and
// +Inf for other NaN or infinity mismatches.
func scaledError(x, want float64) float64 {
	switch {
	case math.IsNaN(x) || math.IsNaN(want):
		if math.IsNaN(x) && math.IsNaN(want) {
			return 0
		}
		return math.Inf(1)
	case x == want:
		return 0
	case math.IsInf(x, 0) || math.IsInf(want, 0):
		return math.Inf(1)
	}
	return math.Abs(x-want) / max(1, math.Abs(want))
}

// asFloats converts a result (a slice or a scalar of any numkit dtype) to float64s.
func asFloats(v any) ([]float64, error) {
	switch s := v.(type) {
	case []float64:
		return s, nil
	case []float32:
		return convert(s), nil
	case []int32:
		return convert(s), nil
	case []int64:
		return convert(s), nil
	case []bool:
		out := make([]float64, len(s))
		for i, b := range s {
			if b {
				out[i] = 1
			}
		}
		return out, nil
	case float64:
		return []float64{s}, nil
	case float32:
		return []float64{float64(s)}, nil
	case int32:
		return []float64{float64(s)}, nil
	case int64:
		return []float64{float64(s)}, nil
	case bool:
		if s {
			return []float64{1}, nil
		}
		return []float64{0}, nil
	}
	return nil, fmt.Errorf("unexpected result type %T", v)
}

func convert[T float32 | int32 | int64](s []T) []float64 {
	out := make([]float64, len(s))
	for i, v := range s {
		out[i] = float64(v)
	}
	return out
}
