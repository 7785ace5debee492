package hw

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/cpuid/v2"
)

// fakeTree writes files (path → content) under a temporary root.
func fakeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for p, content := range files {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestUsableCPUs(t *testing.T) {
	cases := []struct {
		name     string
		affinity int
		files    map[string]string
		want     int
		source   string // in the source
	}{
		{"no cgroup files", 4, nil, 4, "4 in the affinity mask"},
		{"v2 quota 1.5 CPUs", 254, map[string]string{
			"proc/self/cgroup":                     "0::/user.slice/job",
			"sys/fs/cgroup/user.slice/job/cpu.max": "150000 100000",
		}, 2, "2 by the cgroup quota (/sys/fs/cgroup/user.slice/job/cpu.max 150000 100000)"},
		{"v2 no quota", 8, map[string]string{
			"proc/self/cgroup":      "0::/",
			"sys/fs/cgroup/cpu.max": "max 100000",
		}, 8, "8 in the affinity mask"},
		{"v2 parent's quota is smaller", 64, map[string]string{
			"proc/self/cgroup":          "0::/a/b",
			"sys/fs/cgroup/a/cpu.max":   "300000 100000",
			"sys/fs/cgroup/a/b/cpu.max": "max 100000",
			"sys/fs/cgroup/cpu.max":     "max 100000",
		}, 3, "3 by the cgroup quota (/sys/fs/cgroup/a/cpu.max"},
		{"v1 quota", 16, map[string]string{
			"proc/self/cgroup": "4:memory:/x\n3:cpu,cpuacct:/docker/abc\n0::/",
			"sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_quota_us":  "200000",
			"sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_period_us": "100000",
		}, 2, "cpu.cfs_quota_us 200000 / cpu.cfs_period_us 100000"},
		{"v1 no quota (-1)", 2, map[string]string{
			"proc/self/cgroup":                    "1:cpu:/",
			"sys/fs/cgroup/cpu/cpu.cfs_quota_us":  "-1",
			"sys/fs/cgroup/cpu/cpu.cfs_period_us": "100000",
		}, 2, "2 in the affinity mask"},
		{"quota above the affinity", 2, map[string]string{
			"proc/self/cgroup":      "0::/",
			"sys/fs/cgroup/cpu.max": "800000 100000",
		}, 2, "cgroup quota /sys/fs/cgroup/cpu.max 800000 100000"},
		{"tiny quota is one CPU", 8, map[string]string{
			"proc/self/cgroup":      "0::/",
			"sys/fs/cgroup/cpu.max": "10000 100000",
		}, 1, "1 by the cgroup quota"},
		{"garbage", 6, map[string]string{
			"proc/self/cgroup":      "0::/",
			"sys/fs/cgroup/cpu.max": "lots",
		}, 6, "6 in the affinity mask"},
	}
	for _, c := range cases {
		m := machineFS{root: fakeTree(t, c.files), affinity: func() int { return c.affinity }}
		n, source := m.usableCPUs()
		if n != c.want || !strings.Contains(source, c.source) {
			t.Errorf("%s: %d CPUs (%s), want %d (%s)", c.name, n, source, c.want, c.source)
		}
	}
}

func TestSysfsL3(t *testing.T) {
	dir := "sys/devices/system/cpu/cpu0/cache/"
	m := machineFS{root: fakeTree(t, map[string]string{
		dir + "index0/level": "1", dir + "index0/type": "Data", dir + "index0/size": "48K",
		dir + "index1/level": "1", dir + "index1/type": "Instruction", dir + "index1/size": "32K",
		dir + "index2/level": "2", dir + "index2/type": "Unified", dir + "index2/size": "2048K",
		dir + "index3/level": "3", dir + "index3/type": "Unified", dir + "index3/size": "32768K",
	})}
	if got := m.sysfsL3(); got != 32<<20 {
		t.Errorf("sysfs L3 = %d, want %d", got, 32<<20)
	}
	if got := (machineFS{root: fakeTree(t, nil)}).sysfsL3(); got != 0 {
		t.Errorf("no sysfs: L3 = %d, want 0", got)
	}
	for s, want := range map[string]int{"32768K": 32 << 20, "2M": 2 << 20, "512": 512, "": 0, "xK": 0, "-1K": 0} {
		if got := parseCacheSize(s); got != want {
			t.Errorf("parseCacheSize(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestCPUInfoProcessView: the report's cores are what the process may use (a 2-vCPU
// VM whose cpuid shows the host's 254), cpuid's view is kept as the host's, and an L3
// cpuid cannot see comes from sysfs.
func TestCPUInfoProcessView(t *testing.T) {
	c := cpuid.CPU // a copy, changed below
	c.PhysicalCores, c.LogicalCores, c.ThreadsPerCore = 254, 254, 1
	c.Cache.L3 = -1
	info := cpuInfo(&c, processView{cpus: 2, source: "2 in the affinity mask", l3: 32 << 20})
	if info.LogicalCores != 2 || info.PhysicalCores != 2 || info.HostPhysicalCores != 254 || info.HostLogicalCores != 254 {
		t.Errorf("cores: %d physical, %d logical, host %d/%d; want 2, 2, host 254/254",
			info.PhysicalCores, info.LogicalCores, info.HostPhysicalCores, info.HostLogicalCores)
	}
	if info.L3Bytes != 32<<20 || info.L3Source != "sysfs" {
		t.Errorf("L3 %d from %q, want %d from sysfs", info.L3Bytes, info.L3Source, 32<<20)
	}
	c.Cache.L3, c.PhysicalCores = 8<<20, 1
	info = cpuInfo(&c, processView{cpus: 4, l3: 32 << 20})
	if info.L3Bytes != 8<<20 || info.L3Source != "cpuid" || info.PhysicalCores != 1 {
		t.Errorf("L3 %d from %q, %d physical; want cpuid's 8 MiB and 1", info.L3Bytes, info.L3Source, info.PhysicalCores)
	}
}

// TestHostViewHere: on this machine the usable CPUs are at most the affinity mask.
func TestHostViewHere(t *testing.T) {
	v := hostView()
	if v.cpus < 1 || v.cpus > hostFS.affinity() || v.source == "" {
		t.Errorf("this process: %d CPUs (%q), affinity %d", v.cpus, v.source, hostFS.affinity())
	}
}
