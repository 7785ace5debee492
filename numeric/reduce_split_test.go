package numeric

import (
	"context"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
)

// TestReductionOwnShape checks that a reduction reduces its own argument's elements
// where they have another shape than the rest of the expression, as NumPy does
// (sum(b) + a with b of shape (90,) and a (60, 90) adds b's sum, not 60 times it),
// on every backend, and that the result has the shape of the rest: N-d, 1-D of
// different lengths, a scalar argument, an axis reduction beside a full one, strided
// and Fortran arguments; the reductions' bits are those of the reduction alone.
func TestReductionOwnShape(t *testing.T) {
	a := seqArray(60*90, 1) // (60, 90)
	b := seqArray(90, 2)    // (90,)
	c := seqArray(60, 3)    // (60,)
	f := seqArray(60*90, 4) // Fortran (60, 90)
	row := seqArray(90, 5)  // (1, 90)
	s3, s5 := seqArray(3, 6), seqArray(5, 7)
	vars := Vars{
		"a": NewArray(a, 60, 90), "b": NewArray(b, 90), "c": NewArray(c, 60),
		"f": NewFortranArray(f, 60, 90), "r": NewArray(row, 1, 90),
		"u": s3, "w": s5, "s": 2.5, "one": []float64{0.5},
	}
	sum := func(x []float64) float64 { return evalScalar(t, "sum(x)", Vars{"x": x}) }
	mean := func(x []float64) float64 { return evalScalar(t, "mean(x)", Vars{"x": x}) }
	cases := []struct {
		src   string
		shape []int
		want  func(i int) float64
	}{
		{"sum(b) + a", []int{60, 90}, func(i int) float64 { return sum(b) + a[i] }},
		{"b + sum(a)", []int{90}, func(i int) float64 { return b[i] + sum(a) }},
		{"c * max(a)", []int{60}, func(i int) float64 { return c[i] * evalScalar(t, "max(x)", Vars{"x": a}) }},
		{"a - mean(r)", []int{60, 90}, func(i int) float64 { return a[i] - mean(row) }},
		{"u + sum(w)", []int{3}, func(i int) float64 { return s3[i] + sum(s5) }},
		{"sum(u) * sum(w)", nil, func(int) float64 { return sum(s3) * sum(s5) }},
		{"b + sum(s)", []int{90}, func(i int) float64 { return b[i] + 2.5 }},
		{"b - sum(f)", []int{90}, func(i int) float64 { return b[i] - sum(fortranToC(f, 60, 90)) }},
		{"sum(a, axis=0) + sum(a)", []int{90}, func(j int) float64 { return sum(column(a, 90, j)) + sum(a) }},
		{"c + sum(a * sum(b))", []int{60}, func(i int) float64 { return c[i] + sum(scaled(a, sum(b))) }},
		{"one + sum(b)", []int{1}, func(int) float64 { return 0.5 + sum(b) }},
	}
	for _, backend := range append(cpuBackends(), BackendOpenCL) {
		if backend == BackendOpenCL {
			clTestDevice(t)
		}
		for _, tc := range cases {
			e, err := Compile(tc.src, WithBackend(backend))
			if err != nil {
				t.Fatal(err)
			}
			r, err := e.Eval(context.Background(), vars)
			if err != nil {
				t.Errorf("%s %s: %v", backend, tc.src, err)
				continue
			}
			if tc.shape == nil {
				if got, want := r.Data.(float64), tc.want(0); math.Float64bits(got) != math.Float64bits(want) {
					t.Errorf("%s %s = %v, want %v", backend, tc.src, got, want)
				}
				continue
			}
			if !slices.Equal(r.Shape, tc.shape) {
				t.Errorf("%s %s: shape %v, want %v", backend, tc.src, r.Shape, tc.shape)
				continue
			}
			for i, got := range r.Data.([]float64) {
				if want := tc.want(i); math.Float64bits(got) != math.Float64bits(want) {
					t.Errorf("%s %s: element %d = %v, want %v", backend, tc.src, i, got, want)
					break
				}
			}
		}
	}
	// The rest of the expression and a reduction of the same shape take one pass.
	text, err := MustCompile("a - mean(a)").Explain(vars)
	if err != nil || strings.Contains(text, "another shape") {
		t.Errorf("a - mean(a) split (%v):\n%s", err, text)
	}
	text, err = MustCompile("s * sum(a) + s").Explain(vars)
	if err != nil || strings.Contains(text, "another shape") {
		t.Errorf("s * sum(a) + s split (%v):\n%s", err, text)
	}
	text, err = MustCompile("sum(b) + a").Explain(vars)
	if err != nil || !strings.Contains(text, "another shape") {
		t.Errorf("sum(b) + a not split (%v):\n%s", err, text)
	}
	// A part whose arrays do not broadcast is an error before any work, whichever
	// part it is.
	_, err = MustCompile("u + sum(w) + sum(a + c)").Eval(context.Background(), vars)
	if !errors.Is(err, ErrShape) {
		t.Errorf("u + sum(w) + sum(a + c): %v, want ErrShape", err)
	}
	// Errors of a reduction evaluated apart name it.
	_, err = MustCompile("u + min(e)").Eval(context.Background(), Vars{"u": s3, "e": []float64{}})
	if !errors.Is(err, ErrEmpty) || !strings.Contains(err.Error(), "min") {
		t.Errorf("u + min(e) with e empty: %v, want ErrEmpty naming min", err)
	}
}

func evalScalar(t *testing.T, src string, vars Vars) float64 {
	t.Helper()
	r, err := Evaluate(src, vars)
	if err != nil {
		t.Fatal(err)
	}
	return r.Data.(float64)
}

// seqArray is n values of a fixed irregular sequence (k picks it).
func seqArray(n, k int) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = math.Sin(float64(i*(k+2)+k)) * float64(1+i%13)
	}
	return x
}

func fortranToC(f []float64, rows, cols int) []float64 {
	out := make([]float64, len(f))
	for i := range rows {
		for j := range cols {
			out[i*cols+j] = f[j*rows+i]
		}
	}
	return out
}

func column(a []float64, cols, j int) []float64 {
	var out []float64
	for i := j; i < len(a); i += cols {
		out = append(out, a[i])
	}
	return out
}

func scaled(a []float64, s float64) []float64 {
	out := make([]float64, len(a))
	for i, v := range a {
		out[i] = v * s
	}
	return out
}
