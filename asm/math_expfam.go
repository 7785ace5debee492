package asm

// expm1, exp2, sinh, cosh, tanh: the exported slice functions. The element
// kernels and the algorithms are in math_expfam_scalar.go, the assembly in
// math_expfam_amd64.s.

// Expm1F64 sets dst[i] = e**x[i] - 1 for every i; special values as math.Expm1.
func Expm1F64(dst, x []float64) {
	checkLen2("Expm1F64", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		expm1F64AVX512(dst, x)
	case active >= LevelAVX2:
		expm1F64AVX2(dst, x)
	default:
		mapF64(dst, x, expm1F64)
	}
}

// Expm1F32 sets dst[i] = e**x[i] - 1 for every i; special values as math.Expm1.
func Expm1F32(dst, x []float32) {
	checkLen2("Expm1F32", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		expm1F32AVX512(dst, x)
	case active >= LevelAVX2:
		expm1F32AVX2(dst, x)
	default:
		expFamMapF32(dst, x, expm1F32)
	}
}

// Exp2F64 sets dst[i] = 2**x[i] for every i; special values as math.Exp2.
func Exp2F64(dst, x []float64) {
	checkLen2("Exp2F64", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		exp2F64AVX512(dst, x)
	case active >= LevelAVX2:
		exp2F64AVX2(dst, x)
	default:
		mapF64(dst, x, exp2F64)
	}
}

// Exp2F32 sets dst[i] = 2**x[i] for every i; special values as math.Exp2.
func Exp2F32(dst, x []float32) {
	checkLen2("Exp2F32", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		exp2F32AVX512(dst, x)
	case active >= LevelAVX2:
		exp2F32AVX2(dst, x)
	default:
		expFamMapF32(dst, x, exp2F32)
	}
}

// TanhF64 sets dst[i] = tanh(x[i]) for every i; special values as math.Tanh.
func TanhF64(dst, x []float64) {
	checkLen2("TanhF64", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		tanhF64AVX512(dst, x)
	case active >= LevelAVX2:
		tanhF64AVX2(dst, x)
	default:
		mapF64(dst, x, tanhF64)
	}
}

// TanhF32 sets dst[i] = tanh(x[i]) for every i; special values as math.Tanh.
func TanhF32(dst, x []float32) {
	checkLen2("TanhF32", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		tanhF32AVX512(dst, x)
	case active >= LevelAVX2:
		tanhF32AVX2(dst, x)
	default:
		expFamMapF32(dst, x, tanhF32)
	}
}

// SinhF64 sets dst[i] = sinh(x[i]) for every i; special values as math.Sinh.
func SinhF64(dst, x []float64) {
	checkLen2("SinhF64", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		sinhF64AVX512(dst, x)
	case active >= LevelAVX2:
		sinhF64AVX2(dst, x)
	default:
		mapF64(dst, x, sinhF64)
	}
}

// SinhF32 sets dst[i] = sinh(x[i]) for every i; special values as math.Sinh.
func SinhF32(dst, x []float32) {
	checkLen2("SinhF32", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		sinhF32AVX512(dst, x)
	case active >= LevelAVX2:
		sinhF32AVX2(dst, x)
	default:
		expFamMapF32(dst, x, sinhF32)
	}
}

// CoshF64 sets dst[i] = cosh(x[i]) for every i; special values as math.Cosh.
func CoshF64(dst, x []float64) {
	checkLen2("CoshF64", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		coshF64AVX512(dst, x)
	case active >= LevelAVX2:
		coshF64AVX2(dst, x)
	default:
		mapF64(dst, x, coshF64)
	}
}

// CoshF32 sets dst[i] = cosh(x[i]) for every i; special values as math.Cosh.
func CoshF32(dst, x []float32) {
	checkLen2("CoshF32", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		coshF32AVX512(dst, x)
	case active >= LevelAVX2:
		coshF32AVX2(dst, x)
	default:
		expFamMapF32(dst, x, coshF32)
	}
}

func expFamMapF32(dst, x []float32, f func(float32) float32) {
	dst = dst[:len(x)]
	for i, v := range x {
		dst[i] = f(v)
	}
}
