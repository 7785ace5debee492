package hw

import (
	"fmt"
	"unsafe"

	"golang.org/x/sys/windows"
)

// memorySource names where totalMemory reads on this OS.
const memorySource = "GlobalMemoryStatusEx"

// hwMemoryStatusEx is the Win32 MEMORYSTATUSEX structure.
type hwMemoryStatusEx struct {
	Length               uint32
	MemoryLoad           uint32
	TotalPhys            uint64
	AvailPhys            uint64
	TotalPageFile        uint64
	AvailPageFile        uint64
	TotalVirtual         uint64
	AvailVirtual         uint64
	AvailExtendedVirtual uint64
}

var hwGlobalMemoryStatusEx = windows.NewLazySystemDLL("kernel32.dll").NewProc("GlobalMemoryStatusEx")

// totalMemory returns the physical memory in bytes, from GlobalMemoryStatusEx.
func totalMemory() (uint64, error) {
	if err := hwGlobalMemoryStatusEx.Find(); err != nil {
		return 0, err
	}
	var status hwMemoryStatusEx
	status.Length = uint32(unsafe.Sizeof(status))
	ok, _, err := hwGlobalMemoryStatusEx.Call(uintptr(unsafe.Pointer(&status)))
	if ok == 0 {
		return 0, fmt.Errorf("GlobalMemoryStatusEx: %w", err)
	}
	return status.TotalPhys, nil
}
