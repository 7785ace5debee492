package generic

import (
	"unsafe"

	"gonum.org/v1/gonum/floats"

	"github.com/numkit/numkit/numeric/ir"
)

// Scalar-operand kernels: the same operations as the vector kernels, with one operand a
// single value (args[pos] points at one element) instead of a block, so the VM need not
// broadcast constants and scalar inputs into buffers.

type scalarKey struct {
	op        ir.Op
	typ, from ir.DType
	pos       int
}

var scalarTable = map[scalarKey]Kernel{}

// LookupScalar returns the kernel for op whose operand pos is one value, or nil.
func LookupScalar(op ir.Op, typ, from ir.DType, pos int) Kernel {
	return scalarTable[scalarKey{op, typ, from, pos}]
}

// ScalarRight makes a kernel from a loop over dst and x with the second operand a
// scalar.
func ScalarRight[D, S any](loop func(dst []D, x []S, s S)) Kernel {
	return func(n int, d unsafe.Pointer, a *[3]unsafe.Pointer) {
		loop(vec[D](d, n), vec[S](a[0], n), *(*S)(a[1]))
	}
}

// ScalarLeft makes a kernel from a loop over dst and y with the first operand a scalar.
func ScalarLeft[D, S any](loop func(dst []D, y []S, s S)) Kernel {
	return func(n int, d unsafe.Pointer, a *[3]unsafe.Pointer) {
		loop(vec[D](d, n), vec[S](a[1], n), *(*S)(a[0]))
	}
}

func init() {
	registerScalarArith[int32]()
	registerScalarArith[int64]()
	registerScalarArith[float32]()
	registerScalarArith[float64]()
	registerScalarDiv[float32]()
	registerScalarDiv[float64]()
	registerScalarIntDiv[int32]()
	registerScalarIntDiv[int64]()

	// gonum's floats has assembly for scaling.
	scale := func(dst, x []float64, s float64) { floats.ScaleTo(dst, s, x) }
	scalarTable[scalarKey{ir.OpMul, ir.Float64, ir.Float64, 1}] = ScalarRight(scale)
	scalarTable[scalarKey{ir.OpMul, ir.Float64, ir.Float64, 0}] = ScalarLeft(scale)
}

func registerScalarArith[T Number]() {
	t := DTypeOf[T]()
	scalarTable[scalarKey{ir.OpAdd, t, t, 1}] = ScalarRight(AddScalar[T])
	scalarTable[scalarKey{ir.OpAdd, t, t, 0}] = ScalarLeft(AddScalar[T]) // s + x == x + s exactly
	scalarTable[scalarKey{ir.OpMul, t, t, 1}] = ScalarRight(MulScalar[T])
	scalarTable[scalarKey{ir.OpMul, t, t, 0}] = ScalarLeft(MulScalar[T])
	scalarTable[scalarKey{ir.OpSub, t, t, 1}] = ScalarRight(SubScalar[T])
	scalarTable[scalarKey{ir.OpSub, t, t, 0}] = ScalarLeft(ScalarSub[T])
	// s op y is y op' s with op' the mirrored comparison (s < y == y > s, NaN included).
	b := ir.Bool
	for _, op := range []ir.Op{ir.OpLt, ir.OpLe, ir.OpEq, ir.OpNe, ir.OpGe, ir.OpGt} {
		mirror, _ := op.Swapped()
		scalarTable[scalarKey{op, b, t, 1}] = ScalarRight(compareScalar[T](op))
		scalarTable[scalarKey{op, b, t, 0}] = ScalarLeft(compareScalar[T](mirror))
	}
}

// AddScalar sets dst[i] = x[i] + s.
func AddScalar[T Number](dst, x []T, s T) {
	x = x[:len(dst)]
	i := 0
	for ; i <= len(dst)-4; i += 4 {
		dst[i] = x[i] + s
		dst[i+1] = x[i+1] + s
		dst[i+2] = x[i+2] + s
		dst[i+3] = x[i+3] + s
	}
	for ; i < len(dst); i++ {
		dst[i] = x[i] + s
	}
}

