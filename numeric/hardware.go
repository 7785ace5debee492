package numeric

import (
	"fmt"
	"log/slog"

	"github.com/numkit/numkit/numeric/internal/hw"
	"github.com/numkit/numkit/numeric/internal/opencl"
)

// The hardware report's types; internal/hw detects what they describe.
type (
	// HardwareReport is numkit's hardware capability report: the CPU, the SIMD level
	// the CPU kernels use, the OpenCL platforms and devices, which backends are
	// usable, and the NUMKIT_* configuration in effect. The JSON field names are
	// stable and documented in docs/info.md; `numkit info --json` prints it.
	HardwareReport = hw.HardwareReport
	// CPUInfo describes the processor, as github.com/klauspost/cpuid/v2 detects it.
	CPUInfo = hw.CPUInfo
	// SIMDInfo is the SIMD level the CPU kernels use and why.
	SIMDInfo = hw.SIMDInfo
	// MemoryInfo is the machine's physical memory.
	MemoryInfo = hw.MemoryInfo
	// OpenCLInfo is what OpenCL discovery found.
	OpenCLInfo = hw.OpenCLInfo
	// PlatformInfo is one OpenCL platform.
	PlatformInfo = hw.PlatformInfo
	// DeviceInfo is one OpenCL device.
	DeviceInfo = hw.DeviceInfo
	// DeviceChoice is the OpenCL device numkit uses and why.
	DeviceChoice = hw.DeviceChoice
	// BackendInfo says whether numkit can evaluate with one backend here.
	BackendInfo = hw.BackendInfo
	// EnvInfo is the configuration numkit read from its NUMKIT_* environment
	// variables (defaults where unset or bad); docs/info.md has the table.
	EnvInfo = hw.EnvInfo
	// ConfigError reports a NUMKIT_* environment variable whose value numkit does not
	// accept. Its message names the variable, the value and what is accepted, e.g.
	//
	//	NUMKIT_SIMD="avx9": want one of auto, avx512, avx2, neon, off
	ConfigError = hw.ConfigError
)

// Hardware returns numkit's hardware capability report. CPU detection, the SIMD
// policy and OpenCL discovery run once, on the first call (or the first evaluation
// that needs them), and later calls reuse them; each call returns a fresh copy that
// the caller may change. It is safe for concurrent use.
//
// The report is complete even when the error is not nil: the error (also listed in
// HardwareReport.Errors) joins the configuration problems — one *ConfigError per
// bad NUMKIT_* value, which then keeps its default — and a NUMKIT_OPENCL=on or
// NUMKIT_BACKEND that cannot be honoured. OpenCL being unavailable is not an error
// unless NUMKIT_OPENCL=on; HardwareReport.OpenCL.Reason says why.
func Hardware() (HardwareReport, error) { return hw.Report() }

// SIMDFeatureNames lists the SIMD features the report shows for goarch, in order.
func SIMDFeatureNames(goarch string) []string { return hw.SIMDFeatureNames(goarch) }

// CheckConfig returns the error Compile returns for the NUMKIT_* configuration: nil,
// or the bad values (one *ConfigError each, joined: errors.As finds them), or
// NUMKIT_OPENCL=on without a usable OpenCL device (wrapping ErrBackend), which loads
// OpenCL to find out. A bad variable keeps its default and does not change how the
// others are read. numkit's eval, stats, bench and calibrate exit 1 on it.
func CheckConfig() error { return configError() }

// configError is CheckConfig.
func configError() error {
	cfg, err := hw.Env()
	if err != nil {
		return fmt.Errorf("numeric: bad configuration: %w", err)
	}
	if cfg.OpenCL == "on" {
		if err := opencl.Usable(); err != nil {
			return fmt.Errorf("numeric: NUMKIT_OPENCL=on but OpenCL is unavailable: %w", err)
		}
	}
	return nil
}

// SetLogger sends numkit's warnings — an unreadable calibration profile or OpenCL
// binary cache, an OpenCL device that failed so that evaluations fall back to the
// CPU — and, at debug level, auto's routing decisions to l (with NUMKIT_OPENCL_DUMP=1,
// each generated OpenCL C program at info level). numkit never writes to standard
// error or anywhere else itself: without a logger these messages are dropped. nil
// restores that default. It is safe for concurrent use.
func SetLogger(l *slog.Logger) { hw.SetLogger(l) }

// Verbosity is the log level the NUMKIT_DEBUG and NUMKIT_OPENCL_DUMP variables ask
// for: slog.LevelDebug with NUMKIT_DEBUG=1, slog.LevelInfo with NUMKIT_OPENCL_DUMP=1
// alone; ok is false when neither is set. A program that honours them, as the numkit
// command does, passes SetLogger a logger at that level.
func Verbosity() (level slog.Level, ok bool) { return hw.Verbosity() }
