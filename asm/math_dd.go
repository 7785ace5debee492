package asm

import "math"

// Exact sums and products for the element kernels and their twins: a double-double
// value is hi + lo with |lo| <= ulp(hi)/2 (after normalization).

// Double-double constants, printed by asm/_gen/mpgen/fit.py --tables.
const (
	ddPio2Hi, ddPio2Lo       = 1.5707963267948966, 6.123233995736766e-17
	ddPio8Hi, ddPio8Lo       = 0.39269908169872414, 1.5308084989341915e-17
	ddPiHi, ddPiLo           = 3.141592653589793, 1.2246467991473532e-16
	ddLn2Hi, ddLn2Lo         = 0.6931471805599453, 2.3190468138462996e-17
	ddTanPio8Hi, ddTanPio8Lo = 0.41421356237309503, 1.4349369327986523e-17
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
