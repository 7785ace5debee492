package numeric

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
)

// numexpr's own N-d broadcasting and axis tests (numexpr/tests/test_numexpr.py:
// test_reductions, test_in_place, test_axis, test_broadcasting, test_complex_strides,
// test_zerodim3d), ported with the values numexpr (and NumPy) give, on every backend.

func arangeF(n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = float64(i)
	}
	return s
}

func arangeI(n int) []int64 {
	s := make([]int64, n)
	for i := range s {
		s[i] = int64(i)
	}
	return s
}

// everyTwoRows is arange(100).reshape(10, 10)[::2]: shape (5, 10), strides (20, 1).
func everyTwoRows() *Array {
	return &Array{Data: arangeI(100), Shape: []int{5, 10}, Strides: []int{20, 1}}
}

type ndCase struct {
	src   string
	vars  Vars
	shape []int // nil: a scalar result
	want  []float64
}

func ndNumexprCases() []ndCase {
	y := NewArray(arangeF(9), 3, 3)
	row := NewArray(arangeI(10), 1, 10)
	ab := func(f func(i, j int) float64) []float64 {
		var s []float64
		for i := range 5 {
			for j := range 10 {
				s = append(s, f(i, j))
			}
		}
		return s
	}
	return []ndCase{
		// test_reductions: along an axis of arange(9.0).reshape(3, 3)
		{"sum(y**2, axis=1)", Vars{"y": y}, []int{3}, []float64{5, 50, 149}},
		{"sum(y**2, axis=0)", Vars{"y": y}, []int{3}, []float64{45, 66, 93}},
		{"sum(y**2, axis=None)", Vars{"y": y}, nil, []float64{204}},
		{"prod(y**2, axis=1)", Vars{"y": y}, []int{3}, []float64{0, 3600, 112896}},
		{"prod(y**2, axis=0)", Vars{"y": y}, []int{3}, []float64{0, 784, 6400}},
		{"prod(y**2, axis=None)", Vars{"y": y}, nil, []float64{0}},
		{"min(y**2, axis=1)", Vars{"y": y}, []int{3}, []float64{0, 9, 36}},
		{"min(y**2, axis=0)", Vars{"y": y}, []int{3}, []float64{0, 1, 4}},
		{"max(y**2, axis=1)", Vars{"y": y}, []int{3}, []float64{4, 25, 64}},
		{"max(y**2, axis=0)", Vars{"y": y}, []int{3}, []float64{36, 49, 64}},
		{"max(y**2, axis=None)", Vars{"y": y}, nil, []float64{64}},
		// test_reductions: #277, a leading singleton dimension
		{"sum(x,axis=None)", Vars{"x": row}, nil, []float64{45}},
		{"sum(x,axis=0)", Vars{"x": row}, []int{10}, arangeF(10)},
		{"sum(x,axis=1)", Vars{"x": row}, []int{1}, []float64{45}},
		// test_broadcasting and test_run: a is a strided view
		{"a+c", Vars{"a": everyTwoRows(), "c": arangeI(10)}, []int{5, 10}, ab(func(i, j int) float64 { return float64(20*i + 2*j) })},
		{"a+d", Vars{"a": everyTwoRows(), "d": NewArray(arangeI(5), 5, 1)}, []int{5, 10}, ab(func(i, j int) float64 { return float64(21*i + j) })},
		{"2.0*a+3.0*c", Vars{"a": everyTwoRows(), "c": arangeI(10)}, []int{5, 10}, ab(func(i, j int) float64 { return float64(40*i + 5*j) })},
		{"2*a+3*b", Vars{"a": everyTwoRows(), "b": arangeI(10)}, []int{5, 10}, ab(func(i, j int) float64 { return float64(40*i + 5*j) })},
		// test_complex_strides
		{"a+b", Vars{"a": everyTwoRows(), "b": NewArray(arangeI(50), 5, 10)}, []int{5, 10}, ab(func(i, j int) float64 { return float64(30*i + 2*j) })},
		// test_zerodim3d
		{"a0 + a1", Vars{"a0": NewArray([]int32{}, 0, 2, 4), "a1": NewArray([]float64{}, 0, 2, 4)}, []int{0, 2, 4}, []float64{}},
		{"a0 * a1", Vars{"a0": NewArray([]int32{}, 0, 2, 4), "a1": NewArray([]float64{}, 0, 2, 4)}, []int{0, 2, 4}, []float64{}},
		// numkit counts a negative axis from the end (numexpr 2.14 rejects it)
		{"sum(y, axis=-1)", Vars{"y": y}, []int{3}, []float64{3, 12, 21}},
		{"sum(y, -2)", Vars{"y": y}, []int{3}, []float64{9, 12, 15}},
		{"y - mean(y, axis=0)", Vars{"y": y}, []int{3, 3}, []float64{-3, -3, -3, 0, 0, 0, 3, 3, 3}},
	}
}

