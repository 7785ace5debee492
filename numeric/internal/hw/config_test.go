package hw

import (
	"errors"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// lookup returns a getenv that sees only vars.
func lookup(vars map[string]string) func(string) (string, bool) {
	return func(name string) (string, bool) {
		v, ok := vars[name]
		return v, ok
	}
}

func TestConfigDefaults(t *testing.T) {
	home := func() (string, error) { return "/home/u/.cache", nil }
	cfg, err := parse(lookup(map[string]string{"NUMKIT_SIMD": "", "HOME": "/x"}), home)
	if err != nil {
		t.Fatalf("ParseEnv(defaults): %v", err)
	}
	want := Config{
		SIMD: "auto", OpenCL: "auto", Threads: runtime.GOMAXPROCS(0), Backend: "auto",
		CacheDir: filepath.Join("/home/u/.cache", "numkit"),
	}
	if cfg.SIMD != want.SIMD || cfg.OpenCL != want.OpenCL || cfg.OpenCLDevice != "" ||
		cfg.OpenCLLibrary != "" || cfg.Threads != want.Threads || cfg.Backend != want.Backend ||
		cfg.CacheDir != want.CacheDir || cfg.OpenCLCache != "auto" || cfg.OpenCLDump {
		t.Errorf("ParseEnv(defaults) = %+v, want %+v", cfg, want)
	}
	if len(cfg.Env) != 0 {
		t.Errorf("Env = %v, want empty (empty variables count as unset)", cfg.Env)
	}

	noHome := func() (string, error) { return "", errors.New("no home") }
	if cfg, _ := parse(lookup(nil), noHome); cfg.CacheDir != "" {
		t.Errorf("CacheDir without a user cache dir = %q, want \"\"", cfg.CacheDir)
	}
}

func TestConfigValues(t *testing.T) {
	vars := map[string]string{
		"NUMKIT_SIMD":           " AVX2 ",
		"NUMKIT_OPENCL":         "Off",
		"NUMKIT_OPENCL_DEVICE":  "Pthread",
		"NUMKIT_OPENCL_LIBRARY": "/opt/ocl/libOpenCL.so.1",
		"NUMKIT_THREADS":        "7",
		"NUMKIT_BACKEND":        "gonum",
		"NUMKIT_CACHE_DIR":      "/tmp/numkit-cache/",
		"NUMKIT_DEBUG":          "1",
		"NUMKIT_OPENCL_CACHE":   "ON",
		"NUMKIT_OPENCL_DUMP":    "1",
	}
	cfg, err := ParseEnv(lookup(vars))
	if err != nil {
		t.Fatalf("ParseEnv: %v", err)
	}
	got := []string{cfg.SIMD, cfg.OpenCL, cfg.OpenCLDevice, cfg.OpenCLLibrary, cfg.Backend, cfg.CacheDir}
	want := []string{"avx2", "off", "Pthread", "/opt/ocl/libOpenCL.so.1", "gonum", "/tmp/numkit-cache"}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("field %d = %q, want %q", i, got[i], want[i])
		}
	}
	if cfg.Threads != 7 || !cfg.Debug || cfg.OpenCLCache != "on" || !cfg.OpenCLDump {
		t.Errorf("Threads = %d, Debug = %v, OpenCLCache = %q, OpenCLDump = %v; want 7, true, on, true",
			cfg.Threads, cfg.Debug, cfg.OpenCLCache, cfg.OpenCLDump)
	}
	if len(cfg.Env) != len(vars) || cfg.Env["NUMKIT_SIMD"] != " AVX2 " {
		t.Errorf("Env = %q, want every variable as set", cfg.Env)
	}
	for _, v := range []string{"0", "12", "gpu"} {
		if _, err := ParseEnv(lookup(map[string]string{"NUMKIT_OPENCL_DEVICE": v})); err != nil {
			t.Errorf("NUMKIT_OPENCL_DEVICE=%q: %v", v, err)
		}
	}
}