// SubScalar sets dst[i] = x[i] - s.
func SubScalar[T Number](dst, x []T, s T) {
	x = x[:len(dst)]
	i := 0
	for ; i <= len(dst)-4; i += 4 {
		dst[i] = x[i] - s
		dst[i+1] = x[i+1] - s
		dst[i+2] = x[i+2] - s
		dst[i+3] = x[i+3] - s
	}
	for ; i < len(dst); i++ {
		dst[i] = x[i] - s
	}
}

// ScalarSub sets dst[i] = s - y[i].
func ScalarSub[T Number](dst, y []T, s T) {
	y = y[:len(dst)]
	i := 0
	for ; i <= len(dst)-4; i += 4 {
		dst[i] = s - y[i]
		dst[i+1] = s - y[i+1]
		dst[i+2] = s - y[i+2]
		dst[i+3] = s - y[i+3]
	}
	for ; i < len(dst); i++ {
		dst[i] = s - y[i]
	}
}

// MulScalar sets dst[i] = x[i] * s.
func MulScalar[T Number](dst, x []T, s T) {
	x = x[:len(dst)]
	i := 0
	for ; i <= len(dst)-4; i += 4 {
		dst[i] = x[i] * s
		dst[i+1] = x[i+1] * s
		dst[i+2] = x[i+2] * s
		dst[i+3] = x[i+3] * s
	}
	for ; i < len(dst); i++ {
		dst[i] = x[i] * s
	}
}

// compareScalar returns the loop setting dst[i] = x[i] op s.
func compareScalar[T Number](op ir.Op) func(dst []bool, x []T, s T) {
	return func(dst []bool, x []T, s T) {
		x = x[:len(dst)]
		switch op {
		case ir.OpLt:
			for i := range dst {
				dst[i] = x[i] < s
			}
		case ir.OpLe:
			for i := range dst {
				dst[i] = x[i] <= s
			}
		case ir.OpEq:
			for i := range dst {
				dst[i] = x[i] == s
			}
		case ir.OpNe:
			for i := range dst {
				dst[i] = x[i] != s
			}
		case ir.OpGe:
			for i := range dst {
				dst[i] = x[i] >= s
			}
		case ir.OpGt:
			for i := range dst {
				dst[i] = x[i] > s
			}
		}
	}
}

func registerScalarDiv[T Float]() {
	t := DTypeOf[T]()
	scalarTable[scalarKey{ir.OpDiv, t, t, 1}] = ScalarRight(func(dst, x []T, s T) {
		x = x[:len(dst)]
		for i := range dst {
			dst[i] = x[i] / s
		}
	})
	scalarTable[scalarKey{ir.OpDiv, t, t, 0}] = ScalarLeft(func(dst, y []T, s T) {
		y = y[:len(dst)]
		for i := range dst {
			dst[i] = s / y[i]
		}
	})
}

// registerScalarIntDiv registers x // s and x % s with a scalar divisor, the common
// case (a constant), as direct loops.
func registerScalarIntDiv[T Int]() {
	t := DTypeOf[T]()
	scalarTable[scalarKey{ir.OpFloorDiv, t, t, 1}] = ScalarRight(func(dst, x []T, s T) {
		x = x[:len(dst)]
		if s == 0 || s == -1 {
			for i := range dst {
				dst[i] = FloorDivInt(x[i], s)
			}
			return
		}
		for i := range dst {
			q := x[i] / s
			if (x[i]%s != 0) && ((x[i] < 0) != (s < 0)) {
				q--
			}
			dst[i] = q
		}
	})
	scalarTable[scalarKey{ir.OpMod, t, t, 1}] = ScalarRight(func(dst, x []T, s T) {
		x = x[:len(dst)]
		if s == 0 || s == -1 {
			clear(dst)
			return
		}
		for i := range dst {
			r := x[i] % s
			if r != 0 && (r < 0) != (s < 0) {
				r += s
			}
			dst[i] = r
		}
	})
}
