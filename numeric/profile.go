package numeric

import (
	"context"

	"github.com/numkit/numkit/numeric/internal/route"
)

// Profile is the result of numkit calibrate: this machine's measured costs per
// backend ("simd", "gonum", "opencl"), which the router uses instead of its built-in
// defaults. Calibrate returns it and stores it at ProfilePath as JSON.
type Profile = route.Profile

// BackendCost is one backend's measured (or default) throughput, as a Profile stores
// it: fixed costs, nanoseconds per operation of each class, bandwidths.
type BackendCost = route.Cost

// ProfilePath is where numkit calibrate stores the profile: NUMKIT_CACHE_DIR, else
// the user cache directory, + "/numkit/profile.json"; "" when neither is known.
func ProfilePath() string { return route.ProfilePath() }

// runCPU runs the CPU program over all n elements; when auto routing is measuring n's
// size class, the run is timed for it (route.Auto.Observe).
func (c *compiled) runCPU(ctx context.Context, bindings []binding, n int, out output, threads int) (uint64, error) {
	a := c.auto
	if a == nil || !a.Device || !a.Measuring(n) {
		return c.cpu.Run(ctx, bindings, 0, n, out, threads)
	}
	start := a.Now()
	w, err := c.cpu.Run(ctx, bindings, 0, n, out, threads)
	a.Observe(n, false, threads, a.Now()-start, err)
	return w, err
}
