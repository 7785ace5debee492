package opencl

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"unsafe"

	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/ir"
)

const (
	sumOp = ir.ReduceSum
	Int64 = ir.Int64
)

// TestRunShapedTargets runs RunShaped directly in both reduction shapes (the GPU
// shape forced on the test device) and, for integer programs, with the index
// division in integers (fp64 switched off): a Fortran-order a against a reversed row
// b, element-wise (rows and flat kernels) and reduced, against the gonum VM over
// gathered copies, bit for bit.
func TestRunShapedTargets(t *testing.T) {
	d := testDevice(t)
	ctx := context.Background()
	type config struct {
		gpu, noFP64 bool
	}
	for _, cfg := range []config{{false, false}, {true, false}, {false, true}, {true, true}} {
		oldCPU, oldFP64 := d.target.CPU, d.target.FP64
		d.target.CPU = !cfg.gpu
		if cfg.noFP64 {
			d.target.FP64 = false
		}
		for _, shape := range [][]int{{37, 300}, {500, 9}, {3, 50, 70}} {
			inner := shape[len(shape)-1]
			n := 1
			for _, v := range shape {
				n *= v
			}
			// a in Fortran order; b a row of the inner length, reversed
			af, ai := make([]float64, n), make([]int64, n)
			for i := range af {
				af[i], ai[i] = float64(i%23)/8-1, int64(i%23-11)
			}
			bf, bi := make([]float64, inner), make([]int64, inner)
			for i := range bf {
				bf[i], bi[i] = float64(i%7)/4+0.5, int64(i%7-3)
			}
			fstrides := make([]int, len(shape))
			for s, k := 1, 0; k < len(shape); k++ {
				fstrides[k], s = s, s*shape[k]
			}
			bstrides := make([]int, len(shape))
			bstrides[len(shape)-1] = -1
			// the gathered C-order copies
			gaf, gai, gbf, gbi := make([]float64, n), make([]int64, n), make([]float64, n), make([]int64, n)
			idx := make([]int, len(shape))
			for i := range n {
				off := 0
				for k := range shape {
					off += idx[k] * fstrides[k]
				}
				gaf[i], gai[i] = af[off], ai[off]
				gbf[i], gbi[i] = bf[inner-1-idx[len(shape)-1]], bi[inner-1-idx[len(shape)-1]]
				for k := len(shape) - 1; k >= 0; k-- {
					if idx[k]++; idx[k] < shape[k] {
						break
					}
					idx[k] = 0
				}
			}
			for _, src := range []string{"(a - 3) * b + a", "sum(a * b)", "a - max(a) * b"} {
				for _, ints := range []bool{false, true} {
					if cfg.noFP64 && !ints {
						continue
					}
					a, ga, gb := any(af), any(gaf), any(gbf)
					bp := unsafe.Pointer(&bf[inner-1]) // b's element 0: its last in memory
					if ints {
						a, ga, gb = ai, gai, gbi
						bp = unsafe.Pointer(&bi[inner-1])
					}
					where := fmt.Sprintf("%s %v ints=%v gpu=%v noFP64=%v", src, shape, ints, cfg.gpu, cfg.noFP64)
					want, err := MustCompile(src, WithBackend(BackendGonum)).Eval(ctx, Vars{"a": ga, "b": gb})
					if err != nil {
						t.Fatal(err)
					}
					e := MustCompile(src, WithBackend(BackendOpenCL))
					prog, p, bs, _, err := e.program(Vars{"a": ga, "b": gb})
					if err != nil {
						t.Fatalf("%s: %v", where, err)
					}
					ba, _ := testBind(a)
					bs[0].Ptr, bs[1].Ptr = ba.Ptr, bp
					strides := [][]int{fstrides, bstrides}
					out := exec.Output{Type: prog.ResultType(), Scalar: prog.ScalarResult(), N: n}
					var data any
					if out.Scalar {
						data, out.Ptr = testAlloc(out.Type, 1)
					} else {
						data, out.Ptr = testAlloc(out.Type, n)
					}
					before := ShapedRuns()
					if _, err := p.(*Program).RunShaped(ctx, bs, shape, strides, out); err != nil {
						t.Fatalf("%s: %v", where, err)
					}
					if ShapedRuns() != before+1 {
						t.Errorf("%s: ShapedRuns did not count the run", where)
					}
					got := data
					if out.Scalar {
						got = testIndex(data, 0)
					}
					if !clEqualData(got, want.Data) {
						t.Errorf("%s: %v, gonum over gathered copies %v", where, clHead(got), clHead(want.Data))
					}
				}
			}
		}
		d.target.CPU, d.target.FP64 = oldCPU, oldFP64
	}
}

// TestReduceAxisDirect reduces an int64 Fortran-order array along each axis with
// ReduceAxis, with and without fp64 (the index division in double or in integers),
// against a plain loop; without fp64 a float reduction is ErrNotShaped (the caller
// reduces on the host).
func TestReduceAxisDirect(t *testing.T) {
	d := testDevice(t)
	ctx := context.Background()
	const m, n = 30, 50
	x := make([]int64, m*n) // Fortran order: x[i + m*j] is element (i, j)
	for k := range x {
		x[k] = int64(k*7919%201 - 100)
	}
	for _, noFP64 := range []bool{false, true} {
		old := d.target.FP64
		if noFP64 {
			d.target.FP64 = false
		}
		for axis := range 2 {
			// the result's shape and strides, the line's length and stride
			shape, strides, length, ls := []int{n}, []int{m}, m, 1
			if axis == 1 {
				shape, strides, length, ls = []int{m}, []int{1}, n, m
			}
			got := make([]int64, shape[0])
			in := AxisLine{Type: Int64, Ptr: unsafe.Pointer(&x[0]), Shape: shape, Strides: strides, Len: length, LineStride: ls}
			if err := ReduceAxis(ctx, sumOp, in, unsafe.Pointer(&got[0])); err != nil {
				t.Fatalf("axis %d, no fp64 %v: %v", axis, noFP64, err)
			}
			for o := range got {
				var want int64
				for e := range length {
					want += x[o*strides[0]+e*ls]
				}
				if got[o] != want {
					t.Fatalf("axis %d, no fp64 %v: element %d is %d, want %d", axis, noFP64, o, got[o], want)
				}
			}
		}
		if noFP64 {
			f := make([]float64, 4)
			in := AxisLine{Type: Float64, Ptr: unsafe.Pointer(&f[0]), Shape: []int{2}, Strides: []int{2}, Len: 2, LineStride: 1}
			if err := ReduceAxis(ctx, sumOp, in, unsafe.Pointer(&f[0])); !errors.Is(err, ErrNotShaped) {
				t.Errorf("a float axis sum without fp64: %v, want ErrNotShaped", err)
			}
		}
		d.target.FP64 = old
	}
}
