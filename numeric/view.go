package numeric

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/ir"
)

// MaxDims is the most dimensions an array may have (NumPy 2's limit).
const MaxDims = 64

// Array is an N-dimensional view of a Go slice: Data holds the elements ([]float64,
// []float32, []int64, []int32 or []bool), Shape the length of each dimension, and
// Strides the distance in elements between neighbours along each dimension (any sign,
// 0 to repeat an element). Offset is the index in Data of the element at index
// (0, …, 0). Nil Strides mean C order (the last index varies fastest), as NewArray
// makes; NewFortranArray makes Fortran order. An Array is a Vars value and an EvalInto
// destination; Eval's Result gives one with Result.Array. A 0-d Array (no Shape) holds
// one element.
type Array struct {
	Data    any
	Shape   []int
	Strides []int
	Offset  int
}

// NewArray views data in C order with the given shape (no shape: a 0-d array).
func NewArray(data any, shape ...int) *Array {
	return &Array{Data: data, Shape: shape}
}

// NewFortranArray views data in Fortran order (the first index varies fastest).
func NewFortranArray(data any, shape ...int) *Array {
	st := make([]int, len(shape))
	s := 1
	for i := range shape {
		st[i] = s
		s *= max(shape[i], 1)
	}
	return &Array{Data: data, Shape: shape, Strides: st}
}

// Len is the number of elements the Array views: the product of its shape.
func (a *Array) Len() int {
	n := 1
	for _, d := range a.Shape {
		n *= d
	}
	return n
}

// strides returns a's strides, C order when a.Strides is nil.
func (a *Array) strides() []int {
	if a.Strides != nil {
		return a.Strides
	}
	return cStrides(a.Shape)
}

// cStrides is the C-order strides of shape.
func cStrides(shape []int) []int {
	st := make([]int, len(shape))
	s := 1
	for i := len(shape) - 1; i >= 0; i-- {
		st[i] = s
		s *= max(shape[i], 1)
	}
	return st
}

// dataOf returns the type, first element and length of an Array's Data.
func dataOf(data any) (ir.DType, unsafe.Pointer, int, bool) {
	switch d := data.(type) {
	case []float64:
		return ir.Float64, slicePtr(d), len(d), true
	case []float32:
		return ir.Float32, slicePtr(d), len(d), true
	case []int64:
		return ir.Int64, slicePtr(d), len(d), true
	case []int32:
		return ir.Int32, slicePtr(d), len(d), true
	case []bool:
		return ir.Bool, slicePtr(d), len(d), true
	case []complex128:
		return ir.Complex128, slicePtr(d), len(d), true
	case []complex64:
		return ir.Complex64, slicePtr(d), len(d), true
	}
	return 0, nil, 0, false
}

func slicePtr[T any](s []T) unsafe.Pointer {
	if len(s) == 0 {
		return nil
	}
	return unsafe.Pointer(&s[0])
}

// view checks a against its Data and returns its type, a pointer to element
// (0, …, 0), its element count and strides. what names it in errors ("variable a",
// "the destination").
func (a *Array) view(what string) (t ir.DType, p unsafe.Pointer, n int, strides []int, err error) {
	if a == nil {
		return 0, nil, 0, nil, fmt.Errorf("numeric: %s is a nil *Array: %w", what, ErrType)
	}
	t, base, length, ok := dataOf(a.Data)
	if !ok {
		return 0, nil, 0, nil, fmt.Errorf("numeric: %s is an Array whose Data is %s (want []float64, []float32, []int64, []int32, []bool, []complex128 or []complex64): %w", what, typeName(a.Data), ErrType)
	}
	if len(a.Shape) > MaxDims {
		return 0, nil, 0, nil, fmt.Errorf("numeric: %s has %d dimensions, more than %d: %w", what, len(a.Shape), MaxDims, ErrShape)
	}
	if a.Strides != nil && len(a.Strides) != len(a.Shape) {
		return 0, nil, 0, nil, fmt.Errorf("numeric: %s has shape %s but %d strides: %w", what, shapeString(a.Shape), len(a.Strides), ErrShape)
	}
	n = 1
	for i, d := range a.Shape {
		if d < 0 {
			return 0, nil, 0, nil, fmt.Errorf("numeric: %s has shape %s: dimension %d is negative: %w", what, shapeString(a.Shape), i, ErrShape)
		}
		if d != 0 && n > (1<<50)/d {
			return 0, nil, 0, nil, fmt.Errorf("numeric: %s has shape %s: too many elements: %w", what, shapeString(a.Shape), ErrShape)
		}
		n *= d
	}
	strides = a.strides()
	if n == 0 {
		return t, nil, 0, strides, nil
	}
	lo, hi := a.Offset, a.Offset // the smallest and largest index touched
	for i, d := range a.Shape {
		if s := strides[i] * (d - 1); s < 0 {
			lo += s
		} else {
			hi += s
		}
	}
	if bad := lo; lo < 0 || hi >= length {
		if lo >= 0 {
			bad = hi
		}
		return 0, nil, 0, nil, fmt.Errorf("numeric: %s (shape %s, strides %v, offset %d) reaches index %d of Data, which has %d elements: %w",
			what, shapeString(a.Shape), strides, a.Offset, bad, length, ErrShape)
	}
	return t, unsafe.Add(base, a.Offset*t.Size()), n, strides, nil
}

