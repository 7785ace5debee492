package asm

// expFamCore's polynomial: e^r = 1 + r + r^2/2 + r^3 Q(r) for |r| <= ln2/2 (plus
// 2^-10), Q of degree 9, fitted like asm/_gen/mpgen/fit.py does (mpmath
// chebyfit at 200 bits, coefficients rounded to float64) to
// g(r) = (expm1(r) - r - r^2/2)/r^3: max relative error 1.25e-16 of Q, so
// |r^3 (Q - g)| < 2^-60. Keeping r^2/2 out of the polynomial (it is added
// exactly, as a double-double) removes expF64's largest error term, the rounding
// of its constant coefficient 1/2 (about 2^-57 absolute at |r| = ln2/2), which
// 2^k (h + l) - 1 would magnify up to 3.4 times for k = 1.
const (
	expFamC0 = 0.16666666666666669
	expFamC1 = 0.041666666666666664
	expFamC2 = 0.008333333333330039
	expFamC3 = 0.0013888888888886537
	expFamC4 = 0.00019841269863168478
	expFamC5 = 2.4801587317226525e-05
	expFamC6 = 2.7557268281679976e-06
	expFamC7 = 2.75572828422099e-07
	expFamC8 = 2.5100470238808523e-08
	expFamC9 = 2.091129714711246e-09
)

// expFamCoreF32's polynomial (the float32 exp kernel's before it moved to float32
// lanes): e^r = 1 + r + r^2 P(r) for |r| <= ln2/2 in float64, P of degree 5; its
// error is far below a float32 ULP.
const (
	expFamF32C0 = 0.5000000013536827
	expFamF32C1 = 0.16666666681702103
	expFamF32C2 = 0.04166646421638587
	expFamF32C3 = 0.00833331084675566
	expFamF32C4 = 0.0013933728612795888
	expFamF32C5 = 0.0001989107812861384
)
