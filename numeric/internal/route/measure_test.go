package route

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/ir"
)

// sharedCoreCosts: a synthetic in-place CPU OpenCL device that the model believes wins every
// memory-bound size from 2^16 on (cheap launch, faster streaming).
var sharedCoreCosts = map[string]Cost{
	exec.BackendSIMD:   {FixedNs: 300, ThreadNs: 5000, NsPerOp: [4]float64{0.1, 0.1, 0.5, 2}, BandwidthGBs: 12, BandwidthGBs1: 8},
	exec.BackendGonum:  {FixedNs: 400, ThreadNs: 5000, NsPerOp: [4]float64{0.8, 1, 3, 15}, BandwidthGBs: 12, BandwidthGBs1: 8},
	exec.BackendOpenCL: {FixedNs: 5000, NsPerOp: [4]float64{0, 0, 0.2, 3.5}, BandwidthGBs: 24, BandwidthGBs1: 24},
}

// measuredAuto returns an Auto for a triad whose sources use sharedCoreCosts, a fake clock
// (never read by the router itself) and an in-memory store of learned decisions.
func measuredAuto(learned map[string]Learned) *Auto {
	prog := &ir.Program{Source: "a+2*b", Cost: triadCost(),
		Inputs: []ir.Input{{Name: "a", Type: ir.Float64}, {Name: "b", Type: ir.Float64}}}
	src := &Sources{
		Costs:  func() (map[string]Cost, string) { return sharedCoreCosts, "synthetic" },
		Probe:  func(*ir.Program) (bool, string, error) { return true, "fake pocl", nil },
		Clock:  func() time.Duration { return 0 },
		Recall: func(key string) (Learned, bool) { l, ok := learned[key]; return l, ok },
		Learn:  func(key string, l Learned) { learned[key] = l },
	}
	cpu := exec.BackendSIMD
	if CPUUsability()[cpu] != nil { // -tags noasm: the model's other CPU backend
		cpu = exec.BackendGonum
	}
	return &Auto{Prog: prog, CPU: cpu, Device: true, Threads: 2, AutoThreads: true, Src: src}
}

// run plays one evaluation of n elements the way numeric's dispatch does: it asks
// Choose, and reports a time when the class is measuring. devNs and cpuNs are the
// fake per-element times.
func run(t *testing.T, a *Auto, n int, devNs, cpuNs float64) ClassChoice {
	t.Helper()
	ch := a.Choose(n)
	if a.Measuring(n) {
		per := cpuNs
		if ch.Device {
			per = devNs
		}
		a.Observe(n, ch.Device, ch.Threads, time.Duration(per*float64(n)), nil)
	}
	return ch
}

func TestMeasuredRoutingKeepsTheFasterCandidate(t *testing.T) {
	const n = 1 << 22
	for _, tc := range []struct {
		name         string
		devNs, cpuNs float64
		wantDevice   bool
	}{{"cpu faster", 2, 1, false}, {"device faster", 1, 2, true},
		// within MeasureDeviceMargin: the cores' own backend is kept
		{"device 6% faster", 0.9375, 1, false}} {
		t.Run(tc.name, func(t *testing.T) {
			learned := map[string]Learned{}
			a := measuredAuto(learned)
			var devRuns, cpuRuns int
			for i := 0; i < 2*MeasureRuns; i++ {
				if !a.Measuring(n) && i > 0 {
					t.Fatalf("evaluation %d: the class stopped measuring early", i)
				}
				if ch := run(t, a, n, tc.devNs, tc.cpuNs); ch.Device {
					devRuns++
				} else {
					cpuRuns++
				}
			}
			if devRuns != MeasureRuns || cpuRuns != MeasureRuns {
				t.Fatalf("measuring ran %d device and %d CPU evaluations, want %d each", devRuns, cpuRuns, MeasureRuns)
			}
			if a.Measuring(n) {
				t.Fatal("still measuring after every candidate ran")
			}
			if ch := a.Choose(n); ch.Device != tc.wantDevice || ch.Threads != 2 {
				t.Fatalf("decision %+v, want device=%v with 2 threads", ch, tc.wantDevice)
			}
			if b := a.Basis(n); !strings.HasPrefix(b, "measured") {
				t.Errorf("Basis = %q, want measured", b)
			}
			l, ok := learned[a.learnKey(SizeClass(n))]
			if !ok || l.Device != tc.wantDevice || l.DevNs != tc.devNs || l.CPUNs != tc.cpuNs || l.On != "fake pocl" {
				t.Errorf("learned %+v (stored %v)", l, ok)
			}
		})
	}
}

