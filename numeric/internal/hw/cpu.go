package hw

import (
	"fmt"
	"runtime"
	"strings"
	"sync"

	"github.com/klauspost/cpuid/v2"
	"github.com/numkit/numkit/asm"
)

// CPUInfo describes the processor, as github.com/klauspost/cpuid/v2 detects it.
// Counts and sizes are 0 where they could not be detected.
type CPUInfo struct {
	Vendor   string `json:"vendor"`   // e.g. "GenuineIntel", "AuthenticAMD", "ARM"
	Brand    string `json:"brand"`    // the brand string, e.g. "Intel(R) Xeon(R) ..."
	Family   int    `json:"family"`   // CPU family number
	Model    int    `json:"model"`    // CPU model number
	Stepping int    `json:"stepping"` // CPU stepping
	// PhysicalCores is the physical cores the process may use: cpuid's count, but
	// no more than LogicalCores.
	PhysicalCores int `json:"physical_cores"`
	// LogicalCores is the CPUs the process may run on: those of its affinity mask
	// (runtime.NumCPU), lowered to a cgroup CPU quota (rounded up) where one is set.
	LogicalCores int `json:"logical_cores"`
	// CoresSource says how LogicalCores was found (affinity mask, cgroup file).
	CoresSource string `json:"cores_source"`
	// HostPhysicalCores and HostLogicalCores are cpuid's view of the host, which in
	// a virtual machine or container may be far more than the process can use.
	HostPhysicalCores int `json:"host_physical_cores"`
	HostLogicalCores  int `json:"host_logical_cores"`
	ThreadsPerCore    int `json:"threads_per_core"` // SMT threads per core (cpuid)
	CacheLineBytes    int `json:"cache_line_bytes"` // cache line size
	L1DBytes          int `json:"l1d_bytes"`        // L1 data cache (per core)
	L2Bytes           int `json:"l2_bytes"`         // L2 cache
	L3Bytes           int `json:"l3_bytes"`         // L3 cache (shared): cpuid's, else sysfs's
	// L3Source is where L3Bytes came from: "cpuid", "sysfs" (Linux
	// /sys/devices/system/cpu/cpu0/cache), or "" when unknown.
	L3Source   string `json:"l3_source"`
	X86Level   int    `json:"x86_64_level"` // x86-64 micro-architecture level 1..4; 0 off amd64
	Hypervisor bool   `json:"hypervisor"`   // running under a hypervisor (cores may be vCPUs)
}

// SIMDInfo says which SIMD level numkit's CPU kernels use and why.
type SIMDInfo struct {
	// Level is the level in use: "avx512", "avx2", "neon" or "none" (pure Go).
	Level string `json:"level"`
	// Supported is the widest level this CPU and build could run.
	Supported string `json:"supported"`
	// Reason explains Level: the policy, a hold-back, or a NUMKIT_SIMD cap.
	Reason string `json:"reason"`
	// Features says, for each SIMD feature that matters to numkit on this
	// architecture, whether the CPU (and OS) supports it. Names are spelled as in
	// Linux /proc/cpuinfo, except sse3 (pni there).
	Features map[string]bool `json:"features"`
}

// feature is a CPU feature the report lists.
type feature struct {
	name string
	id   cpuid.FeatureID
}

// hwFeaturesAMD64 and hwFeaturesARM64 are the features the report lists, in the order
// the text report shows them.
var (
	hwFeaturesAMD64 = []feature{
		{"sse2", cpuid.SSE2}, {"sse3", cpuid.SSE3}, {"ssse3", cpuid.SSSE3},
		{"sse4_1", cpuid.SSE4}, {"sse4_2", cpuid.SSE42},
		{"avx", cpuid.AVX}, {"avx2", cpuid.AVX2}, {"fma", cpuid.FMA3}, {"f16c", cpuid.F16C},
		{"avx512f", cpuid.AVX512F}, {"avx512dq", cpuid.AVX512DQ},
		{"avx512bw", cpuid.AVX512BW}, {"avx512vl", cpuid.AVX512VL},
		{"avx512_vnni", cpuid.AVX512VNNI}, {"avx512_vbmi2", cpuid.AVX512VBMI2},
		{"gfni", cpuid.GFNI}, {"vpclmulqdq", cpuid.VPCLMULQDQ},
	}
	hwFeaturesARM64 = []feature{
		{"asimd", cpuid.ASIMD}, {"fphp", cpuid.FPHP}, {"asimdhp", cpuid.ASIMDHP},
		{"sve", cpuid.SVE}, {"sve2", cpuid.SVE2},
	}
)