func TestConfigErrors(t *testing.T) {
	tests := []struct{ name, value, want string }{
		{"NUMKIT_SIMD", "avx9", `NUMKIT_SIMD="avx9": want one of auto, avx512, avx2, neon, off`},
		{"NUMKIT_SIMD", "sse", `NUMKIT_SIMD="sse": want one of auto, avx512, avx2, neon, off`},
		{"NUMKIT_OPENCL", "yes", `NUMKIT_OPENCL="yes": want one of auto, on, off`},
		{"NUMKIT_OPENCL", "0", `NUMKIT_OPENCL="0": want one of auto, on, off`},
		{"NUMKIT_OPENCL_DEVICE", "-1", `NUMKIT_OPENCL_DEVICE="-1": want a device index (0, 1, ...) or a substring of a device name`},
		{"NUMKIT_THREADS", "0", `NUMKIT_THREADS="0": want a whole number of threads from 1 to 65536`},
		{"NUMKIT_THREADS", "-3", `NUMKIT_THREADS="-3": want a whole number of threads from 1 to 65536`},
		{"NUMKIT_THREADS", "two", `NUMKIT_THREADS="two": want a whole number of threads from 1 to 65536`},
		{"NUMKIT_THREADS", "1e3", `NUMKIT_THREADS="1e3": want a whole number of threads from 1 to 65536`},
		{"NUMKIT_THREADS", "65537", `NUMKIT_THREADS="65537": want a whole number of threads from 1 to 65536`},
		{"NUMKIT_BACKEND", "cuda", `NUMKIT_BACKEND="cuda": want one of auto, gonum, simd, opencl`},
		{"NUMKIT_CACHE_DIR", "rel/dir", `NUMKIT_CACHE_DIR="rel/dir": want an absolute directory path`},
		{"NUMKIT_DEBUG", "yes", `NUMKIT_DEBUG="yes": want one of 0, 1`},
		{"NUMKIT_OPENCL_CACHE", "disk", `NUMKIT_OPENCL_CACHE="disk": want one of auto, on, off`},
		{"NUMKIT_OPENCL_DUMP", "true", `NUMKIT_OPENCL_DUMP="true": want one of 0, 1`},
	}
	for _, tt := range tests {
		t.Run(tt.name+"="+tt.value, func(t *testing.T) {
			cfg, err := ParseEnv(lookup(map[string]string{tt.name: tt.value}))
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("error = %q\nwant    %q", err, tt.want)
			}
			var ce *ConfigError
			if !errors.As(err, &ce) || ce.Var != tt.name || ce.Value != tt.value {
				t.Errorf("error %#v is not a *ConfigError for %s=%q", err, tt.name, tt.value)
			}
			def, _ := ParseEnv(lookup(nil))
			if cfg.SIMD != def.SIMD || cfg.OpenCL != def.OpenCL || cfg.Threads != def.Threads ||
				cfg.Backend != def.Backend || cfg.OpenCLDevice != def.OpenCLDevice {
				t.Errorf("a bad value changed the Config: %+v, want defaults %+v", cfg, def)
			}
		})
	}
}

func TestConfigErrorsJoined(t *testing.T) {
	_, err := ParseEnv(lookup(map[string]string{
		"NUMKIT_SIMD": "fast", "NUMKIT_BACKEND": "gpu", "NUMKIT_THREADS": "4",
	}))
	if err == nil {
		t.Fatal("no error for two bad variables")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "NUMKIT_SIMD=") || !strings.HasPrefix(lines[1], "NUMKIT_BACKEND=") {
		t.Errorf("error = %q, want one line per bad variable in table order", err)
	}
}

func TestConfigEnv(t *testing.T) {
	t.Setenv("NUMKIT_SIMD", "avx2")
	t.Setenv("NUMKIT_THREADS", "3")
	cfg, err := loadConfig()
	if err != nil || cfg.SIMD != "avx2" || cfg.Threads != 3 {
		t.Errorf("loadConfig() = %+v, %v; want SIMD avx2, Threads 3", cfg, err)
	}
}