// shapeString formats a shape as NumPy does: (), (3,), (2, 3).
func shapeString(shape []int) string {
	var b strings.Builder
	b.WriteByte('(')
	for i, d := range shape {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(d))
	}
	if len(shape) == 1 {
		b.WriteByte(',')
	}
	b.WriteByte(')')
	return b.String()
}

// shapeOf is a binding's shape: its Shape, (N,) for a 1-D array, () for a scalar.
func shapeOf(b binding) []int {
	switch {
	case b.Scalar:
		return nil
	case b.Shape != nil:
		return b.Shape
	}
	return []int{b.N}
}

// stridesOf is a binding's strides in elements (nil for a scalar).
func stridesOf(b binding) []int {
	switch {
	case b.Scalar:
		return nil
	case b.Strides != nil:
		return b.Strides
	}
	return []int{1}
}

// broadcastShapes returns the shape NumPy's broadcasting gives the named shapes:
// aligned from the right, a 1 stretches to the other length, any other difference is
// ErrShape naming both shapes and the dimension (counted from the left of the result).
func broadcastShapes(names []string, shapes [][]int) ([]int, error) {
	nd := 0
	for _, s := range shapes {
		nd = max(nd, len(s))
	}
	out := make([]int, nd)
	from := make([]int, nd) // which input fixed each dimension (-1: none yet)
	for i := range out {
		out[i], from[i] = 1, -1
	}
	for k, s := range shapes {
		for j, d := range s {
			i := nd - len(s) + j
			switch {
			case d == out[i]:
				if from[i] < 0 && d != 1 {
					from[i] = k
				}
			case d == 1:
			case out[i] == 1:
				out[i], from[i] = d, k
			default:
				f := from[i]
				return nil, fmt.Errorf("numeric: %s has shape %s but %s has shape %s: they do not broadcast in dimension %d of the result (%d vs %d): %w",
					names[f], shapeString(shapes[f]), names[k], shapeString(s), i, out[i], d, ErrShape)
			}
		}
	}
	return out, nil
}

// broadcastStrides returns strides that read an array of shape and strides as one of
// shape out (which broadcastShapes made from it): 0 along dimensions it lacks or
// stretches.
func broadcastStrides(shape, strides, out []int) []int {
	bs := make([]int, len(out))
	off := len(out) - len(shape)
	for j, d := range shape {
		if d != 1 || out[off+j] == 1 {
			bs[off+j] = strides[j]
		}
	}
	return bs
}

// isContiguous reports whether strides walk shape in C order without gaps.
func isContiguous(shape, strides []int) bool {
	s := 1
	for i := len(shape) - 1; i >= 0; i-- {
		if shape[i] != 1 && strides[i] != s {
			return false
		}
		s *= shape[i]
	}
	return true
}

