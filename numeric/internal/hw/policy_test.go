package hw

import (
	"errors"
	"strings"
	"testing"

	"github.com/klauspost/cpuid/v2"
	"github.com/numkit/numkit/asm"
	"github.com/numkit/numkit/cl"
)

// hwFakeCPU returns a CPU with exactly the given features.
func hwFakeCPU(ids ...cpuid.FeatureID) *cpuid.CPUInfo {
	var c cpuid.CPUInfo
	c.Enable(ids...)
	return &c
}

var (
	hwAVX2CPU       = []cpuid.FeatureID{cpuid.SSE2, cpuid.SSE42, cpuid.AVX, cpuid.AVX2, cpuid.FMA3}
	hwSkylakeSPCPU  = append(append([]cpuid.FeatureID{}, hwAVX2CPU...), cpuid.AVX512F, cpuid.AVX512DQ, cpuid.AVX512BW, cpuid.AVX512VL, cpuid.AVX512CD)
	hwCascadeCPU    = append(append([]cpuid.FeatureID{}, hwSkylakeSPCPU...), cpuid.AVX512VNNI)
	hwIceLakeCPU    = append(append([]cpuid.FeatureID{}, hwCascadeCPU...), cpuid.AVX512VBMI2, cpuid.GFNI, cpuid.VPCLMULQDQ)
	hwKnightsCPU    = append(append([]cpuid.FeatureID{}, hwAVX2CPU...), cpuid.AVX512F, cpuid.AVX512CD)
	hwNEONCPU       = []cpuid.FeatureID{cpuid.ASIMD, cpuid.FPHP, cpuid.ASIMDHP}
	hwPlainSSE2CPU  = []cpuid.FeatureID{cpuid.SSE2, cpuid.SSE3}
	hwAVX512Missing = "AVX512VBMI2, GFNI and VPCLMULQDQ"
)

func TestSIMDPolicy(t *testing.T) {
	tests := []struct {
		name      string
		supported asm.Level
		cpu       []cpuid.FeatureID
		goarch    string
		setting   string
		want      asm.Level
		reason    string // substring of the reason
	}{
		{"ice lake auto", asm.LevelAVX512, hwIceLakeCPU, "amd64", "auto", asm.LevelAVX512, "without lowering its clock"},
		{"skylake-sp auto", asm.LevelAVX512, hwSkylakeSPCPU, "amd64", "auto", asm.LevelAVX2, "held back to AVX2: this core lacks " + hwAVX512Missing},
		{"cascade lake auto", asm.LevelAVX512, hwCascadeCPU, "amd64", "", asm.LevelAVX2, "pre-Ice Lake"},
		{"skylake-sp forced", asm.LevelAVX512, hwSkylakeSPCPU, "amd64", "avx512", asm.LevelAVX512, "NUMKIT_SIMD=avx512, which this CPU supports"},
		{"ice lake capped", asm.LevelAVX512, hwIceLakeCPU, "amd64", "avx2", asm.LevelAVX2, "capped at avx2 by NUMKIT_SIMD=avx2 (this CPU supports avx512)"},
		{"ice lake off", asm.LevelAVX512, hwIceLakeCPU, "amd64", "off", asm.LevelNone, "NUMKIT_SIMD=off"},
		{"neon on amd64", asm.LevelAVX512, hwIceLakeCPU, "amd64", "neon", asm.LevelNone, "arm64 level"},
		{"avx2 machine asks avx512", asm.LevelAVX2, hwAVX2CPU, "amd64", "avx512", asm.LevelAVX2, "asks for more than this CPU and build support; using avx2"},
		{"avx2 auto", asm.LevelAVX2, hwAVX2CPU, "amd64", "auto", asm.LevelAVX2, "no AVX-512"},
		{"knights landing", asm.LevelAVX2, hwKnightsCPU, "amd64", "auto", asm.LevelAVX2, "AVX-512 lacks AVX512DQ, AVX512BW and AVX512VL"},
		{"sse2 only", asm.LevelNone, hwPlainSSE2CPU, "amd64", "auto", asm.LevelNone, "lacks AVX2 and FMA3"},
		{"noasm build", asm.LevelNone, hwIceLakeCPU, "amd64", "auto", asm.LevelNone, "noasm"},
		{"arm64 auto", asm.LevelNEON, hwNEONCPU, "arm64", "auto", asm.LevelNEON, "ASIMD"},
		{"arm64 asks avx2", asm.LevelNEON, hwNEONCPU, "arm64", "avx2", asm.LevelNEON, "using neon"},
		{"arm64 off", asm.LevelNEON, hwNEONCPU, "arm64", "off", asm.LevelNone, "pure Go"},
		{"noasm detects nothing", asm.LevelNone, nil, "amd64", "auto", asm.LevelNone, "not detected"},
		{"riscv", asm.LevelNone, nil, "riscv64", "auto", asm.LevelNone, "GOARCH=riscv64"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := simdPolicy(tt.supported, hwFakeCPU(tt.cpu...), tt.goarch, tt.setting)
			if got.level != tt.want || got.supported != tt.supported {
				t.Errorf("level %s (supported %s), want %s (supported %s)", got.level, got.supported, tt.want, tt.supported)
			}
			if !strings.Contains(got.reason, tt.reason) {
				t.Errorf("reason %q does not contain %q", got.reason, tt.reason)
			}
		})
	}
}

