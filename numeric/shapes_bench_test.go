package numeric

import (
	"context"
	"testing"
)

// The speed table at about 2·10⁷ elements: a of shape (2000, 10000) against
// b of shape (10000,) (row broadcast), (2000, 1) (column broadcast) and a same-shape
// contiguous b; and sum along each axis against the full sum.
func BenchmarkShapes(b *testing.B) {
	const rows, cols = 2000, 10000
	a := make([]float64, rows*cols)
	for i := range a {
		a[i] = float64(i%1000) / 7
	}
	same := make([]float64, rows*cols)
	row := make([]float64, cols)
	col := make([]float64, rows)
	for i := range same {
		same[i] = float64(i%333) / 5
	}
	for i := range row {
		row[i] = float64(i) / 3
	}
	for i := range col {
		col[i] = float64(i) / 11
	}
	dst := make([]float64, rows*cols)
	a2 := NewArray(a, rows, cols)
	dst2 := NewArray(dst, rows, cols)
	ctx := context.Background()
	const expr = "(a - 3) * b + (a - 3)"
	for _, c := range []struct {
		name string
		src  string
		dst  any
		vars Vars
	}{
		{"same-shape-1d", expr, dst, Vars{"a": a, "b": same}},
		{"row-broadcast", expr, dst2, Vars{"a": a2, "b": row}},
		{"column-broadcast", expr, dst2, Vars{"a": a2, "b": NewArray(col, rows, 1)}},
		{"sum-all", "sum(a)", new(float64), Vars{"a": a2}},
		{"sum-axis0", "sum(a, axis=0)", make([]float64, cols), Vars{"a": a2}},
		{"sum-axis1", "sum(a, axis=1)", make([]float64, rows), Vars{"a": a2}},
	} {
		b.Run(c.name, func(b *testing.B) {
			e := MustCompile(c.src)
			b.SetBytes(int64(8 * rows * cols))
			for b.Loop() {
				if err := e.EvalInto(ctx, c.dst, c.vars); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
