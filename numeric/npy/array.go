// Package npy reads and writes NumPy's .npy format (versions 1.0, 2.0 and 3.0) for
// arrays of float64, float32, int64, int32, int16, int8, uint64, uint32, uint16, uint8,
// bool, complex128 and complex64, in either byte order, C or Fortran order, of any number of dimensions,
// 0-d and empty arrays included.
//
// The reader parses the header as NumPy's format specification defines it (a Python
// dictionary literal with the keys in any order, either quote, any spacing and an
// optional trailing comma), caps it as NumPy's max_header_size does, and checks the
// declared size against the data present before allocating: a valid file reads exactly
// and an invalid one gives an *Error naming the part and byte offset. The writer
// writes the bytes NumPy's np.save writes for the same array.
//
// The format: https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html
package npy

import "fmt"

// Array is an n-dimensional array as stored in a .npy file.
type Array struct {
	// Shape is the dimensions, empty for a 0-d array (one element).
	Shape []int
	// Fortran reports that Data is in column-major (Fortran) order; otherwise it is in
	// row-major (C) order. It only matters with two or more dimensions.
	Fortran bool
	// Data is a []float64, []float32, []int64, []int32, []int16, []int8, []uint64,
	// []uint32, []uint16, []uint8, []bool, []complex128 or []complex64 of the product of Shape elements.
	Data any

	offset int64 // where the data started in the file read, for error messages
}

// Len is the number of elements: the product of the dimensions, 1 for a 0-d array.
// It is 0 when a dimension is negative or the product overflows.
func (a Array) Len() int {
	n, _ := count(a.Shape)
	return n
}

// Descr is the dtype string Write stores for a's data, e.g. "<f8" or "|b1", or "" for
// an unsupported Data type.
func (a Array) Descr() string {
	d, _, _, _ := descrOf(a.Data)
	return d
}

// check reports whether Data has a supported type and as many elements as Shape says.
func (a Array) check() error {
	_, _, n, ok := descrOf(a.Data)
	if !ok {
		return fmt.Errorf("npy: data of type %T is not supported", a.Data)
	}
	for i, d := range a.Shape {
		if d < 0 {
			return fmt.Errorf("npy: shape %s: dimension %d is negative", shapeString(a.Shape), i)
		}
	}
	want, ok := count(a.Shape)
	if !ok {
		return fmt.Errorf("npy: shape %s: the element count overflows an int", shapeString(a.Shape))
	}
	if n != want {
		return fmt.Errorf("npy: shape %s needs %d elements, the data has %d", shapeString(a.Shape), want, n)
	}
	if len(a.Shape) > maxDims {
		return fmt.Errorf("npy: shape has %d dimensions, more than NumPy's %d", len(a.Shape), maxDims)
	}
	return nil
}

// C returns a in C (row-major) order: a itself when it already is (or when the order
// makes no difference: fewer than two dimensions with more than one element), else a
// copy with the elements rearranged. It returns an error when a is not consistent.
func (a Array) C() (Array, error) {
	if err := a.check(); err != nil {
		return Array{}, err
	}
	if !a.Fortran {
		return a, nil
	}
	a.Fortran = false
	if !orderMatters(a.Shape) {
		return a, nil
	}
	switch s := a.Data.(type) {
	case []float64:
		a.Data = toC(s, a.Shape)
	case []float32:
		a.Data = toC(s, a.Shape)
	case []int64:
		a.Data = toC(s, a.Shape)
	case []int32:
		a.Data = toC(s, a.Shape)
	case []int16:
		a.Data = toC(s, a.Shape)
	case []int8:
		a.Data = toC(s, a.Shape)
	case []uint64:
		a.Data = toC(s, a.Shape)
	case []uint32:
		a.Data = toC(s, a.Shape)
	case []uint16:
		a.Data = toC(s, a.Shape)
	case []uint8:
		a.Data = toC(s, a.Shape)
	case []bool:
		a.Data = toC(s, a.Shape)
	case []complex128:
		a.Data = toC(s, a.Shape)
	case []complex64:
		a.Data = toC(s, a.Shape)
	}
	return a, nil
}

// orderMatters reports whether C and Fortran order lay out an array of this shape
// differently: at least two dimensions longer than 1 (NumPy calls the others both C-
// and F-contiguous).
func orderMatters(shape []int) bool {
	long := 0
	for _, d := range shape {
		if d == 0 {
			return false
		}
		if d > 1 {
			long++
		}
	}
	return long >= 2
}

// toC copies src, a Fortran-ordered array of the given shape, into C order.
func toC[T any](src []T, shape []int) []T {
	dst := make([]T, len(src))
	nd := len(shape)
	// fstride[k]: distance in src between neighbours along axis k.
	fstride := make([]int, nd)
	s := 1
	for k := range nd {
		fstride[k] = s
		s *= shape[k]
	}
	idx := make([]int, nd)
	off := 0 // offset in src of the element at idx
	for i := range dst {
		dst[i] = src[off]
		// Advance idx in C order (last axis fastest), keeping off in step.
		for k := nd - 1; k >= 0; k-- {
			idx[k]++
			off += fstride[k]
			if idx[k] < shape[k] {
				break
			}
			off -= idx[k] * fstride[k]
			idx[k] = 0
		}
	}
	return dst
}
