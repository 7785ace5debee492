package asm

import (
	"math"
	"unsafe"
)

// PowF64 sets dst[i] = x[i]**y[i] for every i; special values as math.Pow.
// With AVX2 or AVX-512, math_pow_amd64.s computes powCore (powF32Core for PowF32)
// on 4 or 8 lanes, bit for bit, with the table lookups as gathers; the lanes off
// the fast path are finished here by the scalar routine.
func PowF64(dst, x, y []float64) {
	checkLen3("PowF64", "dst x y", len(dst), len(x), len(y))
	if active >= LevelAVX2 {
		powF64Vec(dst, x, y)
		return
	}
	dst = dst[:len(x)]
	y = y[:len(x)]
	for i, v := range x {
		dst[i] = powF64(v, y[i])
	}
}

// powF64Vec runs the AVX-512 or AVX2 kernel through powVec.
func powF64Vec(dst, x, y []float64) { powVec(dst, x, y, powF64, math.MaxFloat64, 0x1p-1022, 0x1p53) }

// powF32Vec is powF64Vec for float32: the kernel also leaves NaN where a result is
// too close to a float32 rounding boundary for powF32Core.
func powF32Vec(dst, x, y []float32) { powVec(dst, x, y, powF32, math.MaxFloat32, 0x1p-126, 0x1p24) }

// powKernel runs the AVX-512 or AVX2 pow kernel of T (a direct call, so that the
// kernels' arguments stay on the caller's stack).
func powKernel[T float32 | float64](dst, x, y []T) bool {
	if unsafe.Sizeof(dst[:1][0]) == 8 {
		d, a, b := retype[float64](dst), retype[float64](x), retype[float64](y)
		if active >= LevelAVX512 {
			return powF64AVX512(d, a, b)
		}
		return powF64AVX2(d, a, b)
	}
	d, a, b := retype[float32](dst), retype[float32](x), retype[float32](y)
	if active >= LevelAVX512 {
		return powF32AVX512(d, a, b)
	}
	return powF32AVX2(d, a, b)
}

// retype is s as a slice of U, a type of the same size.
func retype[U, T any](s []T) []U {
	return unsafe.Slice((*U)(unsafe.Pointer(unsafe.SliceData(s))), len(s))
}

const powChunk = 256

// powVec runs powKernel on chunks of powChunk elements copied to the stack (dst may
// alias x or y) and finishes the lanes it left NaN (off its fast path: specials, x
// subnormal, |y*log(x)| > 700) with scalar. A normal negative x is x = -|x|: with a
// non-integer y the result is NaN; with an integer y the lane computes |x|**y,
// negated for an odd y (from odd on every integer of T is even), which is the scalar
// routine's own negative path, so the same bits.
func powVec[T float32 | float64](dst, x, y []T, scalar func(x, y T) T, max, minNormal, odd T) {
	dst = dst[:len(x)]
	y = y[:len(x)]
	var xb, yb [powChunk]T
	var sign [powChunk]int8 // for a negative x: 1 (result as is), -1 (negated) or 0 (NaN)
	var at [powChunk]uint8  // the lanes of negative x, less one
	for len(x) > 0 {
		n := min(len(x), powChunk)
		copy(yb[:n], y[:n])
		m := 0
		for i, v := range x[:n] {
			xb[i] = v
			if v <= -minNormal && v >= -max && yb[i] >= -max && yb[i] <= max {
				yi := yb[i]
				switch {
				case float64(yi) != math.Trunc(float64(yi)):
					sign[m] = 0
				case yi > -odd && yi < odd && int64(yi)&1 == 1:
					sign[m] = -1
				default:
					sign[m] = 1
				}
				xb[i], at[m] = -v, uint8(i)
				m++
			}
		}
		if powKernel(dst[:n], xb[:n], yb[:n]) {
			for i, v := range dst[:n] {
				if v != v {
					dst[i] = scalar(xb[i], yb[i])
				}
			}
		}
		for k, i := range at[:m] {
			switch sign[k] {
			case 0:
				dst[i] = T(math.NaN())
			case -1:
				dst[i] = -dst[i]
			}
		}
		dst, x, y = dst[n:], x[n:], y[n:]
	}
}

