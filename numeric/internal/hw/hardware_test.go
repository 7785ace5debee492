package hw

import (
	"encoding/json"
	"errors"
	"os"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/klauspost/cpuid/v2"
	"github.com/numkit/numkit/asm"
	"github.com/numkit/numkit/cl"
)

// hwProcFlags returns the CPU feature flags of the first processor in /proc/cpuinfo
// ("flags" on x86, "Features" on arm64), or skips the test where there is none.
func hwProcFlags(t *testing.T) map[string]bool {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("/proc/cpuinfo is Linux only")
	}
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		t.Skipf("cannot read /proc/cpuinfo: %v", err)
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		if key = strings.TrimSpace(key); key == "flags" || key == "Features" {
			flags := map[string]bool{}
			for _, f := range strings.Fields(value) {
				flags[f] = true
			}
			return flags
		}
	}
	t.Skip("/proc/cpuinfo has no flags line")
	return nil
}

// hwProcName maps a report feature name to its /proc/cpuinfo spelling.
func hwProcName(name string) string {
	if name == "sse3" {
		return "pni"
	}
	return name
}

func TestHardwareFeaturesMatchProcCPUInfo(t *testing.T) {
	flags := hwProcFlags(t)
	r, _ := Report()
	if len(featureList(runtime.GOARCH)) == 0 {
		t.Skipf("no SIMD features listed for GOARCH=%s", runtime.GOARCH)
	}
	if len(r.SIMD.Features) != len(featureList(runtime.GOARCH)) {
		t.Errorf("report lists %d features, want %d", len(r.SIMD.Features), len(featureList(runtime.GOARCH)))
	}
	if runtime.GOARCH == "amd64" && !r.SIMD.Features["sse2"] {
		t.Skipf("CPU features not detected in this build: %s", r.SIMD.Reason)
	}
	for name, has := range r.SIMD.Features {
		if proc := flags[hwProcName(name)]; has != proc {
			t.Errorf("feature %s: numkit says %v, /proc/cpuinfo flag %q says %v", name, has, hwProcName(name), proc)
		}
	}
	// The level must follow from the features /proc/cpuinfo shows.
	supported := r.SIMD.Supported
	switch {
	case runtime.GOARCH == "amd64" && flags["avx512f"] && flags["avx512dq"] && flags["avx512bw"] && flags["avx512vl"]:
		if supported != "avx512" && asm.Supported() != asm.LevelNone {
			t.Errorf("supported level %s, but /proc/cpuinfo has AVX-512 F+DQ+BW+VL", supported)
		}
	case runtime.GOARCH == "amd64" && flags["avx2"] && flags["fma"]:
		if supported != "avx2" && asm.Supported() != asm.LevelNone {
			t.Errorf("supported level %s, but /proc/cpuinfo has AVX2+FMA without AVX-512", supported)
		}
	}
}

func TestHardwareReportConsistent(t *testing.T) {
	r, err := Report()
	if cfgErr := envError(); err == nil && cfgErr != nil {
		t.Errorf("Report() error = nil, but the environment configuration has %v", cfgErr)
	}
	if r.SIMD.Level != SIMDLevel().String() {
		t.Errorf("report level %s, SIMDLevel() %s", r.SIMD.Level, SIMDLevel())
	}
	if r.SIMD.Reason == "" {
		t.Error("SIMD reason is empty")
	}
	if (r.CPU.LogicalCores < 1 && r.CPU.Vendor != "") || r.GOMAXPROCS < 1 || r.Config.Threads < 1 {
		t.Errorf("implausible counts: logical cores %d, GOMAXPROCS %d, threads %d",
			r.CPU.LogicalCores, r.GOMAXPROCS, r.Config.Threads)
	}
	if runtime.GOOS == "linux" && r.Memory.TotalBytes < 64<<20 {
		t.Errorf("total memory %d bytes (%s), want at least 64 MiB", r.Memory.TotalBytes, r.Memory.Source)
	}
	if runtime.GOARCH == "amd64" && r.SIMD.Features["sse2"] && (r.CPU.X86Level < 1 || r.CPU.Vendor == "") {
		t.Errorf("amd64 CPU with x86-64 level %d, vendor %q", r.CPU.X86Level, r.CPU.Vendor)
	}
	names := []string{}
	for _, b := range r.Backends {
		names = append(names, b.Name)
		if b.Reason == "" {
			t.Errorf("backend %s has no reason", b.Name)
		}
	}
	if strings.Join(names, ",") != "opencl,simd,gonum" {
		t.Errorf("backends %v, want opencl, simd, gonum", names)
	}
	if gonum := r.Backends[2]; !gonum.Usable {
		t.Errorf("gonum backend not usable: %s", gonum.Reason)
	}
	if !r.OpenCL.Available && r.OpenCL.Reason == "" {
		t.Error("OpenCL unavailable without a reason")
	}
}

