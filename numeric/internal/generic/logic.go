package generic

import (
	"unsafe"

	"github.com/numkit/numkit/numeric/ir"
)

func init() {
	registerCompare[int32]()
	registerCompare[int64]()
	registerCompare[float32]()
	registerCompare[float64]()
	registerBoolCompare()
	registerBits[int32]()
	registerBits[int64]()
	registerWhere[bool]()
	registerWhere[int32]()
	registerWhere[int64]()
	registerWhere[float32]()
	registerWhere[float64]()

	b := ir.Bool
	register(ir.OpCopy, b, b, Unary(func(dst, x []bool) { copy(dst, x) }))
	register(ir.OpAnd, b, b, Binary(func(dst, x, y []bool) {
		x, y = x[:len(dst)], y[:len(dst)]
		for i := range dst {
			dst[i] = x[i] && y[i]
		}
	}))
	register(ir.OpOr, b, b, Binary(func(dst, x, y []bool) {
		x, y = x[:len(dst)], y[:len(dst)]
		for i := range dst {
			dst[i] = x[i] || y[i]
		}
	}))
	register(ir.OpXor, b, b, Binary(func(dst, x, y []bool) {
		x, y = x[:len(dst)], y[:len(dst)]
		for i := range dst {
			dst[i] = x[i] != y[i]
		}
	}))
	register(ir.OpNot, b, b, Unary(func(dst, x []bool) {
		x = x[:len(dst)]
		for i := range dst {
			dst[i] = !x[i]
		}
	}))
}

type ordered interface{ Number }

func registerCompare[T ordered]() {
	t := DTypeOf[T]()
	b := ir.Bool
	register(ir.OpLt, b, t, Binary(func(dst []bool, x, y []T) {
		x, y = x[:len(dst)], y[:len(dst)]
		for i := range dst {
			dst[i] = x[i] < y[i]
		}
	}))
	register(ir.OpLe, b, t, Binary(func(dst []bool, x, y []T) {
		x, y = x[:len(dst)], y[:len(dst)]
		for i := range dst {
			dst[i] = x[i] <= y[i]
		}
	}))
	register(ir.OpEq, b, t, Binary(func(dst []bool, x, y []T) {
		x, y = x[:len(dst)], y[:len(dst)]
		for i := range dst {
			dst[i] = x[i] == y[i]
		}
	}))
	register(ir.OpNe, b, t, Binary(func(dst []bool, x, y []T) {
		x, y = x[:len(dst)], y[:len(dst)]
		for i := range dst {
			dst[i] = x[i] != y[i]
		}
	}))
	register(ir.OpGe, b, t, Binary(func(dst []bool, x, y []T) {
		x, y = x[:len(dst)], y[:len(dst)]
		for i := range dst {
			dst[i] = x[i] >= y[i]
		}
	}))
	register(ir.OpGt, b, t, Binary(func(dst []bool, x, y []T) {
		x, y = x[:len(dst)], y[:len(dst)]
		for i := range dst {
			dst[i] = x[i] > y[i]
		}
	}))
}

// registerBoolCompare orders false before true.
func registerBoolCompare() {
	b := ir.Bool
	cmp := func(f func(x, y int) bool) Kernel {
		return Binary(func(dst []bool, x, y []bool) {
			x, y = x[:len(dst)], y[:len(dst)]
			for i := range dst {
				dst[i] = f(b2i(x[i]), b2i(y[i]))
			}
		})
	}
	register(ir.OpLt, b, b, cmp(func(x, y int) bool { return x < y }))
	register(ir.OpLe, b, b, cmp(func(x, y int) bool { return x <= y }))
	register(ir.OpEq, b, b, cmp(func(x, y int) bool { return x == y }))
	register(ir.OpNe, b, b, cmp(func(x, y int) bool { return x != y }))
	register(ir.OpGe, b, b, cmp(func(x, y int) bool { return x >= y }))
	register(ir.OpGt, b, b, cmp(func(x, y int) bool { return x > y }))
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func registerBits[T Int]() {
	t := DTypeOf[T]()
	register(ir.OpAnd, t, t, Binary(mapBinary(func(x, y T) T { return x & y })))
	register(ir.OpOr, t, t, Binary(mapBinary(func(x, y T) T { return x | y })))
	register(ir.OpXor, t, t, Binary(mapBinary(func(x, y T) T { return x ^ y })))
	register(ir.OpNot, t, t, Unary(mapUnary(func(x T) T { return ^x })))
	register(ir.OpShl, t, t, Binary(mapBinary(Shl[T])))
	register(ir.OpShr, t, t, Binary(mapBinary(Shr[T])))
}

// Shl is x << n; a count below 0 or at least the width gives 0.
func Shl[T Int](x, n T) T {
	if n < 0 || int64(n) >= int64(unsafe.Sizeof(x))*8 {
		return 0
	}
	return x << n
}

// Shr is the arithmetic x >> n; a count below 0 or at least the width gives 0 or -1 by
// the sign of x.
func Shr[T Int](x, n T) T {
	if n < 0 || int64(n) >= int64(unsafe.Sizeof(x))*8 {
		if x < 0 {
			return -1
		}
		return 0
	}
	return x >> n
}

func registerWhere[T Elem]() {
	t := DTypeOf[T]()
	register(ir.OpWhere, t, t, func(n int, d unsafe.Pointer, a *[3]unsafe.Pointer) {
		Where(vec[T](d, n), vec[bool](a[0], n), vec[T](a[1], n), vec[T](a[2], n))
	})
}

// Where sets dst[i] = x[i] if c[i], else y[i]. It moves the elements' bits with a
// conditional move rather than a branch, which a random condition would mispredict
// half the time.
func Where[T Elem](dst []T, c []bool, x, y []T) {
	var z T
	switch unsafe.Sizeof(z) {
	case 8:
		whereBits(bitsOf[uint64](dst), c, bitsOf[uint64](x), bitsOf[uint64](y))
	case 4:
		whereBits(bitsOf[uint32](dst), c, bitsOf[uint32](x), bitsOf[uint32](y))
	case 1:
		whereBytes(bitsOf[uint8](dst), bitsOf[uint8](c), bitsOf[uint8](x), bitsOf[uint8](y))
	default:
		c, x, y = c[:len(dst)], x[:len(dst)], y[:len(dst)]
		for i := range dst {
			if c[i] {
				dst[i] = x[i]
			} else {
				dst[i] = y[i]
			}
		}
	}
}

func whereBits[U uint8 | uint32 | uint64](dst []U, c []bool, x, y []U) {
	c, x, y = c[:len(dst)], x[:len(dst)], y[:len(dst)]
	for i := range dst {
		a, b := x[i], y[i] // both loaded first, so the compiler can select with CMOV
		if c[i] {
			b = a
		}
		dst[i] = b
	}
}

// whereBytes is whereBits for bytes, with a mask (a bool is 0 or 1 in memory): the
// compiler branches on a byte-sized select.
func whereBytes(dst, c, x, y []uint8) {
	c, x, y = c[:len(dst)], x[:len(dst)], y[:len(dst)]
	for i := range dst {
		dst[i] = y[i] ^ (x[i]^y[i])&-c[i]
	}
}
