package stats

import "math"

// Summary is the mergeable state behind numeric.MomentStats: the central moments of
// the values counted, their extremes, and the NaNs skipped. In propagate mode a NaN is
// a value: it makes the mean (hence every moment) and the extremes NaN.
type Summary struct {
	C        Central
	Min, Max float64
	NaNs     int64
}

// MergeSummaries returns the summary of the values of a and b.
func MergeSummaries(a, b Summary) Summary {
	if a.C.N == 0 {
		b.NaNs += a.NaNs
		return b
	}
	if b.C.N == 0 {
		a.NaNs += b.NaNs
		return a
	}
	return Summary{C: Merge(a.C, b.C), Min: nanMin(a.Min, b.Min), Max: nanMax(a.Max, b.Max), NaNs: a.NaNs + b.NaNs}
}

// nanMin and nanMax return the smaller and larger of a and b, NaN if either is.
func nanMin(a, b float64) float64 {
	if a != a || b != b {
		return math.NaN()
	}
	return math.Min(a, b)
}

func nanMax(a, b float64) float64 {
	if a != a || b != b {
		return math.NaN()
	}
	return math.Max(a, b)
}
