package asm

// Constants of the log1p, log2 and log10 kernels (math_logfam_scalar.go and
// math_logfam_amd64.s). The float64 kernels use the log kernel's split and polynomial
// (sqrt2, logF64C0..6, ln2Hi, ln2Lo in math_coef.go); the double-double constants
// below were printed with mpmath at 300 bits.
const (
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
