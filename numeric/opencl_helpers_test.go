package numeric

import (
	"os"
	"testing"

	"github.com/numkit/numkit/numeric/internal/hw"
)

// requireOpenCL skips the test when OpenCL is unavailable, or fails it under
// NUMKIT_REQUIRE_OPENCL=1 (as CI sets it).
func requireOpenCL(t *testing.T) HardwareReport {
	t.Helper()
	r, _ := Hardware()
	if !r.OpenCL.Available {
		if os.Getenv("NUMKIT_REQUIRE_OPENCL") == "1" {
			t.Fatalf("NUMKIT_REQUIRE_OPENCL=1 but OpenCL is unavailable: %s", r.OpenCL.Reason)
		}
		t.Skipf("OpenCL unavailable: %s", r.OpenCL.Reason)
	}
	return r
}

// mustParse is the configuration of env alone.
func mustParse(t *testing.T, env map[string]string) hw.Config {
	t.Helper()
	cfg, err := hw.ParseEnv(func(name string) (string, bool) { v, ok := env[name]; return v, ok })
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}
