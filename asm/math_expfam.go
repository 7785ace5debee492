package asm

// expm1, exp2, sinh, cosh, tanh: the exported slice functions.

// expFamAsm says whether these functions have AVX-512 and AVX2 assembly.
const expFamAsm = false

// Expm1F64 sets dst[i] = e**x[i] - 1 for i < len(x); special values as math.Expm1.
func Expm1F64(dst, x []float64) { mapF64(dst, x, expm1F64) }

// Expm1F32 sets dst[i] = e**x[i] - 1 for i < len(x); special values as math.Expm1.
func Expm1F32(dst, x []float32) { mapF32(dst, x, expm1F64) }

// Exp2F64 sets dst[i] = 2**x[i] for i < len(x); special values as math.Exp2.
func Exp2F64(dst, x []float64) { mapF64(dst, x, exp2F64) }

// Exp2F32 sets dst[i] = 2**x[i] for i < len(x); special values as math.Exp2.
func Exp2F32(dst, x []float32) { mapF32(dst, x, exp2F64) }

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
