package asm

// log1p, log2, log10: the exported slice functions. The element kernels (the
// pure-Go twins) are in math_logfam_scalar.go, the assembly in math_logfam_amd64.s.

// Log1pF64 sets dst[i] = ln(1 + x[i]) for every i, within 1 ULP; special values as math.Log1p.
func Log1pF64(dst, x []float64) {
	checkLen2("Log1pF64", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		log1pF64AVX512(dst, x)
	case active >= LevelAVX2:
		log1pF64AVX2(dst, x)
	default:
		logFamGo64(dst, x, log1pF64)
	}
}

// Log1pF32 sets dst[i] = ln(1 + x[i]) for every i, within 1 ULP; special values as math.Log1p.
func Log1pF32(dst, x []float32) {
	checkLen2("Log1pF32", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		log1pF32AVX512(dst, x)
	case active >= LevelAVX2:
		log1pF32AVX2(dst, x)
	default:
		logFamGo32(dst, x, log1pF32)
	}
}

// Log2F64 sets dst[i] = log2(x[i]) for every i, within 1 ULP; special values as math.Log2.
func Log2F64(dst, x []float64) {
	checkLen2("Log2F64", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		log2F64AVX512(dst, x)
	case active >= LevelAVX2:
		log2F64AVX2(dst, x)
	default:
		logFamGo64(dst, x, log2F64)
	}
}

// Log2F32 sets dst[i] = log2(x[i]) for every i, within 1 ULP; special values as math.Log2.
func Log2F32(dst, x []float32) {
	checkLen2("Log2F32", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		log2F32AVX512(dst, x)
	case active >= LevelAVX2:
		log2F32AVX2(dst, x)
	default:
		logFamGo32(dst, x, log2F32)
	}
}

// Log10F64 sets dst[i] = log10(x[i]) for every i, within 1 ULP; special values as math.Log10.
func Log10F64(dst, x []float64) {
	checkLen2("Log10F64", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		log10F64AVX512(dst, x)
	case active >= LevelAVX2:
		log10F64AVX2(dst, x)
	default:
		logFamGo64(dst, x, log10F64)
	}
}

// Log10F32 sets dst[i] = log10(x[i]) for every i, within 1 ULP; special values as math.Log10.
func Log10F32(dst, x []float32) {
	checkLen2("Log10F32", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		log10F32AVX512(dst, x)
	case active >= LevelAVX2:
		log10F32AVX2(dst, x)
	default:
		logFamGo32(dst, x, log10F32)
	}
}

func logFamGo64(dst, x []float64, f func(float64) float64) {
	dst = dst[:len(x)]
	for i, v := range x {
		dst[i] = f(v)
	}
}

func logFamGo32(dst, x []float32, f func(float32) float32) {
	dst = dst[:len(x)]
	for i, v := range x {
		dst[i] = f(v)
	}
}
