package asm

// The pure-Go path of the functions whose twins are scalar float64 routines
// (math_*_scalar.go): each element goes through the routine.

func mapF64(dst, x []float64, f func(float64) float64) {
	dst = dst[:len(x)]
	for i, v := range x {
		dst[i] = f(v)
	}
}

func map2F64(dst, x, y []float64, f func(float64, float64) float64) {
	dst = dst[:len(x)]
	y = y[:len(x)]
	for i, v := range x {
		dst[i] = f(v, y[i])
	}
}
