package cl_test

import (
	"errors"
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

// OpenCL status codes carry their OpenCL names, and errors.Is matches them against
// the exported sentinels.
func ExampleError() {
	err := fmt.Errorf("allocating: %w", &cl.Error{Code: -61, Name: cl.ErrorName(-61), Op: "clCreateBuffer"})
	fmt.Println(err)
	fmt.Println(errors.Is(err, cl.ErrInvalidBufferSize))
	fmt.Println(cl.ErrorName(-11))
	// Output:
	// allocating: clCreateBuffer: CL_INVALID_BUFFER_SIZE (-61)
	// true
	// CL_BUILD_PROGRAM_FAILURE
}
