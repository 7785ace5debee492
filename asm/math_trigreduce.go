package asm

import (
	"math"
	"math/bits"
)

// twoOverPiBits holds the binary expansion of 2/pi after a zero word:
// twoOverPiBits[k+1] is bits 64k+1 ... 64k+64 (weights 2^-(64k+1) ... 2^-(64k+64)).
// Printed by asm/_gen/mpgen/fit.py --tables.
var twoOverPiBits = [...]uint64{
	0,
	0xa2f9836e4e441529, 0xfc2757d1f534ddc0, 0xdb6295993c439041, 0xfe5163abdebbc561,
	0xb7246e3a424dd2e0, 0x06492eea09d1921c, 0xfe1deb1cb129a73e, 0xe88235f52ebb4484,
	0xe99c7026b45f7e41, 0x3991d639835339f4, 0x9c845f8bbdf9283b, 0x1ff897ffde05980f,
	0xef2f118b5a0a6d1f, 0x6d367ecf27cb09b7, 0x4f463f669e5fea2d, 0x7527bac7ebe5f17b,
	0x3d0739f78a5292ea, 0x6bfb5fb11f8d5d08, 0x56033046fc7b6bab, 0xf0cfbc209af4361d,
	0xa9e391615ee61b08, 0x6599855f14a06840,
}

// trigReduceCW is the vector kernels' reduction for ax = |x| <= trigF64Max:
// ax = q*pi/2 + (hi+lo) with |hi+lo| <= pi/4 (plus an ulp) as a double-double.
// The first FMA is exact (ax and q*pio2C1 lie on a common grid and the
// difference is below 1), q*pio2C2 is split exactly by an FMA, and the rest is a
// two-sum, so hi+lo keeps about 100 bits however close ax is to a multiple of pi/2.
func trigReduceCW(ax float64) (q uint64, hi, lo float64) {
	qf := math.RoundToEven(ax * twoOverPi)
	r1 := math.FMA(-qf, pio2C1, ax)
	ph := float64(qf * pio2C2)
	pl := math.FMA(qf, pio2C2, -ph)
	s := r1 - ph
	bb := s - r1
	e := (r1 - (s - bb)) - (ph + bb) // two-sum error of r1 - ph
	lo = math.FMA(-qf, pio2C3, e-pl)
	hi = s + lo
	lo -= hi - s
	return math.Float64bits(qf + 0x1p52), hi, lo
}

// trigReducePH is the Payne–Hanek reduction for finite ax = |x| >= 1: it multiplies
// the 53-bit integer mantissa of ax by a 256-bit window of 2/pi, keeps the product
// modulo 4 (two bits of quadrant, 128 bits of fraction), and converts the fraction
// to a double-double times pi/2. Go's math.Sin rounds that fraction to a single
// float64 and loses up to ~100 ULPs when it is small; this keeps it to ~2^-100.
func trigReducePH(ax float64) (q uint64, hi, lo float64) {
	b := math.Float64bits(ax)
	exp := int(b>>52&0x7ff) - 1075 // ax = ix * 2^exp
	ix := b&(1<<52-1) | 1<<52
	// The window starts at bit index exp-1 of 2/pi: earlier bits contribute
	// multiples of 4 to ix * 2^exp * 2/pi.
	g := uint(exp - 1 + 63)
	word, shift := g/64, g%64
	var f [4]uint64
	for k := range f {
		f[k] = twoOverPiBits[word+uint(k)]<<shift | twoOverPiBits[word+uint(k)+1]>>(64-shift)
	}
	h3, _ := bits.Mul64(ix, f[3])
	h2, l2 := bits.Mul64(ix, f[2])
	h1, l1 := bits.Mul64(ix, f[1])
	w2, c := bits.Add64(l2, h3, 0)
	w1, c := bits.Add64(l1, h2, c)
	w0, _ := bits.Add64(ix*f[0], h1, c)
	// w0:w1:w2 = (product mod 4) * 2^190.
	q = w0 >> 62
	f0, f1 := w0<<2|w1>>62, w1<<2|w2>>62 // the fraction in units of 2^-128
	neg := f0>>63 != 0
	if neg { // fraction >= 1/2: round the quadrant up and negate
		q++
		var borrow uint64
		f1, borrow = bits.Sub64(0, f1, 0)
		f0, _ = bits.Sub64(0, f0, borrow)
	}
	extra := 0
	if f0 == 0 {
		f0, f1, extra = f1, 0, 64
	}
	if f0 == 0 {
		return q & 3, 0, 0
	}
	lz := bits.LeadingZeros64(f0)
	n0, n1 := f0<<lz|f1>>(64-lz), f1<<lz
	fh := math.Ldexp(float64(n0>>11), -53-lz-extra)
	fl := math.Ldexp(float64(n0<<53|n1>>11), 11-128-lz-extra)
	// (fh+fl) * pi/2 as a double-double.
	ph := float64(fh * pio2C1)
	pl := math.FMA(fh, pio2C1, -ph) + (float64(fh*pio2C2) + float64(fl*pio2C1))
	hi = ph + pl
	lo = pl - (hi - ph)
	if neg {
		hi, lo = -hi, -lo
	}
	return q & 3, hi, lo
}

// trigReduce reduces ax = |x|: Cody–Waite up to trigF64Max (NaN passes through it),
// Payne–Hanek beyond; ok is false for +Inf, whose sine, cosine and tangent are NaN.
func trigReduce(ax float64) (q uint64, hi, lo float64, ok bool) {
	switch {
	case ax <= trigF64Max || ax != ax:
		q, hi, lo = trigReduceCW(ax)
	case ax > math.MaxFloat64:
		return 0, 0, 0, false
	default:
		q, hi, lo = trigReducePH(ax)
	}
	return q, hi, lo, true
}
