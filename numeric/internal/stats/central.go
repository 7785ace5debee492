// Package stats holds the arithmetic of streaming moments shared by numeric's Moments
// and the engine's var, std, skew and kurt reductions: the central moments of a block
// computed about a shift, Pébay's pairwise merge, and the statistics derived from them.
//
// Conventions: a Central summarises N values by their mean and the sums of the 2nd, 3rd
// and 4th powers of the deviations from that mean (M2, M3, M4). The zero Central is the
// summary of no values. Nothing here allocates; nothing depends on the number of threads
// — callers merge in a fixed order of their own.
package stats

import "math"

// Central is the summary of N values: their mean and their central sums
// M2 = Σ(x-mean)², M3 = Σ(x-mean)³, M4 = Σ(x-mean)⁴. The mean is kept in two parts,
// Mean + MeanLo with |MeanLo| ≤ ulp(Mean)/2, so merging the summaries of blocks whose
// means agree in most digits (1e9 + small noise) keeps the digits where they differ.
type Central struct {
	N          int64
	Mean       float64
	MeanLo     float64
	M2, M3, M4 float64
}

// FromShifted returns the summary of n values given their sums of powers of the
// deviations d = x - c from a shift c close to their mean: s1 = Σd, s2 = Σd², s3 = Σd³,
// s4 = Σd⁴. It moves the moments from c to the exact mean c + s1/n, so c only needs to
// be near the mean (a block's rounded mean is), not equal to it.
func FromShifted(n int64, c, s1, s2, s3, s4 float64) Central {
	if n == 0 {
		return Central{}
	}
	fn := float64(n)
	delta := s1 / fn
	m2 := s2 - s1*delta
	if m2 < 0 { // rounding: Σd² ≥ (Σd)²/n holds exactly
		m2 = 0
	}
	d2 := delta * delta
	m3 := s3 - 3*delta*s2 + 2*fn*d2*delta
	m4 := s4 - 4*delta*s3 + 6*d2*s2 - 3*fn*d2*d2
	if math.IsInf(c, 0) { // an infinite value (or an overflowing sum) makes the mean infinite
		return Central{N: n, Mean: c, M2: m2, M3: m3, M4: m4}
	}
	mean, lo := twoSum(c, delta)
	return Central{N: n, Mean: mean, MeanLo: lo, M2: m2, M3: m3, M4: m4}
}

// Merge returns the summary of the values of a and b (Pébay 2008, eqs. 3.1 and the
// M3, M4 updates of Chan et al.). It is exact in exact arithmetic and stable in floating
// point: the correction terms are built from the difference of the means.
func Merge(a, b Central) Central {
	if a.N == 0 {
		return b
	}
	if b.N == 0 {
		return a
	}
	na, nb := float64(a.N), float64(b.N)
	n := na + nb
	var d float64         // the difference of the means, from both parts
	if a.Mean != b.Mean { // equal infinities differ by NaN, not 0
		d = (b.Mean - a.Mean) + (b.MeanLo - a.MeanLo)
	} else {
		d = b.MeanLo - a.MeanLo
	}
	dn := d / n
	nab := na * nb
	m := Central{N: a.N + b.N}
	m.Mean, m.MeanLo = twoSum(a.Mean, a.MeanLo+dn*nb)
	if !isFinite(a.Mean) || !isFinite(b.Mean) {
		m.Mean, m.MeanLo = a.Mean+b.Mean, 0
	}
	m.M2 = a.M2 + b.M2 + d*dn*nab
	m.M3 = a.M3 + b.M3 + d*dn*dn*nab*(na-nb) + 3*dn*(na*b.M2-nb*a.M2)
	m.M4 = a.M4 + b.M4 + d*dn*dn*dn*nab*(na*na-nab+nb*nb) +
		6*dn*dn*(na*na*b.M2+nb*nb*a.M2) + 4*dn*(na*b.M3-nb*a.M3)
	return m
}

// twoSum returns a+b rounded and the rounding error: s + e == a + b exactly (Knuth).
func twoSum(a, b float64) (s, e float64) {
	s = a + b
	bb := s - a
	e = (a - (s - bb)) + (b - bb)
	if math.IsInf(s, 0) || s != s {
		e = 0
	}
	return s, e
}

// MergeTree merges ps pairwise in the fixed tree that splits at len/2, the order the
// block VM uses for its reductions, so the result depends only on len(ps).
func MergeTree(ps []Central) Central {
	switch len(ps) {
	case 0:
		return Central{}
	case 1:
		return ps[0]
	}
	h := len(ps) / 2
	return Merge(MergeTree(ps[:h]), MergeTree(ps[h:]))
}

// Var returns the variance M2/(N-ddof): NaN when N ≤ ddof.
func (c Central) Var(ddof int) float64 {
	if c.N <= int64(ddof) {
		return math.NaN()
	}
	return c.M2 / float64(c.N-int64(ddof))
}

// degenerate reports whether the spread is zero or lost in the rounding of the mean,
// where skewness and kurtosis are 0/0 (SciPy's rule: var ≤ (eps·mean)²).
func (c Central) degenerate() bool {
	v := c.M2 / float64(c.N)
	r := 0x1p-52 * c.Mean
	return !(v > r*r)
}

// Skew returns the population (biased) skewness g1 = √N·M3/M2^1.5, SciPy's default; NaN
// for no values or no spread.
func (c Central) Skew() float64 {
	if c.N == 0 || c.M2 != c.M2 || c.degenerate() {
		return math.NaN()
	}
	n := float64(c.N)
	return math.Sqrt(n) * c.M3 / (c.M2 * math.Sqrt(c.M2))
}

// Kurt returns the population excess kurtosis g2 = N·M4/M2² - 3, SciPy's default; NaN
// for no values or no spread.
func (c Central) Kurt() float64 {
	if c.N == 0 || c.M2 != c.M2 || c.degenerate() {
		return math.NaN()
	}
	n := float64(c.N)
	return n*c.M4/(c.M2*c.M2) - 3
}

// SampleSkew returns the adjusted Fisher–Pearson skewness G1 = g1·√(N(N-1))/(N-2), as
// gonum's stat.Skew and pandas compute it; NaN for N < 3.
func (c Central) SampleSkew() float64 {
	if c.N < 3 {
		return math.NaN()
	}
	n := float64(c.N)
	return c.Skew() * math.Sqrt(n*(n-1)) / (n - 2)
}

// SampleKurt returns the sample excess kurtosis G2 = ((N+1)·g2 + 6)·(N-1)/((N-2)(N-3)),
// as gonum's stat.ExKurtosis and pandas compute it; NaN for N < 4.
func (c Central) SampleKurt() float64 {
	if c.N < 4 {
		return math.NaN()
	}
	n := float64(c.N)
	return ((n+1)*c.Kurt() + 6) * (n - 1) / ((n - 2) * (n - 3))
}

func isFinite(x float64) bool { return x-x == 0 }
