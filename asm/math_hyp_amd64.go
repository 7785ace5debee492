//go:build !noasm && gc

package asm

import "math"

// asinhF64, acoshF64 and atanhF64 (math_hyp.go) on 8 (AVX-512) or 4 (AVX2) lanes
// (math_hyp_amd64.s).

//go:noescape
func asinhF64AVX512(dst, x []float64)

//go:noescape
func acoshF64AVX512(dst, x []float64)

//go:noescape
func atanhF64AVX512(dst, x []float64)

// hypTab holds math_hyp_amd64.s's constants (the HY_ indices there).
var hypTab = [...]float64{math.Float64frombits(1 << 63), hypTiny, hypBig}

//go:noescape
func asinhF64AVX2(dst, x []float64)

//go:noescape
func acoshF64AVX2(dst, x []float64)

//go:noescape
func atanhF64AVX2(dst, x []float64)

// hypTab4 is hypTab with each entry 4 times, for the AVX2 kernels.
var hypTab4 [len(hypTab)][4]float64

func init() {
	for i, v := range hypTab {
		hypTab4[i] = [4]float64{v, v, v, v}
	}
}
