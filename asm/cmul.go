package asm

// MulC128 stores the element-wise complex product x[i] * y[i] in dst, each as
//
//	re = (x.re*y.re) - (x.im*y.im)
//	im = (x.re*y.im) + (x.im*y.re)
//
// with every product rounded to float64 before the sum (never a fused multiply-add):
// the naive product NumPy's loops compute, with no recovery of infinities from NaNs.
// Every level gives the twin's bits (NaN payloads aside). dst may be x or y. It panics
// if the slices' lengths differ.
func MulC128(dst, x, y []complex128) {
	if len(x) != len(dst) || len(y) != len(dst) {
		panicLengths("MulC128", "dst x y", len(dst), len(x), len(y))
	}
	switch active {
	case LevelAVX512, LevelAVX2:
		mulC128AVX(dst, x, y)
	default:
		mulC128Generic(dst, x, y)
	}
}

// mulC128Generic is the pure-Go twin of MulC128.
func mulC128Generic(dst, x, y []complex128) {
	x, y = x[:len(dst)], y[:len(dst)]
	for i := range dst {
		a, b := x[i], y[i]
		re := float64(real(a)*real(b)) - float64(imag(a)*imag(b))
		im := float64(real(a)*imag(b)) + float64(imag(a)*real(b))
		dst[i] = complex(re, im)
	}
}