// featureList returns the features the report lists for goarch (none for an
// architecture numkit has no SIMD kernels for).
func featureList(goarch string) []feature {
	switch goarch {
	case "amd64":
		return hwFeaturesAMD64
	case "arm64":
		return hwFeaturesARM64
	}
	return nil
}

// SIMDFeatureNames returns the names of the SIMD features the report lists for the
// architecture goarch ("amd64", "arm64"; HardwareReport.Arch), which are the keys of
// SIMDInfo.Features, in display order. It returns none for other architectures.
func SIMDFeatureNames(goarch string) []string {
	list := featureList(goarch)
	names := make([]string, len(list))
	for i, f := range list {
		names[i] = f.name
	}
	return names
}

// cpuInfo fills a CPUInfo from c and what the process may use (v).
func cpuInfo(c *cpuid.CPUInfo, v processView) CPUInfo {
	nonNegative := func(n int) int { return max(n, 0) }
	info := CPUInfo{
		Vendor:            c.VendorString,
		Brand:             strings.TrimSpace(c.BrandName),
		Family:            c.Family,
		Model:             c.Model,
		Stepping:          c.Stepping,
		PhysicalCores:     min(nonNegative(c.PhysicalCores), v.cpus),
		LogicalCores:      v.cpus,
		CoresSource:       v.source,
		HostPhysicalCores: nonNegative(c.PhysicalCores),
		HostLogicalCores:  nonNegative(c.LogicalCores),
		ThreadsPerCore:    nonNegative(c.ThreadsPerCore),
		CacheLineBytes:    nonNegative(c.CacheLine),
		L1DBytes:          nonNegative(c.Cache.L1D),
		L2Bytes:           nonNegative(c.Cache.L2),
		L3Bytes:           nonNegative(c.Cache.L3),
		X86Level:          c.X64Level(),
		Hypervisor:        c.VM(),
	}
	switch {
	case info.L3Bytes > 0:
		info.L3Source = "cpuid"
	case v.l3 > 0:
		info.L3Bytes, info.L3Source = v.l3, "sysfs"
	}
	return info
}

// simdFeatures reports the listed features of c for goarch.
func simdFeatures(c *cpuid.CPUInfo, goarch string) map[string]bool {
	m := map[string]bool{}
	for _, f := range featureList(goarch) {
		m[f.name] = c.Has(f.id)
	}
	return m
}

// simdChoice is the outcome of the SIMD policy.
type simdChoice struct {
	level, supported asm.Level
	reason           string
}

// simdChosen is the policy applied to this process: the CPU, this build's asm levels and
// NUMKIT_SIMD, decided once.
var simdChosen = sync.OnceValue(func() simdChoice {
	cfg, _ := Env() // a bad NUMKIT_SIMD keeps "auto"; the report carries the error
	choice := simdPolicy(asm.Supported(), &cpuid.CPU, runtime.GOARCH, cfg.SIMD)
	choice.level = asm.SetLevel(choice.level)
	return choice
})

// SIMDLevel returns the SIMD level numkit's CPU kernels use. The first call applies
// the policy (simdPolicy) and NUMKIT_SIMD with asm.SetLevel; later calls return the
// same level. The engine calls it before running asm kernels.
func SIMDLevel() asm.Level { return simdChosen().level }

// SIMDReason says why the SIMD level is what it is (for errors and reports).
func SIMDReason() string { return simdChosen().reason }

// lateAVX512 are the features that mark an AVX-512 core of the Ice Lake generation
// or later (Intel Ice Lake, Tiger Lake, Rocket Lake, Sapphire Rapids and later; AMD
// Zen 4 and later). Cores without them (Intel Skylake-SP/X, Cascade Lake, Cooper
// Lake, Cannon Lake) lower their clock while running 512-bit instructions.
var lateAVX512 = []cpuid.FeatureID{cpuid.AVX512VBMI2, cpuid.GFNI, cpuid.VPCLMULQDQ}

