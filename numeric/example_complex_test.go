package numeric_test

import (
	"context"
	"fmt"
	"math"

	"github.com/numkit/numkit/numeric"
)

// Complex arrays: literals with j, complex functions with NumPy's branch cuts, abs as
// the real magnitude, and complex reductions.
func Example_complex() {
	negZero := math.Copysign(0, -1)                     // (Go's constant -0.0 is +0)
	z := []complex128{1 + 2i, -4, complex(-4, negZero)} // -4 on either side of sqrt's cut
	ctx := context.Background()

	r, _ := numeric.MustCompile("z*z + 1j").Eval(ctx, numeric.Vars{"z": z})
	fmt.Println(r.Type, r.Data)

	r, _ = numeric.MustCompile("sqrt(z)").Eval(ctx, numeric.Vars{"z": z})
	fmt.Printf("%.4f\n", r.Data)

	r, _ = numeric.MustCompile("abs(z)").Eval(ctx, numeric.Vars{"z": z})
	fmt.Printf("%s %.4f\n", r.Type, r.Data)

	r, _ = numeric.MustCompile("sum(z) / 2").Eval(ctx, numeric.Vars{"z": z})
	fmt.Println(r.Data)
	// Output:
	// complex128 [(-3+5i) (16+1i) (16+1i)]
	// [(1.2720+0.7862i) (0.0000+2.0000i) (0.0000-2.0000i)]
	// float64 [2.2361 4.0000 4.0000]
	// (-3.5+1i)
}
