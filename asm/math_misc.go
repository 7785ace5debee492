package asm

import "math"

// Functions without assembly: each element goes through a float64 scalar routine
// (Go's math where that is within 1 ULP, our own where it is not) and float32
// results are rounded from it once.

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
func Expm1F64(dst, x []float64) { mapF64(dst, x, math.Expm1) }

// Expm1F32 sets dst[i] = e**x[i] - 1 for i < len(x); special values as math.Expm1.
func Expm1F32(dst, x []float32) { mapF32(dst, x, math.Expm1) }

// Exp2F64 sets dst[i] = 2**x[i] for i < len(x); special values as math.Exp2.
func Exp2F64(dst, x []float64) { mapF64(dst, x, math.Exp2) }

// Exp2F32 sets dst[i] = 2**x[i] for i < len(x); special values as math.Exp2.
func Exp2F32(dst, x []float32) { mapF32(dst, x, math.Exp2) }

// Log1pF64 sets dst[i] = ln(1 + x[i]) for i < len(x); special values as math.Log1p.
func Log1pF64(dst, x []float64) { mapF64(dst, x, math.Log1p) }

// Log1pF32 sets dst[i] = ln(1 + x[i]) for i < len(x); special values as math.Log1p.
func Log1pF32(dst, x []float32) { mapF32(dst, x, math.Log1p) }

// Log2F64 sets dst[i] = log2(x[i]) for i < len(x); special values as math.Log2.
func Log2F64(dst, x []float64) { mapF64(dst, x, math.Log2) }

// Log2F32 sets dst[i] = log2(x[i]) for i < len(x); special values as math.Log2.
func Log2F32(dst, x []float32) { mapF32(dst, x, math.Log2) }

// Log10F64 sets dst[i] = log10(x[i]) for i < len(x); special values as math.Log10.
func Log10F64(dst, x []float64) { mapF64(dst, x, math.Log10) }

// Log10F32 sets dst[i] = log10(x[i]) for i < len(x); special values as math.Log10.
func Log10F32(dst, x []float32) { mapF32(dst, x, math.Log10) }

// TanF64 sets dst[i] = tan(x[i]) for i < len(x); special values as math.Tan.
func TanF64(dst, x []float64) { mapF64(dst, x, math.Tan) }

// TanF32 sets dst[i] = tan(x[i]) for i < len(x); special values as math.Tan.
func TanF32(dst, x []float32) { mapF32(dst, x, math.Tan) }

// TanhF64 sets dst[i] = tanh(x[i]) for i < len(x); special values as math.Tanh.
func TanhF64(dst, x []float64) { mapF64(dst, x, math.Tanh) }

// TanhF32 sets dst[i] = tanh(x[i]) for i < len(x); special values as math.Tanh.
func TanhF32(dst, x []float32) { mapF32(dst, x, math.Tanh) }

// SinhF64 sets dst[i] = sinh(x[i]) for i < len(x); special values as math.Sinh.
func SinhF64(dst, x []float64) { mapF64(dst, x, math.Sinh) }

// SinhF32 sets dst[i] = sinh(x[i]) for i < len(x); special values as math.Sinh.
func SinhF32(dst, x []float32) { mapF32(dst, x, math.Sinh) }

// CoshF64 sets dst[i] = cosh(x[i]) for i < len(x); special values as math.Cosh.
func CoshF64(dst, x []float64) { mapF64(dst, x, math.Cosh) }

// CoshF32 sets dst[i] = cosh(x[i]) for i < len(x); special values as math.Cosh.
func CoshF32(dst, x []float32) { mapF32(dst, x, math.Cosh) }

// AtanF64 sets dst[i] = arctan(x[i]) for i < len(x); special values as math.Atan.
func AtanF64(dst, x []float64) { mapF64(dst, x, math.Atan) }

// AtanF32 sets dst[i] = arctan(x[i]) for i < len(x); special values as math.Atan.
func AtanF32(dst, x []float32) { mapF32(dst, x, math.Atan) }

// AsinF64 sets dst[i] = arcsin(x[i]) for i < len(x); special values as math.Asin.
func AsinF64(dst, x []float64) { mapF64(dst, x, math.Asin) }

// AsinF32 sets dst[i] = arcsin(x[i]) for i < len(x); special values as math.Asin.
func AsinF32(dst, x []float32) { mapF32(dst, x, math.Asin) }

// AcosF64 sets dst[i] = arccos(x[i]) for i < len(x); special values as math.Acos.
func AcosF64(dst, x []float64) { mapF64(dst, x, math.Acos) }

// AcosF32 sets dst[i] = arccos(x[i]) for i < len(x); special values as math.Acos.
func AcosF32(dst, x []float32) { mapF32(dst, x, math.Acos) }

// Atan2F64 sets dst[i] = arctan2(y[i], x[i]) for i < len(y); special values as math.Atan2.
func Atan2F64(dst, y, x []float64) { map2F64(dst, y, x, math.Atan2) }

// Atan2F32 sets dst[i] = arctan2(y[i], x[i]) for i < len(y); special values as math.Atan2.
func Atan2F32(dst, y, x []float32) { map2F32(dst, y, x, math.Atan2) }

// PowF64 sets dst[i] = x[i]**y[i] for i < len(x); special values as math.Pow.
func PowF64(dst, x, y []float64) { map2F64(dst, x, y, math.Pow) }

// PowF32 sets dst[i] = x[i]**y[i] for i < len(x); special values as math.Pow.
func PowF32(dst, x, y []float32) { map2F32(dst, x, y, math.Pow) }
