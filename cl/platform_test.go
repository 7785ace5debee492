package cl

import (
	"errors"
	"strings"
	"testing"
)

func TestPlatforms(t *testing.T) {
	r, _ := requireOpenCL(t)
	platforms, err := r.Platforms()
	if err != nil {
		t.Fatal(err)
	}
	if len(platforms) == 0 {
		t.Fatal("no platform")
	}
	devices := 0
	for _, p := range platforms {
		t.Logf("platform %q vendor %q version %q profile %q, %d extensions",
			p.Name, p.Vendor, p.Version, p.Profile, len(p.Extensions))
		if p.ID == 0 || p.Name == "" || p.Vendor == "" || !strings.HasPrefix(p.Version, "OpenCL ") || p.Profile == "" {
			t.Errorf("implausible platform %+v", p)
		}
		for _, d := range p.Devices {
			devices++
			t.Logf("  device %q (%v) vendor %q %s / %s, driver %q: %d CUs @ %d MHz, global %d, local %d, max alloc %d, wg %d, fp64 %v fp16 %v unified %v",
				d.Name, d.Type, d.Vendor, d.Version, d.OpenCLCVersion, d.DriverVersion, d.ComputeUnits, d.ClockMHz,
				d.GlobalMemBytes, d.LocalMemBytes, d.MaxAllocBytes, d.MaxWorkGroupSize, d.FP64, d.FP16, d.UnifiedMemory)
			checkDevice(t, p, d)
		}
	}
	if devices == 0 {
		t.Fatal("no device on any platform")
	}
}

func checkDevice(t *testing.T, p Platform, d Device) {
	t.Helper()
	if d.ID == 0 || d.Platform != p.ID {
		t.Errorf("%s: ID %#x platform %#x, want non-zero and %#x", d.Name, d.ID, d.Platform, p.ID)
	}
	if d.Name == "" || d.Vendor == "" || d.DriverVersion == "" {
		t.Errorf("empty name, vendor or driver version: %+v", d)
	}
	if !strings.HasPrefix(d.Version, "OpenCL ") || !strings.HasPrefix(d.OpenCLCVersion, "OpenCL C ") {
		t.Errorf("%s: version %q, C version %q", d.Name, d.Version, d.OpenCLCVersion)
	}
	if d.Type&(DeviceTypeCPU|DeviceTypeGPU|DeviceTypeAccelerator|DeviceTypeCustom) == 0 {
		t.Errorf("%s: type %v", d.Name, d.Type)
	}
	if d.ComputeUnits < 1 || d.GlobalMemBytes == 0 || d.MaxAllocBytes == 0 ||
		d.MaxAllocBytes > d.GlobalMemBytes || d.MaxWorkGroupSize < 1 || d.LocalMemBytes == 0 {
		t.Errorf("%s: implausible sizes %+v", d.Name, d)
	}
	if len(d.Extensions) == 0 {
		t.Errorf("%s: no extensions", d.Name)
	}
	if strings.Contains(p.Name, "Portable Computing Language") && !d.FP64 {
		t.Errorf("%s: pocl device reports no fp64", d.Name)
	}
}

func TestOpenMissingLibrary(t *testing.T) {
	const path = "/nonexistent/libOpenCL.so"
	r, err := Open(path)
	if err == nil {
		t.Fatalf("Open(%q) = %v, nil; want an error", path, r)
	}
	if !errors.Is(err, ErrNoRuntime) {
		t.Errorf("error %v does not wrap ErrNoRuntime", err)
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name %s", err, path)
	}
	t.Log(err)
}

func TestOpenSeveralMissing(t *testing.T) {
	_, err := Open("/nonexistent/a.so", "/nonexistent/b.so")
	if !errors.Is(err, ErrNoRuntime) || !strings.Contains(err.Error(), "a.so") || !strings.Contains(err.Error(), "b.so") {
		t.Errorf("error %v: want ErrNoRuntime naming both libraries", err)
	}
	if _, err := Open(""); !errors.Is(err, ErrNoRuntime) {
		t.Errorf("Open(\"\") error %v, want ErrNoRuntime", err)
	}
}

func TestOpenLibraryWithoutOpenCL(t *testing.T) {
	// libc loads but has none of the entry points: the error names one of them.
	for _, lib := range []string{"libc.so.6", "libm.so.6"} {
		_, err := Open(lib)
		if err == nil {
			t.Fatalf("Open(%s) succeeded", lib)
		}
		if !errors.Is(err, ErrNoRuntime) {
			t.Errorf("Open(%s): %v does not wrap ErrNoRuntime", lib, err)
		}
		// Where the library loaded (glibc systems), the error names a missing entry point.
		if !strings.Contains(err.Error(), "tried") && !strings.Contains(err.Error(), "clGetPlatformIDs") {
			t.Errorf("Open(%s): %v does not name the missing entry point", lib, err)
		}
		t.Log(err)
	}
}

func TestDeviceTypeString(t *testing.T) {
	for _, tc := range []struct {
		typ  DeviceType
		want string
	}{
		{DeviceTypeCPU, "CPU"},
		{DeviceTypeGPU | DeviceTypeDefault, "GPU|Default"},
		{0, "None"},
		{1 << 40, "0x10000000000"},
	} {
		if got := tc.typ.String(); got != tc.want {
			t.Errorf("DeviceType(%#x).String() = %q, want %q", uint64(tc.typ), got, tc.want)
		}
	}
}

func TestZeroRuntime(t *testing.T) {
	var nilRuntime *Runtime
	if _, err := nilRuntime.Platforms(); !errors.Is(err, ErrNoRuntime) {
		t.Errorf("nil Runtime Platforms: %v", err)
	}
	if _, err := new(Runtime).CreateContext(Device{}); !errors.Is(err, ErrNoRuntime) {
		t.Errorf("zero Runtime CreateContext: %v", err)
	}
}

func TestPlatformWithoutDevicesOfType(t *testing.T) {
	r, d := requireOpenCL(t)
	// pocl has only a CPU device: asking for another type is CL_DEVICE_NOT_FOUND,
	// which must come back as no devices and no error.
	for _, typ := range []DeviceType{DeviceTypeGPU, DeviceTypeAccelerator, DeviceTypeCustom} {
		ids, err := r.deviceIDs(d.Platform, typ)
		if err != nil {
			t.Errorf("deviceIDs(%v): %v", typ, err)
		}
		t.Logf("%v: %d devices", typ, len(ids))
	}
	if _, err := r.CreateContext(); err == nil {
		t.Error("CreateContext with no device succeeded")
	}
}