// PowF32 sets dst[i] = x[i]**y[i] for every i; special values as math.Pow.
func PowF32(dst, x, y []float32) {
	checkLen3("PowF32", "dst x y", len(dst), len(x), len(y))
	if active >= LevelAVX2 {
		powF32Vec(dst, x, y)
		return
	}
	dst = dst[:len(x)]
	y = y[:len(x)]
	for i, v := range x {
		dst[i] = powF32(v, y[i])
	}
}

// pow, float64: x**y = e^(y*log(x)) with log(x) a double-double good to about 2^-68
// relative, y*log(x) split exactly, and e^(hi+lo) from a table of 2^(j/128) (tables
// and polynomials in math_coef.go): within 0.51 ULP on the reference data.
//
// The fast path uses no math.FMA: where GOAMD64 < v3 each math.FMA is a branch on
// the CPU's FMA support that makes Go spill every live register around it, which
// costs more than the arithmetic. The exact steps use products that are exact by
// construction (operands split by masking their low bits), the others rounded
// products written as float64(x*y) so that no compiler fuses them.

// powF64 takes the fast path for normal x > 0 and finite y != 0.
func powF64(x, y float64) float64 {
	ix := math.Float64bits(x)
	iy := math.Float64bits(y)
	if ix-0x0010000000000000 >= 0x7ff0000000000000-0x0010000000000000 ||
		(iy<<1)-1 >= 0xffe0000000000000-1 {
		return powF64Special(x, y)
	}
	return powCore(ix, y)
}

// powF64Special handles x <= 0, subnormal x, x or y NaN or Inf, and y == 0.
func powF64Special(x, y float64) float64 {
	switch {
	case y == 0 || x == 1:
		return 1
	case x != x || y != y || x == 0 || math.IsInf(x, 0) || math.IsInf(y, 0):
		return math.Pow(x, y)
	}
	negate := false
	if x < 0 {
		yi, yf := math.Modf(y)
		if yf != 0 {
			return math.NaN()
		}
		negate = math.Abs(yi) < 0x1p53 && int64(yi)&1 == 1
		x = -x
	}
	ix := math.Float64bits(x)
	if ix < 1<<52 { // subnormal: normalize, keeping the exponent in the (wrapped) bits
		ix = math.Float64bits(x*0x1p52) - 52<<52
	}
	r := powCore(ix, y)
	if negate {
		r = -r
	}
	return r
}

// splitHi returns x with the low 27 bits of its significand cleared, 26 significant
// bits; x - splitHi(x) is exact and has at most 27, so a product of a high part
// with a high or low part is exact.
func splitHi(x float64) float64 {
	return math.Float64frombits(math.Float64bits(x) &^ (1<<27 - 1))
}

// powCore returns x**y for the bits ix of a finite x > 0 (a subnormal x normalized
// as in powF64Special) and a finite y != 0, in three steps (1 in powLog, 2 and 3 in
// powExpYLog, so that a constant base's logarithm is computed once: ScalarPowF64):
//
//  1. log(x) = k*ln2 + log(c) + log1p(r) as a double-double hi + lo, relative error
//     about 2^-68, where x = 2^k * z and r = z/c - 1 (see powLogTab);
//  2. y*log(x) as a double-double eh + el, y*hi split exactly (Dekker);
//  3. eh = (n + j/128)*ln2 + r, e^(eh+el) = 2^n * 2^(j/128) * e^(r+el), rounded once
//     (see powExpTab); powExpBig finishes |eh| > 700.
func powCore(ix uint64, y float64) float64 {
	hi, lo := powLog(ix)
	return powExpYLog(y, hi, lo)
}

