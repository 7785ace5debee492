package numeric

import "github.com/numkit/numkit/numeric/internal/route"

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
