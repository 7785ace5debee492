package asm

// tan, arctan, arcsin, arccos, arctan2: the exported slice functions.

// TanF64 sets dst[i] = tan(x[i]) for every i; special values as math.Tan.
func TanF64(dst, x []float64) {
	checkLen2("TanF64", len(dst), len(x))
	dst = dst[:len(x)]
	w := 8
	switch {
	case active >= LevelAVX512:
	case active >= LevelAVX2:
		w = 4
	default:
		mapF64(dst, x, tanF64)
		return
	}
	// The kernel stops before a vector with a lane beyond trigF64Max (Inf
	// included); that vector is done by the twin (Payne–Hanek), then the rest.
	// (Direct calls, not a func value, so that dst and x do not escape.)
	for len(x) > 0 {
		var n int
		if w == 8 {
			n = tanF64AVX512(dst, x)
		} else {
			n = tanF64AVX2(dst, x)
		}
		if n >= len(x) {
			return
		}
		m := min(n+w, len(x))
		for i := n; i < m; i++ {
			dst[i] = tanF64(x[i])
		}
		dst, x = dst[m:], x[m:]
	}
}

// TanF32 sets dst[i] = tan(x[i]) for every i; special values as math.Tan.
func TanF32(dst, x []float32) {
	checkLen2("TanF32", len(dst), len(x))
	dst = dst[:len(x)]
	w := 8
	switch {
	case active >= LevelAVX512:
	case active >= LevelAVX2:
		w = 4
	default:
		trigMapF32(dst, x, tanF32)
		return
	}
	for len(x) > 0 { // as in TanF64, with trigF32Max
		var n int
		if w == 8 {
			n = tanF32AVX512(dst, x)
		} else {
			n = tanF32AVX2(dst, x)
		}
		if n >= len(x) {
			return
		}
		m := min(n+w, len(x))
		for i := n; i < m; i++ {
			dst[i] = tanF32(x[i])
		}
		dst, x = dst[m:], x[m:]
	}
}

// AtanF64 sets dst[i] = arctan(x[i]) for every i; special values as math.Atan.
func AtanF64(dst, x []float64) {
	checkLen2("AtanF64", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		atanF64AVX512(dst, x)
	case active >= LevelAVX2:
		atanF64AVX2(dst, x)
	default:
		mapF64(dst, x, atanF64)
	}
}

// AtanF32 sets dst[i] = arctan(x[i]) for every i; special values as math.Atan.
func AtanF32(dst, x []float32) {
	checkLen2("AtanF32", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		atanF32AVX512(dst, x)
	case active >= LevelAVX2:
		atanF32AVX2(dst, x)
	default:
		trigMapF32(dst, x, atanF32)
	}
}

// AsinF64 sets dst[i] = arcsin(x[i]) for every i; special values as math.Asin.
func AsinF64(dst, x []float64) {
	checkLen2("AsinF64", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		asinF64AVX512(dst, x)
	case active >= LevelAVX2:
		asinF64AVX2(dst, x)
	default:
		mapF64(dst, x, asinF64)
	}
}

// AsinF32 sets dst[i] = arcsin(x[i]) for every i; special values as math.Asin.
func AsinF32(dst, x []float32) {
	checkLen2("AsinF32", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		asinF32AVX512(dst, x)
	case active >= LevelAVX2:
		asinF32AVX2(dst, x)
	default:
		trigMapF32(dst, x, asinF32)
	}
}

// AcosF64 sets dst[i] = arccos(x[i]) for every i; special values as math.Acos.
func AcosF64(dst, x []float64) {
	checkLen2("AcosF64", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		acosF64AVX512(dst, x)
	case active >= LevelAVX2:
		acosF64AVX2(dst, x)
	default:
		mapF64(dst, x, acosF64)
	}
}

// AcosF32 sets dst[i] = arccos(x[i]) for every i; special values as math.Acos.
func AcosF32(dst, x []float32) {
	checkLen2("AcosF32", len(dst), len(x))
	switch {
	case active >= LevelAVX512:
		acosF32AVX512(dst, x)
	case active >= LevelAVX2:
		acosF32AVX2(dst, x)
	default:
		trigMapF32(dst, x, acosF32)
	}
}

// Atan2F64 sets dst[i] = arctan2(y[i], x[i]) for every i; special values as math.Atan2.
func Atan2F64(dst, y, x []float64) {
	checkLen3("Atan2F64", "dst y x", len(dst), len(y), len(x))
	switch {
	case active >= LevelAVX512:
		atan2F64AVX512(dst, y, x)
	case active >= LevelAVX2:
		atan2F64AVX2(dst, y, x)
	default:
		map2F64(dst, y, x, atan2F64)
	}
}

// Atan2F32 sets dst[i] = arctan2(y[i], x[i]) for every i; special values as math.Atan2.
func Atan2F32(dst, y, x []float32) {
	checkLen3("Atan2F32", "dst y x", len(dst), len(y), len(x))
	switch {
	case active >= LevelAVX512:
		atan2F32AVX512(dst, y, x)
	case active >= LevelAVX2:
		atan2F32AVX2(dst, y, x)
	default:
		trigMap2F32(dst, y, x, atan2F32)
	}
}

func trigMapF32(dst, x []float32, f func(float32) float32) {
	dst = dst[:len(x)]
	for i, v := range x {
		dst[i] = f(v)
	}
}

func trigMap2F32(dst, y, x []float32, f func(float32, float32) float32) {
	dst = dst[:len(y)]
	x = x[:len(y)]
	for i, v := range y {
		dst[i] = f(v, x[i])
	}
}
