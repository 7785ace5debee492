package numeric

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// sum, mean and prod along a leading axis (columnReduce) give every column the bits
// of the 1-D reduction of that column: odd row counts, counts around the 32 (64) accumulators
// and the block size, column counts around the vector widths, float64 and float32, a
// 3-d array, infinities, NaNs and -0, on both CPU backends at 1 to 3 threads.
func TestAxisColumnsOrder(t *testing.T) {
	ctx := context.Background()
	shapes := [][]int{{1, 5}, {2, 9}, {31, 7}, {32, 8}, {33, 17}, {63, 4}, {65, 3}, {4097, 5}, {2001, 33}, {2, 97, 13}}
	for _, shape := range shapes {
		for _, dt := range []DType{Float64, Float32} {
			rows, cols := shape[len(shape)-2], shape[len(shape)-1]
			for _, fun := range []string{"sum", "mean", "prod"} {
				arr := axisTestArray(shape, dt, fun == "prod")
				src := fmt.Sprintf("%s(a, axis=%d)", fun, len(shape)-2)
				for _, be := range cpuBackends() {
					want := make([]float64, 0)
					outer := 1
					if len(shape) == 3 {
						outer = shape[0]
					}
					for k := range outer {
						for c := range cols {
							col := *arr
							col.Shape, col.Strides, col.Offset = []int{rows}, []int{cols}, k*rows*cols+c
							r, err := MustCompile(fun+"(x)", WithBackend(be)).Eval(ctx, Vars{"x": &col})
							if err != nil {
								t.Fatal(err)
							}
							want = append(want, ndFloats(r)[0])
						}
					}
					for _, threads := range []int{1, 2, 3} {
						r, err := MustCompile(src, WithBackend(be), WithThreads(threads)).Eval(ctx, Vars{"a": arr})
						if err != nil {
							t.Fatalf("%s %v: %v", src, shape, err)
						}
						if r.Type != dt {
							t.Fatalf("%s %v %v: result type %v", src, shape, dt, r.Type)
						}
						got := ndFloats(r)
						for i := range want {
							if math.Float64bits(got[i]) != math.Float64bits(want[i]) && !(got[i] != got[i] && want[i] != want[i]) {
								t.Fatalf("%s shape %v %v %s threads=%d: [%d] = %v, want %v (the column's 1-D %s)",
									src, shape, dt, be, threads, i, got[i], want[i], fun)
							}
						}
					}
				}
			}
		}
	}
}

// axisTestArray is an array of shape and type dt with values from 1e-3 to 1e8 of both
// signs (another order of the additions changes low bits; for products, from 0.9 to
// 1.1) and, in the last axis's columns 1 to 4 of every outer block: an infinity, a
// NaN, both infinities, all -0.
func axisTestArray(shape []int, dt DType, products bool) *Array {
	rows, cols := shape[len(shape)-2], shape[len(shape)-1]
	n := prod(shape)
	r := rand.New(rand.NewPCG(uint64(n), uint64(dt)))
	v := make([]float64, n)
	for i := range v {
		v[i] = (r.Float64() - 0.3) * math.Pow(10, float64(r.IntN(12)-3))
		if products {
			v[i] = 0.9 + 0.2*r.Float64()
		}
		switch row, col := i/cols%rows, i%cols; {
		case col == 1 && row == rows/2:
			v[i] = math.Inf(1)
		case col == 2 && row == 0:
			v[i] = math.NaN()
		case col == 3 && row == 0:
			v[i] = math.Inf(1)
		case col == 3 && row == rows-1:
			v[i] = math.Inf(-1)
		case col == 4:
			v[i] = math.Copysign(0, -1)
		}
	}
	if dt == Float64 {
		return NewArray(v, shape...)
	}
	f := make([]float32, n)
	for i, x := range v {
		f[i] = float32(x)
	}
	return NewArray(f, shape...)
}
