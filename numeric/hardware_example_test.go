package numeric_test

import (
	"fmt"

	"github.com/numkit/numkit/numeric"
)

// The report says which SIMD level the CPU kernels use and whether OpenCL is usable,
// with the reasons. Its content depends on the machine, so this example has no
// Output section.
func ExampleHardware() {
	report, err := numeric.Hardware()
	if err != nil {
		fmt.Println("configuration problem:", err) // e.g. a bad NUMKIT_SIMD value
	}
	fmt.Printf("SIMD %s: %s\n", report.SIMD.Level, report.SIMD.Reason)
	if report.OpenCL.Chosen != nil {
		fmt.Printf("OpenCL device %q: %s\n", report.OpenCL.Chosen.Name, report.OpenCL.Chosen.Reason)
	} else {
		fmt.Println("no OpenCL:", report.OpenCL.Reason)
	}
	for _, b := range report.Backends {
		fmt.Printf("%s usable=%v: %s\n", b.Name, b.Usable, b.Reason)
	}
}
