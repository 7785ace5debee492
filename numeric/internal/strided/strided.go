// Package strided holds the index arithmetic of strided N-d operands shared by the
// CPU's shaped evaluation (package numeric) and the OpenCL backend's: the memory an
// operand reaches and the merging of dimensions that every operand walks as one.
package strided

// Span is the range [lo, hi) of elements, relative to element 0, that an operand
// with strides (in elements) reaches over shape, which has no zero dimension.
func Span(shape, strides []int) (lo, hi int) {
	for i, d := range shape {
		if s := strides[i] * (d - 1); s < 0 {
			lo += s
		} else {
			hi += s
		}
	}
	return lo, hi + 1
}

// Collapse drops dimensions of length 1 and merges neighbouring dimensions that every
// operand (strides[k] over shape) walks as one, so that the inner run is as long as
// it can be. It returns the new shape and each operand's strides over it (new slices).
// A shape of only ones collapses to its last dimension.
func Collapse(shape []int, strides [][]int) ([]int, [][]int) {
	cs := make([]int, 0, len(shape))
	keep := make([]int, 0, len(shape)) // which dimensions survive
	for i, d := range shape {
		if d == 1 && len(shape) > 1 && (len(cs) > 0 || i < len(shape)-1 || !allOnes(shape)) {
			continue
		}
		cs = append(cs, d)
		keep = append(keep, i)
	}
	out := make([][]int, len(strides))
	for k, st := range strides {
		out[k] = make([]int, len(keep))
		for j, i := range keep {
			out[k][j] = st[i]
		}
	}
	for j := len(cs) - 2; j >= 0; j-- {
		ok := true
		for _, st := range out {
			if st[j] != st[j+1]*cs[j+1] {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		cs[j] *= cs[j+1]
		cs = append(cs[:j+1], cs[j+2:]...)
		for k := range out {
			out[k][j] = out[k][j+1]
			out[k] = append(out[k][:j+1], out[k][j+2:]...)
		}
	}
	return cs, out
}

func allOnes(shape []int) bool {
	for _, d := range shape {
		if d != 1 {
			return false
		}
	}
	return true
}

// GroupRows is how many neighbouring rows (along the second-last dimension of shape)
// one run of the CPU's in-place evaluation may cover: the operand walking the inner
// dimension (strides[k], the destination last) must either continue from row to row
// (stride inner) or, except the destination, repeat the row (stride 0, tiled into a
// buffer); operands that repeat along the row are filled row by row anyway. Runs of
// about 64 Ki elements keep the per-run overhead small.
func GroupRows(shape []int, strides [][]int) int {
	if len(shape) < 2 {
		return 1
	}
	last, inner := len(shape)-1, shape[len(shape)-1]
	for k, st := range strides {
		if st[last] == 1 && st[last-1] != inner && (st[last-1] != 0 || k == len(strides)-1) {
			return 1
		}
	}
	return max(1, min(shape[last-1], (1<<16)/inner))
}