// powLog is step 1 of powCore: log(x) as hi + lo for the bits ix of x (ScalarPowF64
// calls it once for its constant base).
func powLog(ix uint64) (hi, lo float64) {
	off := ix - powLogOff
	lt := &powLogTab[(off>>45)%128]
	invc := lt[0]
	k := float64(int64(off) >> 52)
	iz := ix - off&(0xfff<<52)
	z := math.Float64frombits(iz)
	zh := math.Float64frombits(iz &^ 0xff)           // 45 bits: zh*invc is exact (1/c has 8)
	r := float64(zh*invc) - 1 + float64((z-zh)*invc) // exact, |r| < 2^-7
	t1 := float64(k*powLn2Hi) + lt[1]                // exact
	t2 := t1 + r                                     // |t1| > |r| unless t1 == 0
	lo2 := t1 - t2 + r
	rh := splitHi(r) // -r^2/2 = -rh^2/2 (exact) + lo3
	rl := r - rh
	ar2 := float64(-0.5 * float64(rh*rh))
	lo3 := -(float64(rh*rl) + float64(0.5*float64(rl*rl)))
	hi = t2 + ar2 // |t2| > r^2/2
	lo4 := t2 - hi + ar2
	lo1 := float64(k*powLn2Lo) + lt[2]
	r2 := float64(r * r)
	p := powLogC4 + float64(r*powLogC5) + float64(r2*powLogC6)
	p = powLogC2 + float64(r*powLogC3) + float64(r2*p)
	p = powLogC0 + float64(r*powLogC1) + float64(r2*p)
	p = float64(float64(r2*r) * p) // log1p(r) - r + r^2/2
	lo = lo1 + lo2 + lo3 + lo4 + p
	h := hi + lo
	lo = hi - h + lo
	return h, lo
}

// powExpYLog is steps 2 and 3 of powCore: e^(y*(hi + lo)) for log(x) = hi + lo.
func powExpYLog(y, hi, lo float64) float64 {
	// 2. y*log(x)
	eh := float64(y * hi)
	yh, hh := splitHi(y), splitHi(hi)
	yl, hl := y-yh, hi-hh
	el := float64(yh*hh) - eh + float64(yh*hl) + float64(yl*hh) + float64(yl*hl)
	el += float64(y * lo)

	// 3. e^(eh+el)
	big := !(math.Abs(eh) <= 700)
	if big {
		switch {
		case eh > 709.79:
			return math.Inf(1)
		case !(eh >= -745.14):
			return 0
		}
	}
	kd := float64(eh*powInvLn2N) + powShift
	ki := math.Float64bits(kd)
	kd -= powShift
	r := eh - float64(kd*powLn2HiN) // exact
	r = r - float64(kd*powLn2LoN) + el
	et := &powExpTab[ki%128]
	r2 := float64(r * r)
	q := powExpC0 + float64(r*powExpC1) + float64(r2*(powExpC2+float64(r*powExpC3)))
	sbits := et.bits + ki<<45 // the exponent field may wrap where |eh| > 700
	em1 := et.tail + r + float64(r2*q)
	if big {
		return powExpBig(eh, sbits, em1)
	}
	scale := math.Float64frombits(sbits)
	return scale + float64(scale*em1) // scale*em1 is normal: |eh| <= 700
}

// powExpBig returns scale*(1+tmp) for 700 < |eh| <= 745.14, scale the float64
// with bits sbits, whose exponent field may have wrapped: the product is formed
// scaled by 2^±512 and rounded once, or twice in the subnormal range with the
// second rounding steered where the first made a tie.
func powExpBig(eh float64, sbits uint64, tmp float64) float64 {
	if eh > 0 {
		scale := math.Float64frombits(sbits - 512<<52)
		return (scale + float64(scale*tmp)) * 0x1p512
	}
	scale := math.Float64frombits(sbits + 512<<52)
	v := scale + float64(scale*tmp)
	r := v * 0x1p-512
	if d := v - float64(r*0x1p512); d == 0x1p-563 || d == -0x1p-563 {
		// v lies halfway between two subnormals: round by the part of the result
		// below v, unless it is within the error bound (an exact tie stays a tie).
		switch resid := math.FMA(scale, tmp, scale-v); {
		case resid > 0x1p-58*v:
			r = (v + 0x1p-563) * 0x1p-512
		case resid < -0x1p-58*v:
			r = (v - 0x1p-563) * 0x1p-512
		}
	}
	return r
}

