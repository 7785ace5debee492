package route

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/numkit/numkit/numeric/internal/exec"
)

// TestProfileCosts checks which profiles the router takes: a valid one over the
// defaults; none, an unreadable one (with a warning), another version or another
// machine's not.
func TestProfileCosts(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, p Profile) string {
		path := filepath.Join(dir, name)
		if err := WriteProfile(path, p); err != nil {
			t.Fatal(err)
		}
		return path
	}
	mine := Cost{FixedNs: 12345}
	valid := write("valid.json", Profile{Version: ProfileVersion, Key: ProfileKey(), Costs: map[string]Cost{exec.BackendGonum: mine}})
	old := write("old.json", Profile{Version: ProfileVersion - 1, Key: ProfileKey(), Costs: map[string]Cost{exec.BackendGonum: mine}})
	other := write("other.json", Profile{Version: ProfileVersion, Key: "another CPU", Costs: map[string]Cost{exec.BackendGonum: mine}})
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
		{old, fmt.Sprintf("the profile is version %d, want %d", ProfileVersion-1, ProfileVersion), false, false},
		{other, "measured on other hardware or settings", false, false},
		{"", "no cache directory", false, false},
	}
	for _, tt := range tests {
		var warn strings.Builder
		costs, note := profileCosts(tt.path, func(msg string) { warn.WriteString(msg) })
		if !strings.Contains(note, tt.note) {
			t.Errorf("%s: note %q, want it to contain %q", tt.path, note, tt.note)
		}
		if got := costs[exec.BackendGonum].FixedNs == mine.FixedNs; got != tt.taken {
			t.Errorf("%s: profile taken = %v, want %v", tt.path, got, tt.taken)
		}
		if _, ok := costs[exec.BackendSIMD]; !ok {
			t.Errorf("%s: no costs for the SIMD backend (the defaults fill what a profile lacks)", tt.path)
		}
		if (warn.Len() > 0) != tt.warns {
			t.Errorf("%s: warning %q, want one: %v", tt.path, warn.String(), tt.warns)
		}
	}
}

func TestProfileDeviceCostsNeedTheSameDevice(t *testing.T) {
	mine := Cost{FixedNs: 1234, Device: "device A / driver 1"}
	costs := map[string]Cost{exec.BackendSIMD: testCosts[exec.BackendSIMD], exec.BackendOpenCL: mine}
	if got, note := DeviceCosts(costs, mine.Device); note != "" || got[exec.BackendOpenCL].FixedNs != mine.FixedNs {
		t.Errorf("same device: note %q, opencl costs %+v; want the profile's", note, got[exec.BackendOpenCL])
	}
	got, note := DeviceCosts(costs, "device B / driver 1")
	if !strings.Contains(note, `measured on "device A / driver 1", not on "device B / driver 1"`) {
		t.Errorf("other device: note %q", note)
	}
	if got[exec.BackendOpenCL].FixedNs != DefaultCosts[exec.BackendOpenCL].FixedNs || got[exec.BackendSIMD].FixedNs != costs[exec.BackendSIMD].FixedNs {
		t.Errorf("other device: costs %+v; want the default OpenCL costs and the rest kept", got)
	}
	if costs[exec.BackendOpenCL].FixedNs != mine.FixedNs {
		t.Error("deviceCosts changed its argument")
	}
	unknown := map[string]Cost{exec.BackendOpenCL: {FixedNs: 99}}
	if got, note := DeviceCosts(unknown, "device B"); note != "" || got[exec.BackendOpenCL].FixedNs != 99 {
		t.Errorf("costs without a device (the defaults, a test's): replaced (%q)", note)
	}

}
