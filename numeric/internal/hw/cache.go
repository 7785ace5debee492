package hw

import (
	"sync"

	"github.com/klauspost/cpuid/v2"
)

// StreamMin is the smallest working set, in bytes (an evaluation's inputs and output),
// taken to stream from memory rather than stay in cache: half the last-level cache
// (cpuid's, else sysfs's; at least 4 MiB), or 16 MiB where it is unknown.
func StreamMin() int { return streamMin() }

var streamMin = sync.OnceValue(func() int {
	if l3 := cpuid.CPU.Cache.L3; l3 > 0 {
		return max(l3/2, 4<<20)
	}
	if l3 := hostView().l3; l3 > 0 {
		return max(l3/2, 4<<20)
	}
	return 16 << 20
})

// NonTemporalMin is the smallest result, in bytes, that the SIMD backend writes with
// non-temporal stores: the last-level cache's size (32 MiB where it is unknown).
// A result that large does not stay in the caches for the next expression anyway,
// and stores that bypass them skip reading each line before writing it.
func NonTemporalMin() int { return 2 * streamMin() }

// L2Bytes is the L2 cache's size, or 1 MiB where it is unknown.
func L2Bytes() int { return l2Bytes() }

var l2Bytes = sync.OnceValue(func() int {
	if l2 := cpuid.CPU.Cache.L2; l2 > 0 {
		return l2
	}
	return 1 << 20
})

// L1DBytes is the L1 data cache's size (per core), or 32 KiB where it is unknown.
func L1DBytes() int { return l1dBytes() }

var l1dBytes = sync.OnceValue(func() int {
	if l1 := cpuid.CPU.Cache.L1D; l1 > 0 {
		return l1
	}
	return 32 << 10
})
