package numeric

import (
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/numkit/numkit/numeric/internal/stats"
	"gonum.org/v1/gonum/stat"
)

// normalData returns n values loc + scale·N(0,1) from a fixed seed.
func normalData(n int, loc, scale float64, seed uint64) []float64 {
	rng := rand.New(rand.NewPCG(seed, 7))
	x := make([]float64, n)
	for i := range x {
		x[i] = loc + scale*rng.NormFloat64()
	}
	return x
}

// skewedData returns n values with a clear skewness and kurtosis (exponential).
func skewedData(n int, loc float64, seed uint64) []float64 {
	rng := rand.New(rand.NewPCG(seed, 9))
	x := make([]float64, n)
	for i := range x {
		x[i] = loc + rng.ExpFloat64()
	}
	return x
}

func relErr(got, want float64) float64 {
	if got == want {
		return 0
	}
	return math.Abs(got-want) / math.Max(math.Abs(want), math.SmallestNonzeroFloat64)
}

func TestMomentsMatchGonum(t *testing.T) {
	// gonum sums the mean naively; on data offset by 1e6 its skewness and kurtosis
	// are off by ~3e-9 (TestMomentsHardData checks ours against a 200-bit reference),
	// hence the looser tolerance there.
	for _, tc := range []struct {
		name     string
		x        []float64
		shapeTol float64
	}{
		{"normal n=10", normalData(10, 3, 2, 1), 1e-12},
		{"normal n=4097", normalData(4097, -1, 0.5, 2), 1e-11},
		{"exponential n=100003", skewedData(100_003, 0, 3), 1e-11},
		{"exponential 1e6+ n=50000", skewedData(50_000, 1e6, 4), 1e-8},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Moments(tc.x)
			checks := []struct {
				name      string
				got, want float64
				tol       float64
			}{
				// gonum's own mean is a plain sum: with -tags noasm it is 2e-14 off
				// the exact mean of the n=100003 case, where ours is exact (checked
				// against big.Float; TestMomentsHardData holds ours to 4 ulp).
				{"Mean", got.Mean, stat.Mean(tc.x, nil), 1e-13},
				{"SampleVar", got.SampleVar, stat.Variance(tc.x, nil), 1e-12},
				{"Var", got.Var, stat.PopVariance(tc.x, nil), 1e-12},
				{"SampleStd", got.SampleStd, stat.StdDev(tc.x, nil), 1e-12},
				{"Std", got.Std, stat.PopStdDev(tc.x, nil), 1e-12},
				{"SampleSkew", got.SampleSkew, stat.Skew(tc.x, nil), tc.shapeTol},
				{"SampleKurt", got.SampleKurt, stat.ExKurtosis(tc.x, nil), tc.shapeTol},
				{"Min", got.Min, slices.Min(tc.x), 0},
				{"Max", got.Max, slices.Max(tc.x), 0},
			}
			for _, c := range checks {
				// errors are relative to max(|want|, 1): skewness and kurtosis near
				// 0 carry rounding errors of the size of 1, not of their value
				if e := math.Abs(c.got-c.want) / math.Max(math.Abs(c.want), 1); !(e <= c.tol) {
					t.Errorf("%s = %.17g, gonum %.17g (error %.2g > %.2g)", c.name, c.got, c.want, e, c.tol)
				}
			}
			if got.Count != len(tc.x) || got.NaNs != 0 {
				t.Errorf("Count, NaNs = %d, %d; want %d, 0", got.Count, got.NaNs, len(tc.x))
			}
		})
	}
}

// bigMoments computes the mean and the population variance, skewness and excess
// kurtosis of x with 200-bit arithmetic.
func bigMoments(x []float64) (mean, variance, skew, kurt float64) {
	const prec = 200
	newF := func() *big.Float { return new(big.Float).SetPrec(prec) }
	sum := newF()
	for _, v := range x {
		sum.Add(sum, newF().SetFloat64(v))
	}
	n := newF().SetInt64(int64(len(x)))
	m := newF().Quo(sum, n)
	m2, m3, m4 := newF(), newF(), newF()
	for _, v := range x {
		d := newF().Sub(newF().SetFloat64(v), m)
		d2 := newF().Mul(d, d)
		m2.Add(m2, d2)
		m3.Add(m3, newF().Mul(d2, d))
		m4.Add(m4, newF().Mul(d2, d2))
	}
	vr := newF().Quo(m2, n) // m2/n
	v3 := newF().Quo(m3, n)
	v4 := newF().Quo(m4, n)
	sd := newF().Sqrt(vr)
	sk := newF().Quo(v3, newF().Mul(vr, sd))
	ku := newF().Sub(newF().Quo(v4, newF().Mul(vr, vr)), newF().SetInt64(3))
	mean, _ = m.Float64()
	variance, _ = vr.Float64()
	skew, _ = sk.Float64()
	kurt, _ = ku.Float64()
	return mean, variance, skew, kurt
}

