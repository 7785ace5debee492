//go:build noasm || !gc || !amd64

package asm

// haveMomentsAVX512 says whether this build has the AVX-512 moments kernels.
const haveMomentsAVX512 = false

func momentsPass1AVX512(x []float64, _ *float64, _ int) (sum, lo, hi float64) {
	return MomentsPass1Go(x)
}

func momentsPass2AVX512(x []float64, c float64, _ *float64, _ int) (s1, s2, s3, s4 float64) {
	return MomentsPass2Go(x, c)
}
