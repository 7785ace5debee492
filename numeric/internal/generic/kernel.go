// Package generic holds the portable element-wise kernels: one plain Go (and gonum
// floats) implementation of every IR operation for every type. They define the
// semantics the other backends must match; the gonum backend runs them directly, the
// SIMD backend replaces the hot ones with assembly, and the compiler folds constants
// with them. Fused loops (fused.go) compute a small tree of operations in one pass,
// each operation rounded as its own kernel rounds it; the gonum backend's fusion pass
// (numeric/vm_fuse.go) runs them in place of several kernels.
package generic

import (
	"unsafe"

	"github.com/numkit/numkit/numeric/ir"
)

// Kernel applies one instruction to n elements. dst and args point at the first element
// of each operand's block; unused args are nil. Every operand has n elements.
type Kernel func(n int, dst unsafe.Pointer, args *[3]unsafe.Pointer)

type kernelKey struct {
	op        ir.Op
	typ, from ir.DType
}

var table = map[kernelKey]Kernel{}

func register(op ir.Op, typ, from ir.DType, k Kernel) { table[kernelKey{op, typ, from}] = k }

// Lookup returns the kernel for op with result type typ and operand type from (the
// type of the first operand; for OpWhere, the type of the second), or nil if the IR
// never produces that combination.
func Lookup(op ir.Op, typ, from ir.DType) Kernel { return table[kernelKey{op, typ, from}] }

// Number is the set of numeric element types.
type Number interface {
	int32 | int64 | float32 | float64
}

// Float is the set of float element types.
type Float interface{ float32 | float64 }

// Int is the set of integer element types.
type Int interface{ int32 | int64 }

// Elem is any element type.
type Elem interface{ bool | Number }

func vec[T any](p unsafe.Pointer, n int) []T {
	if n == 0 {
		return nil
	}
	return unsafe.Slice((*T)(p), n)
}

// DTypeOf returns the IR type of T.
func DTypeOf[T Elem]() ir.DType {
	var z T
	switch any(z).(type) {
	case bool:
		return ir.Bool
	case int32:
		return ir.Int32
	case int64:
		return ir.Int64
	case float32:
		return ir.Float32
	}
	return ir.Float64
}

// Unary makes a kernel from a loop over dst and x.
func Unary[D, S any](loop func(dst []D, x []S)) Kernel {
	return func(n int, d unsafe.Pointer, a *[3]unsafe.Pointer) {
		loop(vec[D](d, n), vec[S](a[0], n))
	}
}

// Binary makes a kernel from a loop over dst, x and y.
func Binary[D, S any](loop func(dst []D, x, y []S)) Kernel {
	return func(n int, d unsafe.Pointer, a *[3]unsafe.Pointer) {
		loop(vec[D](d, n), vec[S](a[0], n), vec[S](a[1], n))
	}
}

// mapUnary makes a loop applying f; for functions too costly for the call to matter.
func mapUnary[T any](f func(T) T) func(dst, x []T) {
	return func(dst, x []T) {
		x = x[:len(dst)]
		for i := range dst {
			dst[i] = f(x[i])
		}
	}
}

// mapBinary makes a loop applying f to pairs.
func mapBinary[T any](f func(x, y T) T) func(dst, x, y []T) {
	return func(dst, x, y []T) {
		x, y = x[:len(dst)], y[:len(dst)]
		for i := range dst {
			dst[i] = f(x[i], y[i])
		}
	}
}
