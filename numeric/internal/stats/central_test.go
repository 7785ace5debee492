package stats

import (
	"math"
	"math/rand/v2"
	"testing"
)

func near(a, b, tol float64) bool {
	return math.Abs(a-b) <= tol*math.Max(math.Abs(b), 1)
}

// TestMergeMatchesWhole checks that merging the summaries of the parts of a sample,
// cut anywhere and merged in any order, gives the summary of the whole.
func TestMergeMatchesWhole(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	x := make([]float64, 10_000)
	for i := range x {
		x[i] = 1e8 + rng.ExpFloat64()
	}
	whole := Block(x)
	for trial := range 50 {
		cuts := []int{0, rng.IntN(len(x)), rng.IntN(len(x)), len(x)}
		if cuts[1] > cuts[2] {
			cuts[1], cuts[2] = cuts[2], cuts[1]
		}
		var parts []Central
		for i := 0; i+1 < len(cuts); i++ {
			parts = append(parts, Block(x[cuts[i]:cuts[i+1]]))
		}
		m := Merge(Merge(parts[0], parts[1]), parts[2])
		if trial%2 == 1 {
			m = Merge(parts[2], Merge(parts[1], parts[0]))
		}
		if m.N != whole.N || !near(m.Mean+m.MeanLo, whole.Mean+whole.MeanLo, 1e-16) ||
			!near(m.M2, whole.M2, 1e-12) || !near(m.Skew(), whole.Skew(), 1e-10) || !near(m.Kurt(), whole.Kurt(), 1e-10) {
			t.Fatalf("cuts %v: merged %+v; whole %+v", cuts, m, whole)
		}
	}
	if m := MergeTree(nil); m.N != 0 {
		t.Errorf("MergeTree(nil) = %+v", m)
	}
}

func TestFromShiftedAnyShift(t *testing.T) {
	x := []float64{3, 5, 8, 13, 21}
	want := Block(x)
	for _, c := range []float64{0, 10, -100, 21} {
		var s1, s2, s3, s4 float64
		for _, v := range x {
			d := v - c
			s1, s2, s3, s4 = s1+d, s2+d*d, s3+d*d*d, s4+d*d*d*d
		}
		got := FromShifted(int64(len(x)), c, s1, s2, s3, s4)
		if !near(got.Mean, want.Mean, 1e-15) || !near(got.M2, want.M2, 1e-12) || !near(got.M3, want.M3, 1e-10) || !near(got.M4, want.M4, 1e-10) {
			t.Errorf("shift %v: %+v; want %+v", c, got, want)
		}
	}
}

func TestInfiniteAndEmpty(t *testing.T) {
	inf := Block([]float64{1, math.Inf(1)})
	fin := Block([]float64{2, 3})
	m := Merge(fin, inf)
	if !math.IsInf(m.Mean, 1) || !math.IsNaN(m.Var(0)) {
		t.Errorf("merge with +Inf: mean %v var %v; want +Inf, NaN", m.Mean, m.Var(0))
	}
	if m := Merge(Block([]float64{math.Inf(-1)}), inf); !math.IsNaN(m.Mean) {
		t.Errorf("-Inf and +Inf: mean %v; want NaN", m.Mean)
	}
	var empty Central
	if !math.IsNaN(empty.Var(0)) || !math.IsNaN(empty.Skew()) || !math.IsNaN(empty.SampleKurt()) {
		t.Error("statistics of no values are not NaN")
	}
	if m := Merge(empty, fin); m != fin {
		t.Errorf("Merge(empty, x) = %+v; want x", m)
	}
}
