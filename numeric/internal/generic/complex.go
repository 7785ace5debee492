package generic

import (
	"math"
	"unsafe"

	"github.com/numkit/numkit/numeric/ir"
)

// Complex kernels. A complex64 or complex128 element is laid out as Go (and C, NumPy,
// numexpr) lay it out: the real part, then the imaginary part. The kernels view the
// arrays as [][2]float32 or [][2]float64 and work on the parts, so one generic loop
// serves both types: arithmetic runs in the parts' type, as NumPy's loops do; the
// functions of complex_math.go run in complex128 (complex64 arguments are widened and
// the result rounded once).

// Cx is a complex element as its two parts: [0] real, [1] imaginary.
type Cx[T Float] = [2]T

func init() {
	registerComplex[float32]()
	registerComplex[float64]()
	for _, src := range []ir.DType{ir.Bool, ir.Int32, ir.Int64, ir.Float32, ir.Float64} {
		registerToComplex[float32](src)
		registerToComplex[float64](src)
	}
	register(ir.OpCast, ir.Complex128, ir.Complex64, Unary(func(dst []Cx[float64], x []Cx[float32]) {
		x = x[:len(dst)]
		for i := range dst {
			dst[i] = Cx[float64]{float64(x[i][0]), float64(x[i][1])}
		}
	}))
	register(ir.OpCast, ir.Complex64, ir.Complex128, Unary(func(dst []Cx[float32], x []Cx[float64]) {
		x = x[:len(dst)]
		for i := range dst {
			dst[i] = Cx[float32]{float32(x[i][0]), float32(x[i][1])}
		}
	}))
}