// simdPolicy decides the SIMD level, with a reason, from the widest level this CPU
// and build support (asm.Supported), the CPU's features, the architecture and the
// NUMKIT_SIMD setting (auto, avx512, avx2, neon or off). The rule:
//
//   - auto uses the supported level, except that AVX-512 is held back to AVX2 on
//     cores without AVX512_VBMI2, GFNI and VPCLMULQDQ (see lateAVX512), which
//     downclock under 512-bit load;
//   - an explicit level caps the supported one and is used as asked, hold-back or
//     not (NUMKIT_SIMD=avx512 uses AVX-512 on a Skylake-SP); a level above what the
//     CPU supports is lowered to it, and neon on amd64 means none;
//   - off means none (pure Go).
func simdPolicy(supported asm.Level, c *cpuid.CPUInfo, goarch, setting string) simdChoice {
	choice := simdChoice{level: supported, supported: supported}
	switch setting {
	case "", "auto":
		choice.reason = supportedReason(supported, c, goarch)
		if supported == asm.LevelAVX512 && !c.Supports(lateAVX512...) {
			choice.level = asm.LevelAVX2
			choice.reason = "AVX-512 present but held back to AVX2: this core lacks " +
				missingFeatures(c, lateAVX512) + ", so it is a pre-Ice Lake AVX-512 design " +
				"(Skylake-SP/X, Cascade Lake, Cooper Lake) that lowers its clock under " +
				"512-bit load; NUMKIT_SIMD=avx512 uses it anyway"
		}
		return choice
	case "off":
		choice.level = asm.LevelNone
		choice.reason = fmt.Sprintf("NUMKIT_SIMD=off: pure Go (this CPU supports %s)", supported)
		return choice
	}
	want := parseLevel(setting)
	switch {
	case want > supported:
		choice.reason = fmt.Sprintf("NUMKIT_SIMD=%s asks for more than this CPU and build support; using %s (%s)",
			setting, supported, supportedReason(supported, c, goarch))
	case want == supported:
		choice.reason = fmt.Sprintf("NUMKIT_SIMD=%s, which this CPU supports", setting)
	case want == asm.LevelNEON && supported > asm.LevelNEON:
		choice.level = asm.LevelNone
		choice.reason = fmt.Sprintf("NUMKIT_SIMD=neon is an arm64 level, below every %s level: pure Go (this CPU supports %s)",
			goarch, supported)
	default:
		choice.level = want
		choice.reason = fmt.Sprintf("capped at %s by NUMKIT_SIMD=%s (this CPU supports %s)", want, setting, supported)
	}
	return choice
}

// parseLevel maps a NUMKIT_SIMD level name to its asm.Level.
func parseLevel(s string) asm.Level {
	switch s {
	case "avx512":
		return asm.LevelAVX512
	case "avx2":
		return asm.LevelAVX2
	case "neon":
		return asm.LevelNEON
	}
	return asm.LevelNone
}

// supportedReason explains why supported is the widest level this CPU and build run.
func supportedReason(supported asm.Level, c *cpuid.CPUInfo, goarch string) string {
	avx512 := []cpuid.FeatureID{cpuid.AVX512F, cpuid.AVX512DQ, cpuid.AVX512BW, cpuid.AVX512VL}
	switch supported {
	case asm.LevelAVX512:
		if c.Supports(lateAVX512...) {
			return "AVX-512 F+DQ+BW+VL on an Ice Lake-era or later core (VBMI2, GFNI, VPCLMULQDQ present), " +
				"which runs 512-bit code without lowering its clock"
		}
		return "AVX-512 F+DQ+BW+VL present"
	case asm.LevelAVX2:
		if c.Has(cpuid.AVX512F) {
			return "AVX2 and FMA3; AVX-512 lacks " + missingFeatures(c, avx512)
		}
		return "AVX2 and FMA3; no AVX-512"
	case asm.LevelNEON:
		return "ASIMD (NEON) present"
	}
	switch {
	case goarch == "amd64" && !c.Has(cpuid.SSE2): // SSE2 is baseline amd64: nothing was detected
		return "CPU features were not detected (cpuid detects nothing in -tags noasm builds): pure Go"
	case goarch == "amd64" && c.Supports(cpuid.AVX2, cpuid.FMA3), goarch == "arm64" && c.Has(cpuid.ASIMD):
		return "this build has no SIMD kernels (built with -tags noasm or a non-gc compiler): pure Go"
	case goarch == "amd64":
		return "this CPU lacks " + missingFeatures(c, []cpuid.FeatureID{cpuid.AVX2, cpuid.FMA3}) + ": pure Go"
	case goarch == "arm64":
		return "this CPU lacks ASIMD: pure Go"
	}
	return "numkit has no SIMD kernels for GOARCH=" + goarch + ": pure Go"
}

// missingFeatures names the features of ids that c lacks, e.g. "AVX512VBMI2 and GFNI".
func missingFeatures(c *cpuid.CPUInfo, ids []cpuid.FeatureID) string {
	var missing []string
	for _, id := range ids {
		if !c.Has(id) {
			missing = append(missing, id.String())
		}
	}
	switch len(missing) {
	case 0:
		return "nothing"
	case 1:
		return missing[0]
	}
	return strings.Join(missing[:len(missing)-1], ", ") + " and " + missing[len(missing)-1]
}
