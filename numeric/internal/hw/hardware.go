// Package hw is where numkit meets the machine: every NUMKIT_* environment variable
// (Env, read once and validated), the CPU and its SIMD policy (SIMDLevel, the one
// place that sets package asm's level), OpenCL discovery (Discovered, OpenCLRuntime),
// physical memory, and the hardware report numeric.Hardware returns.
package hw

import (
	"errors"
	"fmt"
	"maps"
	"runtime"

	"github.com/klauspost/cpuid/v2"
	"github.com/numkit/numkit/asm"
)

// HardwareReport is numkit's hardware capability report: the CPU, the SIMD level the
// CPU kernels use, the OpenCL platforms and devices, which backends are usable, and
// the NUMKIT_* configuration in effect. The JSON field names are stable and
// documented in docs/info.md; `numkit info --json` prints this struct.
type HardwareReport struct {
	OS         string     `json:"os"`         // runtime.GOOS
	Arch       string     `json:"arch"`       // runtime.GOARCH
	GoVersion  string     `json:"go_version"` // runtime.Version() of the build
	GOMAXPROCS int        `json:"gomaxprocs"` // runtime.GOMAXPROCS(0) when the report was made
	CPU        CPUInfo    `json:"cpu"`
	Memory     MemoryInfo `json:"memory"`
	SIMD       SIMDInfo   `json:"simd"`
	OpenCL     OpenCLInfo `json:"opencl"`
	// Backends lists "opencl", "simd" and "gonum", in the router's order of
	// preference.
	Backends []BackendInfo `json:"backends"`
	Config   EnvInfo       `json:"config"`
	// Errors are the problems Hardware also returns as its error, one message
	// each: bad NUMKIT_* values, a NUMKIT_OPENCL_DEVICE that matches no device, a
	// NUMKIT_OPENCL=on or NUMKIT_BACKEND that cannot be honoured. Empty when none.
	Errors []string `json:"errors"`
}

// MemoryInfo is the machine's physical memory.
type MemoryInfo struct {
	TotalBytes uint64 `json:"total_bytes"` // 0 when unknown
	// Source is where the figure came from ("/proc/meminfo MemTotal", "sysctl
	// hw.memsize", "GlobalMemoryStatusEx"), or why it is unknown.
	Source string `json:"source"`
}

// BackendInfo says whether numkit can evaluate with one backend here.
type BackendInfo struct {
	Name string `json:"name"` // "opencl", "simd" or "gonum"
	// Usable is true when this machine and build can run the backend.
	Usable bool `json:"usable"`
	// Selected is true when the router may use the backend: it is usable and
	// NUMKIT_BACKEND is auto or names it.
	Selected bool   `json:"selected"`
	Reason   string `json:"reason"` // what it runs on, or why it is not usable
}

// EnvInfo is the configuration numkit read from its NUMKIT_* environment variables
// (defaults where unset or bad); docs/info.md has the table.
type EnvInfo struct {
	SIMD          string `json:"simd"`           // NUMKIT_SIMD: auto, avx512, avx2, neon or off
	OpenCL        string `json:"opencl"`         // NUMKIT_OPENCL: auto, on or off
	OpenCLDevice  string `json:"opencl_device"`  // NUMKIT_OPENCL_DEVICE; "" chooses automatically
	OpenCLLibrary string `json:"opencl_library"` // NUMKIT_OPENCL_LIBRARY; "" uses the default names
	Threads       int    `json:"threads"`        // NUMKIT_THREADS, else GOMAXPROCS
	Backend       string `json:"backend"`        // NUMKIT_BACKEND: auto, gonum, simd or opencl
	CacheDir      string `json:"cache_dir"`      // NUMKIT_CACHE_DIR, else the user cache dir + /numkit
	Debug         bool   `json:"debug"`          // NUMKIT_DEBUG=1: routing decisions and fall-backs are logged
	OpenCLCache   string `json:"opencl_cache"`   // NUMKIT_OPENCL_CACHE: auto, on or off
	OpenCLDump    bool   `json:"opencl_dump"`    // NUMKIT_OPENCL_DUMP=1: generated OpenCL C is logged
	Accuracy      string `json:"accuracy"`       // NUMKIT_ACCURACY: default or fast
	// Env holds the NUMKIT_* variables that were set, with their values as set.
	Env map[string]string `json:"env"`
}

// Report returns numkit's hardware capability report (numeric.Hardware). CPU detection, the SIMD
// policy and OpenCL discovery run once, on the first call (or the first evaluation
// that needs them), and later calls reuse them; each call returns a fresh copy that
// the caller may change. It is safe for concurrent use.
//
// The report is complete even when the error is not nil: the error (also listed in
// HardwareReport.Errors) joins the configuration problems — one *ConfigError per
// bad NUMKIT_* value, which then keeps its default — and a NUMKIT_OPENCL=on or
// NUMKIT_BACKEND that cannot be honoured. OpenCL being unavailable is not an error
// unless NUMKIT_OPENCL=on; HardwareReport.OpenCL.Reason says why.
func Report() (HardwareReport, error) {
	cfg, cfgErr := Env()
	return buildReport(cfg, cfgErr, &cpuid.CPU, hostView(), simdChosen(), Discovered())
}

