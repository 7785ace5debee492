package asm

// Constants of the vector math kernels. The polynomial coefficients come from
// asm/internal/mpgen/fit.py (run it to see each fit's interval and error); the
// assembly reads the tables below by offset, so their order is part of the ABI
// between the Go twins and the .s files.

// exp: x = k*ln2 + r, |r| <= ln2/2, exp(r) = 1 + r + r^2*P(r).
const (
	log2e  = 1.4426950408889634
	ln2Hi  = 6.93147180369123816490e-01 // ln2 with the low 21 bits clear
	ln2Lo  = 1.90821492927058770002e-10 // ln2 - ln2Hi
	ln2F64 = 0.6931471805599453

	expF64Max = 710.0  // exp(x) overflows above this; clamping keeps k small
	expF64Min = -746.0 // exp(x) rounds to 0 below this
	expF32Max = 100.0  // float32 exp overflows above 88.73
	expF32Min = -110.0 // float32 exp rounds to 0 below -103.98

	expF64C0 = 0.5000000000000001
	expF64C1 = 0.16666666666666669
	expF64C2 = 0.04166666666662383
	expF64C3 = 0.008333333333330039
	expF64C4 = 0.0013888888917363079
	expF64C5 = 0.00019841269863168478
	expF64C6 = 2.480152106407653e-05
	expF64C7 = 2.7557268281679976e-06
	expF64C8 = 2.762019864323475e-07
	expF64C9 = 2.5100470238808523e-08

	expF32C0 = 0.5000000013536827
	expF32C1 = 0.16666666681702103
	expF32C2 = 0.04166646421638587
	expF32C3 = 0.00833331084675566
	expF32C4 = 0.0013933728612795888
	expF32C5 = 0.0001989107812861384
)

// log: x = 2^e * m, sqrt(2)/2 <= m < sqrt(2), f = m-1, s = f/(2+f), z = s^2,
// log(m) = f - hfsq + s*(hfsq + z*P(z)) with hfsq = f*f/2.
const (
	sqrt2 = 1.4142135623730951

	logF64C0 = 0.666666666666667
	logF64C1 = 0.39999999999898905
	logF64C2 = 0.285714286262473
	logF64C3 = 0.2222221109044554
	logF64C4 = 0.18182892354942654
	logF64C5 = 0.15331614298732416
	logF64C6 = 0.14617775335974037

	logF32C0 = 0.6666666655405269
	logF32C1 = 0.40000122203083
	logF32C2 = 0.2855077962236631
	logF32C3 = 0.2333158758212219
)

// sin, cos: |x| = q*pi/2 + r, |r| <= pi/4 (plus an ulp), y = r^2,
// sin(r) = r + r*y*S(y), cos(r) = 1 - y/2 + y*y*C(y).
const (
	twoOverPi = 0.6366197723675814
	pio2C1    = 1.5707963267948966      // pi/2 rounded to float64
	pio2C2    = 6.123233995736766e-17   // pi/2 - pio2C1, rounded
	pio2C3    = -1.4973849048591698e-33 // pi/2 - pio2C1 - pio2C2, rounded

	// Beyond these |x| the vector paths leave the element to Go's math.Sin/Cos
	// (Payne–Hanek reduction); NaN stays in the vector path.
	trigF64Max = 1 << 30
	trigF32Max = 1 << 24

	sinF64C0 = -0.16666666666666666
	sinF64C1 = 0.008333333333330925
	sinF64C2 = -0.0001984126983672327
	sinF64C3 = 2.7557316084256553e-06
	sinF64C4 = -2.5051128035576778e-08
	sinF64C5 = 1.5917855108513334e-10

	cosF64C0 = 0.041666666666666664
	cosF64C1 = -0.0013888888888887382
	cosF64C2 = 2.4801587298743602e-05
	cosF64C3 = -2.755731726028422e-07
	cosF64C4 = 2.0876143885273595e-09
	cosF64C5 = -1.1382460896777354e-11

	sinF32C0 = -0.16666666663833293
	sinF32C1 = 0.008333331866165009
	sinF32C2 = -0.0001984008212361288
	sinF32C3 = 2.7249328399395948e-06

	cosF32C0 = 0.04166666666430285
	cosF32C1 = -0.0013888887664885205
	cosF32C2 = 2.4800596528136186e-05
	cosF32C3 = -2.730046059204174e-07
)
