package asm

import "math"

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

// DivC128 stores the element-wise complex quotient x[i] / y[i] in dst by Smith's
// algorithm, as NumPy's divide loop computes it: with (a, b) = x[i], (c, d) = y[i],
// if |c| >= |d| (and not both 0): r = d/c, s = 1/(c + d*r), the quotient is
// ((a + b*r)*s, (b - a*r)*s); if both are 0: (a/|c|, b/|c|); otherwise r = c/d,
// s = 1/(d + c*r) and the quotient is ((a*r + b)*s, (b*r - a)*s). Every operation is
// rounded to float64; every level gives the twin's bits (NaN payloads aside). dst may
// be x or y. It panics if the slices' lengths differ.
func DivC128(dst, x, y []complex128) {
	if len(x) != len(dst) || len(y) != len(dst) {
		panicLengths("DivC128", "dst x y", len(dst), len(x), len(y))
	}
	switch active {
	case LevelAVX512, LevelAVX2:
		even := len(dst) &^ 1 // the kernel takes pairs; the twin the last one
		divC128AVX2(dst[:even], x[:even], y[:even])
		divC128Generic(dst[even:], x[even:], y[even:])
	default:
		divC128Generic(dst, x, y)
	}
}

// divC128Generic is the pure-Go twin of DivC128.
func divC128Generic(dst, x, y []complex128) {
	x, y = x[:len(dst)], y[:len(dst)]
	for i := range dst {
		a, b, c, d := real(x[i]), imag(x[i]), real(y[i]), imag(y[i])
		ac, ad := math.Abs(c), math.Abs(d)
		switch {
		case ac >= ad && ac == 0 && ad == 0:
			dst[i] = complex(a/ac, b/ac)
		case ac >= ad:
			r := d / c
			s := 1 / (c + float64(d*r))
			dst[i] = complex(float64(a+float64(b*r))*s, float64(b-float64(a*r))*s)
		default:
			r := c / d
			s := 1 / (d + float64(c*r))
			dst[i] = complex(float64(float64(a*r)+b)*s, float64(float64(b*r)-a)*s)
		}
	}
}

// AbsC128 stores |x[i]| in dst: the real magnitude as math.Hypot computes it,
// max·sqrt(1 + (min/max)²) of the parts' absolute values, +Inf if either part is
// infinite, else NaN if either is NaN, and 0 if both are 0. Every level gives
// math.Hypot's bits (NaN payloads aside). It panics if the lengths differ.
func AbsC128(dst []float64, x []complex128) {
	if len(x) != len(dst) {
		panicLengths("AbsC128", "dst x", len(dst), len(x))
	}
	switch active {
	case LevelAVX512, LevelAVX2:
		even := len(dst) &^ 1
		absC128AVX2(dst[:even], x[:even])
		absC128Generic(dst[even:], x[even:])
	default:
		absC128Generic(dst, x)
	}
}

// absC128Generic is the pure-Go twin of AbsC128.
func absC128Generic(dst []float64, x []complex128) {
	x = x[:len(dst)]
	for i := range dst {
		dst[i] = math.Hypot(real(x[i]), imag(x[i]))
	}
}

// MulC64 is MulC128 for complex64: the parts' products and sums rounded to float32,
// as NumPy's complex64 loop computes them. Every level gives the twin's bits (NaN
// payloads aside). It panics if the slices' lengths differ.
func MulC64(dst, x, y []complex64) {
	if len(x) != len(dst) || len(y) != len(dst) {
		panicLengths("MulC64", "dst x y", len(dst), len(x), len(y))
	}
	switch active {
	case LevelAVX512, LevelAVX2:
		whole := len(dst) &^ 3 // the kernel takes fours; the twin the rest
		mulC64AVX(dst[:whole], x[:whole], y[:whole])
		mulC64Generic(dst[whole:], x[whole:], y[whole:])
	default:
		mulC64Generic(dst, x, y)
	}
}

// mulC64Generic is the pure-Go twin of MulC64.
func mulC64Generic(dst, x, y []complex64) {
	x, y = x[:len(dst)], y[:len(dst)]
	for i := range dst {
		a, b := x[i], y[i]
		re := float32(real(a)*real(b)) - float32(imag(a)*imag(b))
		im := float32(real(a)*imag(b)) + float32(imag(a)*real(b))
		dst[i] = complex(re, im)
	}
}
