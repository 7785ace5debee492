package numeric_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/numkit/numkit/numeric"
)

// Keep arrays on the OpenCL device between evaluations: upload once, evaluate into a
// device array, reduce it, and download only the end result. Without a usable device
// Upload's error wraps ErrBackend, and the program falls back to host slices, with
// the same results.
func ExampleUpload() {
	ctx := context.Background()
	host := []float64{1, 2, 3, 4}
	a, err := numeric.Upload(host)
	if errors.Is(err, numeric.ErrBackend) {
		out, ss := centerOnHost(ctx, host)
		fmt.Println(out, ss)
		return
	} else if err != nil {
		log.Fatal(err)
	}
	defer a.Release()
	centered, err := numeric.NewDeviceArray(numeric.Float64, a.Len())
	if err != nil {
		log.Fatal(err)
	}
	defer centered.Release()

	center := numeric.MustCompile("a - mean(a)", numeric.WithBackend("opencl"))
	if err := center.EvalInto(ctx, centered, numeric.Vars{"a": a}); err != nil {
		log.Fatal(err)
	}
	var ss float64
	sumSquares := numeric.MustCompile("sum(x*x)", numeric.WithBackend("opencl"))
	if err := sumSquares.EvalInto(ctx, &ss, numeric.Vars{"x": centered}); err != nil {
		log.Fatal(err)
	}
	out := make([]float64, centered.Len())
	if err := centered.Download(out); err != nil {
		log.Fatal(err)
	}
	fmt.Println(out, ss)
	// Output: [-1.5 -0.5 0.5 1.5] 5
}

// centerOnHost is ExampleUpload's computation on the CPU.
func centerOnHost(ctx context.Context, a []float64) ([]float64, float64) {
	out := make([]float64, len(a))
	if err := numeric.MustCompile("a - mean(a)").EvalInto(ctx, out, numeric.Vars{"a": a}); err != nil {
		log.Fatal(err)
	}
	var ss float64
	if err := numeric.MustCompile("sum(x*x)").EvalInto(ctx, &ss, numeric.Vars{"x": out}); err != nil {
		log.Fatal(err)
	}
	return out, ss
}

// Start independent evaluations and wait for them; on the opencl backend their
// transfers and kernels overlap.
func ExampleExpr_EvalAsync() {
	e := numeric.MustCompile("2*a + 1")
	x, y := []float64{1, 2}, []float64{3, 4}
	dx, dy := make([]float64, 2), make([]float64, 2)
	px := e.EvalAsync(context.Background(), dx, numeric.Vars{"a": x})
	py := e.EvalAsync(context.Background(), dy, numeric.Vars{"a": y})
	if err := px.Wait(); err != nil {
		log.Fatal(err)
	}
	if err := py.Wait(); err != nil {
		log.Fatal(err)
	}
	fmt.Println(dx, dy)
	// Output: [3 5] [7 9]
}