func equalShapes(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// fill writes n copies of the element at src (of size bytes) to dst.
func fill(dst, src unsafe.Pointer, size, n int) {
	switch size {
	case 1:
		v := *(*byte)(src)
		for i, d := 0, unsafe.Slice((*byte)(dst), n); i < n; i++ {
			d[i] = v
		}
	case 4:
		v := *(*uint32)(src)
		for i, d := 0, unsafe.Slice((*uint32)(dst), n); i < n; i++ {
			d[i] = v
		}
	case 16: // complex128
		v := *(*[2]uint64)(src)
		for i, d := 0, unsafe.Slice((*[2]uint64)(dst), n); i < n; i++ {
			d[i] = v
		}
	default:
		v := *(*uint64)(src)
		for i, d := 0, unsafe.Slice((*uint64)(dst), n); i < n; i++ {
			d[i] = v
		}
	}
}

// gather copies op over shape into a new contiguous C-order array of n elements.
func gather(op operand, shape []int, n int) unsafe.Pointer {
	dst := unsafe.Pointer(unsafe.SliceData(make([]uint64, (n*op.size+7)/8)))
	copyStrided(dst, cStrides(shape), op.ptr, op.strides, shape, op.size)
	return dst
}

// copyStrided copies every element of shape from src to dst, each walked with its
// strides (in elements of size bytes).
func copyStrided(dst unsafe.Pointer, dstStrides []int, src unsafe.Pointer, srcStrides []int, shape []int, size int) {
	if prod(shape) == 0 {
		return
	}
	if len(shape) == 0 {
		copyRun(dst, 1, src, 1, 1, size)
		return
	}
	last := len(shape) - 1
	inner := shape[last]
	idx := make([]int, last)
	for {
		d := unsafe.Add(dst, offset(idx, dstStrides)*size)
		s := unsafe.Add(src, offset(idx, srcStrides)*size)
		copyRun(d, dstStrides[last], s, srcStrides[last], inner, size)
		i := last - 1
		for ; i >= 0; i-- {
			if idx[i]++; idx[i] < shape[i] {
				break
			}
			idx[i] = 0
		}
		if i < 0 {
			return
		}
	}
}

// copyRun copies n elements of size bytes, dst and src stepping ds and ss elements.
func copyRun(dst unsafe.Pointer, ds int, src unsafe.Pointer, ss int, n, size int) {
	switch size {
	case 1:
		for i := range n {
			*(*byte)(unsafe.Add(dst, i*ds)) = *(*byte)(unsafe.Add(src, i*ss))
		}
	case 4:
		for i := range n {
			*(*uint32)(unsafe.Add(dst, 4*i*ds)) = *(*uint32)(unsafe.Add(src, 4*i*ss))
		}
	case 16: // complex128
		for i := range n {
			*(*[2]uint64)(unsafe.Add(dst, 16*i*ds)) = *(*[2]uint64)(unsafe.Add(src, 16*i*ss))
		}
	default:
		for i := range n {
			*(*uint64)(unsafe.Add(dst, 8*i*ds)) = *(*uint64)(unsafe.Add(src, 8*i*ss))
		}
	}
}

// copyTiled is copyStrided for a copy that transposes: the last two dimensions are
// copied in square tiles, so that neither side walks memory with a long stride for
// more than a tile.
func copyTiled(dst unsafe.Pointer, dstStrides []int, src unsafe.Pointer, srcStrides []int, shape []int, size int) {
	nd := len(shape)
	if nd < 2 || prod(shape) == 0 {
		copyStrided(dst, dstStrides, src, srcStrides, shape, size)
		return
	}
	idx := make([]int, nd-2)
	for {
		d := unsafe.Add(dst, offset(idx, dstStrides)*size)
		s := unsafe.Add(src, offset(idx, srcStrides)*size)
		switch size {
		case 1:
			tile2[byte](d, dstStrides[nd-2:], s, srcStrides[nd-2:], shape[nd-2:])
		case 4:
			tile2[uint32](d, dstStrides[nd-2:], s, srcStrides[nd-2:], shape[nd-2:])
		case 16: // complex128
			tile2[[2]uint64](d, dstStrides[nd-2:], s, srcStrides[nd-2:], shape[nd-2:])
		default:
			tile2[uint64](d, dstStrides[nd-2:], s, srcStrides[nd-2:], shape[nd-2:])
		}
		i := nd - 3
		for ; i >= 0; i-- {
			if idx[i]++; idx[i] < shape[i] {
				break
			}
			idx[i] = 0
		}
		if i < 0 {
			return
		}
	}
}

// copyTiledParallel is copyTiled split along the first dimension between up to
// threads goroutines.
func copyTiledParallel(dst unsafe.Pointer, dstStrides []int, src unsafe.Pointer, srcStrides []int, shape []int, size, threads int) {
	workers := max(1, min(threads, shape[0], prod(shape)/exec.MinParallel))
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := shape[0]*w/workers, shape[0]*(w+1)/workers
		part := append([]int{hi - lo}, shape[1:]...)
		wg.Add(1)
		go func() {
			defer wg.Done()
			copyTiled(unsafe.Add(dst, lo*dstStrides[0]*size), dstStrides, unsafe.Add(src, lo*srcStrides[0]*size), srcStrides, part, size)
		}()
	}
	wg.Wait()
}

// tile2 copies a 2-d array in 32×32 tiles.
func tile2[T byte | uint32 | uint64 | [2]uint64](dst unsafe.Pointer, ds []int, src unsafe.Pointer, ss []int, shape []int) {
	const tile = 32
	var z T
	size := int(unsafe.Sizeof(z))
	for i0 := 0; i0 < shape[0]; i0 += tile {
		for j0 := 0; j0 < shape[1]; j0 += tile {
			for i := i0; i < min(i0+tile, shape[0]); i++ {
				for j := j0; j < min(j0+tile, shape[1]); j++ {
					*(*T)(unsafe.Add(dst, (i*ds[0]+j*ds[1])*size)) = *(*T)(unsafe.Add(src, (i*ss[0]+j*ss[1])*size))
				}
			}
		}
	}
}

// offset is the element offset of the multi-index idx (the leading dimensions).
func offset(idx, strides []int) int {
	o := 0
	for i, x := range idx {
		o += x * strides[i]
	}
	return o
}

// inputOperands are the array inputs of bindings as operands over the result shape
// (room left for the destination's).
func inputOperands(bindings []binding, shape []int) []operand {
	ops := make([]operand, 0, len(bindings)+1)
	for _, b := range bindings {
		if !b.Scalar {
			ops = append(ops, operand{b.Ptr, b.Type.Size(), broadcastStrides(shapeOf(b), stridesOf(b), shape)})
		}
	}
	return ops
}