func TestNumexprNd(t *testing.T) {
	ctx := context.Background()
	for _, be := range confBackends {
		t.Run(be.name, func(t *testing.T) {
			confRequire(t, be.name)
			for _, c := range ndNumexprCases() {
				r, err := MustCompile(c.src, WithBackend(be.name)).Eval(ctx, c.vars)
				if err != nil {
					t.Errorf("%s: %v", c.src, err)
					continue
				}
				if got := ndFloats(r); !slices.Equal(r.Shape, c.shape) || !slices.Equal(got, c.want) {
					t.Errorf("%s = %v %v, want %v %v", c.src, r.Shape, got, c.shape, c.want)
				}
			}
			// test_axis: an axis out of bounds is an error
			y := NewArray(arangeF(9), 3, 3)
			for _, src := range []string{"sum(y, axis=2)", "sum(y, axis=-3)"} {
				_, err := MustCompile(src, WithBackend(be.name)).Eval(ctx, Vars{"y": y})
				if !errors.Is(err, ErrShape) {
					t.Errorf("%s: %v, want ErrShape (axis out of bounds)", src, err)
				}
			}
			// test_in_place: the destination is the input x
			x := arangeF(10000)
			xa := NewArray(x, 1000, 10)
			e := MustCompile("x + 3", WithBackend(be.name))
			if err := e.EvalInto(ctx, xa, Vars{"x": xa}); err != nil {
				t.Fatal(err)
			}
			e = MustCompile("(x - 3) * y + (x - 3)", WithBackend(be.name))
			if err := e.EvalInto(ctx, xa, Vars{"x": xa, "y": arangeF(10)}); err != nil {
				t.Fatal(err)
			}
			for i, v := range x {
				if want := float64(i) * float64(i%10+1); v != want {
					t.Fatalf("in place: x[%d] = %v, want %v", i, v, want)
				}
			}
		})
	}
}

// ndFloats is an array or scalar result's elements as float64.
func ndFloats(r Result) []float64 {
	if r.Scalar {
		v, _ := r.Float64()
		return []float64{v}
	}
	out := []float64{}
	a := resultToRef(r)
	for _, e := range a.vals {
		switch {
		case r.Type.IsFloat():
			out = append(out, e.f)
		case r.Type == Bool:
			out = append(out, map[bool]float64{true: 1}[e.b])
		default:
			out = append(out, float64(e.i))
		}
	}
	return out
}

// Axis reductions give the same bits for any thread count.
func TestAxisThreads(t *testing.T) {
	ctx := context.Background()
	data := make([]float64, 300*700)
	for i := range data {
		data[i] = 1 / float64(i+3)
	}
	a := NewArray(data, 300, 700)
	_, err := Evaluate("a - mean(a, axis=1)", Vars{"a": a})
	if !errors.Is(err, ErrShape) || !strings.Contains(err.Error(), "a has shape (300, 700) but mean(a, axis=1) has shape (300,)") {
		t.Errorf("a - mean(a, axis=1): %v, want ErrShape naming both shapes (as NumPy, (300, 700) and (300,) do not broadcast)", err)
	}
	for _, src := range []string{"sum(a, axis=0)", "sum(a, axis=1)", "std(a*2, 0)", "a - mean(a, axis=0)"} {
		var first []float64
		for _, threads := range []int{1, 2, 3, 8} {
			r, err := MustCompile(src, WithThreads(threads)).Eval(ctx, Vars{"a": a})
			if err != nil {
				t.Fatal(err)
			}
			got := r.Float64s()
			if first == nil {
				first = got
			} else if !slices.Equal(got, first) {
				t.Fatalf("%s: threads=%d differs from threads=1", src, threads)
			}
		}
		if src == "sum(a, axis=1)" { // each row against a sequential 1-D sum of it
			for i := range 300 {
				want, _ := Evaluate("sum(r)", Vars{"r": data[i*700 : (i+1)*700]})
				if w, _ := want.Float64(); first[i] != w {
					t.Fatalf("%s[%d] = %v, want %v", src, i, first[i], w)
				}
			}
		}
	}
}

// sum and mean along a leading axis walk the rows (columnSums) but give each column
// exactly the bits of the 1-D reduction of that column, over several blocks, for
// float64 and float32, on the CPU backends and thread counts.
func TestAxisColumnsBits(t *testing.T) {
	ctx := context.Background()
	const rows, cols = 27000, 37 // 9000 per line: three blocks
	d64 := make([]float64, rows*cols)
	d32 := make([]float32, rows*cols)
	for i := range d64 {
		d64[i] = 1/float64(i%977+3) + float64(i%13)*1e8 - float64(i%7)*3e7
		d32[i] = float32(d64[i])
	}
	backends := cpuBackends()
	for _, data := range []any{d64, d32} {
		arr := NewArray(data, 3, rows/3, cols) // axis 1 is a leading axis too
		for _, fun := range []string{"sum", "mean"} {
			for _, be := range backends {
				for _, threads := range []int{1, 3} {
					src := fun + "(a, axis=1)"
					r, err := MustCompile(src, WithBackend(be), WithThreads(threads)).Eval(ctx, Vars{"a": arr})
					if err != nil {
						t.Fatal(err)
					}
					got := ndFloats(r)
					if !slices.Equal(r.Shape, []int{3, cols}) {
						t.Fatalf("%s: shape %v", src, r.Shape)
					}
					for k := range 3 {
						for c := range cols {
							col := NewArray(data, 3, rows/3, cols)
							col.Shape, col.Strides, col.Offset = []int{rows / 3}, []int{cols}, k*(rows/3)*cols+c
							want, err := MustCompile(fun+"(x)", WithBackend(be)).Eval(ctx, Vars{"x": col})
							if err != nil {
								t.Fatal(err)
							}
							if w := ndFloats(want)[0]; got[k*cols+c] != w {
								t.Fatalf("%s %T %s threads=%d [%d, %d] = %v, want %v (the column's 1-D %s)", src, data, be, threads, k, c, got[k*cols+c], w, fun)
							}
						}
					}
				}
			}
		}
	}
}
