package asm

import "math"

// Complex exp and log, built from the vector kernels of this package over blocks of
// cBlock elements: the parts are split into float64 buffers, ExpF64, SinF64, CosF64
// (exp) or LogF64, Log1pF64, Atan2F64 (log) run over the block at the active
// level, and the parts are joined again. A lane with a non-finite part, or with parts
// where the block formula would overflow or lose its subnormal bits, is computed by
// the scalar code below instead (C99 Annex G's special values, as the portable kernels
// of numeric/internal/generic give them). The functions are their own pure-Go twins:
// at LevelNone every kernel they call runs its twin, and each kernel gives its twin's
// bits at every level, so ExpC128 and LogC128 give the same bits at every level.

// cBlock is the number of complex elements per block: eight float64 buffers of it
// stay in L1.
const cBlock = 256

// ExpC128 stores e**x[i] in dst: e**re·(cos im + j·sin im), each part within 2 ULPs
// (ExpF64's 0.67 ULP times CosF64's or SinF64's 0.68 ULP, one rounding); with a
// non-finite part, or a real part past 709 (where e**re overflows but the product may
// not), C99 Annex G's values: e**(x ± 0j) is exp(x) ± 0j, e**(-Inf ± Inf·j) is ±0j,
// e**(+Inf + NaN·j) is +Inf + NaN·j, and so on (cexpScalar). dst may be x. It panics if
// the lengths differ.
func ExpC128(dst, x []complex128) {
	if len(x) != len(dst) {
		panicLengths("ExpC128", "dst x", len(dst), len(x))
	}
	var re, im, e, s, c [cBlock]float64
	for lo := 0; lo < len(dst); lo += cBlock {
		n := min(cBlock, len(dst)-lo)
		xs, ds := x[lo:lo+n], dst[lo:lo+n]
		for i, z := range xs {
			re[i], im[i] = real(z), imag(z)
		}
		ExpF64(e[:n], re[:n])
		SinF64(s[:n], im[:n])
		CosF64(c[:n], im[:n])
		for i := range ds {
			a, b := re[i], im[i]
			if a <= 709 && a >= -math.MaxFloat64 && b-b == 0 { // a and b finite, e**a too
				ds[i] = complex(e[i]*c[i], e[i]*s[i])
			} else {
				ds[i] = cexpScalar(a, b)
			}
		}
	}
}

// cexpScalar is e**(x + y·j) for the lanes ExpC128 does not take: Annex G's special
// values, and e**x split in two where it alone overflows.
func cexpScalar(x, y float64) complex128 {
	inf := func(f float64) bool { return math.IsInf(f, 0) }
	nan := func(f float64) bool { return f != f }
	switch {
	case y == 0 && x > 709 && !inf(x): // Go's amd64 math.Exp overflows from 709.65
		e := math.Exp(x / 2)
		return complex(e*e, y)
	case y == 0:
		return complex(math.Exp(x), y)
	case inf(x) && x < 0 && inf(y):
		return complex(0, math.Copysign(0, y))
	case inf(x) && x < 0 && nan(y):
		return complex(0, 0)
	case inf(x) && x > 0 && (inf(y) || nan(y)):
		return complex(x, math.NaN())
	case nan(x) || nan(y) || inf(y):
		return complex(math.NaN(), math.NaN())
	}
	s, c := math.Sincos(y)
	if x > 709 && !inf(x) {
		e := math.Exp(x / 2)
		return complex(c*e*e, s*e*e)
	}
	e := math.Exp(x)
	return complex(e*c, e*s)
}

// LogC128 stores the principal logarithm of x[i] in dst, branch cut along the negative
// real axis: log|z| + j·atan2(im, re). log|z| is half LogF64 of re² + im² (one
// rounding each for the squares and the sum: half the error of the logarithm of a
// rounded magnitude), or, where the larger part's magnitude is in [0.5, 2] and the
// smaller's below 1 (|z| near 1), half Log1pF64 of re² + im² − 1 summed from the
// squares' exact parts (sumSquaresMinus1); the imaginary part is Atan2F64's. Each part
// within 3 ULPs. Lanes with a non-finite part, or with the larger part below 2**-500
// (zeros and subnormals included) or above 2**500 (where the squares leave the normal
// range) are computed by clogScalar, scaled: log(±0 ± 0j) is -Inf + j·(0 or ±π),
// log(±Inf + yj) is +Inf + j·atan2(y, ±Inf), a NaN part gives NaN parts except
// +Inf + NaN·j for an infinite other part. dst may be x. It panics if the lengths
// differ.
func LogC128(dst, x []complex128) {
	if len(x) != len(dst) {
		panicLengths("LogC128", "dst x", len(dst), len(x))
	}
	var re, im, h, d, q [cBlock]float64
	var near1 [cBlock]bool
	for lo := 0; lo < len(dst); lo += cBlock {
		n := min(cBlock, len(dst)-lo)
		xs, ds := x[lo:lo+n], dst[lo:lo+n]
		anyNear1 := false
		for i, z := range xs {
			a, b := real(z), imag(z)
			re[i], im[i] = a, b
			h[i] = float64(a*a) + float64(b*b) // |z|², in range for the lanes it serves
			a, b = math.Abs(a), math.Abs(b)
			if a < b {
				a, b = b, a
			}
			near1[i] = a >= 0.5 && a <= 2 && b < 1
			d[i] = 0
			if near1[i] {
				d[i] = sumSquaresMinus1(a, b)
				anyNear1 = true
			}
		}
		Atan2F64(q[:n], im[:n], re[:n])
		LogF64(h[:n], h[:n])
		if anyNear1 {
			Log1pF64(d[:n], d[:n])
		}
		for i := range ds {
			a, b := re[i], im[i]
			m := max(math.Abs(a), math.Abs(b))
			switch {
			case !(m >= 0x1p-500 && m <= 0x1p500) || b != b || a != a:
				ds[i] = clogScalar(a, b)
			case near1[i]:
				ds[i] = complex(d[i]/2, q[i])
			default:
				ds[i] = complex(h[i]/2, q[i])
			}
			if r := imag(ds[i]); r == r && math.Signbit(r) != math.Signbit(b) {
				ds[i] = complex(real(ds[i]), -r) // atan(b/a) underflowed to +0
			}
		}
	}
}

