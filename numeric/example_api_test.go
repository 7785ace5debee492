package numeric_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"strings"

	"gonum.org/v1/gonum/mat"

	"github.com/numkit/numkit/numeric"
)

// Compile an expression once and evaluate it many times, with new inputs each time.
// Compiling parses and checks the source; each evaluation only runs it.
func ExampleCompile() {
	e, err := numeric.Compile("2*a + 3*b**2")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(e.Names())
	ctx := context.Background()
	for _, b := range [][]float64{{0, 0, 0}, {1, 2, 3}} {
		r, err := e.Eval(ctx, numeric.Vars{"a": []float64{1, 2, 3}, "b": b})
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(r.Float64s())
	}
	// Output:
	// [a b]
	// [2 4 6]
	// [5 16 33]
}

// MustCompile is Compile for expressions fixed in the program: it panics on an error.
func ExampleMustCompile() {
	celsius := numeric.MustCompile("(f - 32) * 5 / 9")
	r, err := celsius.Eval(context.Background(), numeric.Vars{"f": []float64{32, 212, -40}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Data, r.Type)
	// Output:
	// [0 100 -40] float64
}

// Eval returns a Result: an array, or a scalar for a reduction, with its type.
func ExampleExpr_Eval() {
	e := numeric.MustCompile("where(x > 0, x, 0)")
	r, err := e.Eval(context.Background(), numeric.Vars{"x": []int32{-2, 5, 0, 7}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Data, r.Type, r.Scalar, r.Len())
	// Output:
	// [0 5 0 7] int32 false 4
}

// EvalInto writes into a destination the caller owns, so that a loop evaluates
// without allocating a result each time. A reduction's destination is a pointer.
func ExampleExpr_EvalInto() {
	ctx := context.Background()
	scale := numeric.MustCompile("a * k")
	a := []float64{1, 2, 3}
	dst := make([]float64, len(a)) // reused by every evaluation
	for _, k := range []float64{10, 100} {
		if err := scale.EvalInto(ctx, dst, numeric.Vars{"a": a, "k": k}); err != nil {
			log.Fatal(err)
		}
		fmt.Println(dst)
	}
	var total float64
	if err := numeric.MustCompile("sum(a * a)").EvalInto(ctx, &total, numeric.Vars{"a": a}); err != nil {
		log.Fatal(err)
	}
	fmt.Println(total)
	// Output:
	// [10 20 30]
	// [100 200 300]
	// 14
}

// Evaluate compiles and evaluates in one call, for an expression used once.
func ExampleEvaluate() {
	r, err := numeric.Evaluate("sqrt(x**2 + y**2)", numeric.Vars{
		"x": []float64{3, 5, 8},
		"y": []float64{4, 12, 15},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Data)
	// Output:
	// [5 13 17]
}

// A reduction (sum, mean, min, max, var, std, ...) can appear inside an expression:
// its value is broadcast against the arrays around it.
func ExampleEvaluate_reduction() {
	x := []float64{1, 2, 3, 4, 10}
	r, err := numeric.Evaluate("(x - min(x)) / (max(x) - min(x))", numeric.Vars{"x": x})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Data)
	share, _ := numeric.Evaluate("x / sum(x)", numeric.Vars{"x": x})
	fmt.Println(share.Data)
	// Output:
	// [0 0.1111111111111111 0.2222222222222222 0.3333333333333333 1]
	// [0.05 0.1 0.15 0.2 0.5]
}

// gonum's vectors and dense matrices are inputs as they are, read in place: a
// *mat.Dense is a rows×cols array, and shapes broadcast as NumPy's do (here the
// vector of 3 is added to each row of the 2×3 matrix).
func ExampleEvaluate_gonum() {
	m := mat.NewDense(2, 3, []float64{1, 2, 3, 4, 5, 6})
	v := mat.NewVecDense(3, []float64{10, 20, 30})
	r, err := numeric.Evaluate("m + v", numeric.Vars{"m": m, "v": v})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Shape, r.Data)
	total, _ := numeric.Evaluate("sum(m)", numeric.Vars{"m": m})
	fmt.Println(total.Data)
	// Output:
	// [2 3] [11 22 33 14 25 36]
	// 21
}

// A compile error is a *SyntaxError: its position, and a message that shows the
// source with a caret under the problem.
func ExampleSyntaxError() {
	_, err := numeric.Compile("2*a + * b")
	var se *numeric.SyntaxError
	if errors.As(err, &se) {
		fmt.Printf("line %d, column %d: %s\n", se.Line, se.Col, se.Msg)
		fmt.Println(err)
	}
	// Output:
	// line 1, column 7: unexpected "*" after "+"
	// 1:7: unexpected "*" after "+"
	//   2*a + * b
	//         ^
}

// Arrays of different lengths are an error that wraps ErrShape; the other sentinel
// errors are ErrType, ErrBackend and ErrEmpty.
func ExampleErrShape() {
	_, err := numeric.Evaluate("a + b", numeric.Vars{"a": []float64{1, 2, 3}, "b": []float64{1, 2}})
	fmt.Println(errors.Is(err, numeric.ErrShape))
	fmt.Println(err)
	_, err = numeric.Evaluate("max(a)", numeric.Vars{"a": []float64{}})
	fmt.Println(errors.Is(err, numeric.ErrEmpty))
	// Output:
	// true
	// numeric: a has shape (3,) but b has shape (2,): they do not broadcast in dimension 0 of the result (3 vs 2): shape mismatch
	// true
}

// Explain says where an evaluation would run and why, without running it. With a
// forced backend the choice is fixed; with auto it depends on the machine.
func ExampleExpr_Explain() {
	e := numeric.MustCompile("sum(a*b)", numeric.WithBackend("gonum"), numeric.WithThreads(1))
	text, err := e.Explain(numeric.Vars{"a": make([]float64, 1000), "b": make([]float64, 1000)})
	if err != nil {
		log.Fatal(err)
	}
	// The first lines describe the work; the estimates after them depend on the
	// machine and its calibration.
	lines := strings.SplitAfterN(text, "\n", 3)
	fmt.Print(lines[0], lines[1])
	// Output:
	// expression: sum(a*b)
	// result: float64, n=1000, 1 pass; per element: 16 bytes read, 0 written, ops [0 2 0 0] (move, cheap, divide, transcendental)
}

// Choose is Explain's decision alone.
func ExampleExpr_Choose() {
	e := numeric.MustCompile("a + 1", numeric.WithBackend("gonum"), numeric.WithThreads(2))
	c, err := e.Choose(numeric.Vars{"a": make([]float64, 1_000_000)})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.Backend, c.Threads)
	// Output:
	// gonum 2
}