func registerComplex[T Float]() {
	rt := DTypeOf[T]()
	t := ir.ComplexOf(rt)
	register(ir.OpCopy, t, t, Unary(func(dst, x []Cx[T]) { copy(dst, x) }))
	register(ir.OpAdd, t, t, Binary(CAddLoop[T]))
	register(ir.OpSub, t, t, Binary(CSubLoop[T]))
	register(ir.OpMul, t, t, Binary(CMulLoop[T]))
	register(ir.OpDiv, t, t, Binary(mapBinary(CDiv[T])))
	register(ir.OpMulAddC, t, t, func(n int, d unsafe.Pointer, a *[3]unsafe.Pointer) {
		dst, x, y, z := vec[Cx[T]](d, n), vec[Cx[T]](a[0], n), vec[Cx[T]](a[1], n), vec[Cx[T]](a[2], n)
		for i := range dst {
			p, q, s := x[i], y[i], z[i]
			dst[i] = Cx[T]{(T(p[0]*q[0]) - T(p[1]*q[1])) + s[0], (T(p[0]*q[1]) + T(p[1]*q[0])) + s[1]}
		}
	})
	// One operand a single value (a constant such as 1j, a scalar input): no broadcast
	// buffer. s + x, s * x give x + s, x * s's bits (the parts' sums and products
	// commute).
	add := func(dst, x []Cx[T], s Cx[T]) {
		x = x[:len(dst)]
		for i := range dst {
			dst[i] = Cx[T]{x[i][0] + s[0], x[i][1] + s[1]}
		}
	}
	mul := func(dst, x []Cx[T], s Cx[T]) {
		x = x[:len(dst)]
		for i := range dst {
			a := x[i]
			dst[i] = Cx[T]{T(a[0]*s[0]) - T(a[1]*s[1]), T(a[0]*s[1]) + T(a[1]*s[0])}
		}
	}
	scalarTable[scalarKey{ir.OpAdd, t, t, 1}] = ScalarRight(add)
	scalarTable[scalarKey{ir.OpAdd, t, t, 0}] = ScalarLeft(add)
	scalarTable[scalarKey{ir.OpMul, t, t, 1}] = ScalarRight(mul)
	scalarTable[scalarKey{ir.OpMul, t, t, 0}] = ScalarLeft(mul)
	scalarTable[scalarKey{ir.OpSub, t, t, 1}] = ScalarRight(func(dst, x []Cx[T], s Cx[T]) {
		x = x[:len(dst)]
		for i := range dst {
			dst[i] = Cx[T]{x[i][0] - s[0], x[i][1] - s[1]}
		}
	})
	scalarTable[scalarKey{ir.OpSub, t, t, 0}] = ScalarLeft(func(dst, y []Cx[T], s Cx[T]) {
		y = y[:len(dst)]
		for i := range dst {
			dst[i] = Cx[T]{s[0] - y[i][0], s[1] - y[i][1]}
		}
	})
	register(ir.OpNeg, t, t, Unary(mapUnary(func(x Cx[T]) Cx[T] { return Cx[T]{-x[0], -x[1]} })))
	register(ir.OpConj, t, t, Unary(mapUnary(func(x Cx[T]) Cx[T] { return Cx[T]{x[0], -x[1]} })))
	register(ir.OpEq, ir.Bool, t, Binary(func(dst []bool, x, y []Cx[T]) {
		x, y = x[:len(dst)], y[:len(dst)]
		for i := range dst {
			dst[i] = x[i][0] == y[i][0] && x[i][1] == y[i][1]
		}
	}))
	register(ir.OpNe, ir.Bool, t, Binary(func(dst []bool, x, y []Cx[T]) {
		x, y = x[:len(dst)], y[:len(dst)]
		for i := range dst {
			dst[i] = x[i][0] != y[i][0] || x[i][1] != y[i][1]
		}
	}))
	register(ir.OpWhere, t, t, func(n int, d unsafe.Pointer, a *[3]unsafe.Pointer) {
		dst, c, x, y := vec[Cx[T]](d, n), vec[bool](a[0], n), vec[Cx[T]](a[1], n), vec[Cx[T]](a[2], n)
		for i := range dst {
			if c[i] {
				dst[i] = x[i]
			} else {
				dst[i] = y[i]
			}
		}
	})
	register(ir.OpReal, rt, t, Unary(func(dst []T, x []Cx[T]) {
		x = x[:len(dst)]
		for i := range dst {
			dst[i] = x[i][0]
		}
	}))
	register(ir.OpImag, rt, t, Unary(func(dst []T, x []Cx[T]) {
		x = x[:len(dst)]
		for i := range dst {
			dst[i] = x[i][1]
		}
	}))
	register(ir.OpComplex, t, rt, Binary(func(dst []Cx[T], x, y []T) {
		x, y = x[:len(dst)], y[:len(dst)]
		for i := range dst {
			dst[i] = Cx[T]{x[i], y[i]}
		}
	}))
	register(ir.OpAbs, rt, t, Unary(func(dst []T, x []Cx[T]) {
		x = x[:len(dst)]
		for i := range dst {
			dst[i] = T(CAbs(float64(x[i][0]), float64(x[i][1])))
		}
	}))
	pred := func(op ir.Op, f func(re, im float64) bool) {
		register(op, ir.Bool, t, Unary(func(dst []bool, x []Cx[T]) {
			x = x[:len(dst)]
			for i := range dst {
				dst[i] = f(float64(x[i][0]), float64(x[i][1]))
			}
		}))
	}
	pred(ir.OpIsNaN, func(re, im float64) bool { return re != re || im != im })
	pred(ir.OpIsInf, func(re, im float64) bool { return math.IsInf(re, 0) || math.IsInf(im, 0) })
	pred(ir.OpIsFinite, func(re, im float64) bool { return !math.IsInf(re, 0) && !math.IsInf(im, 0) && re == re && im == im })
	for op, f := range complexFuncs {
		register(op, t, t, Unary(mapUnary(func(x Cx[T]) Cx[T] {
			r := f(complex(float64(x[0]), float64(x[1])))
			return Cx[T]{T(real(r)), T(imag(r))}
		})))
	}
	register(ir.OpPow, t, t, Binary(mapBinary(func(x, y Cx[T]) Cx[T] {
		r := CPow(complex(float64(x[0]), float64(x[1])), complex(float64(y[0]), float64(y[1])))
		return Cx[T]{T(real(r)), T(imag(r))}
	})))
}