// envError returns the process's configuration error.
func envError() error { _, err := Env(); return err }

func TestHardwareConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	out := make([][]byte, 8)
	for i := range out {
		wg.Go(func() {
			r, _ := Report()
			r.Memory = MemoryInfo{} // the one figure read afresh
			out[i], _ = json.Marshal(r)
		})
	}
	wg.Wait()
	for i := range out {
		if string(out[i]) != string(out[0]) {
			t.Fatalf("Report() call %d differs:\n%s\nvs\n%s", i, out[i], out[0])
		}
	}
	// Each call returns its own copy.
	a, _ := Report()
	a.Config.Env["NUMKIT_TEST"] = "x"
	a.Backends[0].Name = "changed"
	if b, _ := Report(); b.Config.Env["NUMKIT_TEST"] != "" || b.Backends[0].Name != "opencl" {
		t.Error("changing a report changed the next one")
	}
}

// requireOpenCL returns the report when it has an OpenCL device. Otherwise it skips
// the test, or fails it under NUMKIT_REQUIRE_OPENCL=1.
func requireOpenCL(t *testing.T) HardwareReport {
	t.Helper()
	r, _ := Report()
	if !r.OpenCL.Available {
		if os.Getenv("NUMKIT_REQUIRE_OPENCL") == "1" {
			t.Fatalf("NUMKIT_REQUIRE_OPENCL=1 but OpenCL is unavailable: %s", r.OpenCL.Reason)
		}
		t.Skipf("OpenCL unavailable: %s", r.OpenCL.Reason)
	}
	return r
}

func TestHardwareOpenCLDevices(t *testing.T) {
	r := requireOpenCL(t)
	n := 0
	for _, p := range r.OpenCL.Platforms {
		if p.Name == "" || !strings.HasPrefix(p.Version, "OpenCL ") {
			t.Errorf("platform %q has version %q, want \"OpenCL x.y ...\"", p.Name, p.Version)
		}
		for _, d := range p.Devices {
			if d.Index != n {
				t.Errorf("device %q has index %d, want %d", d.Name, d.Index, n)
			}
			n++
			if d.Name == "" || d.ComputeUnits < 1 || d.GlobalMemBytes == 0 || d.MaxWorkGroupSize < 1 {
				t.Errorf("implausible device %+v", d)
			}
			if d.MaxAllocBytes == 0 || d.MaxAllocBytes > d.GlobalMemBytes {
				t.Errorf("device %q: max alloc %d, global memory %d", d.Name, d.MaxAllocBytes, d.GlobalMemBytes)
			}
			if !strings.HasPrefix(d.Version, "OpenCL ") {
				t.Errorf("device %q has version %q", d.Name, d.Version)
			}
		}
	}
	if n == 0 {
		t.Fatal("OpenCL available but no devices listed")
	}
	if r.OpenCL.Library == "" {
		t.Error("OpenCL available but no library named")
	}
	c := r.OpenCL.Chosen
	if c == nil || c.Index < 0 || c.Index >= n || c.Reason == "" {
		t.Fatalf("chosen device %+v, want one of the %d devices with a reason", c, n)
	}
	if !r.Backends[0].Usable {
		t.Errorf("OpenCL device chosen but the opencl backend is not usable: %s", r.Backends[0].Reason)
	}
}

// hwTestReport builds a report, uncached, from the given environment.
func hwTestReport(t *testing.T, env map[string]string) (HardwareReport, error) {
	t.Helper()
	cfg, cfgErr := ParseEnv(lookup(env))
	simd := simdPolicy(asm.Supported(), &cpuid.CPU, runtime.GOARCH, cfg.SIMD)
	return buildReport(cfg, cfgErr, &cpuid.CPU, hostView(), simd, Discover(cfg))
}

