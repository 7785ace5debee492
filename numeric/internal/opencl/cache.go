package opencl

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"

	"github.com/numkit/numkit/cl"
	"github.com/numkit/numkit/numeric/internal/lru"
)

// memCacheSize is how many built programs the in-memory cache keeps.
const memCacheSize = 64

// programCache caches built programs: in memory, an LRU keyed by a hash of the
// source, the build options, the device and the driver version; on disk (where the
// driver does not cache programs itself), the program binaries under the same key.
type programCache struct {
	dev *Device

	programs *lru.Cache[string, *builtProgram] // keyed by key(source, options)

	disk *diskCache // nil when off

	// Counters, for tests and diagnostics: source builds and programs loaded from
	// disk.
	builds, loads atomic.Int64
}

// driverCaches reports whether the platform keeps its own cache of built programs,
// so that numkit's disk cache would only add work and risk: pocl (~/.cache/pocl; a
// second process's first evaluation took 59 to 91 ms with it alone, 34 ms with
// numkit's binaries) and NVIDIA (~/.nv/ComputeCache).
func driverCaches(p cl.Platform) bool {
	s := strings.ToLower(p.Name + " " + p.Vendor)
	return strings.Contains(s, "portable computing language") || strings.Contains(s, "pocl") ||
		strings.Contains(s, "nvidia")
}

// poclBinary reports whether bin is a pocl binary, and usableBinary whether it
// can be handed back to the driver. pocl 3.1 sometimes returns a binary without the
// program's bitcode (seen for 2 of about 3000 programs built while several processes
// shared pocl's cache), and loading such a binary aborts the process (an assertion in
// pocl_binary_get_kernels_metadata), so those are never stored.
func poclBinary(bin []byte) bool { return bytes.HasPrefix(bin, []byte("poclbin\x00")) }

func usableBinary(bin []byte) bool {
	return len(bin) > 0 && (!poclBinary(bin) || bytes.Contains(bin, []byte("program.bc")))
}

// newProgramCache makes the cache of d. mode is NUMKIT_OPENCL_CACHE: "off" turns
// the disk cache off, "on" turns it on even where the driver caches programs, and
// "auto" turns it on except there.
func newProgramCache(d *Device, dir, mode string) *programCache {
	c := &programCache{dev: d, programs: lru.New[string, *builtProgram](memCacheSize)}
	switch {
	case mode == "off" || dir == "":
	case mode == "on" || !driverCaches(d.platform):
		c.disk = &diskCache{dir: dir + "/opencl", report: logWarning}
	}
	return c
}

// key hashes what a binary depends on.
func (c *programCache) key(source, options string) string {
	d := c.dev
	h := sha256.New()
	for _, s := range []string{source, options, d.platform.Name, d.platform.Version, d.dev.Name, d.dev.Version, d.dev.DriverVersion} {
		fmt.Fprintf(h, "%d:%s;", len(s), s)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// get returns the program built from source, building it (or loading its binary) the
// first time. The program belongs to the cache and the compiled expressions holding
// it: it is released (lifecycle.go) once none refers to it any more.
func (c *programCache) get(source string) (*builtProgram, error) {
	options := c.dev.buildOptions()
	key := c.key(source, options)
	// Failures are not cached: the next call tries again.
	return c.programs.Get(key, func() (*builtProgram, error) {
		p, err := c.build(source, options, key)
		if err != nil {
			return nil, err
		}
		return newBuiltProgram(p), nil
	})
}

// build loads the binary from disk or compiles source.
func (c *programCache) build(source, options, key string) (*cl.Program, error) {
	d := c.dev
	if c.disk != nil {
		if bin, ok := c.disk.load(key); ok {
			p, err := d.ctx.CreateProgramWithBinary([]cl.ProgramBinary{{Device: d.dev.ID, Data: bin}})
			if err == nil {
				if err = p.Build(options); err == nil {
					c.loads.Add(1)
					return p, nil
				}
				_ = p.Release()
			}
			c.disk.warn(fmt.Sprintf("cached binary %s rejected (%v); rebuilding", key[:16], err))
			c.disk.remove(key)
		}
	}
	c.builds.Add(1)
	p, err := d.ctx.BuildProgram(source, options)
	if err != nil && errors.Is(err, cl.ErrInvalidBuildOptions) && d.refuseOption(fp32DivSqrt) {
		options = d.buildOptions()
		key = c.key(source, options)
		p, err = d.ctx.BuildProgram(source, options)
	}
	if err != nil {
		return nil, fmt.Errorf("numeric: opencl: building the kernel on %s: %w", d.describe(), err)
	}
	if c.disk != nil {
		if bins, err := p.Binaries(); err == nil && len(bins) == 1 && usableBinary(bins[0].Data) {
			c.disk.store(key, bins[0].Data)
		}
	}
	return p, nil
}
