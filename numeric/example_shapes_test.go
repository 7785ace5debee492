package numeric_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"gonum.org/v1/gonum/mat"

	"github.com/numkit/numkit/numeric"
)

// Shapes broadcast as NumPy's do, and reductions take an axis: here each column of a
// 3×2 matrix is centred on its mean, into a *mat.Dense of the result's shape.
func ExampleArray() {
	x := numeric.NewArray([]float64{1, 10, 2, 20, 3, 30}, 3, 2) // C order: rows (1, 10), (2, 20), (3, 30)
	r, err := numeric.Evaluate("sum(x, axis=0)", numeric.Vars{"x": x})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Shape, r.Data)

	centred := mat.NewDense(3, 2, nil)
	e := numeric.MustCompile("x - mean(x, axis=0)")
	if err := e.EvalInto(context.Background(), centred, numeric.Vars{"x": x}); err != nil {
		log.Fatal(err)
	}
	fmt.Println(mat.Formatted(centred, mat.Squeeze()))

	// A column of 3 stretches along the rows; a row of 3 does not fit 2 columns.
	col := numeric.NewArray([]float64{100, 200, 300}, 3, 1)
	r, _ = numeric.Evaluate("x + c", numeric.Vars{"x": x, "c": col})
	fmt.Println(r.Shape, r.Data)
	_, err = numeric.Evaluate("x + v", numeric.Vars{"x": x, "v": []float64{1, 2, 3}})
	fmt.Println(errors.Is(err, numeric.ErrShape), err)
	// Output:
	// [2] [6 60]
	// ⎡-1  -10⎤
	// ⎢ 0    0⎥
	// ⎣ 1   10⎦
	// [3 2] [101 110 202 220 303 330]
	// true numeric: x has shape (3, 2) but v has shape (3,): they do not broadcast in dimension 1 of the result (2 vs 3): shape mismatch
}
