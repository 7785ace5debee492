package numeric

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// The conformance suite's shapes dimension: every expression below × broadcast
// patterns × dtypes × C/Fortran/strided/negative-stride/mat.Dense layouts × every
// backend and thread count, against the reference interpreter (which broadcasts by
// its own, naive indexing), through Eval and through EvalInto into a strided
// destination.

// confShapePattern is the shapes of a and b.
type confShapePattern struct {
	name string
	a, b []int
}

var confShapePatterns = []confShapePattern{
	{"same", []int{4, 5}, []int{4, 5}},
	{"row", []int{3, 4}, []int{4}},
	{"row-long", []int{5, 300}, []int{300}},
	{"column", []int{3, 4}, []int{3, 1}},
	{"column-long", []int{4, 300}, []int{4, 1}},
	{"outer", []int{3, 1}, []int{1, 4}},
	{"one-by-one", []int{3, 4}, []int{1, 1}},
	{"stretch-1d", []int{1}, []int{5}},
	{"stretch-1d-long", []int{1}, []int{300}},
	{"rows-3d-long", []int{3, 4, 300}, []int{4, 1}},
	{"3d", []int{2, 3, 4}, []int{3, 1}},
	{"3d-long", []int{2, 1, 260}, []int{3, 260}},
	{"zero-rows", []int{0, 3}, []int{3}},
	{"zero-stretch", []int{2, 0}, []int{2, 1}},
}

// confShapeLayouts lay out an array of a shape: C order, Fortran order, every
// other element of a larger buffer (offset 1), and the last axis reversed.
var confShapeLayouts = []string{"C", "F", "strided", "reversed"}

// confShapeArray makes an *Array of dtype t, shape and layout holding
// pseudo-random values (small integers for ints, quarters for floats).
func confShapeArray(t DType, shape []int, layout string, seed int) *Array {
	n := 1
	for _, d := range shape {
		n *= d
	}
	size := n
	if layout == "strided" {
		size = 2*n + 1
	}
	val := func(i int) float64 { return float64((i*7+seed*13)%11) - 5 }
	var data any
	switch t {
	case Float64:
		s := make([]float64, size)
		for i := range s {
			s[i] = val(i) / 4
		}
		data = s
	case Float32:
		s := make([]float32, size)
		for i := range s {
			s[i] = float32(val(i) / 4)
		}
		data = s
	case Int64:
		s := make([]int64, size)
		for i := range s {
			s[i] = int64(val(i))
		}
		data = s
	case Bool:
		s := make([]bool, size)
		for i := range s {
			s[i] = val(i) > 0
		}
		data = s
	default:
		s := make([]int32, size)
		for i := range s {
			s[i] = int32(val(i))
		}
		data = s
	}
	switch layout {
	case "F":
		return NewFortranArray(data, shape...)
	case "strided":
		st := cStrides(shape)
		for i := range st {
			st[i] *= 2
		}
		return &Array{Data: data, Shape: shape, Strides: st, Offset: 1}
	case "reversed":
		st := cStrides(shape)
		off := 0
		if last := len(shape) - 1; last >= 0 && shape[last] > 0 {
			off = (shape[last] - 1) * st[last]
			st[last] = -st[last]
		}
		return &Array{Data: data, Shape: shape, Strides: st, Offset: off}
	}
	return NewArray(data, shape...)
}

var confShapeExprs = []struct {
	src    string
	floats bool // only for float types
}{
	{"a + b", false},
	{"(a - 3) * b + (a - 3)", false},
	{"where(a > b, a, b)", false},
	{"a < b", false},
	{"sqrt(abs(a)) * b", true}, // correctly rounded everywhere: compared bit for bit
	{"sum(a * b)", false},
	{"a - max(a) + b", false},
}

func confRunShapes(t *testing.T, be confBackend) {
	ctx := context.Background()
	for _, ex := range confShapeExprs {
		for _, dt := range []DType{Float64, Float32, Int64, Int32} {
			if ex.floats && !dt.IsFloat() {
				continue
			}
			for _, p := range confShapePatterns {
				for li, layout := range confShapeLayouts {
					if be.name == BackendOpenCL && li > 0 && p.name != "3d" {
						continue // kernel builds are slow on pocl: every layout on one pattern
					}
					a := confShapeArray(dt, p.a, layout, 1)
					b := confShapeArray(dt, p.b, confShapeLayouts[(li+1)%len(confShapeLayouts)], 2)
					vars := Vars{"a": a, "b": b}
					where := fmt.Sprintf("%s %s %s %s", ex.src, dt, p.name, layout)
					want, werr := refEvaluate(ex.src, vars, false)
					for _, threads := range be.threads {
						opts := []Option{WithBackend(be.name)}
						if threads > 0 {
							opts = append(opts, WithThreads(threads))
						}
						e, err := Compile(ex.src, opts...)
						if err != nil {
							t.Fatal(err)
						}
						got, err := e.Eval(ctx, vars)
						if werr != nil || err != nil {
							// The reference walks no element of an empty result, so it never
							// meets max of nothing, which the engine rejects as NumPy does.
							emptyMax := werr == nil && len(want.vals) == 0 && errors.Is(err, ErrEmpty)
							if (werr == nil) != (err == nil) && !emptyMax {
								t.Errorf("%s threads=%d: error %v, reference %v", where, threads, err, werr)
							}
							continue
						}
						tol := confTol{} // quarters and small integers: every result is exact
						if msg := confCompare(want, got, tol); msg != "" {
							t.Errorf("%s threads=%d: %s", where, threads, msg)
							continue
						}
						if !got.Scalar {
							confShapeInto(t, where, e, vars, got)
						}
					}
				}
			}
		}
	}
}

