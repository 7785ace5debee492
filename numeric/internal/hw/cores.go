package hw

import (
	"fmt"
	"math"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
)

// What the process may use, as opposed to what cpuid sees of the host: the CPUs in
// its affinity mask (runtime.NumCPU, from sched_getaffinity on Linux), lowered by a
// cgroup CPU quota (v2 cpu.max, v1 cpu.cfs_quota_us / cpu.cfs_period_us, the
// process's cgroup and its ancestors), and the L3 cache from sysfs where cpuid cannot
// see it (as in many virtual machines).

// machineFS is where the machine's files are read; tests point it at fake trees.
type machineFS struct {
	root     string     // "/" on the machine: /proc, /sys are below it
	affinity func() int // the CPUs the process may run on
}

var hostFS = machineFS{root: "/", affinity: runtime.NumCPU}

func (m machineFS) read(p string) (string, bool) {
	b, err := os.ReadFile(filepath.Join(m.root, filepath.FromSlash(p)))
	if err != nil {
		return "", false
	}
	return strings.TrimSpace(string(b)), true
}

// usableCPUs is the number of CPUs the process may use and how it was found.
func (m machineFS) usableCPUs() (int, string) {
	n := max(m.affinity(), 1)
	source := fmt.Sprintf("%d in the affinity mask", n)
	if quota, desc, ok := m.cgroupQuota(); ok {
		if q := max(int(math.Ceil(quota)), 1); q < n {
			n = q
			source += fmt.Sprintf("; %d by the cgroup quota (%s)", q, desc)
		} else {
			source += fmt.Sprintf("; cgroup quota %s", desc)
		}
	}
	return n, source
}

// cgroupQuota is the smallest CPU quota (in CPUs) of the process's cgroup and its
// ancestors, v2 or v1, and where it was read; ok is false when there is none.
func (m machineFS) cgroupQuota() (cpus float64, desc string, ok bool) {
	text, found := m.read("proc/self/cgroup")
	if !found {
		return 0, "", false
	}
	cpus = math.Inf(1)
	for _, line := range strings.Split(text, "\n") {
		parts := strings.SplitN(line, ":", 3)
		if len(parts) != 3 {
			continue
		}
		var dirs []string // where the quota files are, for this hierarchy
		switch {
		case parts[0] == "0" && parts[1] == "":
			dirs = []string{"sys/fs/cgroup", "sys/fs/cgroup/unified"}
		case hasController(parts[1], "cpu"):
			dirs = []string{"sys/fs/cgroup/" + parts[1], "sys/fs/cgroup/cpu", "sys/fs/cgroup/cpu,cpuacct"}
		default:
			continue
		}
		for p := path.Clean("/" + parts[2]); ; p = path.Dir(p) {
			for _, d := range dirs {
				if q, where, found := m.quotaIn(path.Join(d, p)); found && q < cpus {
					cpus, desc, ok = q, where, true
				}
			}
			if p == "/" {
				break
			}
		}
	}
	return cpus, desc, ok
}

func hasController(list, name string) bool {
	for _, c := range strings.Split(list, ",") {
		if c == name {
			return true
		}
	}
	return false
}

// quotaIn reads the CPU quota of the cgroup directory dir (v2 cpu.max, else v1).
func (m machineFS) quotaIn(dir string) (float64, string, bool) {
	if s, ok := m.read(dir + "/cpu.max"); ok {
		f := strings.Fields(s)
		if len(f) == 2 && f[0] != "max" {
			q, err1 := strconv.ParseFloat(f[0], 64)
			p, err2 := strconv.ParseFloat(f[1], 64)
			if err1 == nil && err2 == nil && q > 0 && p > 0 {
				return q / p, fmt.Sprintf("/%s/cpu.max %s", dir, s), true
			}
		}
		return 0, "", false
	}
	qs, ok1 := m.read(dir + "/cpu.cfs_quota_us")
	ps, ok2 := m.read(dir + "/cpu.cfs_period_us")
	if !ok1 || !ok2 {
		return 0, "", false
	}
	q, err1 := strconv.ParseFloat(qs, 64)
	p, err2 := strconv.ParseFloat(ps, 64)
	if err1 != nil || err2 != nil || q <= 0 || p <= 0 {
		return 0, "", false // -1: no quota
	}
	return q / p, fmt.Sprintf("/%s/cpu.cfs_quota_us %s / cpu.cfs_period_us %s", dir, qs, ps), true
}

// sysfsL3 is the L3 cache size of cpu0 from sysfs, 0 when not found.
func (m machineFS) sysfsL3() int {
	for i := 0; i < 16; i++ {
		dir := fmt.Sprintf("sys/devices/system/cpu/cpu0/cache/index%d/", i)
		level, ok := m.read(dir + "level")
		if !ok {
			continue
		}
		if typ, _ := m.read(dir + "type"); level != "3" || typ == "Instruction" {
			continue
		}
		size, _ := m.read(dir + "size")
		if n := parseCacheSize(size); n > 0 {
			return n
		}
	}
	return 0
}

// parseCacheSize parses sysfs's "32768K", "2M", "512": bytes, or 0.
func parseCacheSize(s string) int {
	mult := 1
	switch {
	case strings.HasSuffix(s, "K"):
		mult, s = 1<<10, strings.TrimSuffix(s, "K")
	case strings.HasSuffix(s, "M"):
		mult, s = 1<<20, strings.TrimSuffix(s, "M")
	case strings.HasSuffix(s, "G"):
		mult, s = 1<<30, strings.TrimSuffix(s, "G")
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		return 0
	}
	return n * mult
}

// processView is the host's usable CPUs and sysfs L3, read once.
type processView struct {
	cpus   int
	source string
	l3     int
}

func (m machineFS) view() processView {
	n, src := m.usableCPUs()
	return processView{cpus: n, source: src, l3: m.sysfsL3()}
}

var hostView = sync.OnceValue(hostFS.view)
