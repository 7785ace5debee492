package numeric_test

import (
	"fmt"
	"runtime"

	"github.com/numkit/numkit/numeric"
)

// The report says which SIMD level the CPU kernels use and whether OpenCL is usable,
// with the reasons (numkit info prints it). Most of it depends on the machine; the
// backends it lists, in the router's order of preference, and the portable gonum
// backend's being usable do not.
func ExampleHardware() {
	report, err := numeric.Hardware()
	if err != nil {
		fmt.Println("configuration problem:", err) // e.g. a bad NUMKIT_SIMD value
	}
	fmt.Println(report.OS == runtime.GOOS, report.Arch == runtime.GOARCH)
	for _, b := range report.Backends {
		if b.Name == numeric.BackendGonum {
			fmt.Printf("%s usable: %v\n", b.Name, b.Usable)
		} else {
			fmt.Println(b.Name) // usable or not, with b.Reason, depending on the machine
		}
	}
	// Output:
	// true true
	// opencl
	// simd
	// gonum usable: true
}