// A candidate far slower than the other (MeasureClear) loses without its remaining
// runs, once each has run once: the model picks the device here, so it runs first,
// and device, CPU decides either way.
func TestMeasuredRoutingDecidesEarlyOnAClearLoser(t *testing.T) {
	const n = 1 << 22
	for _, tc := range []struct {
		name            string
		devNs, cpuNs    float64
		wantDevice      bool
		wantEvaluations int
	}{{"device 10x slower", 10, 1, false, 2}, {"cpu 10x slower", 1, 10, true, 2}} {
		t.Run(tc.name, func(t *testing.T) {
			a := measuredAuto(map[string]Learned{})
			evals := 0
			for a.Measuring(n) || evals == 0 {
				run(t, a, n, tc.devNs, tc.cpuNs)
				if evals++; evals > 2*MeasureRuns {
					t.Fatalf("still measuring after %d evaluations", evals)
				}
			}
			if evals != tc.wantEvaluations {
				t.Errorf("decided after %d evaluations, want %d", evals, tc.wantEvaluations)
			}
			if ch := a.Choose(n); ch.Device != tc.wantDevice {
				t.Errorf("chose device=%v, want %v", ch.Device, tc.wantDevice)
			}
		})
	}
}

func TestMeasuredRoutingModelsSmallSizes(t *testing.T) {
	a := measuredAuto(map[string]Learned{})
	ch := run(t, a, 1000, 1, 1)
	if ch.Device || a.Measuring(1000) {
		t.Fatalf("n=1000: %+v, measuring %v; want the CPU, modelled", ch, a.Measuring(1000))
	}
	if b := a.Basis(1000); !strings.HasPrefix(b, "modelled") {
		t.Errorf("Basis = %q", b)
	}
	// Without a clock nothing is measured: the model's device choice stands.
	b := measuredAuto(map[string]Learned{})
	b.Src.Clock = nil
	if ch := b.Choose(1 << 22); !ch.Device || b.Measuring(1<<22) {
		t.Fatalf("no clock: %+v, measuring %v; want the model's device", ch, b.Measuring(1<<22))
	}
}

func TestMeasuredRoutingRecallsAndRechecks(t *testing.T) {
	const n = 1 << 22
	learned := map[string]Learned{}
	a := measuredAuto(learned)
	learned[a.learnKey(SizeClass(n))] = Learned{Device: false, Threads: 2, CPUNs: 1, DevNs: 2, On: "fake pocl"}
	if ch := a.Choose(n); ch.Device || a.Measuring(n) {
		t.Fatalf("with a stored decision: %+v, measuring %v; want the CPU at once", ch, a.Measuring(n))
	}
	if b := a.Basis(n); !strings.Contains(b, "stored in the profile") {
		t.Errorf("Basis = %q", b)
	}
	// A stored decision from another device is not used.
	other := measuredAuto(map[string]Learned{})
	other.Src.Recall = func(string) (Learned, bool) { return Learned{On: "another device"}, true }
	if other.Choose(n); !other.Measuring(n) {
		t.Error("a decision learned on another device was used")
	}
	// RecheckEvery evaluations later (the first Choose above was one) the class is
	// measured again, and the device, faster now, takes over.
	for i := 2; i < RecheckEvery; i++ {
		run(t, a, n, 0.5, 1)
		if a.Measuring(n) {
			t.Fatalf("measuring again after %d evaluations, want %d", i, RecheckEvery)
		}
	}
	run(t, a, n, 0.5, 1)
	if !a.Measuring(n) {
		t.Fatalf("not measuring after %d evaluations", RecheckEvery)
	}
	for a.Measuring(n) {
		run(t, a, n, 0.5, 1)
	}
	if ch := a.Choose(n); !ch.Device {
		t.Fatalf("after the re-check: %+v, want the device", ch)
	}
}

func TestMeasuredRoutingIgnoresFailures(t *testing.T) {
	const n = 1 << 22
	a := measuredAuto(map[string]Learned{})
	a.Choose(n)
	for i := 0; i < 3*MeasureRuns; i++ {
		a.Observe(n, true, 1, time.Nanosecond, errTest)
	}
	if !a.Measuring(n) {
		t.Fatal("failed runs counted as measurements")
	}
}

var errTest = &testError{}

type testError struct{}

func (*testError) Error() string { return "test failure" }

func TestLearnedPersistsInTheProfile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "profile.json")
	s := &learnedStore{path: path}
	l := Learned{Device: true, Threads: 2, CPUNs: 1.5, DevNs: 0.75, On: "dev"}
	s.learn("k", l)
	p, err := ReadProfile(path)
	if err != nil || p.Learned["k"].DevNs != 0.75 || p.Key != ProfileKey() {
		t.Fatalf("stored profile %+v, %v", p, err)
	}
	costs, note := profileCosts(path, func(string) {})
	if costs[exec.BackendSIMD].FixedNs != DefaultCosts[exec.BackendSIMD].FixedNs || !strings.Contains(note, "built-in defaults") {
		t.Errorf("a profile of learned decisions only: note %q", note)
	}
	if got, ok := (&learnedStore{path: path}).recall("k"); !ok || got != l {
		t.Errorf("a new process recalls %+v, %v; want %+v", got, ok, l)
	}
	// Another machine's profile is not overwritten.
	other := filepath.Join(dir, "other.json")
	if err := WriteProfile(other, Profile{Version: ProfileVersion, Key: "another CPU"}); err != nil {
		t.Fatal(err)
	}
	if err := storeLearned(other, "k", l); err == nil {
		t.Error("storeLearned overwrote another machine's profile")
	}
}
