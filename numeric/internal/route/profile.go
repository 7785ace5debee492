package route

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/klauspost/cpuid/v2"
	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/internal/hw"
)

// ProfileVersion changes whenever the profile's fields or their meaning change; a
// profile of another version is ignored.
const ProfileVersion = 4

// Profile is the result of numkit calibrate: this machine's measured costs per backend,
// which the router uses instead of its built-in defaults.
type Profile struct {
	Version int             `json:"version"`
	Key     string          `json:"key"` // the CPU, SIMD level, threads and OpenCL device it was measured on
	Created time.Time       `json:"created"`
	Costs   map[string]Cost `json:"costs"`
	// Learned are routing decisions measured on real evaluations (measure.go), by
	// expression, input types, CPU backend and size class. A profile with only these
	// (no numkit calibrate yet) leaves the costs at the built-in defaults.
	Learned map[string]Learned `json:"learned,omitempty"`
}

// ProfileKey identifies the CPU and settings a profile is valid for. The OpenCL
// device is not part of it, so that checking a profile never loads OpenCL: the
// device costs carry their device (backendCost.Device), checked once the router has
// loaded OpenCL anyway (deviceCosts).
func ProfileKey() string {
	return fmt.Sprintf("%s|%s|simd=%s|threads=%d", cpuid.CPU.BrandName, runtime.GOARCH, hw.SIMDLevel(), runtime.GOMAXPROCS(0))
}

// ProfilePath is where numkit calibrate stores the profile: NUMKIT_CACHE_DIR, else
// the user cache directory, + "/numkit/profile.json"; "" when neither is known.
func ProfilePath() string {
	cfg, _ := hw.Env() // a bad variable elsewhere keeps this one
	if cfg.CacheDir == "" {
		return ""
	}
	return filepath.Join(cfg.CacheDir, "profile.json")
}

// LoadedCosts are the router's costs: the stored profile when it is valid for this
// machine, else the defaults. note says which, and why a profile was ignored.
func LoadedCosts() (map[string]Cost, string) { return loadedCosts() }

var loadedCosts = sync.OnceValues(func() (map[string]Cost, string) {
	return profileCosts(ProfilePath(), func(msg string) { hw.Logger().Warn(msg) })
})

// profileCosts are the costs of the profile at path over the defaults when the profile
// is valid for this machine, else the defaults; note says which and why. An unreadable
// profile is also reported on warn.
func profileCosts(path string, warn func(msg string)) (costs map[string]Cost, note string) {
	if path == "" {
		return DefaultCosts, "built-in defaults (no cache directory)"
	}
	p, err := ReadProfile(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return DefaultCosts, "built-in defaults (run numkit calibrate to measure this machine)"
	case err != nil:
		warn(fmt.Sprintf("numkit: ignoring the calibration profile: %v", err))
		return DefaultCosts, "built-in defaults (the profile was unreadable: " + err.Error() + ")"
	case p.Version != ProfileVersion:
		return DefaultCosts, fmt.Sprintf("built-in defaults (the profile is version %d, want %d: run numkit calibrate)", p.Version, ProfileVersion)
	case p.Key != ProfileKey():
		return DefaultCosts, "built-in defaults (the profile was measured on other hardware or settings: run numkit calibrate)"
	}
	if len(p.Costs) == 0 {
		return DefaultCosts, "built-in defaults (run numkit calibrate to measure this machine; the profile holds measured routing decisions only)"
	}
	costs = maps.Clone(DefaultCosts)
	maps.Copy(costs, p.Costs)
	return costs, "calibration profile " + path + " of " + p.Created.Format(time.RFC3339)
}

// ReadProfile reads the profile stored at path.
func ReadProfile(path string) (Profile, error) {
	var p Profile
	data, err := os.ReadFile(path)
	if err != nil {
		return p, err
	}
	if err := json.Unmarshal(data, &p); err != nil {
		return p, fmt.Errorf("%s: %w", path, err)
	}
	return p, nil
}

// WriteProfile stores p at path atomically (a temporary file renamed into place).
func WriteProfile(path string, p Profile) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	data, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".profile-*.json")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// DeviceCosts returns costs, or a copy whose OpenCL entry is the default one when the
// stored entry was measured on another device or driver than the one loaded now (a
// profile is keyed by the CPU only, so that reading it never loads OpenCL). Call it
// only once OpenCL is loaded; note says what was replaced, or is empty.
func DeviceCosts(costs map[string]Cost, loaded string) (_ map[string]Cost, note string) {
	c, ok := costs[exec.BackendOpenCL]
	if !ok || c.Device == "" || c.Device == loaded {
		return costs, ""
	}
	costs = maps.Clone(costs)
	costs[exec.BackendOpenCL] = DefaultCosts[exec.BackendOpenCL]
	return costs, fmt.Sprintf("the profile's OpenCL costs were measured on %q, not on %q: default OpenCL costs", c.Device, loaded)
}
