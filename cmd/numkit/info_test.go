package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/numkit/numkit/numeric"
)

// The golden files are rewritten with `go test ./cmd/numkit -run Info -update`.
// The flag is registered here unless another test file of this package already did.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite testdata/*.golden with the current output")
	}
}

// updatingGolden reports whether -update was given.
func updatingGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// checkGolden compares got with testdata/name, or rewrites the file under -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if updatingGolden() {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test -update if the change is intended)\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

// fakeReport is a fixed report for a machine with AVX-512 held back and two OpenCL
// devices, so that the golden output is the same everywhere.
func fakeReport() numeric.HardwareReport {
	return numeric.HardwareReport{
		OS: "linux", Arch: "amd64", GoVersion: "go1.26.0", GOMAXPROCS: 8,
		CPU: numeric.CPUInfo{
			Vendor: "GenuineIntel", Brand: "Intel(R) Xeon(R) Gold 6148 CPU @ 2.40GHz",
			Family: 6, Model: 85, Stepping: 4, PhysicalCores: 4, LogicalCores: 8, ThreadsPerCore: 2,
			CoresSource:       "16 in the affinity mask; 8 by the cgroup quota (/sys/fs/cgroup/cpu.max 800000 100000)",
			HostPhysicalCores: 40, HostLogicalCores: 80, L3Source: "sysfs",
			CacheLineBytes: 64, L1DBytes: 32 << 10, L2Bytes: 1 << 20, L3Bytes: 28_835_840, X86Level: 4,
		},
		Memory: numeric.MemoryInfo{TotalBytes: 64 << 30, Source: "/proc/meminfo MemTotal"},
		SIMD: numeric.SIMDInfo{
			Level: "avx2", Supported: "avx512",
			Reason: "AVX-512 present but held back to AVX2: this core lacks AVX512VBMI2, GFNI and VPCLMULQDQ",
			Features: map[string]bool{
				"sse2": true, "sse3": true, "ssse3": true, "sse4_1": true, "sse4_2": true,
				"avx": true, "avx2": true, "fma": true, "f16c": true,
				"avx512f": true, "avx512dq": true, "avx512bw": true, "avx512vl": true,
				"avx512_vnni": false, "avx512_vbmi2": false, "gfni": false, "vpclmulqdq": false,
			},
		},
		OpenCL: numeric.OpenCLInfo{
			Available: true, Reason: "2 devices on 2 platforms", Library: "libOpenCL.so.1",
			Platforms: []numeric.PlatformInfo{
				{Name: "Portable Computing Language", Vendor: "The pocl project", Version: "OpenCL 3.0 PoCL 5.0",
					Profile: "FULL_PROFILE", Devices: []numeric.DeviceInfo{{
						Index: 0, Name: "cpu-skylake-avx512", Vendor: "GenuineIntel", Type: "cpu",
						Version: "OpenCL 3.0 PoCL", OpenCLCVersion: "OpenCL C 1.2 PoCL", DriverVersion: "5.0",
						ComputeUnits: 8, ClockMHz: 2400, GlobalMemBytes: 60 << 30, LocalMemBytes: 512 << 10,
						MaxAllocBytes: 16 << 30, MaxWorkGroupSize: 4096, FP64: true, UnifiedMemory: true,
					}}},
				{Name: "Example GPU Platform", Vendor: "Example", Version: "OpenCL 3.0",
					Profile: "FULL_PROFILE", Devices: []numeric.DeviceInfo{{
						Index: 1, Name: "Example GPU", Vendor: "Example", Type: "gpu",
						Version: "OpenCL 3.0", OpenCLCVersion: "OpenCL C 3.0", DriverVersion: "1.2.3",
						ComputeUnits: 40, ClockMHz: 1500, GlobalMemBytes: 12 << 30, LocalMemBytes: 64 << 10,
						MaxAllocBytes: 3 << 30, MaxWorkGroupSize: 1024, FP64: true, FP16: true,
					}}},
			},
			Chosen: &numeric.DeviceChoice{Index: 1, Name: "Example GPU", Platform: "Example GPU Platform",
				Reason: "preferred of 2 devices (GPU > accelerator > CPU, then fp64, then compute units × clock)"},
		},
		Backends: []numeric.BackendInfo{
			{Name: "opencl", Usable: true, Selected: true, Reason: `device 1 "Example GPU" (Example GPU Platform)`},
			{Name: "simd", Usable: true, Selected: true, Reason: "avx2 kernels, 8 threads"},
			{Name: "gonum", Usable: true, Selected: true, Reason: "portable pure Go on gonum, 8 threads"},
		},
		Config: numeric.EnvInfo{
			SIMD: "auto", OpenCL: "auto", Threads: 8, Backend: "auto", CacheDir: "/home/user/.cache/numkit", OpenCLCache: "auto", Accuracy: "default",
			Env: map[string]string{},
		},
		Errors: []string{},
	}
}

