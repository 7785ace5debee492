package generic

import (
	"github.com/numkit/numkit/internal/submath"
	"math"

	"gonum.org/v1/gonum/floats"

	"github.com/numkit/numkit/numeric/ir"
)

func init() {
	registerArith[int32]()
	registerArith[int64]()
	registerArith[float32]()
	registerArith[float64]()
	registerFloatArith[float32]()
	registerFloatArith[float64]()
	registerIntArith[int32]()
	registerIntArith[int64]()

	// gonum's floats has assembly for these float64 loops.
	f64 := ir.Float64
	register(ir.OpAdd, f64, f64, Binary(func(dst, x, y []float64) { floats.AddTo(dst, x, y) }))
	register(ir.OpSub, f64, f64, Binary(func(dst, x, y []float64) { floats.SubTo(dst, x, y) }))
	register(ir.OpDiv, f64, f64, Binary(func(dst, x, y []float64) { floats.DivTo(dst, x, y) }))
}

func registerArith[T Number]() {
	t := DTypeOf[T]()
	register(ir.OpAdd, t, t, Binary(Add[T]))
	register(ir.OpSub, t, t, Binary(Sub[T]))
	register(ir.OpMul, t, t, Binary(Mul[T]))
	register(ir.OpNeg, t, t, Unary(Neg[T]))
	register(ir.OpCopy, t, t, Unary(func(dst, x []T) { copy(dst, x) }))
}

func registerFloatArith[T Float]() {
	t := DTypeOf[T]()
	register(ir.OpDiv, t, t, Binary(Div[T]))
	register(ir.OpFloorDiv, t, t, Binary(mapBinary(FloorDivFloat[T])))
	register(ir.OpMod, t, t, Binary(mapBinary(ModFloat[T])))
	register(ir.OpPow, t, t, Binary(mapBinary(func(x, y T) T { return T(Pow(float64(x), float64(y))) })))
}

func registerIntArith[T Int]() {
	t := DTypeOf[T]()
	register(ir.OpFloorDiv, t, t, Binary(mapBinary(FloorDivInt[T])))
	register(ir.OpMod, t, t, Binary(mapBinary(ModInt[T])))
	register(ir.OpPow, t, t, Binary(mapBinary(PowInt[T])))
}

// Add sets dst[i] = x[i] + y[i].
func Add[T Number](dst, x, y []T) {
	x, y = x[:len(dst)], y[:len(dst)]
	i := 0
	for ; i <= len(dst)-4; i += 4 {
		dst[i] = x[i] + y[i]
		dst[i+1] = x[i+1] + y[i+1]
		dst[i+2] = x[i+2] + y[i+2]
		dst[i+3] = x[i+3] + y[i+3]
	}
	for ; i < len(dst); i++ {
		dst[i] = x[i] + y[i]
	}
}

// Sub sets dst[i] = x[i] - y[i].
func Sub[T Number](dst, x, y []T) {
	x, y = x[:len(dst)], y[:len(dst)]
	i := 0
	for ; i <= len(dst)-4; i += 4 {
		dst[i] = x[i] - y[i]
		dst[i+1] = x[i+1] - y[i+1]
		dst[i+2] = x[i+2] - y[i+2]
		dst[i+3] = x[i+3] - y[i+3]
	}
	for ; i < len(dst); i++ {
		dst[i] = x[i] - y[i]
	}
}

// Mul sets dst[i] = x[i] * y[i].
func Mul[T Number](dst, x, y []T) {
	x, y = x[:len(dst)], y[:len(dst)]
	i := 0
	for ; i <= len(dst)-4; i += 4 {
		dst[i] = x[i] * y[i]
		dst[i+1] = x[i+1] * y[i+1]
		dst[i+2] = x[i+2] * y[i+2]
		dst[i+3] = x[i+3] * y[i+3]
	}
	for ; i < len(dst); i++ {
		dst[i] = x[i] * y[i]
	}
}

// Div sets dst[i] = x[i] / y[i].
func Div[T Float](dst, x, y []T) {
	x, y = x[:len(dst)], y[:len(dst)]
	for i := range dst {
		dst[i] = x[i] / y[i]
	}
}

// Neg sets dst[i] = -x[i].
func Neg[T Number](dst, x []T) {
	x = x[:len(dst)]
	for i := range dst {
		dst[i] = -x[i]
	}
}

// FloorDivInt is Python's x // y on integers, with x // 0 = 0 and wrapping overflow.
func FloorDivInt[T Int](x, y T) T {
	switch y {
	case 0:
		return 0
	case -1:
		return -x // MinInt // -1 wraps to MinInt
	}
	q := x / y
	if x%y != 0 && (x < 0) != (y < 0) {
		q--
	}
	return q
}

// ModInt is Python's x % y on integers (the sign of y), with x % 0 = 0.
func ModInt[T Int](x, y T) T {
	if y == 0 || y == -1 {
		return 0
	}
	r := x % y
	if r != 0 && (r < 0) != (y < 0) {
		r += y
	}
	return r
}

// PowInt is x ** y on integers with wrapping overflow; a negative y gives 0 except for
// x = 1 (1) and x = -1 (±1).
func PowInt[T Int](x, y T) T {
	if y < 0 {
		switch x {
		case 1:
			return 1
		case -1:
			if y&1 == 0 {
				return 1
			}
			return -1
		}
		return 0
	}
	r := T(1)
	for y > 0 {
		if y&1 != 0 {
			r *= x
		}
		x *= x
		y >>= 1
	}
	return r
}

// ModFloat is Python's x % y on floats: the result has the sign of y, x % 0 is NaN.
func ModFloat[T Float](x, y T) T {
	m := T(submath.Mod(float64(x), float64(y))) // fmod is exact, so the conversion is too
	if m != 0 {
		if (y < 0) != (m < 0) {
			m += y
		}
	} else {
		m = T(math.Copysign(0, float64(y)))
	}
	return m
}

// FloorDivFloat is Python's x // y on floats as NumPy's floor_divide computes it: the
// floor of the exact quotient, so 7.0 // 0.1 is 69; x // 0 is x / 0.
func FloorDivFloat[T Float](x, y T) T {
	if y == 0 {
		return x / y
	}
	m := T(submath.Mod(float64(x), float64(y)))
	div := (x - m) / y
	if m != 0 && (y < 0) != (m < 0) {
		div--
	}
	if div == 0 {
		return T(math.Copysign(0, float64(x/y)))
	}
	f := T(math.Floor(float64(div)))
	if div-f > 0.5 {
		f++
	}
	return f
}