// confShapeInto evaluates again into a Fortran-order destination and into one of
// the wrong shape.
func confShapeInto(t *testing.T, where string, e *Expr, vars Vars, want Result) {
	t.Helper()
	ctx := context.Background()
	dst := confShapeArray(want.Type, want.Shape, "F", 0)
	if err := e.EvalInto(ctx, dst, vars); err != nil {
		t.Errorf("%s: EvalInto a Fortran destination: %v", where, err)
		return
	}
	// Read the destination back in C order through the reference's indexing.
	in, err := refBindArray(dst)
	if err != nil {
		t.Fatal(err)
	}
	got := refResult{typ: want.Type, shape: want.Shape}
	at := refBroadcastAt(want.Shape, want.Shape, in.atIdx)
	for i := range want.Array().Len() {
		got.vals = append(got.vals, at(i))
	}
	if w := resultToRef(want); !slices.EqualFunc(w.vals, got.vals, func(x, y refElem) bool { return x == y }) {
		t.Errorf("%s: EvalInto a Fortran destination differs from Eval", where)
	}
	wrong := append([]int{1}, want.Shape...)
	err = e.EvalInto(ctx, confShapeArray(want.Type, wrong, "C", 0), vars)
	if !errors.Is(err, ErrShape) {
		t.Errorf("%s: EvalInto a destination of shape %v: %v, want ErrShape", where, wrong, err)
	}
}

func TestShapesMatDense(t *testing.T) {
	ctx := context.Background()
	big := mat.NewDense(5, 6, nil)
	for i := range 5 {
		for j := range 6 {
			big.Set(i, j, float64(10*i+j))
		}
	}
	sub := big.Slice(1, 4, 2, 5).(*mat.Dense) // 3×3, stride 6: read in place
	row := []float64{100, 200, 300}
	for _, be := range confBackends {
		t.Run(be.name, func(t *testing.T) {
			confRequire(t, be.name)
			e := MustCompile("m + v", WithBackend(be.name))
			r, err := e.Eval(ctx, Vars{"m": sub, "v": row})
			if err != nil {
				t.Fatal(err)
			}
			want := []float64{112, 213, 314, 122, 223, 324, 132, 233, 334}
			if !slices.Equal(r.Shape, []int{3, 3}) || !slices.Equal(r.Float64s(), want) {
				t.Fatalf("m + v = %v %v, want [3 3] %v", r.Shape, r.Float64s(), want)
			}
			// Into a strided slice of another matrix: only those elements change.
			dstBig := mat.NewDense(4, 5, nil)
			dst := dstBig.Slice(1, 4, 1, 4).(*mat.Dense)
			if err := e.EvalInto(ctx, dst, Vars{"m": sub, "v": row}); err != nil {
				t.Fatal(err)
			}
			for i := range 4 {
				for j := range 5 {
					w := 0.0
					if i >= 1 && j >= 1 && j < 4 {
						w = want[(i-1)*3+j-1]
					}
					if got := dstBig.At(i, j); got != w {
						t.Fatalf("destination (%d, %d) = %v, want %v", i, j, got, w)
					}
				}
			}
			err = e.EvalInto(ctx, mat.NewDense(3, 4, nil), Vars{"m": sub, "v": row})
			if !errors.Is(err, ErrShape) {
				t.Fatalf("3×4 destination for a 3×3 result: %v", err)
			}
			err = e.EvalInto(ctx, make([]float64, 9), Vars{"m": sub, "v": row})
			if !errors.Is(err, ErrShape) {
				t.Fatalf("flat destination for a 3×3 result: %v, want ErrShape (never flattened)", err)
			}
		})
	}
}

// An N-d destination that overlaps an input, shifted or transposed, gets the result
// of a non-overlapping evaluation; the exact alias (dst == input) is element for
// element and runs in place.
func TestShapesOverlap(t *testing.T) {
	ctx := context.Background()
	for _, be := range confBackends[:2] {
		t.Run(be.name, func(t *testing.T) {
			confRequire(t, be.name)
			buf := make([]float64, 601)
			for i := range buf {
				buf[i] = float64(i)
			}
			a := NewArray(buf[:600], 2, 300)
			dst := &Array{Data: buf, Shape: []int{2, 300}, Offset: 1}
			if err := MustCompile("a*2 + a", WithBackend(be.name)).EvalInto(ctx, dst, Vars{"a": a}); err != nil {
				t.Fatal(err)
			}
			for i := 1; i <= 600; i++ {
				if want := float64(3 * (i - 1)); buf[i] != want {
					t.Fatalf("%s: shifted destination [%d] = %v, want %v", be.name, i, buf[i], want)
				}
			}
			sq := make([]float64, 9)
			for i := range sq {
				sq[i] = float64(i)
			}
			m := NewArray(sq, 3, 3)
			mt := &Array{Data: sq, Shape: []int{3, 3}, Strides: []int{1, 3}} // the transpose, same memory
			if err := MustCompile("m + 0", WithBackend(be.name)).EvalInto(ctx, mt, Vars{"m": m}); err != nil {
				t.Fatal(err)
			}
			if want := []float64{0, 3, 6, 1, 4, 7, 2, 5, 8}; !slices.Equal(sq, want) {
				t.Fatalf("%s: m written into its own transpose: %v, want %v", be.name, sq, want)
			}
		})
	}
}
