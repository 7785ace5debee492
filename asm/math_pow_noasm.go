//go:build !amd64 || noasm || !gc

package asm

// Stand-in for the amd64 pow kernel on other builds; active never selects it.

func powF64AVX512(dst, x, y []float64) bool { panic("asm: no powF64AVX512 in this build") }

func powF64AVX2(dst, x, y []float64) bool { panic("asm: no powF64AVX2 in this build") }

func powF32AVX512(dst, x, y []float32) bool { panic("asm: no powF32AVX512 in this build") }

func powF32AVX2(dst, x, y []float32) bool { panic("asm: no powF32AVX2 in this build") }

func scalarPowF64AVX512(dst, y []float64, hi, lo float64) bool {
	panic("asm: no scalarPowF64AVX512 in this build")
}

func scalarPowF64AVX2(dst, y []float64, hi, lo float64) bool {
	panic("asm: no scalarPowF64AVX2 in this build")
}

func scalarPowF32AVX512(dst, y []float32, l float64) bool {
	panic("asm: no scalarPowF32AVX512 in this build")
}

func scalarPowF32AVX2(dst, y []float32, l float64) bool {
	panic("asm: no scalarPowF32AVX2 in this build")
}
