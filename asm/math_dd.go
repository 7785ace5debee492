package asm

import "math"

// Double-double arithmetic for the scalar twins of the functions without
// assembly: a value is hi + lo with |lo| <= ulp(hi)/2 (after normalization).

// Double-double constants, printed by asm/internal/mpgen/fit.py --tables.
const (
	ddPio2Hi, ddPio2Lo       = 1.5707963267948966, 6.123233995736766e-17
	ddPio8Hi, ddPio8Lo       = 0.39269908169872414, 1.5308084989341915e-17
	ddPiHi, ddPiLo           = 3.141592653589793, 1.2246467991473532e-16
	ddInvLn2Hi, ddInvLn2Lo   = 1.4426950408889634, 2.0355273740931033e-17
	ddInvLn10Hi, ddInvLn10Lo = 0.4342944819032518, 1.098319650216765e-17
	ddLn2Hi, ddLn2Lo         = 0.6931471805599453, 2.3190468138462996e-17
	ddTanPio8Hi, ddTanPio8Lo = 0.41421356237309503, 1.4349369327986523e-17

	tanPio16  = 0.19891236737965800691 // atan's reduction breakpoints
	tan3Pio16 = 0.66817863791929891999
)

// twoSum returns s = fl(a+b) and the exact error e = a + b - s.
func twoSum(a, b float64) (s, e float64) {
	s = a + b
	bb := s - a
	return s, (a - (s - bb)) + (b - bb)
}

// fastTwoSum is twoSum for |a| >= |b| (or a == 0).
func fastTwoSum(a, b float64) (s, e float64) {
	s = a + b
	return s, b - (s - a)
}

// twoProd returns p = fl(a*b) and the exact error e = a*b - p.
func twoProd(a, b float64) (p, e float64) {
	p = float64(a * b)
	return p, math.FMA(a, b, -p)
}

func ddAdd(ah, al, bh, bl float64) (float64, float64) {
	s, e := twoSum(ah, bh)
	return fastTwoSum(s, e+(al+bl))
}

func ddMul(ah, al, bh, bl float64) (float64, float64) {
	p, e := twoProd(ah, bh)
	return fastTwoSum(p, e+(float64(ah*bl)+float64(al*bh)))
}

func ddDiv(ah, al, bh, bl float64) (float64, float64) {
	q := ah / bh
	r := math.FMA(-q, bh, ah) + (al - float64(q*bl))
	return fastTwoSum(q, r/bh)
}
