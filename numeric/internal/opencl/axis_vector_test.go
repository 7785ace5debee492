package opencl

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"
	"unsafe"

	"github.com/numkit/numkit/kernels"
	"github.com/numkit/numkit/numeric/ir"
)

// TestAxisVectorChoice checks which axis reductions take the vector kernel: float
// sum, prod and mean (8, 4 or 2 lines per work-item by the result's inner extent) and
// the moments (4 or 2) along lines that are not contiguous, whose neighbours'
// elements are.
func TestAxisVectorChoice(t *testing.T) {
	for _, c := range []struct {
		name    string
		op      ir.ReduceOp
		typ     ir.DType
		shape   []int
		strides []int
		ls      int
		want    int
	}{
		{"leading axis, 9000 columns", ir.ReduceSum, ir.Float64, []int{9000}, []int{1}, 9000, 8},
		{"300 columns", ir.ReduceMean, ir.Float32, []int{300}, []int{1}, 300, 4},
		{"3-D, inner 50", ir.ReduceProd, ir.Float64, []int{3, 50}, []int{200, 1}, 50, 2},
		{"7 columns", ir.ReduceSum, ir.Float64, []int{7}, []int{1}, 7, 0},
		{"every other column", ir.ReduceSum, ir.Float64, []int{16}, []int{2}, 32, 0},
		{"contiguous lines", ir.ReduceSum, ir.Float64, []int{16}, []int{100}, 1, 0},
		{"integers", ir.ReduceSum, ir.Int64, []int{16}, []int{1}, 16, 0},
		{"min", ir.ReduceMin, ir.Float64, []int{16}, []int{1}, 16, 0},
		{"var, 16 columns", ir.ReduceVar, ir.Float64, []int{16}, []int{1}, 16, 4},
		{"kurt of int32, 6 columns", ir.ReduceKurt, ir.Int32, []int{6}, []int{1}, 6, 2},
		{"skew of bool", ir.ReduceSkew, ir.Bool, []int{16}, []int{1}, 16, 0},
	} {
		in := AxisLine{Type: c.typ, Shape: c.shape, Strides: c.strides, Len: 5, LineStride: c.ls}
		if got := axisVector(c.op, in, c.ls != 1); got != c.want {
			t.Errorf("%s: %d lines per work-item, want %d", c.name, got, c.want)
		}
	}
}

// TestReduceAxisVector reduces the columns of C-order arrays (one block and two) with
// the vector kernel (8, 4 and 2 columns per work-item; 4 and 2 for the moments, in
// each of the CPU's block orders) and with the one-line kernel (the same columns seen
// through a result of shape (cols, 1), whose inner stride is 0), and requires the
// same bits: each column in its own lanes, in its own order.
func TestReduceAxisVector(t *testing.T) {
	testDevice(t)
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(3, 4))
	ops := []ir.ReduceOp{ir.ReduceSum, ir.ReduceProd, ir.ReduceMean, ir.ReduceVar, ir.ReduceStd, ir.ReduceSkew, ir.ReduceKurt}
	for _, typ := range []ir.DType{ir.Float64, ir.Float32} {
		for _, op := range ops {
			for _, order := range []kernels.MomentOrder{kernels.MomentsLanes, kernels.MomentsChunked, kernels.MomentsBlock} {
				if order != kernels.MomentsLanes && kernels.VectorAxis(op, typ) == 8 {
					continue // not a moment: the order does not matter
				}
				for _, cols := range []int{16, 12, 6} {
					for _, rows := range []int{37, 5000} {
						vals := make([]float64, rows*cols)
						for k := range vals {
							vals[k] = 1e3 + rng.NormFloat64()*math.Pow(10, float64(rng.IntN(9)-4))
							if op == ir.ReduceProd {
								vals[k] = 1 + (vals[k]-1e3)/1e5
							}
							if k == 3*cols+1 && rows > 4096 { // a NaN in the first block of column 1
								vals[k] = math.NaN()
							}
						}
						var ptr unsafe.Pointer
						if typ == ir.Float64 {
							ptr = unsafe.Pointer(&vals[0])
						} else {
							f := make([]float32, len(vals))
							for k, v := range vals {
								f[k] = float32(v)
							}
							ptr = unsafe.Pointer(&f[0])
						}
						vec := AxisLine{Type: typ, Ptr: ptr, Shape: []int{cols}, Strides: []int{1}, Len: rows, LineStride: cols, Moments: order}
						one := AxisLine{Type: typ, Ptr: ptr, Shape: []int{cols, 1}, Strides: []int{1, 0}, Len: rows, LineStride: cols, Moments: order}
						if axisVector(op, vec, true) < 2 || axisVector(op, one, true) != 0 {
							t.Fatalf("%s, %d columns: the vector kernel is not (only) in the first run", op, cols)
						}
						got, want := make([]uint64, cols), make([]uint64, cols) // room for float64 results
						if err := ReduceAxis(ctx, op, vec, unsafe.Pointer(&got[0])); err != nil {
							t.Fatal(err)
						}
						if err := ReduceAxis(ctx, op, one, unsafe.Pointer(&want[0])); err != nil {
							t.Fatal(err)
						}
						for k := range got {
							if got[k] != want[k] {
								t.Fatalf("%s of %s (order %d), %d×%d: column %d has bits %#x in the vector kernel, %#x in the one-line kernel", op, typ, order, rows, cols, k, got[k], want[k])
							}
						}
					}
				}
			}
		}
	}
}
