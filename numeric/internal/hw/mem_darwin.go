package hw

import "golang.org/x/sys/unix"

// memorySource names where totalMemory reads on this OS.
const memorySource = "sysctl hw.memsize"

// totalMemory returns the physical memory in bytes, from sysctl hw.memsize.
func totalMemory() (uint64, error) { return unix.SysctlUint64("hw.memsize") }