// pow, float32: in float64, log2(x) from a 32-entry table and a degree-7 polynomial,
// t = y*log2(x), 2^t from a 32-entry table and a degree-4 polynomial, good to about
// 2^-42 relative before the rounding to float32. Where that rounding could go
// either way (the value lies within powF32Tie of a float32 rounding boundary: about
// 1 element in 1700 of random data) powF64 decides, so the result is powF64's
// rounded to float32 (as before this fast path), ties of exact cases included.
func powF32(x, y float32) float32 {
	ix := math.Float32bits(x)
	iy := math.Float32bits(y)
	if ix-1 >= 0x7f7fffff || (iy<<1)-1 >= 0xff000000-1 {
		return powF32Special(x, y)
	}
	v := powF32Core(float64(x), float64(y))
	if r := float32(v); r == float32(float64(v*(1-powF32Tie))) && r == float32(float64(v*(1+powF32Tie))) {
		return r
	}
	return float32(powF64(float64(x), float64(y)))
}

// powF32Tie bounds powF32Core's relative error, with a margin.
const powF32Tie = 0x1p-36

// powF32Special handles x <= 0 (through powF32Core where y is a nonzero integer),
// x or y NaN or Inf, and y == 0, as float32(powF64(x, y)).
func powF32Special(x, y float32) float32 {
	if x < 0 && x >= -math.MaxFloat32 && y != 0 && math.Abs(float64(y)) <= math.MaxFloat32 {
		yd := float64(y)
		if yd != math.Trunc(yd) {
			return float32(math.NaN())
		}
		v := powF32Core(-float64(x), yd)
		if r := float32(v); r == float32(float64(v*(1-powF32Tie))) && r == float32(float64(v*(1+powF32Tie))) {
			if math.Abs(yd) < 0x1p24 && int32(yd)&1 == 1 {
				r = -r
			}
			return r
		}
	}
	return float32(powF64(float64(x), float64(y)))
}

// powF32Core returns x**y, about 2^-42 relative, for x > 0 and y finite and nonzero,
// float32 values (x subnormal included); +Inf or 0 where float32 overflows or
// underflows to 0.
func powF32Core(x, y float64) float64 {
	return powF32Exp2(float64(y * powF32Log2(x)))
}

// powF32Log2 is powF32Core's log2(x), about 2^-42 relative.
func powF32Log2(x float64) float64 {
	ix := math.Float64bits(x)
	tmp := ix - powF32LogOff
	e := &powF32LogTab[(tmp>>47)%32]
	k := float64(int64(tmp) >> 52)
	z := math.Float64frombits(ix - tmp&(0xfff<<52))
	r := float64(z*e[0]) - 1 // exact: z has 24 bits, 1/c 29
	r2 := float64(r * r)
	p := powF32LogC4 + float64(r*powF32LogC5) + float64(r2*powF32LogC6)
	p = powF32LogC2 + float64(r*powF32LogC3) + float64(r2*p)
	p = powF32LogC0 + float64(r*powF32LogC1) + float64(r2*p)
	return k + e[1] + float64(r*p)
}

// powF32Exp2 is powF32Core's 2^t for t = y*log2(x): +Inf from 128 and 0 below -151.
func powF32Exp2(t float64) float64 {
	switch {
	case !(t < 128):
		return math.Inf(1)
	case t < -151:
		return 0
	}
	kd := t + powF32Shift
	ki := math.Float64bits(kd)
	kd -= powF32Shift
	r := t - kd // exact, |r| <= 1/64
	r2 := float64(r * r)
	q := powF32ExpC0 + float64(r*powF32ExpC1) + float64(r2*(powF32ExpC2+float64(r*powF32ExpC3)))
	s := math.Float64frombits(powF32ExpTab[ki%32] + ki<<47)
	return s + float64(s*float64(r*q))
}
