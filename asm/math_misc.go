package asm

// Functions without assembly: each element goes through a float64 scalar routine
// (math_scalar.go, math_scalar_inv.go) and float32 results are rounded from it once.

func mapF64(dst, x []float64, f func(float64) float64) {
	dst = dst[:len(x)]
	for i, v := range x {
		dst[i] = f(v)
	}
}

func mapF32(dst, x []float32, f func(float64) float64) {
	dst = dst[:len(x)]
	for i, v := range x {
		dst[i] = float32(f(float64(v)))
	}
}

func map2F64(dst, x, y []float64, f func(float64, float64) float64) {
	dst = dst[:len(x)]
	y = y[:len(x)]
	for i, v := range x {
		dst[i] = f(v, y[i])
	}
}

func map2F32(dst, x, y []float32, f func(float64, float64) float64) {
	dst = dst[:len(x)]
	y = y[:len(x)]
	for i, v := range x {
		dst[i] = float32(f(float64(v), float64(y[i])))
	}
}

// Expm1F64 sets dst[i] = e**x[i] - 1 for i < len(x); special values as math.Expm1.
func Expm1F64(dst, x []float64) { mapF64(dst, x, expm1F64) }

// Expm1F32 sets dst[i] = e**x[i] - 1 for i < len(x); special values as math.Expm1.
func Expm1F32(dst, x []float32) { mapF32(dst, x, expm1F64) }

// Exp2F64 sets dst[i] = 2**x[i] for i < len(x); special values as math.Exp2.
func Exp2F64(dst, x []float64) { mapF64(dst, x, exp2F64) }

// Exp2F32 sets dst[i] = 2**x[i] for i < len(x); special values as math.Exp2.
func Exp2F32(dst, x []float32) { mapF32(dst, x, exp2F64) }

// Log1pF64 sets dst[i] = ln(1 + x[i]) for i < len(x); special values as math.Log1p.
func Log1pF64(dst, x []float64) { mapF64(dst, x, log1pF64) }

// Log1pF32 sets dst[i] = ln(1 + x[i]) for i < len(x); special values as math.Log1p.
func Log1pF32(dst, x []float32) { mapF32(dst, x, log1pF64) }

// Log2F64 sets dst[i] = log2(x[i]) for i < len(x); special values as math.Log2.
func Log2F64(dst, x []float64) { mapF64(dst, x, log2F64) }

// Log2F32 sets dst[i] = log2(x[i]) for i < len(x); special values as math.Log2.
func Log2F32(dst, x []float32) { mapF32(dst, x, log2F64) }

// Log10F64 sets dst[i] = log10(x[i]) for i < len(x); special values as math.Log10.
func Log10F64(dst, x []float64) { mapF64(dst, x, log10F64) }

// Log10F32 sets dst[i] = log10(x[i]) for i < len(x); special values as math.Log10.
func Log10F32(dst, x []float32) { mapF32(dst, x, log10F64) }

// TanF64 sets dst[i] = tan(x[i]) for i < len(x); special values as math.Tan.
func TanF64(dst, x []float64) { mapF64(dst, x, tanF64) }

// TanF32 sets dst[i] = tan(x[i]) for i < len(x); special values as math.Tan.
func TanF32(dst, x []float32) { mapF32(dst, x, tanF64) }

// TanhF64 sets dst[i] = tanh(x[i]) for i < len(x); special values as math.Tanh.
func TanhF64(dst, x []float64) { mapF64(dst, x, tanhF64) }

// TanhF32 sets dst[i] = tanh(x[i]) for i < len(x); special values as math.Tanh.
func TanhF32(dst, x []float32) { mapF32(dst, x, tanhF64) }

// SinhF64 sets dst[i] = sinh(x[i]) for i < len(x); special values as math.Sinh.
func SinhF64(dst, x []float64) { mapF64(dst, x, sinhF64) }

// SinhF32 sets dst[i] = sinh(x[i]) for i < len(x); special values as math.Sinh.
func SinhF32(dst, x []float32) { mapF32(dst, x, sinhF64) }

// CoshF64 sets dst[i] = cosh(x[i]) for i < len(x); special values as math.Cosh.
func CoshF64(dst, x []float64) { mapF64(dst, x, coshF64) }

// CoshF32 sets dst[i] = cosh(x[i]) for i < len(x); special values as math.Cosh.
func CoshF32(dst, x []float32) { mapF32(dst, x, coshF64) }

// AtanF64 sets dst[i] = arctan(x[i]) for i < len(x); special values as math.Atan.
func AtanF64(dst, x []float64) { mapF64(dst, x, atanF64) }

// AtanF32 sets dst[i] = arctan(x[i]) for i < len(x); special values as math.Atan.
func AtanF32(dst, x []float32) { mapF32(dst, x, atanF64) }

// AsinF64 sets dst[i] = arcsin(x[i]) for i < len(x); special values as math.Asin.
func AsinF64(dst, x []float64) { mapF64(dst, x, asinF64) }

// AsinF32 sets dst[i] = arcsin(x[i]) for i < len(x); special values as math.Asin.
func AsinF32(dst, x []float32) { mapF32(dst, x, asinF64) }

// AcosF64 sets dst[i] = arccos(x[i]) for i < len(x); special values as math.Acos.
func AcosF64(dst, x []float64) { mapF64(dst, x, acosF64) }

// AcosF32 sets dst[i] = arccos(x[i]) for i < len(x); special values as math.Acos.
func AcosF32(dst, x []float32) { mapF32(dst, x, acosF64) }

// Atan2F64 sets dst[i] = arctan2(y[i], x[i]) for i < len(y); special values as math.Atan2.
func Atan2F64(dst, y, x []float64) { map2F64(dst, y, x, atan2F64) }

// Atan2F32 sets dst[i] = arctan2(y[i], x[i]) for i < len(y); special values as math.Atan2.
func Atan2F32(dst, y, x []float32) { map2F32(dst, y, x, atan2F64) }

// PowF64 sets dst[i] = x[i]**y[i] for i < len(x); special values as math.Pow.
func PowF64(dst, x, y []float64) {
	dst = dst[:len(x)]
	y = y[:len(x)]
	for i, v := range x {
		dst[i] = powF64(v, y[i])
	}
}

// PowF32 sets dst[i] = x[i]**y[i] for i < len(x); special values as math.Pow.
func PowF32(dst, x, y []float32) {
	dst = dst[:len(x)]
	y = y[:len(x)]
	for i, v := range x {
		dst[i] = powF32(v, y[i])
	}
}
