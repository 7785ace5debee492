package numeric

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"
)

func TestEvalPoly(t *testing.T) {
	n := 10000
	a, b, c := make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range a {
		a[i], b[i], c[i] = float64(i)*0.001, float64(n-i)*0.002, float64(i%7)
	}
	e, err := Compile("2*a + 3*b**2 - sin(c)")
	if err != nil {
		t.Fatal(err)
	}
	for _, threads := range []int{1, 2, 3} {
		e, _ := Compile(e.Source(), WithThreads(threads))
		r, err := e.Eval(context.Background(), Vars{"a": a, "b": b, "c": c})
		if err != nil {
			t.Fatal(err)
		}
		got := r.Float64s()
		for i := range got {
			want := 2*a[i] + 3*(b[i]*b[i]) - math.Sin(c[i])
			if got[i] != want {
				t.Fatalf("threads=%d: [%d] = %v, want %v", threads, i, got[i], want)
			}
		}
	}
}

func TestEvalReductionsThreadIndependent(t *testing.T) {
	n := 100_003
	a := make([]float64, n)
	for i := range a {
		a[i] = 1e9 + math.Sin(float64(i))
	}
	var want float64
	for threads := 1; threads <= 4; threads++ {
		e, err := Compile("sum(a - mean(a))", WithThreads(threads))
		if err != nil {
			t.Fatal(err)
		}
		var got float64
		if err := e.EvalInto(context.Background(), &got, Vars{"a": a}); err != nil {
			t.Fatal(err)
		}
		if threads == 1 {
			want = got
		} else if math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("threads=%d: %v, threads=1: %v", threads, got, want)
		}
	}
	if math.Abs(want) > 0.05 { // n * ulp(1e9) is about 0.012
		t.Fatalf("sum(a - mean(a)) = %v, want about 0", want)
	}
}

func TestEvalErrors(t *testing.T) {
	ctx := context.Background()
	e := MustCompile("a + b")
	_, err := e.Eval(ctx, Vars{"a": []float64{1, 2}, "b": []float64{1, 2, 3}})
	if !errors.Is(err, ErrShape) || !strings.Contains(err.Error(), "a has shape (2,) but b has shape (3,)") {
		t.Errorf("length mismatch: %v", err)
	}
	_, err = e.Eval(ctx, Vars{"a": []float64{1, 2}})
	var se *SyntaxError
	if !errors.As(err, &se) || !strings.Contains(err.Error(), "undefined variable b") {
		t.Errorf("missing variable: %v", err)
	}
	_, err = e.Eval(ctx, Vars{"a": []uint8{1}, "b": 1.0})
	if !errors.Is(err, ErrType) {
		t.Errorf("unsupported type: %v", err)
	}
	dst := make([]float32, 2)
	err = e.EvalInto(ctx, dst, Vars{"a": []float64{1, 2}, "b": 1.0})
	if !errors.Is(err, ErrType) || !strings.Contains(err.Error(), "[]float64") {
		t.Errorf("wrong destination type: %v", err)
	}
	_, err = MustCompile("~a").Eval(ctx, Vars{"a": []float64{1}})
	if !errors.As(err, &se) || se.Offset != 0 {
		t.Errorf("~ on float: %v", err)
	}
}

func TestEvalCancel(t *testing.T) {
	n := 1 << 20
	a := make([]float64, n)
	e := MustCompile("sin(a) + cos(a)", WithThreads(2), WithBackend(BackendGonum))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := e.Eval(ctx, Vars{"a": a})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Eval with a cancelled context: %v, want context.Canceled", err)
	}
	// A cancelled evaluation leaves the expression usable.
	r, err := e.Eval(context.Background(), Vars{"a": a[:10]})
	if err != nil || r.Float64s()[0] != 1 {
		t.Fatalf("after cancellation: %v, %v", r.Data, err)
	}
}

func TestExprString(t *testing.T) {
	e := MustCompile("a - mean(a)")
	s := e.String()
	for _, want := range []string{"input r0 a float64", "reduce", "mean(r0)", "sub(r0, r1)"} {
		if !strings.Contains(s, want) {
			t.Errorf("String() lacks %q:\n%s", want, s)
		}
	}
}