// TestMomentsHardData checks data where naive sums lose every digit: 1e9 plus noise
// of scale 1e-3 (the variance is 1e-6 while x² is 1e18: float64's 16 digits of x²
// cannot hold it).
func TestMomentsHardData(t *testing.T) {
	for _, tc := range []struct {
		name string
		x    []float64
	}{
		{"1e9+normal(1e-3)", normalData(100_000, 1e9, 1e-3, 11)},
		{"1e9+exponential", skewedData(100_000, 1e9, 12)},
		{"-3e12+normal(1)", normalData(100_000, -3e12, 1, 13)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mean, variance, skew, kurt := bigMoments(tc.x)
			got := Moments(tc.x)
			if e := math.Abs(got.Mean - mean); e > 4*ulp(mean) {
				t.Errorf("Mean = %.17g, reference %.17g (%.2g ulp)", got.Mean, mean, e/ulp(mean))
			}
			if e := relErr(got.Var, variance); e > 1e-13 {
				t.Errorf("Var = %.17g, reference %.17g (relative error %.2g)", got.Var, variance, e)
			}
			if e := math.Abs(got.Skew - skew); e > 1e-11 {
				t.Errorf("Skew = %.17g, reference %.17g (error %.2g)", got.Skew, skew, e)
			}
			if e := math.Abs(got.Kurt - kurt); e > 1e-11 {
				t.Errorf("Kurt = %.17g, reference %.17g (error %.2g)", got.Kurt, kurt, e)
			}
			// gonum's two-pass algorithm is accurate here too: agree with it.
			if e := relErr(got.SampleVar, stat.Variance(tc.x, nil)); e > 1e-10 {
				t.Errorf("SampleVar = %.17g, gonum %.17g", got.SampleVar, stat.Variance(tc.x, nil))
			}
			// The data is hard: the textbook one-pass formula is far off.
			var s, s2 float64
			for _, v := range tc.x {
				s += v
				s2 += v * v
			}
			n := float64(len(tc.x))
			if naive := (s2 - s*s/n) / n; relErr(naive, variance) < 1e-3 {
				t.Logf("naive variance %.6g is close to %.6g: the data is not hard", naive, variance)
			}
		})
	}
}

func ulp(x float64) float64 {
	x = math.Abs(x)
	return math.Nextafter(x, math.Inf(1)) - x
}

func TestMomentsEdgeCases(t *testing.T) {
	nan := math.NaN()
	allNaN := func(s MomentStats) bool {
		for _, v := range []float64{s.Mean, s.Var, s.SampleVar, s.Std, s.SampleStd, s.Skew, s.Kurt, s.SampleSkew, s.SampleKurt, s.Min, s.Max} {
			if !math.IsNaN(v) {
				return false
			}
		}
		return true
	}
	if s := Moments([]float64{}); s.Count != 0 || !allNaN(s) {
		t.Errorf("Moments(empty) = %+v; want Count 0 and NaN everywhere", s)
	}
	if s := Moments[float32](nil); s.Count != 0 || !allNaN(s) {
		t.Errorf("Moments(nil float32) = %+v", s)
	}
	s := Moments([]float64{2.5})
	if s.Count != 1 || s.Mean != 2.5 || s.Var != 0 || s.Std != 0 || s.Min != 2.5 || s.Max != 2.5 ||
		!math.IsNaN(s.SampleVar) || !math.IsNaN(s.Skew) || !math.IsNaN(s.Kurt) || !math.IsNaN(s.SampleSkew) {
		t.Errorf("Moments([2.5]) = %+v", s)
	}
	s = Moments([]float64{7, 7, 7, 7, 7})
	if s.Mean != 7 || s.Var != 0 || !math.IsNaN(s.Skew) || !math.IsNaN(s.Kurt) {
		t.Errorf("Moments(constant) = %+v; want mean 7, var 0, skew and kurt NaN", s)
	}
	s = Moments([]float64{1, math.Inf(1), 3})
	if !math.IsInf(s.Mean, 1) || !math.IsNaN(s.Var) || s.Max != math.Inf(1) || s.Min != 1 {
		t.Errorf("Moments([1 +Inf 3]) = %+v; want mean +Inf, var NaN, min 1, max +Inf", s)
	}
	s = Moments([]float64{math.Inf(-1), 1, math.Inf(1)})
	if !math.IsNaN(s.Mean) || !math.IsNaN(s.Var) || s.Min != math.Inf(-1) || s.Max != math.Inf(1) {
		t.Errorf("Moments([-Inf 1 +Inf]) = %+v; want mean NaN, min -Inf, max +Inf", s)
	}
	_ = nan
}

