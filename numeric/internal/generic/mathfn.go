package generic

import (
	"github.com/numkit/numkit/internal/submath"
	"math"

	"github.com/numkit/numkit/numeric/ir"
)

// float64Funcs are the float functions of one argument, computed in float64 (float32
// arguments are widened and the result rounded back, within 1 ULP of the exact value).
var float64Funcs = map[ir.Op]func(float64) float64{
	ir.OpSqrt: math.Sqrt, ir.OpSin: math.Sin, ir.OpCos: math.Cos, ir.OpTan: math.Tan,
	ir.OpAsin: math.Asin, ir.OpAcos: math.Acos, ir.OpAtan: math.Atan,
	ir.OpSinh: math.Sinh, ir.OpCosh: math.Cosh, ir.OpTanh: math.Tanh,
	ir.OpAsinh: math.Asinh, ir.OpAcosh: math.Acosh, ir.OpAtanh: math.Atanh,
	ir.OpExp: math.Exp, ir.OpExpm1: math.Expm1, ir.OpExp2: math.Exp2,
	ir.OpLog: Log, ir.OpLog1p: math.Log1p, ir.OpLog2: math.Log2, ir.OpLog10: Log10,
	ir.OpCeil: math.Ceil, ir.OpFloor: math.Floor, ir.OpTrunc: math.Trunc,
	ir.OpRound: math.RoundToEven, ir.OpAbs: math.Abs,
}

var float64Funcs2 = map[ir.Op]func(x, y float64) float64{
	ir.OpAtan2: math.Atan2, ir.OpHypot: math.Hypot, ir.OpFmod: submath.Mod,
	ir.OpCopysign: math.Copysign,
}

func init() {
	for op, f := range float64Funcs {
		register(op, ir.Float64, ir.Float64, Unary(mapUnary(f)))
		register(op, ir.Float32, ir.Float32, Unary(mapUnary(func(x float32) float32 { return float32(f(float64(x))) })))
	}
	for op, f := range float64Funcs2 {
		register(op, ir.Float64, ir.Float64, Binary(mapBinary(f)))
		register(op, ir.Float32, ir.Float32, Binary(mapBinary(func(x, y float32) float32 {
			return float32(f(float64(x), float64(y)))
		})))
	}
	register(ir.OpSqrt, ir.Float64, ir.Float64, Unary(Sqrt[float64]))
	register(ir.OpSqrt, ir.Float32, ir.Float32, Unary(Sqrt[float32]))
	register(ir.OpNextafter, ir.Float64, ir.Float64, Binary(mapBinary(math.Nextafter)))
	register(ir.OpNextafter, ir.Float32, ir.Float32, Binary(mapBinary(math.Nextafter32)))
	registerFloatPredicates[float32]()
	registerFloatPredicates[float64]()
	registerNumberFuncs[int32]()
	registerNumberFuncs[int64]()
	registerNumberFuncs[float32]()
	registerNumberFuncs[float64]()
	registerIntFuncs[int32]()
	registerIntFuncs[int64]()
}

// Sqrt sets dst[i] = sqrt(x[i]); the loop compiles to the SQRTSD/SQRTSS instruction.
func Sqrt[T Float](dst, x []T) {
	x = x[:len(dst)]
	for i := range dst {
		dst[i] = T(math.Sqrt(float64(x[i])))
	}
}

func registerFloatPredicates[T Float]() {
	t := DTypeOf[T]()
	pred := func(f func(float64) bool) Kernel {
		return Unary(func(dst []bool, x []T) {
			x = x[:len(dst)]
			for i := range dst {
				dst[i] = f(float64(x[i]))
			}
		})
	}
	register(ir.OpIsNaN, ir.Bool, t, pred(func(x float64) bool { return x != x }))
	register(ir.OpIsInf, ir.Bool, t, pred(func(x float64) bool { return math.IsInf(x, 0) }))
	register(ir.OpIsFinite, ir.Bool, t, pred(func(x float64) bool { return !math.IsInf(x, 0) && x == x }))
	register(ir.OpSignbit, ir.Bool, t, pred(math.Signbit))
}

func registerNumberFuncs[T Number]() {
	t := DTypeOf[T]()
	register(ir.OpMax, t, t, Binary(mapBinary(Max[T])))
	register(ir.OpMin, t, t, Binary(mapBinary(Min[T])))
	register(ir.OpSign, t, t, Unary(mapUnary(Sign[T])))
}

func registerIntFuncs[T Int]() {
	t := DTypeOf[T]()
	register(ir.OpAbs, t, t, Unary(mapUnary(func(x T) T {
		if x < 0 {
			return -x // MinInt wraps to itself
		}
		return x
	})))
}

// Max is NumPy's maximum: NaN if either is NaN, else the larger, y when they are equal.
func Max[T Number](x, y T) T {
	if x != x {
		return x
	}
	if x > y || y != y {
		if y != y {
			return y
		}
		return x
	}
	return y
}

// Min is NumPy's minimum: NaN if either is NaN, else the smaller, y when they are equal.
func Min[T Number](x, y T) T {
	if x != x {
		return x
	}
	if x < y || y != y {
		if y != y {
			return y
		}
		return x
	}
	return y
}

// Sign is -1, 0 or +1 by the sign of x; NaN stays NaN and ±0 stays ±0.
func Sign[T Number](x T) T {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return x
}
