package numeric

import "github.com/numkit/numkit/numeric/internal/stats"

// Test hooks: options and helpers only tests use, so that production code carries no
// package variables for them.

// momentsKernel forces the moments block kernel's mode.
func momentsKernel(k stats.Kernel) MomentsOption {
	return func(c *momentsConfig) { c.kernel = k }
}
