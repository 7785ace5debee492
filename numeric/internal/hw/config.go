package hw

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
)

// The environment variables numkit reads. Each is read once, on first need, and the
// values in effect are part of the hardware report (Report.Config). An unset or empty
// variable means its default. docs/info.md has the table.
const (
	envSIMD          = "NUMKIT_SIMD"           // auto | avx512 | avx2 | neon | off
	envOpenCL        = "NUMKIT_OPENCL"         // auto | on | off
	envOpenCLDevice  = "NUMKIT_OPENCL_DEVICE"  // device index or name substring
	envOpenCLLibrary = "NUMKIT_OPENCL_LIBRARY" // ICD loader to open instead of the default names
	envThreads       = "NUMKIT_THREADS"        // worker goroutines
	envBackend       = "NUMKIT_BACKEND"        // auto | gonum | simd | opencl
	envCacheDir      = "NUMKIT_CACHE_DIR"      // calibration cache directory
	envDebug         = "NUMKIT_DEBUG"          // 0 | 1: log routing decisions and fallbacks (Verbosity)
	envOpenCLCache   = "NUMKIT_OPENCL_CACHE"   // auto | on | off: the disk cache of program binaries
	envOpenCLDump    = "NUMKIT_OPENCL_DUMP"    // 0 | 1: log generated OpenCL C (Verbosity)
)

// varNames lists the variables in the order the report shows them.
var varNames = []string{
	envSIMD, envOpenCL, envOpenCLDevice, envOpenCLLibrary, envThreads, envBackend, envCacheDir, envDebug,
	envOpenCLCache, envOpenCLDump, envAccuracy,
}

// The accepted values of the enumerated variables, in the order error messages list them.
var (
	simdValues    = []string{"auto", "avx512", "avx2", "neon", "off"}
	openclValues  = []string{"auto", "on", "off"}
	backendValues = []string{"auto", "gonum", "simd", "opencl"}
	debugValues   = []string{"0", "1"}
)

// maxThreads bounds NUMKIT_THREADS so that a typo cannot ask for millions of
// goroutines.
const maxThreads = 1 << 16

// Config is numkit's configuration from the environment, parsed and validated.
// A variable with a bad value keeps its default here; the error says which.
type Config struct {
	// SIMD caps the SIMD level: "auto" (numkit's policy, see simdPolicy), "avx512",
	// "avx2", "neon" or "off" (pure Go). A cap above what the CPU supports is lowered
	// to what it supports.
	SIMD string
	// OpenCL is "auto" (use OpenCL when a runtime and device are found), "on" (as
	// auto, but no usable device is an error) or "off" (never load the library).
	OpenCL string
	// OpenCLDevice picks the device: "" chooses automatically; a decimal number is an
	// index into the devices of all platforms in order; anything else is a
	// case-insensitive substring of the device name.
	OpenCLDevice string
	// OpenCLLibrary is the ICD loader to open ("" for cl.DefaultLibraryNames).
	OpenCLLibrary string
	// Threads is the number of worker goroutines the CPU backends use (≥ 1);
	// GOMAXPROCS by default.
	Threads int
	// Backend forces one backend ("gonum", "simd", "opencl") or lets the router
	// choose ("auto").
	Backend string
	// CacheDir is where calibration results are kept: NUMKIT_CACHE_DIR, else
	// os.UserCacheDir()/numkit; "" when neither is known.
	CacheDir string
	// Debug, from NUMKIT_DEBUG=1, asks for each routing decision under auto and each
	// fallback from a failing device to the CPU at debug level (Verbosity; the numkit
	// command logs them to standard error).
	Debug bool
	// OpenCLCache, from NUMKIT_OPENCL_CACHE, is the disk cache of OpenCL program
	// binaries: "auto" (on except where the driver caches binaries itself), "on" or
	// "off".
	OpenCLCache string
	// OpenCLDump, from NUMKIT_OPENCL_DUMP=1, logs each generated OpenCL C program at
	// info level (the numkit command logs it to standard error).
	OpenCLDump bool
	// Accuracy, from NUMKIT_ACCURACY, is the SIMD backend's accuracy mode: "default"
	// or "fast" (accuracy.go).
	Accuracy string
	// Env holds the NUMKIT_* variables that were set (non-empty), as set.
	Env map[string]string
}

