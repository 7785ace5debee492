package numeric

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// axisArray is an array of dtype t and shape in layout ("C", "F", "strided": every
// other element, "reversed": the last axis backwards) with values whose sums and
// products depend on the order (float sums of mixed magnitudes, products of factors
// near 1), NaN, -0 and +0 sprinkled in for min and max (nan), small integers for
// ints.
func axisArray(t DType, shape []int, layout string, seed uint64, forProd, nan bool) *Array {
	n := prod(shape)
	rng := rand.New(rand.NewPCG(seed, 7))
	vals := make([]float64, n)
	for i := range vals {
		switch {
		case !t.IsFloat():
			vals[i] = float64(rng.IntN(21) - 10)
			if forProd {
				vals[i] = float64(rng.IntN(3) - 1 + 2*rng.IntN(2))
			}
		case forProd:
			vals[i] = 1 + (rng.Float64()-0.5)/64
		default:
			vals[i] = rng.NormFloat64() * math.Pow(10, float64(rng.IntN(12)-6))
		}
		if nan && t.IsFloat() {
			switch rng.IntN(97) {
			case 0:
				vals[i] = math.NaN()
			case 1, 2:
				vals[i] = 0
			case 3, 4:
				vals[i] = math.Copysign(0, -1)
			}
		}
	}
	base := confShapeArray(t, shape, layout, 1) // the layout, refilled below
	set := func(k int, v float64) {
		switch d := base.Data.(type) {
		case []float64:
			d[k] = v
		case []float32:
			d[k] = float32(v)
		case []int64:
			d[k] = int64(v)
		case []int32:
			d[k] = int32(v)
		case []bool:
			d[k] = v > 0
		}
	}
	strides := base.Strides
	if strides == nil {
		strides = cStrides(shape)
	}
	idx := make([]int, len(shape))
	for i := range n {
		off := base.Offset
		for d := range shape {
			off += idx[d] * strides[d]
		}
		set(off, vals[i])
		for d := len(shape) - 1; d >= 0; d-- {
			if idx[d]++; idx[d] < shape[d] {
				break
			}
			idx[d] = 0
		}
	}
	return base
}

// TestOpenCLAxisBits reduces along every axis (positive and negative) of 2-D and 3-D
// arrays of every real dtype and layout, lines shorter and longer than a block (4096:
// several blocks combined pairwise), on the device, and requires simd's bits and the
// device's axis kernel (not lines reduced on the host).
func TestOpenCLAxisBits(t *testing.T) {
	requireOpenCL(t)
	shapes := [][]int{{7, 300}, {3, 4, 50}, {3, 9000}, {13000, 2}, {1, 5, 1}}
	for _, dt := range []DType{Float64, Float32, Int64, Int32, Bool} {
		for _, fun := range []string{"sum", "prod", "min", "max", "mean"} {
			if dt == Bool && fun != "sum" && fun != "prod" {
				continue
			}
			for si, shape := range shapes {
				for li, layout := range confShapeLayouts {
					if len(shape) == 2 && shape[0]*shape[1] > 20000 && li > 1 {
						continue // the long lines in C and Fortran order only
					}
					a := axisArray(dt, shape, layout, uint64(si*10+li), fun == "prod", fun == "min" || fun == "max")
					for axis := -len(shape); axis < len(shape); axis++ {
						src := fmt.Sprintf("%s(a, axis=%d)", fun, axis)
						cpu, dev, _, axisRuns := evalBoth(t, src, Vars{"a": a})
						where := fmt.Sprintf("%s %s %v %s", src, dt, shape, layout)
						if msg := clSameBits(cpu, dev); msg != "" {
							t.Errorf("%s: %s", where, msg)
						}
						if axisRuns != 1 {
							t.Errorf("%s: %d axis kernels ran on the device, want 1", where, axisRuns)
						}
					}
				}
			}
		}
	}
}

// TestOpenCLAxisInExpression broadcasts axis reductions back into an expression on
// the device: both the reduction and the broadcast take the device paths.
func TestOpenCLAxisInExpression(t *testing.T) {
	requireOpenCL(t)
	for _, dt := range []DType{Float64, Float32} {
		a := axisArray(dt, []int{50, 80}, "F", 3, false, false)
		// sum(a) is a reduction of all of a's elements, of another shape than the
		// (80,) of the rest: a second launch, one line (as NumPy, the result is (80,)).
		for _, c := range []struct {
			src   string
			axis  int64
			shape []int
		}{{"a - mean(a, axis=0)", 1, []int{50, 80}}, {"a - max(a, axis=0) * 2", 1, []int{50, 80}}, {"sum(a, axis=0) / sum(a)", 2, []int{80}}} {
			cpu, dev, shaped, axisRuns := evalBoth(t, c.src, Vars{"a": a})
			if msg := clSameBits(cpu, dev); msg != "" {
				t.Errorf("%s %s: %s", c.src, dt, msg)
			}
			if axisRuns != c.axis || shaped == 0 && len(cpu.Shape) == 2 || !slices.Equal(cpu.Shape, c.shape) {
				t.Errorf("%s %s: axis kernels %d, shaped runs %d, shape %v (want %v)", c.src, dt, axisRuns, shaped, cpu.Shape, c.shape)
			}
		}
	}
	// var and std run on the device too (opencl_axis_moments_test.go has the rest).
	a := axisArray(Float64, []int{6, 700}, "C", 5, false, false)
	for _, src := range []string{"var(a, axis=1)", "std(a, axis=0)"} {
		cpu, dev, _, axisRuns := evalBoth(t, src, Vars{"a": a})
		if msg := clSameBits(cpu, dev); msg != "" {
			t.Errorf("%s: %s", src, msg)
		}
		if axisRuns != 1 {
			t.Errorf("%s: %d axis kernels ran, want 1", src, axisRuns)
		}
	}
}
