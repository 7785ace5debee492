package hw

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/numkit/numkit/cl"
)

// OpenCLInfo is what numkit found of OpenCL.
type OpenCLInfo struct {
	// Available is true when an OpenCL runtime loaded and has at least one device.
	Available bool `json:"available"`
	// Reason says why OpenCL is unavailable (the loader's error, NUMKIT_OPENCL=off,
	// no devices), or summarises what was found.
	Reason string `json:"reason"`
	// Library is the ICD loader that loaded; when none did, the names tried
	// (NUMKIT_OPENCL_LIBRARY or the default names, comma-separated); "" when
	// NUMKIT_OPENCL=off.
	Library string `json:"library"`
	// Platforms are the OpenCL platforms with their devices, in the order the ICD
	// loader lists them.
	Platforms []PlatformInfo `json:"platforms"`
	// Chosen is the device numkit's OpenCL backend uses; null when none.
	Chosen *DeviceChoice `json:"chosen"`
}

// PlatformInfo describes one OpenCL platform.
type PlatformInfo struct {
	Name    string       `json:"name"`    // CL_PLATFORM_NAME
	Vendor  string       `json:"vendor"`  // CL_PLATFORM_VENDOR
	Version string       `json:"version"` // CL_PLATFORM_VERSION, e.g. "OpenCL 3.0 PoCL 5.0 ..."
	Profile string       `json:"profile"` // FULL_PROFILE or EMBEDDED_PROFILE
	Devices []DeviceInfo `json:"devices"`
}

// DeviceInfo describes one OpenCL device.
type DeviceInfo struct {
	// Index is the device's position in the list of all platforms' devices, in
	// order; NUMKIT_OPENCL_DEVICE accepts it.
	Index            int    `json:"index"`
	Name             string `json:"name"`
	Vendor           string `json:"vendor"`
	Type             string `json:"type"`             // gpu, accelerator, cpu, custom or other
	Version          string `json:"version"`          // CL_DEVICE_VERSION
	OpenCLCVersion   string `json:"opencl_c_version"` // CL_DEVICE_OPENCL_C_VERSION
	DriverVersion    string `json:"driver_version"`
	ComputeUnits     uint32 `json:"compute_units"`
	ClockMHz         uint32 `json:"clock_mhz"`
	GlobalMemBytes   uint64 `json:"global_mem_bytes"`
	LocalMemBytes    uint64 `json:"local_mem_bytes"`
	MaxAllocBytes    uint64 `json:"max_alloc_bytes"`
	MaxWorkGroupSize int    `json:"max_work_group_size"`
	FP64             bool   `json:"fp64"`           // double precision (cl_khr_fp64)
	FP16             bool   `json:"fp16"`           // half precision (cl_khr_fp16)
	UnifiedMemory    bool   `json:"unified_memory"` // shares memory with the host
}

// DeviceChoice is the OpenCL device numkit picked, and why.
type DeviceChoice struct {
	Index    int    `json:"index"`    // DeviceInfo.Index
	Name     string `json:"name"`     // the device name
	Platform string `json:"platform"` // its platform's name
	Reason   string `json:"reason"`   // NUMKIT_OPENCL_DEVICE, or the preference that picked it
}

// errOpenCLOff is the discovery error when NUMKIT_OPENCL=off.
var errOpenCLOff = errors.New("OpenCL disabled by NUMKIT_OPENCL=off")

// OpenCLFound is the outcome of OpenCL discovery.
type OpenCLFound struct {
	Library   string        // the ICD loader that was opened
	Runtime   *cl.Runtime   // nil when none loaded
	Platforms []cl.Platform // the platforms and their devices
	Err       error         // why there is no runtime, if there is none
}

// Discovered is discovery for this process, done once on first need.
func Discovered() OpenCLFound { return discovered() }

var discovered = sync.OnceValue(func() OpenCLFound {
	cfg, _ := Env() // bad values keep their defaults; the report carries the error
	return Discover(cfg)
})