func TestMomentsNaN(t *testing.T) {
	for _, n := range []int{5, 4096, 4097, 100_000} {
		x := normalData(n, 10, 2, uint64(n))
		clean := slices.Clone(x)
		var nans []int
		for i := 3; i < n; i += 1 + n/7 {
			nans = append(nans, i)
		}
		for _, i := range nans {
			x[i] = math.NaN()
		}
		clean = slices.DeleteFunc(clean, func(v float64) bool { return false })
		kept := make([]float64, 0, n)
		for i, v := range x {
			if !math.IsNaN(v) {
				kept = append(kept, clean[i])
			}
		}
		p := Moments(x)
		if p.Count != n || !math.IsNaN(p.Mean) || !math.IsNaN(p.Var) || !math.IsNaN(p.Kurt) || !math.IsNaN(p.Min) || !math.IsNaN(p.Max) {
			t.Errorf("n=%d: propagate: %+v; want Count %d and NaN statistics", n, p, n)
		}
		s := Moments(x, SkipNaN())
		want := Moments(kept)
		if s.Count != len(kept) || s.NaNs != len(nans) {
			t.Errorf("n=%d: skip: Count, NaNs = %d, %d; want %d, %d", n, s.Count, s.NaNs, len(kept), len(nans))
		}
		for _, c := range [][2]float64{{s.Mean, want.Mean}, {s.Var, want.Var}, {s.Skew, want.Skew}, {s.Kurt, want.Kurt}} {
			if e := relErr(c[0], c[1]); e > 1e-12 && !(math.IsNaN(c[0]) && math.IsNaN(c[1])) {
				t.Errorf("n=%d: skip: %.17g, Moments of the kept values %.17g", n, c[0], c[1])
			}
		}
		if s.Min != want.Min || s.Max != want.Max {
			t.Errorf("n=%d: skip: min, max = %g, %g; want %g, %g", n, s.Min, s.Max, want.Min, want.Max)
		}
	}
	all := []float64{math.NaN(), math.NaN()}
	if s := Moments(all, SkipNaN()); s.Count != 0 || s.NaNs != 2 || !math.IsNaN(s.Mean) {
		t.Errorf("skip over only NaNs: %+v; want Count 0, NaNs 2, mean NaN", s)
	}
}

// sameBits reports whether two statistics are identical bit for bit.
func sameBits(a, b MomentStats) bool {
	fa := []float64{a.Mean, a.Var, a.SampleVar, a.Std, a.SampleStd, a.Skew, a.Kurt, a.SampleSkew, a.SampleKurt, a.Min, a.Max}
	fb := []float64{b.Mean, b.Var, b.SampleVar, b.Std, b.SampleStd, b.Skew, b.Kurt, b.SampleSkew, b.SampleKurt, b.Min, b.Max}
	for i := range fa {
		if math.Float64bits(fa[i]) != math.Float64bits(fb[i]) {
			return false
		}
	}
	return a.Count == b.Count && a.NaNs == b.NaNs
}

func TestMomentsThreadsIdentical(t *testing.T) {
	x := skewedData(1_000_003, 1e9, 21)
	x[77_777] = math.NaN()
	for _, opts := range [][]MomentsOption{nil, {SkipNaN()}} {
		want := Moments(x, append(opts, MomentsThreads(1))...)
		for _, threads := range []int{2, 3, 7} {
			if got := Moments(x, append(opts, MomentsThreads(threads))...); !sameBits(got, want) {
				t.Errorf("threads=%d: %v; threads=1: %v", threads, got, want)
			}
		}
	}
}

