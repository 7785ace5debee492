package opencl

import (
	"fmt"

	"github.com/numkit/numkit/numeric/ir"
)

// Usable reports whether the OpenCL backend can run here: nil, or an error wrapping
// exec.ErrBackend that says why not (no library, no device, a bad
// NUMKIT_OPENCL_DEVICE, a context that cannot be created).
func Usable() error {
	_, err := Default()
	return err
}

// UsableFor is nil, or why the OpenCL backend cannot run prog here.
func UsableFor(prog *ir.Program) error {
	if err := Usable(); err != nil {
		return err
	}
	if d, _ := Default(); d != nil && !d.dev.FP64 && usesFloat64(prog) {
		return fmt.Errorf("the device %s has no fp64 and the expression computes in float64", d.dev.Name)
	}
	return nil
}

func usesFloat64(prog *ir.Program) bool {
	for _, r := range prog.Regs {
		if r.Type == ir.Float64 {
			return true
		}
	}
	return false
}

// ZeroCopy reports whether the OpenCL device works on host memory in place.
func ZeroCopy() bool {
	d, err := Default()
	return err == nil && d.dev.UnifiedMemory
}

// Probe loads the OpenCL device and says whether it works on host memory in place,
// which device it is (DeviceID), and whether it can run prog (nil, or why not).
func Probe(prog *ir.Program) (zeroCopy bool, device string, err error) {
	return ZeroCopy(), DeviceID(), UsableFor(prog)
}