// OpenCLRuntime returns the OpenCL runtime and its platforms, loading the ICD loader
// on the first call (never when NUMKIT_OPENCL=off) and returning the same values
// afterwards. The error says why there is no runtime (it wraps cl.ErrNoRuntime when
// the library did not load); a runtime with no platforms or devices is no error.
func OpenCLRuntime() (*cl.Runtime, []cl.Platform, error) {
	f := Discovered()
	return f.Runtime, f.Platforms, f.Err
}

// Discover loads the ICD loader cfg names and lists its platforms, uncached.
// A panic in the binding becomes an error: a broken OpenCL install must not take the
// process down.
func Discover(cfg Config) (found OpenCLFound) {
	if cfg.OpenCL == "off" {
		return OpenCLFound{Err: errOpenCLOff}
	}
	names := cl.DefaultLibraryNames()
	if cfg.OpenCLLibrary != "" {
		names = []string{cfg.OpenCLLibrary}
	}
	found.Library = strings.Join(names, ", ")
	defer func() {
		if p := recover(); p != nil {
			found = OpenCLFound{Library: found.Library, Err: fmt.Errorf("OpenCL discovery failed: panic: %v", p)}
		}
	}()
	rt, err := cl.Open(names...)
	if err != nil {
		found.Err = err
		return found
	}
	platforms, err := rt.Platforms()
	if err != nil {
		found.Err = fmt.Errorf("listing OpenCL platforms: %w", err)
		return found
	}
	found.Library = rt.Library()
	found.Runtime, found.Platforms = rt, platforms
	return found
}

// countOf formats n things: "1 device", "2 devices".
func countOf(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}

// OpenCLReport builds the OpenCL part of the report from discovery and cfg. The
// error is for a NUMKIT_OPENCL_DEVICE that matches no device, or NUMKIT_OPENCL=on
// without a usable device.
func OpenCLReport(cfg Config, found OpenCLFound) (OpenCLInfo, error) {
	info := OpenCLInfo{Library: found.Library, Platforms: []PlatformInfo{}}
	if found.Err != nil {
		info.Reason = found.Err.Error()
		return info, RequireOpenCL(cfg, info.Reason)
	}
	var all []DeviceInfo
	for _, p := range found.Platforms {
		pi := PlatformInfo{Name: p.Name, Vendor: p.Vendor, Version: p.Version, Profile: p.Profile,
			Devices: []DeviceInfo{}}
		for _, d := range p.Devices {
			di := deviceInfo(len(all), d)
			pi.Devices = append(pi.Devices, di)
			all = append(all, di)
		}
		info.Platforms = append(info.Platforms, pi)
	}
	if len(all) == 0 {
		info.Reason = "the OpenCL runtime has no devices (" + countOf(len(info.Platforms), "platform") + ")"
		return info, RequireOpenCL(cfg, info.Reason)
	}
	info.Available = true
	info.Reason = countOf(len(all), "device") + " on " + countOf(len(info.Platforms), "platform")
	choice, err := chooseDevice(all, cfg.OpenCLDevice)
	if err != nil {
		return info, err
	}
	choice.Platform = platformOf(info.Platforms, choice.Index)
	info.Chosen = choice
	return info, nil
}

// RequireOpenCL returns the error for NUMKIT_OPENCL=on when OpenCL is unusable.
func RequireOpenCL(cfg Config, reason string) error {
	if cfg.OpenCL != "on" {
		return nil
	}
	return fmt.Errorf("NUMKIT_OPENCL=on but OpenCL is unavailable: %s", reason)
}

// deviceInfo converts a cl.Device.
func deviceInfo(index int, d cl.Device) DeviceInfo {
	return DeviceInfo{
		Index: index, Name: strings.TrimSpace(d.Name), Vendor: strings.TrimSpace(d.Vendor),
		Type: deviceType(d.Type), Version: d.Version, OpenCLCVersion: d.OpenCLCVersion,
		DriverVersion: d.DriverVersion, ComputeUnits: d.ComputeUnits, ClockMHz: d.ClockMHz,
		GlobalMemBytes: d.GlobalMemBytes, LocalMemBytes: d.LocalMemBytes, MaxAllocBytes: d.MaxAllocBytes,
		MaxWorkGroupSize: d.MaxWorkGroupSize, FP64: d.FP64, FP16: d.FP16, UnifiedMemory: d.UnifiedMemory,
	}
}

