package asm

// log1p, log2, log10: the exported slice functions.

// logFamAsm says whether these functions have AVX-512 and AVX2 assembly.
const logFamAsm = false

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
