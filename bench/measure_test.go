package bench

import (
	"context"
	"errors"
	"math"
	"testing"
	"time"
)

// stepClock advances by step on every call.
func stepClock(step time.Duration) func() time.Time {
	now := time.Unix(0, 0)
	return func() time.Time { now = now.Add(step); return now }
}

func TestMeasureAdaptive(t *testing.T) {
	calls := 0
	run := func() error { calls++; return nil }
	// each clock reading is 10 µs later: one evaluation "takes" 10 µs, so a run of at
	// least 1 ms holds 100, and 100 ms of runs would be 100: capped at MaxRepeats
	st, err := measure(run, stepClock(10*time.Microsecond), DefaultTiming)
	if err != nil {
		t.Fatal(err)
	}
	if st.inner != 100 || st.runs != MaxRepeats {
		t.Errorf("inner %d runs %d, want 100 and %d", st.inner, st.runs, MaxRepeats)
	}
	if calls != 1+100*MaxRepeats {
		t.Errorf("%d evaluations, want %d", calls, 1+100*MaxRepeats)
	}
	if math.Abs(st.median-1e-7) > 1e-18 || st.spread() != 0 {
		t.Errorf("median %g spread %g, want 1e-7 and 0", st.median, st.spread())
	}
	// a slow evaluation (100 ms): one per run, at least MinRepeats runs, the
	// calibration among them
	calls = 0
	st, _ = measure(run, stepClock(100*time.Millisecond), DefaultTiming)
	if st.inner != 1 || st.runs != MinRepeats || calls != MinRepeats {
		t.Errorf("slow: inner %d runs %d evaluations %d, want 1, %d, %d", st.inner, st.runs, calls, MinRepeats, MinRepeats)
	}
	// a fixed number of runs
	st, _ = measure(run, stepClock(time.Millisecond), Timing{Repeat: 5, MinRun: time.Millisecond})
	if st.runs != 5 || st.inner != 1 {
		t.Errorf("fixed: inner %d runs %d, want 1 and 5", st.inner, st.runs)
	}
}

func TestMeasureStatsAndError(t *testing.T) {
	// per-run durations 5 (the calibration, also a run), 1, 2, 4, 10 ms
	steps := []time.Duration{0, 5, 0, 1, 0, 2, 0, 4, 0, 10}
	now, i := time.Unix(0, 0), 0
	clock := func() time.Time { now = now.Add(steps[i] * time.Millisecond); i++; return now }
	st, err := measure(func() error { return nil }, clock, Timing{Repeat: 5, MinRun: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if st.min != 0.001 || st.median != 0.004 || st.max != 0.01 {
		t.Errorf("min %g median %g max %g, want 0.001 0.004 0.01", st.min, st.median, st.max)
	}
	if got := st.spread(); math.Abs(got-2.25) > 1e-12 {
		t.Errorf("spread %g, want 2.25", got)
	}
	boom := errors.New("boom")
	if _, err := measure(func() error { return boom }, stepClock(time.Millisecond), DefaultTiming); !errors.Is(err, boom) {
		t.Errorf("measure of a failing run: %v", err)
	}
	if median([]float64{1, 2, 3, 10}) != 2.5 {
		t.Error("median of an even count")
	}
}

func TestMemory(t *testing.T) {
	in := newInputs(1, "float64", 10_000)
	k := baselines["poly"].loop(in)
	allocs, bytes, err := countAllocs(k.run, 20)
	if err != nil {
		t.Fatal(err)
	}
	if allocs != 0 || bytes != 0 {
		t.Errorf("go-loop poly: %g allocations, %g bytes per evaluation, want none", allocs, bytes)
	}
	h := startHeapSampler()
	big := make([]float64, 1<<20)
	time.Sleep(5 * time.Millisecond)
	peak := h.finish()
	if peak < 7<<20 { // other tests' objects may die meanwhile and offset a little
		t.Errorf("peak heap %d with an 8 MiB slice live, want about 8 MiB", peak)
	}
	big[0] = 1
	_ = big
}

// TestRunMemory checks --memory's figures for the go-loop: no allocations, and a peak
// heap of its output alone (the inputs are made before, the check's copies after).
func TestRunMemory(t *testing.T) {
	def, _ := SuiteByName("default")
	cases, _ := Select(def.Cases, "^triad$", nil)
	rep, err := Run(context.Background(), Config{Cases: cases, Sizes: []int{100_000}, Backends: []string{}, Baselines: true,
		Memory: true, Timing: Timing{Repeat: 1, MinRun: 1}})
	if err != nil {
		t.Fatal(err)
	}
	r := rep.Rows[0]
	if r.Backend != BaselineLoop || r.AllocsPerEval == nil || r.PeakHeapBytes == nil {
		t.Fatalf("first row %+v", r)
	}
	out := int64(100_000 * 8)
	if *r.AllocsPerEval != 0 || *r.PeakHeapBytes < out || *r.PeakHeapBytes > out+out/2 {
		t.Errorf("go-loop: %g allocations per evaluation, peak heap %d; want 0 and about %d", *r.AllocsPerEval, *r.PeakHeapBytes, out)
	}
}
