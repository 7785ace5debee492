package opencl

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/numkit/numkit/cl"
	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/internal/hw"
)

// clResources returns the process's open file descriptors and resident memory.
func clResources(t *testing.T) (fds int, rssKB int64) {
	t.Helper()
	runtime.GC()
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skipf("no /proc/self/fd: %v", err)
	}
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skipf("no /proc/self/status: %v", err)
	}
	for _, line := range strings.Split(string(status), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			rssKB, _ = strconv.ParseInt(f[1], 10, 64)
		}
	}
	return len(entries), rssKB
}

// clCheckFlat fails the test when fds or RSS grew by more than slack since before.
func clCheckFlat(t *testing.T, what string, fds0 int, rss0 int64) {
	t.Helper()
	fds, rss := clResources(t)
	t.Logf("%s: fds %d → %d, RSS %d → %d KiB", what, fds0, fds, rss0, rss)
	if fds > fds0+2 {
		t.Errorf("%s: open files grew from %d to %d", what, fds0, fds)
	}
	if rss > rss0+64<<10 {
		t.Errorf("%s: RSS grew from %d to %d KiB", what, rss0, rss)
	}
}

func TestOpenCLBuildFailure(t *testing.T) {
	d := testDevice(t)
	d.rewrite = func(src string) string { return src + "\nthis is not OpenCL C;\n" }
	defer func() { d.rewrite = nil }()
	vars := Vars{"a": []float64{1, 2, 3}}
	fail := func() error {
		e := MustCompile("a * 3 - 1", WithBackend(BackendOpenCL))
		_, err := e.Eval(context.Background(), vars)
		return err
	}
	err := fail()
	var be *cl.BuildError
	if !errors.Is(err, cl.ErrBuildProgramFailure) || !errors.As(err, &be) || be.Log == "" {
		t.Fatalf("a broken kernel: %v, want a *cl.BuildError with a log wrapping CL_BUILD_PROGRAM_FAILURE", err)
	}
	if !strings.Contains(err.Error(), "a * 3 - 1") {
		t.Errorf("error %q does not name the expression", err)
	}
	for range 5 { // warm up whatever the driver allocates once
		_ = fail()
	}
	builds := 100 // about a second each on pocl
	if testing.Short() {
		builds = 10
	}
	fds0, rss0 := clResources(t)
	for i := range builds {
		if err := fail(); !errors.Is(err, cl.ErrBuildProgramFailure) {
			t.Fatalf("build %d: %v", i, err)
		}
	}
	clCheckFlat(t, fmt.Sprintf("%d failing builds", builds), fds0, rss0)
	d.rewrite = nil
	got, err := MustCompile("a * 3 - 1", WithBackend(BackendOpenCL)).Eval(context.Background(), vars)
	if err != nil || got.Float64s()[2] != 8 {
		t.Errorf("after the failures: %v, %v", got.Data, err)
	}
}

func TestOpenCLAllocationTooLarge(t *testing.T) {
	d := testDevice(t)
	n := int(d.dev.MaxAllocBytes/8) + 1 // one element more than one buffer may hold
	alloc := func() error {
		a, err := d.newArray(Float64, n, n)
		if err == nil {
			a.Release()
		}
		return err
	}
	err := alloc()
	if !errors.Is(err, cl.ErrInvalidBufferSize) && !errors.Is(err, cl.ErrMemObjectAllocationFailure) {
		t.Fatalf("a buffer over the device's limit: %v, want CL_INVALID_BUFFER_SIZE or CL_MEM_OBJECT_ALLOCATION_FAILURE", err)
	}
	if !strings.Contains(err.Error(), d.dev.Name) {
		t.Errorf("error %q does not name the device", err)
	}
	fds0, rss0 := clResources(t)
	for i := range 100 {
		if err := alloc(); err == nil {
			t.Fatalf("allocation %d succeeded", i)
		}
	}
	clCheckFlat(t, "100 failing allocations", fds0, rss0)
	if _, err := NewArray(Float64, -1); !errors.Is(err, exec.ErrType) {
		t.Errorf("NewDeviceArray(-1): %v", err)
	}
}

// TestOpenCLSetupFailures checks the errors of a backend that cannot be used at all.
// It needs no OpenCL.
func TestOpenCLSetupFailures(t *testing.T) {
	for _, tt := range []struct {
		env  map[string]string
		want []error
		text string
	}{
		{map[string]string{"NUMKIT_OPENCL_LIBRARY": "/nonexistent/libOpenCL.so"}, []error{exec.ErrBackend, cl.ErrNoRuntime}, "/nonexistent/libOpenCL.so"},
		{map[string]string{"NUMKIT_OPENCL": "off"}, []error{exec.ErrBackend}, "NUMKIT_OPENCL=off"},
	} {
		cfg := mustParse(t, tt.env)
		_, err := Setup(cfg, hw.Discover(cfg))
		for _, w := range tt.want {
			if !errors.Is(err, w) {
				t.Errorf("%v: error %v does not wrap %v", tt.env, err, w)
			}
		}
		if err == nil || !strings.Contains(err.Error(), tt.text) {
			t.Errorf("%v: error %v does not say %q", tt.env, err, tt.text)
		}
	}
}