// ConfigError reports a NUMKIT_* environment variable whose value numkit does not
// accept. Its message names the variable, the value and what is accepted, e.g.
//
//	NUMKIT_SIMD="avx9": want one of auto, avx512, avx2, neon, off
type ConfigError struct {
	Var   string // the variable, e.g. "NUMKIT_SIMD"
	Value string // its value as set
	Want  string // what is accepted
}

func (e *ConfigError) Error() string {
	return fmt.Sprintf("%s=%q: want %s", e.Var, e.Value, e.Want)
}

// Env returns the configuration from the process environment, parsed on the
// first call and cached. The error joins one *ConfigError per bad variable; the
// Config is usable even then (bad variables keep their defaults).
func Env() (Config, error) { return env() }

var env = sync.OnceValues(loadConfig)

// loadConfig parses the configuration from the process environment, uncached.
func loadConfig() (Config, error) { return ParseEnv(os.LookupEnv) }

// ParseEnv parses the configuration from getenv, which looks a variable up as
// os.LookupEnv does. Values are trimmed; enumerated values are case-insensitive.
func ParseEnv(getenv func(string) (string, bool)) (Config, error) {
	return parse(getenv, os.UserCacheDir)
}

// parse is ParseEnv with the user cache directory from userCacheDir.
func parse(getenv func(string) (string, bool), userCacheDir func() (string, error)) (Config, error) {
	cfg := Config{
		SIMD:    "auto",
		OpenCL:  "auto",
		Threads: runtime.GOMAXPROCS(0),
		Backend: "auto",
		Env:     map[string]string{},

		OpenCLCache: "auto",
		Accuracy:    "default",
	}
	if dir, err := userCacheDir(); err == nil && dir != "" {
		cfg.CacheDir = filepath.Join(dir, "numkit")
	}
	var errs []error
	for _, name := range varNames {
		raw, ok := getenv(name)
		value := strings.TrimSpace(raw)
		if !ok || value == "" {
			continue
		}
		cfg.Env[name] = raw
		if err := cfg.set(name, value); err != nil {
			errs = append(errs, &ConfigError{Var: name, Value: raw, Want: err.Error()})
		}
	}
	return cfg, errors.Join(errs...)
}

// set stores the trimmed, non-empty value of variable name, or returns what the
// variable accepts.
func (cfg *Config) set(name, value string) error {
	switch name {
	case envSIMD:
		return setEnum(&cfg.SIMD, value, simdValues)
	case envOpenCL:
		return setEnum(&cfg.OpenCL, value, openclValues)
	case envBackend:
		return setEnum(&cfg.Backend, value, backendValues)
	case envOpenCLDevice:
		if n, err := strconv.Atoi(value); err == nil && n < 0 {
			return errors.New("a device index (0, 1, ...) or a substring of a device name")
		}
		cfg.OpenCLDevice = value
	case envOpenCLLibrary:
		cfg.OpenCLLibrary = value
	case envThreads:
		n, err := strconv.Atoi(value)
		if err != nil || n < 1 || n > maxThreads {
			return fmt.Errorf("a whole number of threads from 1 to %d", maxThreads)
		}
		cfg.Threads = n
	case envCacheDir:
		if !filepath.IsAbs(value) {
			return errors.New("an absolute directory path")
		}
		cfg.CacheDir = filepath.Clean(value)
	case envDebug:
		v := "0"
		if err := setEnum(&v, value, debugValues); err != nil {
			return err
		}
		cfg.Debug = v == "1"
	case envOpenCLCache:
		return setEnum(&cfg.OpenCLCache, value, openclValues)
	case envAccuracy:
		return setEnum(&cfg.Accuracy, value, AccuracyValues)
	case envOpenCLDump:
		v := "0"
		if err := setEnum(&v, value, debugValues); err != nil {
			return err
		}
		cfg.OpenCLDump = v == "1"
	}
	return nil
}

// setEnum stores the lower-cased value in dst if it is one of accepted.
func setEnum(dst *string, value string, accepted []string) error {
	v := strings.ToLower(value)
	for _, a := range accepted {
		if v == a {
			*dst = a
			return nil
		}
	}
	return fmt.Errorf("one of %s", strings.Join(accepted, ", "))
}
