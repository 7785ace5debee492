package numeric

import (
	"context"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// TestPartialShapes checks which array inputs a chunk takes: contiguous 1-D views (a
// 1-D Array, a unit-stride VecDense) evaluate to the bits of the whole slices, with the
// result's shape; N-d arrays, strided views and arrays that would broadcast are
// ErrShape naming the variable.
func TestPartialShapes(t *testing.T) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(7, 8))
	n := 2*4096 + 5
	vars := partialTestVars(n, rng)
	a, b := vars["a"].([]float64), vars["b"].([]float64)
	for _, src := range []string{"a*b - 1", "sum(a*b)", "b - mean(b)"} {
		e := MustCompile(src, WithBackend(BackendGonum))
		want, err := e.Eval(ctx, Vars{"a": a, "b": b})
		if err != nil {
			t.Fatal(err)
		}
		views := Vars{"a": NewArray(a, n), "b": mat.NewVecDense(n, b)}
		got, err := evalChunkedViews(e, views, n)
		if err != nil {
			t.Fatalf("%q over 1-D views: %v", src, err)
		}
		if !sameResultBits(got, want) {
			t.Errorf("%q over 1-D views: %v, whole slices %v", src, brief(got), brief(want))
		}
	}
	e := MustCompile("sum(a*b)", WithBackend(BackendGonum))
	whole := Chunk{Count: 1, Len: 6, Total: 6}
	for _, tc := range []struct {
		name string
		vars Vars
		want string
	}{
		{"2-d", Vars{"a": NewArray(a[:6], 2, 3), "b": b[:6]}, "variable a is an array of shape [2 3]"},
		{"reversed", Vars{"a": a[:6], "b": &Array{Data: b[:6], Shape: []int{6}, Strides: []int{-1}, Offset: 5}}, "variable b is an array of shape [6] and strides [-1]"},
		{"broadcast", Vars{"a": a[:6], "b": b[:1]}, "a has 6 elements and b 1"},
	} {
		_, err := e.EvalPartial(ctx, whole, tc.vars, nil)
		if !errors.Is(err, ErrShape) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: EvalPartial error %v, want ErrShape mentioning %q", tc.name, err, tc.want)
		}
	}
	col := mat.NewDense(6, 2, make([]float64, 12)).ColView(0).(*mat.VecDense)
	_, err := e.EvalPartial(ctx, whole, Vars{"a": a[:6], "b": col}, nil)
	if !errors.Is(err, ErrShape) || !strings.Contains(err.Error(), "strides [2]") {
		t.Errorf("a stride-2 VecDense: EvalPartial error %v, want ErrShape naming strides [2]", err)
	}
}

// evalChunkedViews evaluates e over vars of n elements in three chunks cut by ChunkOf,
// each chunk's arrays passed as views of the same kind as vars holds.
func evalChunkedViews(e *Expr, vars Vars, n int) (Result, error) {
	ctx := context.Background()
	var carry *Carry
	for {
		var parts []*Partial
		for k := range 3 {
			c, err := ChunkOf(k, 3, n)
			if err != nil {
				return Result{}, err
			}
			cv := Vars{}
			for name, v := range vars {
				switch v := v.(type) {
				case *Array:
					cv[name] = NewArray(v.Data.([]float64)[c.Offset:c.Offset+c.Len], c.Len)
				case *mat.VecDense:
					cv[name] = v.SliceVec(c.Offset, c.Offset+c.Len)
				}
			}
			p, err := e.EvalPartial(ctx, c, cv, carry)
			if err != nil {
				return Result{}, err
			}
			parts = append(parts, p)
		}
		m, err := Merge(ctx, parts)
		if err != nil || m.Result != nil {
			if err != nil {
				return Result{}, err
			}
			return *m.Result, nil
		}
		carry = m.Next
	}
}