func TestOpenCLSetupNoSuchDevice(t *testing.T) {
	requireOpenCL(t)
	cfg := mustParse(t, map[string]string{"NUMKIT_OPENCL_DEVICE": "no-such-device-anywhere"})
	_, err := Setup(cfg, hw.Discovered())
	var ce *hw.ConfigError
	if !errors.Is(err, exec.ErrBackend) || !errors.As(err, &ce) {
		t.Errorf("a device selector that matches nothing: %v, want exec.ErrBackend and a *hw.ConfigError", err)
	}
}

// clCacheSource is a kernel source unlikely to be in any cache yet.
func clCacheSource(t *testing.T) string {
	return fmt.Sprintf("__kernel void nk_cache_test(__global int* out) { out[0] = %d; }\n", os.Getpid()+len(t.Name()))
}

func TestOpenCLDiskCache(t *testing.T) {
	d := testDevice(t)
	var warnings []string
	collect := func(c *programCache) *programCache {
		if c.disk != nil {
			c.disk.report = func(msg string) { warnings = append(warnings, msg) }
		}
		return c
	}

	dir := t.TempDir()
	src := clCacheSource(t)
	fresh := func() *programCache { return collect(newProgramCache(d, dir, "on")) }
	get := func(c *programCache) {
		t.Helper()
		if _, err := c.get(src); err != nil {
			t.Fatal(err)
		}
	}
	c := fresh()
	get(c)
	files, _ := filepath.Glob(filepath.Join(dir, "opencl", "*.bin"))
	if c.builds.Load() != 1 || len(files) != 1 {
		t.Fatalf("first build: %d builds, files %v; want 1 build and 1 file", c.builds.Load(), files)
	}
	get(c)
	if c.builds.Load() != 1 {
		t.Errorf("in-memory cache missed: %d builds", c.builds.Load())
	}
	c = fresh()
	get(c)
	if c.builds.Load() != 0 || c.loads.Load() != 1 {
		t.Errorf("second process: %d builds, %d loads; want the binary from disk", c.builds.Load(), c.loads.Load())
	}
	good, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	damage := map[string][]byte{
		"truncated":    good[:len(good)-7],
		"flipped":      append(append([]byte(nil), good[:len(good)-1]...), good[len(good)-1]^0x40),
		"not numkit's": []byte("garbage"),
		"empty":        {},
	}
	for name, bad := range damage {
		warnings = nil
		if err := os.WriteFile(files[0], bad, 0o644); err != nil {
			t.Fatal(err)
		}
		c = fresh()
		get(c)
		if c.builds.Load() != 1 || c.loads.Load() != 0 {
			t.Errorf("%s file: %d builds, %d loads; want a rebuild", name, c.builds.Load(), c.loads.Load())
		}
		if len(bad) > 0 && len(warnings) != 1 {
			t.Errorf("%s file: warnings %q, want one", name, warnings)
		}
		if now, _ := os.ReadFile(files[0]); string(now) != string(good) {
			t.Errorf("%s file was not rewritten", name)
		}
	}
	// Turned off, the cache writes nothing.
	off := t.TempDir()
	get(collect(newProgramCache(d, off, "off")))
	if files, _ := filepath.Glob(filepath.Join(off, "*", "*")); len(files) != 0 {
		t.Errorf("NUMKIT_OPENCL_CACHE=off wrote %v", files)
	}
	if driverCaches(d.platform) {
		if c := newProgramCache(d, off, "auto"); c.disk != nil {
			t.Errorf("platform %q caches programs itself, but the disk cache is on", d.platform.Name)
		}
	}
}

func TestOpenCLDiskCacheUnwritable(t *testing.T) {
	d := testDevice(t)
	var warnings []string
	collect := func(c *programCache) *programCache {
		if c.disk != nil {
			c.disk.report = func(msg string) { warnings = append(warnings, msg) }
		}
		return c
	}

	// A path under a regular file cannot be created, even by root.
	parent := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(parent, nil, 0o444); err != nil {
		t.Fatal(err)
	}
	ro := t.TempDir()
	if err := os.Chmod(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{filepath.Join(parent, "cache"), ro} {
		warnings = nil
		c := collect(newProgramCache(d, dir, "on"))
		for k := range 2 { // two programs, one warning
			src := clCacheSource(t) + fmt.Sprintf("// %d\n", k)
			if _, err := c.get(src); err != nil {
				t.Fatalf("cache in %s: %v", dir, err)
			}
		}
		if os.Geteuid() == 0 && dir == ro {
			continue // root writes anyway
		}
		if len(warnings) != 1 || !strings.Contains(warnings[0], filepath.Base(dir)) {
			t.Errorf("unwritable %s: warnings %q, want one naming the directory", dir, warnings)
		}
	}
}

func TestOpenCLUsableBinary(t *testing.T) {
	for _, tt := range []struct {
		bin  string
		want bool
	}{
		{"", false},
		{"poclbin\x00...program.bc...", true},
		{"poclbin\x00...nk_stage0.so...", false}, // would abort pocl's loader
		{"\x7fELF...", true},                     // another driver's: not inspected
	} {
		if got := usableBinary([]byte(tt.bin)); got != tt.want {
			t.Errorf("usableBinary(%q) = %v, want %v", tt.bin, got, tt.want)
		}
	}
}