// hwFakeDevices is a machine with two platforms and three devices.
var hwFakePlatforms = []cl.Platform{
	{Name: "Portable Computing Language", Version: "OpenCL 3.0 PoCL", Devices: []cl.Device{
		{Name: "cpu-sapphirerapids", Type: cl.DeviceTypeCPU, ComputeUnits: 2, ClockMHz: 2000, FP64: true},
	}},
	{Name: "Vendor GPU", Version: "OpenCL 3.0", Devices: []cl.Device{
		{Name: "Small GPU", Type: cl.DeviceTypeGPU | cl.DeviceTypeDefault, ComputeUnits: 8, ClockMHz: 1000},
		{Name: "Big GPU", Type: cl.DeviceTypeGPU, ComputeUnits: 64, ClockMHz: 1500, FP64: true},
		{Name: "Huge GPU without fp64", Type: cl.DeviceTypeGPU, ComputeUnits: 128, ClockMHz: 2000},
	}},
}

func TestChooseDevice(t *testing.T) {
	tests := []struct {
		selector string
		want     int
		reason   string
		err      string
	}{
		{"", 2, "preferred of 4 devices", ""},
		{"0", 0, "NUMKIT_OPENCL_DEVICE=0", ""},
		{"3", 3, "NUMKIT_OPENCL_DEVICE=3", ""},
		{"sapphire", 0, `NUMKIT_OPENCL_DEVICE="sapphire" matches its name`, ""},
		{"gpu", 2, "matches 3 devices; preferred of those", ""},
		{"SMALL", 1, "matches its name", ""},
		{"4", 0, "", `NUMKIT_OPENCL_DEVICE="4": want a device index from 0 to 3 or a substring of a device name; devices: 0 "cpu-sapphirerapids", 1 "Small GPU", 2 "Big GPU", 3 "Huge GPU without fp64"`},
		{"tpu", 0, "", `NUMKIT_OPENCL_DEVICE="tpu": want a device index from 0 to 3`},
	}
	for _, tt := range tests {
		t.Run("selector="+tt.selector, func(t *testing.T) {
			cfg := Config{OpenCL: "auto", OpenCLDevice: tt.selector}
			info, err := OpenCLReport(cfg, OpenCLFound{Platforms: hwFakePlatforms})
			if !info.Available || len(info.Platforms) != 2 || len(info.Platforms[1].Devices) != 3 {
				t.Fatalf("OpenCL info %+v, want 2 platforms, 4 devices", info)
			}
			if tt.err != "" {
				var ce *ConfigError
				if err == nil || !strings.HasPrefix(err.Error(), tt.err) || !errors.As(err, &ce) {
					t.Errorf("error %v, want *ConfigError %q", err, tt.err)
				}
				if info.Chosen != nil {
					t.Errorf("chose %+v despite the error", info.Chosen)
				}
				return
			}
			if err != nil {
				t.Fatalf("error %v", err)
			}
			c := info.Chosen
			if c == nil || c.Index != tt.want || !strings.Contains(c.Reason, tt.reason) {
				t.Fatalf("chosen %+v, want index %d with reason containing %q", c, tt.want, tt.reason)
			}
			wantPlatform := "Vendor GPU"
			if tt.want == 0 {
				wantPlatform = "Portable Computing Language"
			}
			if c.Platform != wantPlatform {
				t.Errorf("platform %q, want %q", c.Platform, wantPlatform)
			}
		})
	}
}

func TestChooseDeviceTypeOrder(t *testing.T) {
	devs := []DeviceInfo{
		{Index: 0, Type: "cpu", FP64: true, ComputeUnits: 64, ClockMHz: 3000},
		{Index: 1, Type: "accelerator", ComputeUnits: 1, ClockMHz: 100},
		{Index: 2, Type: "other", ComputeUnits: 1000, ClockMHz: 3000},
	}
	if c, err := chooseDevice(devs, ""); err != nil || c.Index != 1 {
		t.Errorf("chose %+v, %v; want the accelerator (index 1)", c, err)
	}
	if c, _ := chooseDevice(devs[:1], ""); c.Reason != "the only device" {
		t.Errorf("single device reason %q", c.Reason)
	}
}

func TestOpenCLNoDevices(t *testing.T) {
	empty := OpenCLFound{Platforms: []cl.Platform{{Name: "empty"}}}
	info, err := OpenCLReport(Config{OpenCL: "auto"}, empty)
	if info.Available || err != nil || !strings.Contains(info.Reason, "no devices") {
		t.Errorf("auto: %+v, %v; want unavailable, no error, reason no devices", info, err)
	}
	_, err = OpenCLReport(Config{OpenCL: "on"}, empty)
	if err == nil || !strings.Contains(err.Error(), "NUMKIT_OPENCL=on") {
		t.Errorf("on: error %v, want NUMKIT_OPENCL=on ...", err)
	}
}

func TestDeviceType(t *testing.T) {
	for typ, want := range map[cl.DeviceType]string{
		cl.DeviceTypeGPU | cl.DeviceTypeDefault: "gpu",
		cl.DeviceTypeCPU:                        "cpu",
		cl.DeviceTypeAccelerator:                "accelerator",
		cl.DeviceTypeCustom:                     "custom",
		0:                                       "other",
	} {
		if got := deviceType(typ); got != want {
			t.Errorf("deviceType(%#x) = %q, want %q", typ, got, want)
		}
	}
}