// sumSquaresMinus1 is a² + b² − 1 for a in [0.5, 2], b < 1, correctly rounded but for
// a few units of the last place: the squares are split exactly (a·a = ph + pl) and the
// five terms summed by sum3, so that log1p of it keeps log|z|'s relative accuracy
// however close |z| is to 1. The conversions round each product, so that no compiler
// fuses it into the sums.
func sumSquaresMinus1(a, b float64) float64 {
	ph := float64(a * a)
	qh := float64(b * b)
	p := [5]float64{-1, ph, qh, math.FMA(a, a, -ph), math.FMA(b, b, -qh)}
	return sum3(p[:])
}

// sum3 is the sum of p (which it overwrites) by Ogita, Rump and Oishi's SumK with
// K = 3: two error-free passes of twoSum, then the plain sum, as accurate as a sum in
// triple precision rounded once (near the exact sum even where the terms cancel to
// 1e-19 of their size).
func sum3(p []float64) float64 {
	for range 2 {
		for i := 1; i < len(p); i++ {
			p[i], p[i-1] = twoSum(p[i], p[i-1])
		}
	}
	s := 0.0
	for _, x := range p[:len(p)-1] {
		s += x
	}
	return s + p[len(p)-1]
}

// clogScalar is log(x + y·j) for the lanes LogC128 does not take: non-finite parts,
// and moduli below 2**-900 or above 2**1000, scaled by 2**±600 so that the magnitude
// keeps the subnormals' bits or does not overflow.
func clogScalar(x, y float64) complex128 {
	im := math.Atan2(y, x)
	if im == im && math.Signbit(im) != math.Signbit(y) { // atan(y/x) underflowed to +0
		im = -im
	}
	a, b := math.Abs(x), math.Abs(y)
	switch {
	case math.IsInf(a, 0) || math.IsInf(b, 0):
		return complex(math.Inf(1), im)
	case a != a || b != b:
		return complex(math.NaN(), im)
	}
	if a < b {
		a, b = b, a
	}
	switch {
	case a < 0x1p-900:
		return complex(math.Log(math.Hypot(a*0x1p600, b*0x1p600))-600*math.Ln2, im)
	case a > 0x1p1000: // |z| may overflow where log|z| does not
		return complex(math.Log(math.Hypot(a*0x1p-600, b*0x1p-600))+600*math.Ln2, im)
	}
	return complex(math.Log(math.Hypot(a, b)), im)
}

// ExpC64 is ExpC128 for complex64: the arguments widened, ExpC128's value rounded to
// float32 once per part (as the portable complex64 kernels compute).
func ExpC64(dst, x []complex64) {
	if len(x) != len(dst) {
		panicLengths("ExpC64", "dst x", len(dst), len(x))
	}
	mapC64(dst, x, ExpC128)
}

// LogC64 is LogC128 for complex64, as ExpC64 is ExpC128's.
func LogC64(dst, x []complex64) {
	if len(x) != len(dst) {
		panicLengths("LogC64", "dst x", len(dst), len(x))
	}
	mapC64(dst, x, LogC128)
}

// mapC64 runs the complex128 function f over x widened, a block at a time, and stores
// the values rounded to complex64 in dst.
func mapC64(dst, x []complex64, f func(dst, x []complex128)) {
	var w [cBlock]complex128
	for lo := 0; lo < len(dst); lo += cBlock {
		n := min(cBlock, len(dst)-lo)
		for i, z := range x[lo : lo+n] {
			w[i] = complex128(z)
		}
		f(w[:n], w[:n])
		for i, z := range w[:n] {
			dst[lo+i] = complex64(z)
		}
	}
}
