package asm

import "math"

// Powers of a constant base, s**y[i] (numexpr's `2 ** a`, `10 ** a`): the compiler
// passes the base as a scalar operand, so its logarithm, the first half of pow, is
// computed once per call instead of once per element. The results are PowF64's
// and PowF32's with every x[i] = s, bit for bit (the second half is the same code),
// at every level.

// ScalarPowF64 sets dst[i] = s**y[i] for every i: PowF64(dst, x, y) with every
// x[i] = s.
func ScalarPowF64(dst, y []float64, s float64) {
	checkLen2("ScalarPowF64", len(dst), len(y))
	if !(s > 0) || s > math.MaxFloat64 {
		scalarPowBroadcast(dst, y, s, PowF64)
		return
	}
	ix := math.Float64bits(s)
	if ix < 1<<52 { // subnormal: normalized as in powF64Special
		ix = math.Float64bits(s*0x1p52) - 52<<52
	}
	hi, lo := powLog(ix)
	if active < LevelAVX2 {
		for i, v := range y[:len(dst)] {
			dst[i] = scalarPowF64(s, v, hi, lo)
		}
		return
	}
	var yb [powChunk]float64
	for len(y) > 0 {
		n := min(len(y), powChunk)
		copy(yb[:n], y[:n]) // dst may alias y
		var patch bool
		if active >= LevelAVX512 {
			patch = scalarPowF64AVX512(dst[:n], yb[:n], hi, lo)
		} else {
			patch = scalarPowF64AVX2(dst[:n], yb[:n], hi, lo)
		}
		if patch {
			for i, v := range dst[:n] {
				if v != v {
					dst[i] = powF64(s, yb[i])
				}
			}
		}
		dst, y = dst[n:], y[n:]
	}
}

// scalarPowF64 is powF64(s, y) for a finite s > 0 with powLog(s) = hi + lo.
func scalarPowF64(s, y, hi, lo float64) float64 {
	if iy := math.Float64bits(y); (iy<<1)-1 >= 0xffe0000000000000-1 {
		return powF64(s, y) // y zero, infinite or NaN
	}
	return powExpYLog(y, hi, lo)
}

// ScalarPowF32 sets dst[i] = s**y[i] for every i: PowF32(dst, x, y) with every
// x[i] = s.
func ScalarPowF32(dst, y []float32, s float32) {
	checkLen2("ScalarPowF32", len(dst), len(y))
	if !(s > 0) || s > math.MaxFloat32 {
		scalarPowBroadcast(dst, y, s, PowF32)
		return
	}
	l := powF32Log2(float64(s))
	if active < LevelAVX2 {
		for i, v := range y[:len(dst)] {
			dst[i] = scalarPowF32(s, v, l)
		}
		return
	}
	var yb [powChunk]float32
	for len(y) > 0 {
		n := min(len(y), powChunk)
		copy(yb[:n], y[:n])
		var patch bool
		if active >= LevelAVX512 {
			patch = scalarPowF32AVX512(dst[:n], yb[:n], l)
		} else {
			patch = scalarPowF32AVX2(dst[:n], yb[:n], l)
		}
		if patch {
			for i, v := range dst[:n] {
				if v != v {
					dst[i] = powF32(s, yb[i])
				}
			}
		}
		dst, y = dst[n:], y[n:]
	}
}

// scalarPowF32 is powF32(s, y) for a finite s > 0 with powF32Log2(s) = l.
func scalarPowF32(s, y float32, l float64) float32 {
	if iy := math.Float32bits(y); (iy<<1)-1 >= 0xff000000-1 {
		return powF32(s, y) // y zero, infinite or NaN
	}
	v := powF32Exp2(float64(float64(y) * l))
	if r := float32(v); r == float32(float64(v*(1-powF32Tie))) && r == float32(float64(v*(1+powF32Tie))) {
		return r
	}
	return powF32(s, y)
}

// scalarPowBroadcast runs pow on chunks of a buffer holding s: the bases off the
// fast path (s <= 0, infinite or NaN), where the result depends on each y.
func scalarPowBroadcast[T float32 | float64](dst, y []T, s T, pow func(dst, x, y []T)) {
	var xb [powChunk]T
	for i := range xb {
		xb[i] = s
	}
	for len(y) > 0 {
		n := min(len(y), powChunk)
		pow(dst[:n], xb[:n], y[:n])
		dst, y = dst[n:], y[n:]
	}
}
