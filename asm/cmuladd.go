package asm

// MulAddC128 stores x[i]*y[i] + z[i] in dst: MulC128's naive product, each product
// rounded before the sums (never a fused multiply-add), then the parts of z added,
//
//	re = ((x.re*y.re) - (x.im*y.im)) + z.re
//	im = ((x.re*y.im) + (x.im*y.re)) + z.im
//
// as NumPy computes x*y + z in two loops; one pass over the elements. Every level
// gives the twin's bits (NaN payloads aside). dst may be x, y or z. It panics if the
// slices' lengths differ.
func MulAddC128(dst, x, y, z []complex128) {
	if len(x) != len(dst) || len(y) != len(dst) || len(z) != len(dst) {
		panicLengths("MulAddC128", "dst x y z", len(dst), len(x), len(y), len(z))
	}
	switch active {
	case LevelAVX512, LevelAVX2:
		mulAddC128AVX(dst, x, y, z)
	default:
		mulAddC128Generic(dst, x, y, z)
	}
}

// mulAddC128Generic is the pure-Go twin of MulAddC128.
func mulAddC128Generic(dst, x, y, z []complex128) {
	x, y, z = x[:len(dst)], y[:len(dst)], z[:len(dst)]
	for i := range dst {
		a, b, c := x[i], y[i], z[i]
		re := float64(real(a)*real(b)) - float64(imag(a)*imag(b))
		im := float64(real(a)*imag(b)) + float64(imag(a)*real(b))
		dst[i] = complex(re+real(c), im+imag(c))
	}
}