// deviceType names the most specific type bit of t.
func deviceType(t cl.DeviceType) string {
	switch {
	case t&cl.DeviceTypeGPU != 0:
		return "gpu"
	case t&cl.DeviceTypeAccelerator != 0:
		return "accelerator"
	case t&cl.DeviceTypeCPU != 0:
		return "cpu"
	case t&cl.DeviceTypeCustom != 0:
		return "custom"
	}
	return "other"
}

// platformOf returns the name of the platform holding device index.
func platformOf(platforms []PlatformInfo, index int) string {
	for _, p := range platforms {
		for _, d := range p.Devices {
			if d.Index == index {
				return p.Name
			}
		}
	}
	return ""
}

// typeRank orders device types: GPU, then accelerator, then CPU, then the rest.
func typeRank(t string) int {
	switch t {
	case "gpu":
		return 3
	case "accelerator":
		return 2
	case "cpu":
		return 1
	}
	return 0
}

// betterDevice reports whether a is preferred to b: by type (GPU > accelerator >
// CPU), then fp64 support, then compute units × clock. Ties keep the earlier device.
func betterDevice(a, b DeviceInfo) bool {
	if ra, rb := typeRank(a.Type), typeRank(b.Type); ra != rb {
		return ra > rb
	}
	if a.FP64 != b.FP64 {
		return a.FP64
	}
	return uint64(a.ComputeUnits)*uint64(a.ClockMHz) > uint64(b.ComputeUnits)*uint64(b.ClockMHz)
}

// chooseDevice picks a device from devs (non-empty) for selector, the value of
// NUMKIT_OPENCL_DEVICE: "" picks the preferred device (betterDevice), a decimal
// number the device with that index, anything else the preferred device whose name
// contains it, ignoring case. A selector that matches nothing is a *ConfigError that
// lists the devices.
func chooseDevice(devs []DeviceInfo, selector string) (*DeviceChoice, error) {
	pick := func(candidates []DeviceInfo) DeviceInfo {
		best := candidates[0]
		for _, d := range candidates[1:] {
			if betterDevice(d, best) {
				best = d
			}
		}
		return best
	}
	choice := func(d DeviceInfo, reason string) *DeviceChoice {
		return &DeviceChoice{Index: d.Index, Name: d.Name, Reason: reason}
	}
	if selector == "" {
		best := pick(devs)
		if len(devs) == 1 {
			return choice(best, "the only device"), nil
		}
		return choice(best, fmt.Sprintf("preferred of %d devices (GPU > accelerator > CPU, then fp64, then compute units × clock)", len(devs))), nil
	}
	if n, err := strconv.Atoi(selector); err == nil {
		if n >= 0 && n < len(devs) {
			return choice(devs[n], fmt.Sprintf("NUMKIT_OPENCL_DEVICE=%s", selector)), nil
		}
		return nil, deviceError(devs, selector)
	}
	var matches []DeviceInfo
	for _, d := range devs {
		if strings.Contains(strings.ToLower(d.Name), strings.ToLower(selector)) {
			matches = append(matches, d)
		}
	}
	switch len(matches) {
	case 0:
		return nil, deviceError(devs, selector)
	case 1:
		return choice(matches[0], fmt.Sprintf("NUMKIT_OPENCL_DEVICE=%q matches its name", selector)), nil
	}
	return choice(pick(matches), fmt.Sprintf("NUMKIT_OPENCL_DEVICE=%q matches %d devices; preferred of those", selector, len(matches))), nil
}

// deviceError is the error for a NUMKIT_OPENCL_DEVICE that selects no device.
func deviceError(devs []DeviceInfo, selector string) error {
	names := make([]string, len(devs))
	for i, d := range devs {
		names[i] = fmt.Sprintf("%d %q", d.Index, d.Name)
	}
	return &ConfigError{
		Var:   envOpenCLDevice,
		Value: selector,
		Want: fmt.Sprintf("a device index from 0 to %d or a substring of a device name; devices: %s",
			len(devs)-1, strings.Join(names, ", ")),
	}
}
