package numeric

import "golang.org/x/sys/unix"

// hwMemorySource names where hwTotalMemory reads on this OS.
const hwMemorySource = "sysctl hw.memsize"

// hwTotalMemory returns the physical memory in bytes, from sysctl hw.memsize.
func hwTotalMemory() (uint64, error) { return unix.SysctlUint64("hw.memsize") }