func TestHardwareOpenCLUnavailable(t *testing.T) {
	tests := []struct {
		name   string
		env    map[string]string
		reason []string // substrings of the OpenCL reason
		err    string   // substring of the error; "" for none
	}{
		{"off", map[string]string{"NUMKIT_OPENCL": "off"},
			[]string{"NUMKIT_OPENCL=off"}, ""},
		{"missing library", map[string]string{"NUMKIT_OPENCL_LIBRARY": "/nonexistent/libOpenCL.so"},
			[]string{"no OpenCL runtime", "/nonexistent/libOpenCL.so"}, ""},
		{"missing library required", map[string]string{"NUMKIT_OPENCL_LIBRARY": "/nonexistent/libOpenCL.so", "NUMKIT_OPENCL": "on"},
			[]string{"/nonexistent/libOpenCL.so"}, "NUMKIT_OPENCL=on but OpenCL is unavailable: no OpenCL runtime"},
		{"off but forced", map[string]string{"NUMKIT_OPENCL": "off", "NUMKIT_BACKEND": "opencl"},
			[]string{"NUMKIT_OPENCL=off"}, "NUMKIT_BACKEND=opencl but the opencl backend is not usable: OpenCL disabled"},
		{"off with a device", map[string]string{"NUMKIT_OPENCL": "off", "NUMKIT_OPENCL_DEVICE": "nothing-like-this"},
			[]string{"NUMKIT_OPENCL=off"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := hwTestReport(t, tt.env)
			if r.OpenCL.Available || r.OpenCL.Chosen != nil || len(r.OpenCL.Platforms) != 0 {
				t.Errorf("OpenCL available: %+v", r.OpenCL)
			}
			for _, s := range tt.reason {
				if !strings.Contains(r.OpenCL.Reason, s) {
					t.Errorf("OpenCL reason %q does not contain %q", r.OpenCL.Reason, s)
				}
			}
			if ocl := r.Backends[0]; ocl.Usable || ocl.Selected || ocl.Reason != r.OpenCL.Reason {
				t.Errorf("opencl backend %+v, want unusable with reason %q", ocl, r.OpenCL.Reason)
			}
			switch {
			case tt.err == "" && err != nil:
				t.Errorf("error %v, want none", err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Errorf("error %v, want one containing %q", err, tt.err)
			case tt.err != "" && (len(r.Errors) != 1 || r.Errors[0] != err.Error()):
				t.Errorf("report errors %q, want [%q]", r.Errors, err)
			}
			if lib := tt.env["NUMKIT_OPENCL_LIBRARY"]; r.OpenCL.Library != lib {
				t.Errorf("library %q, want %q", r.OpenCL.Library, lib)
			}
			if tt.env["NUMKIT_OPENCL_LIBRARY"] != "" && !errors.Is(Discover(mustParse(t, tt.env)).Err, cl.ErrNoRuntime) {
				t.Error("a missing library's error does not wrap cl.ErrNoRuntime")
			}
		})
	}
}

func mustParse(t *testing.T, env map[string]string) Config {
	t.Helper()
	cfg, err := ParseEnv(lookup(env))
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func TestHardwareBadConfigReported(t *testing.T) {
	r, err := hwTestReport(t, map[string]string{"NUMKIT_SIMD": "avx9", "NUMKIT_OPENCL": "off"})
	want := `NUMKIT_SIMD="avx9": want one of auto, avx512, avx2, neon, off`
	var ce *ConfigError
	if err == nil || err.Error() != want || !errors.As(err, &ce) {
		t.Errorf("error %v, want *ConfigError %q", err, want)
	}
	if len(r.Errors) != 1 || r.Errors[0] != want {
		t.Errorf("report errors %q, want [%q]", r.Errors, want)
	}
	if r.Config.SIMD != "auto" || r.Config.Env["NUMKIT_SIMD"] != "avx9" {
		t.Errorf("Config %+v, want SIMD auto (the default) and env showing avx9", r.Config)
	}
}

var snakeCase = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

func TestHardwareJSONFieldNames(t *testing.T) {
	r, _ := hwTestReport(t, map[string]string{"NUMKIT_OPENCL": "off"})
	r.OpenCL.Platforms = []PlatformInfo{{Devices: []DeviceInfo{{}}}}
	r.OpenCL.Chosen = &DeviceChoice{}
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if path != ".config.env" && path != ".simd.features" && !snakeCase.MatchString(k) {
					t.Errorf("field %s.%s is not snake_case", path, k)
				}
				walk(path+"."+k, x)
			}
		case []any:
			for _, x := range v {
				walk(path+"[]", x)
			}
		}
	}
	walk("", v)
}
