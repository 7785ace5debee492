package numeric

import (
	"fmt"
	"math"

	"github.com/numkit/numkit/numeric/internal/stats"
)

// MomentStats is what Moments and MomentAccumulator report about a set of values.
//
// Var, Std, Skew and Kurt are the population (biased) statistics — NumPy's var and std
// with ddof=0, SciPy's skew and kurtosis with their defaults — and the Sample fields
// are the bias-adjusted ones: SampleVar and SampleStd with ddof=1 (gonum's
// stat.Variance and stat.StdDev), SampleSkew the adjusted Fisher–Pearson G1 (gonum's
// stat.Skew, pandas' skew), SampleKurt the sample excess kurtosis G2 (gonum's
// stat.ExKurtosis, pandas' kurt). Kurtoses are excess kurtoses: 0 for a normal
// distribution.
//
// With no values every float field is NaN. A statistic that needs more values than
// there are (SampleVar of one value, SampleSkew of two, SampleKurt of three) is NaN, and
// so are the skewnesses and kurtoses of values with no spread (all equal, or a variance
// lost in the rounding of the mean: Var ≤ (2⁻⁵²·Mean)², SciPy's rule).
//
// NaN: by default a NaN among the values makes Mean, the variances, the moments, Min
// and Max NaN (Count still counts it). With SkipNaN the NaNs are left out: Count counts
// the other values and NaNs says how many were skipped. ±Inf is a value like any
// other: it makes Mean ±Inf and the spread statistics NaN.
type MomentStats struct {
	Count int // the values summarised
	NaNs  int // NaNs left out (only with SkipNaN)

	Mean       float64
	Var        float64 // population variance, Σ(x-mean)²/Count
	SampleVar  float64 // sample variance, Σ(x-mean)²/(Count-1)
	Std        float64 // √Var
	SampleStd  float64 // √SampleVar
	Skew       float64 // population skewness g1 = m3/m2^1.5
	Kurt       float64 // population excess kurtosis g2 = m4/m2² - 3
	SampleSkew float64 // adjusted skewness G1 = g1·√(n(n-1))/(n-2)
	SampleKurt float64 // sample excess kurtosis G2 = ((n+1)g2 + 6)(n-1)/((n-2)(n-3))
	Min, Max   float64
}

// MomentsOption configures Moments and NewMomentAccumulator.
type MomentsOption func(*momentsConfig)

type momentsConfig struct {
	skipNaN bool
	threads int          // 0: the configured default (NUMKIT_THREADS, else GOMAXPROCS)
	kernel  stats.Kernel // KernelAuto but in tests (export_test.go)
}

// SkipNaN leaves NaNs out of the statistics instead of propagating them.
func SkipNaN() MomentsOption { return func(c *momentsConfig) { c.skipNaN = true } }

// MomentsThreads sets how many goroutines Moments and Update use (n ≥ 1; values below 1
// mean the default: NUMKIT_THREADS, else GOMAXPROCS). The result does not depend on it.
func MomentsThreads(n int) MomentsOption { return func(c *momentsConfig) { c.threads = max(n, 0) } }

func newMomentsConfig(opts []MomentsOption) momentsConfig {
	var c momentsConfig
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	return c
}

// stats is the configuration of the block kernel.
func (c momentsConfig) stats() stats.Options {
	return stats.Options{SkipNaN: c.skipNaN, Threads: (&options{threads: c.threads}).threadCount(), Kernel: c.kernel}
}

// Moments returns the count, mean, variances, standard deviations, skewnesses,
// kurtoses, minimum and maximum of x in one pass over memory.
//
// x is cut into blocks of 4096 values. Each block is read from memory once and then
// worked on in cache: its mean first, then the sums of powers of the deviations from
// it, with package asm's SIMD kernels. Block summaries are merged with Pébay's pairwise
// formulas in a fixed tree that depends only on len(x), so the result is the same bits
// for any number of threads; the blocks are shared among goroutines in contiguous
// ranges. Summing deviations from a block's own mean keeps every digit that data like
// 1e9 + small noise has, where the textbook Σx² - (Σx)²/n loses all of them.
func Moments[T float32 | float64](x []T, opts ...MomentsOption) MomentStats {
	cfg := newMomentsConfig(opts)
	return momentStats(stats.Summarize(x, cfg.stats()))
}

// MomentAccumulator accumulates moments over a stream of batches. Its zero value is an
// empty accumulator that propagates NaN and uses the default number of threads.
//
// Update(x) followed by Result is exactly Moments(x). Over several batches each batch
// is summarised as Moments does and the summaries are merged in arrival order, so the
// result equals Moments of the concatenation up to rounding (the last bits can depend
// on where the batches were cut, never on the number of threads). An accumulator is not
// safe for concurrent use; accumulate per goroutine and Merge.
type MomentAccumulator[T float32 | float64] struct {
	cfg momentsConfig
	sum stats.Summary
}

// NewMomentAccumulator returns an empty accumulator configured by opts.
func NewMomentAccumulator[T float32 | float64](opts ...MomentsOption) *MomentAccumulator[T] {
	return &MomentAccumulator[T]{cfg: newMomentsConfig(opts)}
}

// Update adds the values of batch.
func (a *MomentAccumulator[T]) Update(batch []T) {
	if len(batch) == 0 {
		return
	}
	a.sum = stats.MergeSummaries(a.sum, stats.Summarize(batch, a.cfg.stats()))
}

// Merge adds everything other has accumulated (other is unchanged). Merging is
// exact in exact arithmetic: a.Merge(b) summarises the values of both.
func (a *MomentAccumulator[T]) Merge(other *MomentAccumulator[T]) {
	if other == nil {
		return
	}
	a.sum = stats.MergeSummaries(a.sum, other.sum)
}

// Reset empties the accumulator and keeps its options.
func (a *MomentAccumulator[T]) Reset() { a.sum = stats.Summary{} }

// Result returns the statistics of everything accumulated so far.
func (a *MomentAccumulator[T]) Result() MomentStats { return momentStats(a.sum) }

// String formats the statistics on one line.
func (s MomentStats) String() string {
	return fmt.Sprintf("count=%d mean=%g std=%g var=%g skew=%g kurt=%g min=%g max=%g",
		s.Count, s.Mean, s.Std, s.Var, s.Skew, s.Kurt, s.Min, s.Max)
}

// momentStats is the public form of a summary.
func momentStats(s stats.Summary) MomentStats {
	nan := math.NaN()
	r := MomentStats{Count: int(s.C.N), NaNs: int(s.NaNs)}
	if s.C.N == 0 {
		r.Mean, r.Var, r.SampleVar, r.Std, r.SampleStd = nan, nan, nan, nan, nan
		r.Skew, r.Kurt, r.SampleSkew, r.SampleKurt, r.Min, r.Max = nan, nan, nan, nan, nan, nan
		return r
	}
	r.Mean = s.C.Mean
	r.Var, r.SampleVar = s.C.Var(0), s.C.Var(1)
	r.Std, r.SampleStd = math.Sqrt(r.Var), math.Sqrt(r.SampleVar)
	r.Skew, r.Kurt = s.C.Skew(), s.C.Kurt()
	r.SampleSkew, r.SampleKurt = s.C.SampleSkew(), s.C.SampleKurt()
	r.Min, r.Max = s.Min, s.Max
	return r
}
