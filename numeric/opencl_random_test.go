package numeric

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// randomLayout views a new buffer of dtype t as an array of shape with a random
// memory order (a permutation of the axes), a random step between elements (1 to 3)
// and randomly reversed axes; values are small integers or quarters (exact sums).
func randomLayout(rng *rand.Rand, t DType, shape []int) *Array {
	nd := len(shape)
	perm := rng.Perm(nd)
	step := 1 + rng.IntN(3)
	strides := make([]int, nd)
	s := step
	for k := nd - 1; k >= 0; k-- { // perm[nd-1] varies fastest
		ax := perm[k]
		strides[ax] = s
		s *= max(shape[ax], 1)
	}
	size := s + 1
	off := rng.IntN(2)
	for ax := range nd {
		if shape[ax] > 1 && rng.IntN(3) == 0 {
			off += strides[ax] * (shape[ax] - 1)
			strides[ax] = -strides[ax]
		}
	}
	a := confShapeArray(t, []int{size}, "C", rng.IntN(50))
	return &Array{Data: a.Data, Shape: shape, Strides: strides, Offset: off}
}

// TestOpenCLShapedRandom compares 80 random shaped evaluations and axis reductions on
// the device with simd bit for bit: random ranks (1 to 4), extents (with ones that
// broadcast and zeros), memory orders, steps and reversed axes, for every real dtype.
func TestOpenCLShapedRandom(t *testing.T) {
	requireOpenCL(t)
	rng := rand.New(rand.NewPCG(2026, 15))
	exprs := []string{"a * b - a", "where(a < b, b, a + 1)", "sum(a - b)", "a - min(a) + b", "sum(a, axis=%d) + b", "b - mean(a, axis=%d)", "max(a * b, axis=%d)", "prod(a, axis=%d)"}
	dtypes := []DType{Float64, Float32, Int64, Int32}
	compared := 0
	for c := range 80 {
		nd := 1 + rng.IntN(4)
		shape := make([]int, nd)
		for k := range shape {
			switch r := rng.IntN(10); {
			case r == 0:
				shape[k] = 1
			case r == 1 && c%7 == 0:
				shape[k] = 0
			case r < 4:
				shape[k] = 64 + rng.IntN(200)
			default:
				shape[k] = 2 + rng.IntN(12)
			}
		}
		bshape := append([]int(nil), shape[rng.IntN(nd):]...) // a suffix, some extents 1
		for k := range bshape {
			if rng.IntN(3) == 0 {
				bshape[k] = 1
			}
		}
		dt := dtypes[rng.IntN(len(dtypes))]
		src := exprs[rng.IntN(len(exprs))]
		axis := rng.IntN(nd)
		if src[len(src)-3:] == "%d)" || src[len(src)-7:] == "%d) + b" || src == "b - mean(a, axis=%d)" {
			src = fmt.Sprintf(src, axis)
			outShape := append(append([]int{}, shape[:axis]...), shape[axis+1:]...)
			bshape = append([]int(nil), outShape[rng.IntN(len(outShape)+1):]...)
		}
		a, b := randomLayout(rng, dt, shape), randomLayout(rng, dt, bshape)
		where := fmt.Sprintf("case %d: %s %s a%v%v b%v%v", c, src, dt, shape, a.Strides, bshape, b.Strides)
		vars := Vars{"a": a, "b": b}
		ctx := t.Context()
		want, werr := MustCompile(src, WithBackend(cpuBest())).Eval(ctx, vars)
		got, err := MustCompile(src, WithBackend(BackendOpenCL)).Eval(ctx, vars)
		if (werr == nil) != (err == nil) {
			t.Errorf("%s: error %v, simd %v", where, err, werr)
			continue
		}
		if err != nil {
			continue
		}
		if msg := clSameBits(want, got); msg != "" {
			t.Errorf("%s: %s", where, msg)
		}
		compared++
	}
	if compared < 65 { // the others are errors on both backends (max of nothing)
		t.Errorf("only %d of 80 random cases evaluated", compared)
	}
}
