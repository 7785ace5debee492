//go:build !linux && !darwin && !windows

package numeric

import (
	"errors"
	"runtime"
)

// hwMemorySource names where hwTotalMemory reads on this OS.
const hwMemorySource = "nothing"

// hwTotalMemory is not implemented on this OS.
func hwTotalMemory() (uint64, error) {
	return 0, errors.New("total memory is not detected on " + runtime.GOOS)
}
