package numeric

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/numkit/numkit/numeric/internal/route"
)

// TestCalibrateBackend runs a small calibration of the gonum backend (sizes shrunk so
// that it takes a moment) and checks that every cost is measured and sane, that the
// progress lines count up to the total, and that the profile survives a write and read.
func TestCalibrateBackend(t *testing.T) {
	var progress strings.Builder
	cal := &calibration{sizes: calSizes{inCache: 256, mid: 2048, stream: 16384}, progress: func(s CalibrationStep) { fmt.Fprintln(&progress, s) }, total: calibrationSteps}
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
	case len(c.FuncNs) != 2*len(route.FamilyExprs):
		t.Errorf("function costs %v: want one per family and type", c.FuncNs)
	case c.FuncNs["pow/float64"] <= c.NsPerOp[1]:
		t.Errorf("pow costs %v per element, no more than an addition (%v)", c.FuncNs["pow/float64"], c.NsPerOp[1])
	}
	path := filepath.Join(t.TempDir(), "sub", "profile.json")
	want := route.Profile{Version: route.ProfileVersion, Key: route.ProfileKey(), Costs: map[string]route.Cost{BackendGonum: c}}
	if err := route.WriteProfile(path, want); err != nil {
		t.Fatal(err)
	}
	got, err := route.ReadProfile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got.Key != want.Key || got.Costs[BackendGonum].FixedNs != c.FixedNs || got.Costs[BackendGonum].FuncNs["exp/float32"] != c.FuncNs["exp/float32"] {
		t.Errorf("profile round trip: got %+v, want %+v", got, want)
	}
}