func TestMomentsKernelModes(t *testing.T) {
	x := skewedData(50_001, 1e6, 31)
	x[40_000] = math.NaN()
	for _, opts := range [][]MomentsOption{nil, {SkipNaN()}} {
		twin := Moments(x, append(opts, momentsKernel(stats.KernelTwin))...)
		prims := Moments(x, append(opts, momentsKernel(stats.KernelPrims))...)
		if stats.Chosen() == stats.KernelAVX512 {
			if got := Moments(x, opts...); !sameBits(got, twin) {
				t.Errorf("AVX-512 %v; generic twin %v", got, twin)
			}
		}
		if prims.Count != twin.Count || prims.NaNs != twin.NaNs || !sameNaN(prims.Min, twin.Min) || !sameNaN(prims.Max, twin.Max) ||
			!sameNaN(prims.Mean, twin.Mean) || !same(prims.Var, twin.Var, false) || !same(prims.Kurt, twin.Kurt, false) {
			t.Errorf("primitives path %v; generic twin %v", prims, twin)
		}
	}
}

func sameNaN(a, b float64) bool { return a == b || (a != a && b != b) }

// same compares bit for bit, or to a relative 1e-12 (absolute near 0).
func same(a, b float64, exact bool) bool {
	if a != a && b != b {
		return true
	}
	if exact {
		return math.Float64bits(a) == math.Float64bits(b)
	}
	return math.Abs(a-b) <= 1e-12*math.Max(math.Abs(b), 1e-3)
}

func TestMomentsFloat32(t *testing.T) {
	x64 := normalData(10_000, 5, 3, 41)
	x32 := make([]float32, len(x64))
	for i, v := range x64 {
		x32[i] = float32(v)
		x64[i] = float64(x32[i])
	}
	if a, b := Moments(x32), Moments(x64); !sameBits(a, b) {
		t.Errorf("float32 %v; the same values as float64 %v", a, b)
	}
	x32[17] = float32(math.NaN())
	if s := Moments(x32, SkipNaN()); s.Count != len(x32)-1 || s.NaNs != 1 {
		t.Errorf("float32 skip: %+v", s)
	}
}

func TestMomentAccumulator(t *testing.T) {
	x := skewedData(30_000, 50, 51)
	whole := Moments(x)
	var a MomentAccumulator[float64] // the zero value works
	a.Update(x)
	if got := a.Result(); !sameBits(got, whole) {
		t.Errorf("Update(x) %v; Moments(x) %v", got, whole)
	}
	a.Reset()
	if a.Result().Count != 0 {
		t.Errorf("after Reset: %v", a.Result())
	}
	b := NewMomentAccumulator[float64]()
	for lo := 0; lo < len(x); lo += 997 {
		b.Update(x[lo:min(lo+997, len(x))])
	}
	c1, c2 := NewMomentAccumulator[float64](), NewMomentAccumulator[float64]()
	c1.Update(x[:12_345])
	c2.Update(x[12_345:])
	c1.Merge(c2)
	c1.Merge(nil)
	for name, got := range map[string]MomentStats{"batches": b.Result(), "merged": c1.Result()} {
		if got.Count != whole.Count || got.Min != whole.Min || got.Max != whole.Max {
			t.Errorf("%s: %v; want %v", name, got, whole)
		}
		for _, c := range [][2]float64{{got.Mean, whole.Mean}, {got.Var, whole.Var}, {got.Skew, whole.Skew}, {got.Kurt, whole.Kurt}} {
			if e := relErr(c[0], c[1]); e > 1e-13 {
				t.Errorf("%s: %.17g; Moments %.17g (relative error %.2g)", name, c[0], c[1], e)
			}
		}
	}
	skip := NewMomentAccumulator[float32](SkipNaN())
	skip.Update([]float32{1, float32(math.NaN()), 3})
	skip.Update([]float32{float32(math.NaN())})
	if r := skip.Result(); r.Count != 2 || r.NaNs != 2 || r.Mean != 2 || r.Var != 1 {
		t.Errorf("skip accumulator: %+v; want Count 2, NaNs 2, mean 2, var 1", r)
	}
}
