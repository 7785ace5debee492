//go:build !amd64 || noasm || !gc

package asm

// addRowsF64AVX512 stands in for the amd64 kernel on other builds; active never
// selects it.
func addRowsF64AVX512(acc, x []float64, stride, rows int) {
	addRowsF64Generic(acc, x, stride, rows)
}

// addRowsF64AVX2 stands in for the amd64 kernel on other builds.
func addRowsF64AVX2(acc, x []float64, stride, rows int) {
	addRowsF64Generic(acc, x, stride, rows)
}

// addRowsF32AVX512 stands in for the amd64 kernel on other builds.
func addRowsF32AVX512(acc, x []float32, stride, rows int) {
	addRowsF32Generic(acc, x, stride, rows)
}

// addRowsF32AVX2 stands in for the amd64 kernel on other builds.
func addRowsF32AVX2(acc, x []float32, stride, rows int) {
	addRowsF32Generic(acc, x, stride, rows)
}
