package cl

import (
	"os"
	"sync"
	"testing"
)

var (
	testRuntimeOnce sync.Once
	testRuntime     *Runtime
	testDevice      Device
	testSkipReason  string
)

// requireOpenCL returns the OpenCL runtime and the first device, preferring one with
// fp64. Without a runtime or a device it skips the test with the reason, unless
// NUMKIT_REQUIRE_OPENCL=1, where it fails instead.
func requireOpenCL(t testing.TB) (*Runtime, Device) {
	t.Helper()
	testRuntimeOnce.Do(func() {
		var names []string
		if lib := os.Getenv("NUMKIT_OPENCL_LIBRARY"); lib != "" {
			names = []string{lib}
		}
		r, err := Open(names...)
		if err != nil {
			testSkipReason = err.Error()
			return
		}
		devices, err := r.Devices()
		if err != nil {
			testSkipReason = "enumerating OpenCL devices: " + err.Error()
			return
		}
		if len(devices) == 0 {
			testSkipReason = "OpenCL runtime " + r.Library() + " lists no device"
			return
		}
		testDevice = devices[0]
		for _, d := range devices {
			if d.FP64 {
				testDevice = d
				break
			}
		}
		testRuntime = r
	})
	if testRuntime == nil {
		if os.Getenv("NUMKIT_REQUIRE_OPENCL") == "1" {
			t.Fatalf("OpenCL required (NUMKIT_REQUIRE_OPENCL=1) but unavailable: %s", testSkipReason)
		}
		t.Skipf("no OpenCL: %s", testSkipReason)
	}
	return testRuntime, testDevice
}
