package numeric

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCalibrateBackend runs a small calibration of the gonum backend (sizes shrunk so
// that it takes a moment) and checks that every cost is measured and sane, that the
// progress lines count up to the total, and that the profile survives a write and read.
func TestCalibrateBackend(t *testing.T) {
	oldIn, oldMid, oldStream := calInCache, calMid, calStream
	calInCache, calMid, calStream = 256, 2048, 16384
	t.Cleanup(func() { calInCache, calMid, calStream = oldIn, oldMid, oldStream })
	var progress strings.Builder
	cal := &calibration{progress: func(s CalibrationStep) { fmt.Fprintln(&progress, s) }, total: calibrationSteps}
	c, err := cal.backend(BackendGonum)
	if err != nil {
		t.Fatal(err)
	}
	if cal.done != calibrationSteps || !strings.Contains(progress.String(), "gonum") {
		t.Errorf("%d progress steps of %d:\n%s", cal.done, calibrationSteps, progress.String())
	}
	switch {
	case c.FixedNs <= 0, c.BandwidthGBs <= 0, c.BandwidthGBs1 <= 0, c.CacheGBs <= 0:
		t.Errorf("unmeasured: %+v", c)
	case c.NsPerOp[1] <= 0 || c.NsPerOp[2] < c.NsPerOp[1] || c.NsPerOp[0] != c.NsPerOp[1]:
		t.Errorf("per-op costs %v: want positive, division no cheaper than addition, moves as cheap ops", c.NsPerOp)
	case len(c.FuncNs) != 2*len(familyExprs):
		t.Errorf("function costs %v: want one per family and type", c.FuncNs)
	case c.FuncNs["pow/float64"] <= c.NsPerOp[1]:
		t.Errorf("pow costs %v per element, no more than an addition (%v)", c.FuncNs["pow/float64"], c.NsPerOp[1])
	}
	path := filepath.Join(t.TempDir(), "sub", "profile.json")
	want := Profile{Version: profileVersion, Key: profileKey(), Costs: map[string]backendCost{BackendGonum: c}}
	if err := writeProfile(path, want); err != nil {
		t.Fatal(err)
	}
	got, err := readProfile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got.Key != want.Key || got.Costs[BackendGonum].FixedNs != c.FixedNs || got.Costs[BackendGonum].FuncNs["exp/float32"] != c.FuncNs["exp/float32"] {
		t.Errorf("profile round trip: got %+v, want %+v", got, want)
	}
}

// TestProfileCosts checks which profiles the router takes: a valid one over the
// defaults; none, an unreadable one (with a warning), another version or another
// machine's not.
func TestProfileCosts(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, p Profile) string {
		path := filepath.Join(dir, name)
		if err := writeProfile(path, p); err != nil {
			t.Fatal(err)
		}
		return path
	}
	mine := backendCost{FixedNs: 12345}
	valid := write("valid.json", Profile{Version: profileVersion, Key: profileKey(), Costs: map[string]backendCost{BackendGonum: mine}})
	old := write("old.json", Profile{Version: profileVersion - 1, Key: profileKey(), Costs: map[string]backendCost{BackendGonum: mine}})
	other := write("other.json", Profile{Version: profileVersion, Key: "another CPU", Costs: map[string]backendCost{BackendGonum: mine}})
	corrupt := filepath.Join(dir, "corrupt.json")
	if err := os.WriteFile(corrupt, []byte(`{"version": 3, "costs": {`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path, note   string
		taken, warns bool
	}{
		{valid, "calibration profile " + valid, true, false},
		{filepath.Join(dir, "missing.json"), "run numkit calibrate to measure this machine", false, false},
		{corrupt, "the profile was unreadable", false, true},
		{old, fmt.Sprintf("the profile is version %d, want %d", profileVersion-1, profileVersion), false, false},
		{other, "measured on other hardware or settings", false, false},
		{"", "no cache directory", false, false},
	}
	for _, tt := range tests {
		var warn strings.Builder
		costs, note := profileCosts(tt.path, &warn)
		if !strings.Contains(note, tt.note) {
			t.Errorf("%s: note %q, want it to contain %q", tt.path, note, tt.note)
		}
		if got := costs[BackendGonum].FixedNs == mine.FixedNs; got != tt.taken {
			t.Errorf("%s: profile taken = %v, want %v", tt.path, got, tt.taken)
		}
		if _, ok := costs[BackendSIMD]; !ok {
			t.Errorf("%s: no costs for the SIMD backend (the defaults fill what a profile lacks)", tt.path)
		}
		if (warn.Len() > 0) != tt.warns {
			t.Errorf("%s: warning %q, want one: %v", tt.path, warn.String(), tt.warns)
		}
	}
}