// buildReport assembles a report from its parts; Hardware passes the process-wide
// ones and tests pass their own.
func buildReport(cfg Config, cfgErr error, c *cpuid.CPUInfo, view processView, simd simdChoice, found OpenCLFound) (HardwareReport, error) {
	r := HardwareReport{
		OS:         runtime.GOOS,
		Arch:       runtime.GOARCH,
		GoVersion:  runtime.Version(),
		GOMAXPROCS: runtime.GOMAXPROCS(0),
		CPU:        cpuInfo(c, view),
		Memory:     memoryInfo(),
		SIMD: SIMDInfo{
			Level:     simd.level.String(),
			Supported: simd.supported.String(),
			Reason:    simd.reason,
			Features:  simdFeatures(c, runtime.GOARCH),
		},
		Config: EnvInfo{
			SIMD: cfg.SIMD, OpenCL: cfg.OpenCL, OpenCLDevice: cfg.OpenCLDevice,
			OpenCLLibrary: cfg.OpenCLLibrary, Threads: cfg.Threads, Backend: cfg.Backend,
			CacheDir: cfg.CacheDir, Debug: cfg.Debug, OpenCLCache: cfg.OpenCLCache,
			OpenCLDump: cfg.OpenCLDump, Accuracy: cfg.Accuracy, Env: maps.Clone(cfg.Env),
		},
		Errors: []string{},
	}
	if r.Config.Env == nil {
		r.Config.Env = map[string]string{}
	}
	errs := []error{cfgErr}
	var oclErr error
	r.OpenCL, oclErr = OpenCLReport(cfg, found)
	errs = append(errs, oclErr)
	r.Backends = backendInfos(r, simd.level, oclErr)
	errs = append(errs, backendError(cfg.Backend, r.Backends))
	err := errors.Join(errs...)
	for _, e := range errs {
		r.Errors = append(r.Errors, errorLines(e)...)
	}
	return r, err
}

// errorLines splits a possibly joined error into its messages.
func errorLines(err error) []string {
	if err == nil {
		return nil
	}
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		var lines []string
		for _, e := range joined.Unwrap() {
			lines = append(lines, errorLines(e)...)
		}
		return lines
	}
	return []string{err.Error()}
}

// memoryInfo reads the total physical memory.
func memoryInfo() MemoryInfo {
	n, err := totalMemory()
	if err != nil {
		return MemoryInfo{Source: "unknown: " + err.Error()}
	}
	return MemoryInfo{TotalBytes: n, Source: memorySource}
}

// backendInfos says which backends are usable, in the router's order of preference.
// oclErr is the device-selection error, if any.
func backendInfos(r HardwareReport, level asm.Level, oclErr error) []BackendInfo {
	opencl := BackendInfo{Name: "opencl"}
	switch {
	case r.OpenCL.Chosen != nil:
		opencl.Usable = true
		opencl.Reason = fmt.Sprintf("device %d %q (%s)", r.OpenCL.Chosen.Index, r.OpenCL.Chosen.Name, r.OpenCL.Chosen.Platform)
	case r.OpenCL.Available && oclErr != nil: // a NUMKIT_OPENCL_DEVICE that matches nothing
		opencl.Reason = oclErr.Error()
	default:
		opencl.Reason = r.OpenCL.Reason
	}
	simd := BackendInfo{Name: "simd", Usable: level != asm.LevelNone}
	if simd.Usable {
		simd.Reason = fmt.Sprintf("%s kernels, %d threads", level, r.Config.Threads)
	} else {
		simd.Reason = "SIMD level none: " + r.SIMD.Reason
	}
	gonum := BackendInfo{Name: "gonum", Usable: true,
		Reason: fmt.Sprintf("portable pure Go on gonum, %d threads", r.Config.Threads)}
	backends := []BackendInfo{opencl, simd, gonum}
	for i := range backends {
		b := &backends[i]
		b.Selected = b.Usable && (r.Config.Backend == "auto" || r.Config.Backend == b.Name)
	}
	return backends
}

// backendError is the error for a NUMKIT_BACKEND that names an unusable backend.
func backendError(forced string, backends []BackendInfo) error {
	for _, b := range backends {
		if b.Name == forced && !b.Usable {
			return fmt.Errorf("NUMKIT_BACKEND=%s but the %s backend is not usable: %s", forced, forced, b.Reason)
		}
	}
	return nil
}
