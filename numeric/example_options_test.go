package numeric_test

import (
	"context"
	"fmt"
	"log"
	"path/filepath"

	"github.com/numkit/numkit/numeric"
)

// WithBackend forces a backend instead of letting the router choose; Backend then
// names it.
func ExampleWithBackend() {
	e := numeric.MustCompile("a * 2", numeric.WithBackend(numeric.BackendGonum))
	r, err := e.Eval(context.Background(), numeric.Vars{"a": []float64{1, 2}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Data, e.Backend())
	// Output:
	// [2 4] gonum
}

// WithThreads caps the goroutines of the CPU backends.
func ExampleWithThreads() {
	e := numeric.MustCompile("a + 1", numeric.WithThreads(2))
	fmt.Println(e.Threads())
	// Output:
	// 2
}

// By numexpr's rule a float64 constant makes a float32 array's result float64;
// WithFloat32Constants keeps it float32, as NumPy does.
func ExampleWithFloat32Constants() {
	vars := numeric.Vars{"a": []float32{1, 2}}
	r, _ := numeric.Evaluate("a * 2.5", vars)
	fmt.Println(r.Type, r.Data)
	r, _ = numeric.Evaluate("a * 2.5", vars, numeric.WithFloat32Constants())
	fmt.Println(r.Type, r.Data)
	// Output:
	// float64 [2.5 5]
	// float32 [2.5 5]
}

// WithCoexecution lets auto routing split a large evaluation between an OpenCL
// device and the CPU; the results are the same wherever the elements run.
func ExampleWithCoexecution() {
	e := numeric.MustCompile("a*a + 1", numeric.WithCoexecution())
	r, err := e.Eval(context.Background(), numeric.Vars{"a": []float64{1, 2, 3}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Data)
	// Output:
	// [2 5 10]
}

// ProfilePath is where numkit calibrate stores the router's measurements: a file in
// NUMKIT_CACHE_DIR, else in numkit's directory of the user's cache (the environment
// is read once per process, on first use).
func ExampleProfilePath() {
	fmt.Println(filepath.Base(numeric.ProfilePath()))
	// Output: profile.json
}

// SIMDFeatureNames lists the CPU features the hardware report shows for an
// architecture, in display order.
func ExampleSIMDFeatureNames() {
	fmt.Println(numeric.SIMDFeatureNames("arm64"))
	fmt.Println(len(numeric.SIMDFeatureNames("riscv64")))
	// Output:
	// [asimd fphp asimdhp sve sve2]
	// 0
}

// MomentsThreads splits a long array between goroutines; the statistics are those
// of one pass.
func ExampleMomentsThreads() {
	x := make([]float64, 1000)
	for i := range x {
		x[i] = float64(i % 10)
	}
	s := numeric.Moments(x, numeric.MomentsThreads(4))
	fmt.Printf("count %d, mean %g, var %g, min %g, max %g\n", s.Count, s.Mean, s.Var, s.Min, s.Max)
	// Output:
	// count 1000, mean 4.5, var 8.25, min 0, max 9
}

// Calibrate measures this machine's backends (a few seconds) and stores the profile
// the router uses. Its figures depend on the machine, so this example has no Output
// section and is not run by go test.
func ExampleCalibrate() {
	profile, err := numeric.Calibrate(func(s numeric.CalibrationStep) { fmt.Println(s) })
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("stored %s: %+v\n", numeric.ProfilePath(), profile)
}

// An Expr reports its source, its variables and the program it compiled to.
func ExampleExpr_Source() {
	e := numeric.MustCompile("x*y + z")
	fmt.Println(e.Source(), e.Names())
	// Output:
	// x*y + z [x y z]
}