// fakeReportNoOpenCL is fakeReport with OpenCL off, the gonum backend forced and a
// bad NUMKIT_SIMD.
func fakeReportNoOpenCL() numeric.HardwareReport {
	r := fakeReport()
	r.OpenCL = numeric.OpenCLInfo{Reason: "OpenCL disabled by NUMKIT_OPENCL=off", Platforms: []numeric.PlatformInfo{}}
	r.Backends[0] = numeric.BackendInfo{Name: "opencl", Reason: r.OpenCL.Reason}
	r.Backends[1].Selected = false
	r.Config.OpenCL, r.Config.Backend = "off", "gonum"
	r.Config.Env = map[string]string{"NUMKIT_OPENCL": "off", "NUMKIT_BACKEND": "gonum", "NUMKIT_SIMD": "avx9"}
	r.Errors = []string{`NUMKIT_SIMD="avx9": want one of auto, avx512, avx2, neon, off`}
	return r
}

func TestInfoGolden(t *testing.T) {
	tests := []struct {
		name   string
		report numeric.HardwareReport
		err    error
		args   []string
		code   int
	}{
		{"info.golden", fakeReport(), nil, nil, 0},
		{"info.json.golden", fakeReport(), nil, []string{"--json"}, 0},
		{"info_noopencl.golden", fakeReportNoOpenCL(), errors.New(fakeReportNoOpenCL().Errors[0]), nil, 1},
		{"info_noopencl.json.golden", fakeReportNoOpenCL(), errors.New(fakeReportNoOpenCL().Errors[0]), []string{"-json"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := &infoCommand{hardware: func() (numeric.HardwareReport, error) { return tt.report, tt.err }}
			var stdout, stderr bytes.Buffer
			if code := cmd.run(&stdout, &stderr, tt.args); code != tt.code {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, tt.code, &stderr)
			}
			if tt.err != nil && stderr.String() != "numkit info: "+tt.err.Error()+"\n" {
				t.Errorf("stderr %q, want the error", &stderr)
			}
			// the version depends on the build: the golden files say VERSION
			got := bytes.ReplaceAll(stdout.Bytes(), []byte(`"version": "`+numkitVersion()+`"`), []byte(`"version": "VERSION"`))
			checkGolden(t, tt.name, got)
		})
	}
}

// infoTopLevelFields are the documented top-level fields of `numkit info --json`.
var infoTopLevelFields = []string{
	"arch", "backends", "config", "cpu", "errors", "go_version", "gomaxprocs", "memory", "opencl", "os", "schema_version", "simd",
	"version",
}

func TestInfoJSONRealMachine(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run(&stdout, &stderr, []string{"info", "--json"})
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(stdout.Bytes(), &fields); err != nil {
		t.Fatalf("output does not parse as JSON: %v\n%s", err, &stdout)
	}
	var keys []string
	for k := range fields {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if !slices.Equal(keys, infoTopLevelFields) {
		t.Errorf("top-level fields %v, want %v", keys, infoTopLevelFields)
	}
	var r numeric.HardwareReport
	if err := json.Unmarshal(stdout.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	if code != 0 && (code != 1 || len(r.Errors) == 0) {
		t.Errorf("exit code %d with errors %q; stderr:\n%s", code, r.Errors, &stderr)
	}
	if r.SIMD.Level == "" || r.SIMD.Reason == "" || len(r.Backends) != 3 || r.OpenCL.Reason == "" {
		t.Errorf("incomplete report: simd %+v, backends %+v, opencl reason %q", r.SIMD, r.Backends, r.OpenCL.Reason)
	}
	for _, name := range []string{"cpu", "memory", "simd", "opencl", "config"} {
		if !bytes.HasPrefix(fields[name], []byte("{")) {
			t.Errorf("field %s is not an object: %.40s", name, fields[name])
		}
	}
}

func TestInfoTextRealMachine(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(&stdout, &stderr, []string{"info"}); code > 1 {
		t.Fatalf("exit code %d; stderr:\n%s", code, &stderr)
	}
	for _, want := range []string{"CPU ", "SIMD ", "Cores ", "Caches ", "OpenCL ", "Backends", "NUMKIT_SIMD"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("text report lacks %q:\n%s", want, &stdout)
		}
	}
}

func TestInfoUsage(t *testing.T) {
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"info", "--bogus"}, 2, "flag provided but not defined: -bogus"},
		{[]string{"info", "extra"}, 2, `unexpected argument "extra"`},
		{[]string{"info", "--json=maybe"}, 2, "invalid boolean value"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			cmd := &infoCommand{hardware: func() (numeric.HardwareReport, error) {
				t.Error("the report was made despite bad usage")
				return fakeReport(), nil
			}}
			var stdout, stderr bytes.Buffer
			if code := cmd.run(&stdout, &stderr, tt.args[1:]); code != tt.code {
				t.Errorf("exit code %d, want %d", code, tt.code)
			}
			if !strings.Contains(stderr.String(), tt.stderr) || stdout.Len() != 0 {
				t.Errorf("stdout %q, stderr %q; want stderr containing %q", &stdout, &stderr, tt.stderr)
			}
		})
	}
	var stdout, stderr bytes.Buffer
	if code := run(&stdout, &stderr, []string{"info", "--bogus"}); code != 2 {
		t.Errorf("run(info --bogus) = %d, want 2", code)
	}
}

func TestInfoBytes(t *testing.T) {
	for n, want := range map[uint64]string{
		0: "unknown", 512: "512 bytes", 48 << 10: "48 KiB", 1280 << 10: "1.25 MiB",
		105 << 20: "105 MiB", 25276502016: "23.5 GiB",
	} {
		if got := infoBytes(n); got != want {
			t.Errorf("infoBytes(%d) = %q, want %q", n, got, want)
		}
	}
}