// registerToComplex registers the conversion from src to complex with T parts.
func registerToComplex[T Float](src ir.DType) {
	t := ir.ComplexOf(DTypeOf[T]())
	var k Kernel
	switch src {
	case ir.Bool:
		k = Unary(toComplex[bool, T](func(b bool) T { return T(b2i(b)) }))
	case ir.Int32:
		k = Unary(toComplex[int32, T](func(v int32) T { return T(v) }))
	case ir.Int64:
		k = Unary(toComplex[int64, T](func(v int64) T { return T(v) }))
	case ir.Float32:
		k = Unary(toComplex[float32, T](func(v float32) T { return T(v) }))
	default:
		k = Unary(toComplex[float64, T](func(v float64) T { return T(v) }))
	}
	register(ir.OpCast, t, src, k)
}

func toComplex[S any, T Float](f func(S) T) func(dst []Cx[T], x []S) {
	return func(dst []Cx[T], x []S) {
		x = x[:len(dst)]
		for i := range dst {
			dst[i] = Cx[T]{f(x[i]), 0}
		}
	}
}

// CAddLoop sets dst[i] = x[i] + y[i], part by part.
func CAddLoop[T Float](dst, x, y []Cx[T]) {
	x, y = x[:len(dst)], y[:len(dst)]
	for i := range dst {
		dst[i] = Cx[T]{x[i][0] + y[i][0], x[i][1] + y[i][1]}
	}
}

// CSubLoop sets dst[i] = x[i] - y[i], part by part.
func CSubLoop[T Float](dst, x, y []Cx[T]) {
	x, y = x[:len(dst)], y[:len(dst)]
	for i := range dst {
		dst[i] = Cx[T]{x[i][0] - y[i][0], x[i][1] - y[i][1]}
	}
}

// CMulLoop sets dst[i] = CMul(x[i], y[i]) in a loop the compiler inlines (no call
// per element); dst may be x or y.
func CMulLoop[T Float](dst, x, y []Cx[T]) {
	x, y = x[:len(dst)], y[:len(dst)]
	for i := range dst {
		a, b := x[i], y[i]
		dst[i] = Cx[T]{T(a[0]*b[0]) - T(a[1]*b[1]), T(a[0]*b[1]) + T(a[1]*b[0])}
	}
}

// CMul is x*y as NumPy computes it: (a*c - b*d) + (a*d + b*c)j, each product rounded
// to T (never fused into a multiply-add), with no recovery of infinities from NaNs.
func CMul[T Float](x, y Cx[T]) Cx[T] {
	return Cx[T]{T(x[0]*y[0]) - T(x[1]*y[1]), T(x[0]*y[1]) + T(x[1]*y[0])}
}

// CDiv is x/y by Smith's algorithm, as NumPy's complex divide loop computes it
// (scaling by the larger part of y, so no intermediate overflows where the quotient
// does not): with |c| >= |d|, r = d/c, s = 1/(c + d*r), the quotient is
// ((a + b*r)*s, (b - a*r)*s); a zero divisor gives a/|c| and b/|c| (±Inf or NaN).
func CDiv[T Float](x, y Cx[T]) Cx[T] {
	a, b, c, d := x[0], x[1], y[0], y[1]
	ac, ad := T(math.Abs(float64(c))), T(math.Abs(float64(d)))
	if ac >= ad {
		if ac == 0 && ad == 0 {
			return Cx[T]{a / ac, b / ac}
		}
		r := d / c
		s := 1 / (c + T(d*r))
		return Cx[T]{T((a + T(b*r)) * s), T((b - T(a*r)) * s)}
	}
	r := c / d
	s := 1 / (d + T(c*r))
	return Cx[T]{T((T(a*r) + b) * s), T((T(b*r) - a) * s)}
}
