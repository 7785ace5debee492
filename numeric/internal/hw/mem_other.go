//go:build !linux && !darwin && !windows

package hw

import (
	"errors"
	"runtime"
)

// memorySource names where totalMemory reads on this OS.
const memorySource = "nothing"

// totalMemory is not implemented on this OS.
func totalMemory() (uint64, error) {
	return 0, errors.New("total memory is not detected on " + runtime.GOOS)
}
