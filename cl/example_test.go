package cl_test

import (
	"fmt"

	"github.com/numkit/numkit/cl"
)

// Enumerate the OpenCL platforms and devices. The output depends on the machine, so
// this example is compiled but not run.
func Example() {
	r, err := cl.Open()
	if err != nil {
		fmt.Println("no OpenCL:", err)
		return
	}
	platforms, err := r.Platforms()
	if err != nil {
		fmt.Println("enumerating:", err)
		return
	}
	for _, p := range platforms {
		fmt.Printf("%s (%s)\n", p.Name, p.Version)
		for _, d := range p.Devices {
			fmt.Printf("  %s: %v, %d compute units, %d MiB, fp64 %v\n",
				d.Name, d.Type, d.ComputeUnits, d.GlobalMemBytes>>20, d.FP64)
		}
	}
}
