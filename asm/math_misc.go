package asm

// Functions without assembly: each element goes through a float64 scalar routine
// (math_*_scalar.go, math_pow.go) and float32 results are rounded from it once.

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
