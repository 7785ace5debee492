package asm

// Constants of the log1p, log2 and log10 kernels (math_logfam_scalar.go and
// math_logfam_amd64.s). The polynomials are the log kernel's (math_coef.go, fitted
// by asm/internal/mpgen/fit.py: log((1+s)/(1-s)) = 2s + s*z*g(z), z = s*s), copied
// under this family's names so that refits of log do not change these kernels
// without their tests being rerun. The double-double constants were printed with
// mpmath at 300 bits.
const (
	logFamSqrt2 = 1.4142135623730951

	// float64 kernel: g(z) of degree 6 in z.
	logFamC0 = 0.666666666666667
	logFamC1 = 0.39999999999898905
	logFamC2 = 0.285714286262473
	logFamC3 = 0.2222221109044554
	logFamC4 = 0.18182892354942654
	logFamC5 = 0.15331614298732416
	logFamC6 = 0.14617775335974037

	logFamLn2Hi = 6.93147180369123816490e-01 // ln2 with the low 21 bits clear: e*logFamLn2Hi is exact
	logFamLn2Lo = 1.90821492927058770002e-10 // ln2 - logFamLn2Hi
	logFamLn2   = 0.6931471805599453

	logFamInvLn2Hi, logFamInvLn2Lo   = 1.4426950408889634, 2.0355273740931033e-17 // 1/ln2
	logFamInvLn10Hi, logFamInvLn10Lo = 0.4342944819032518, 1.098319650216765e-17  // 1/ln10

	// log10(2) with the low 12 bits clear (e*logFamLog10of2Hi is exact for |e| < 2^12),
	// and the rest; logFamLog10of2 is log10(2) rounded.
	logFamLog10of2Hi = 0.30102999566383914
	logFamLog10of2Lo = 1.42050232272661e-13
	logFamLog10of2   = 0.3010299956639812

	logFamTiny = 0x1p-54 // log1p(x) = x below this (and keeps -0)
)

// float32 kernels (log2F32, log10F32, log1pF32), in float32 arithmetic with the
// float32 log kernel's polynomial (logF32P0..8 in math_f32_coef.go). Hi/lo pairs
// rounded from 300-bit values.
const (
	logFamF32InvLn2Hi  float32 = 1.442695     // float32(1/ln2)
	logFamF32InvLn2Lo  float32 = 1.925963e-08 // float32(1/ln2 - logFamF32InvLn2Hi)
	logFamF32InvLn10Hi float32 = 0.4342945
	logFamF32InvLn10Lo float32 = -1.010305e-08
	// log10(2) to 16 bits (e*logFamF32Log10of2Hi is exact for |e| < 2^8), and the rest.
	logFamF32Log10of2Hi float32 = 0.3010254
	logFamF32Log10of2Lo float32 = 4.605039e-06

	logFamF32Tiny float32 = 0x1p-29 // log1p(x) = x below this (and keeps -0)
)
