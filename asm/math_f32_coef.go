package asm

// Constants of the float32 exp and log kernels (expF32, logF32), which compute in
// float32 arithmetic. The polynomials come from asm/_gen/mpgen/fit_f32.py
// (float32 coefficients fitted one at a time, each refit absorbing the rounding
// of the ones before); its printed errors are relative to exp(r) and log1p(f).

// exp: x = k*ln2 + r, |r| <= ln2/2, exp(r) = 1 + r + r^2*G(r).
const (
	expF32Log2e float32 = 1.4426950216293335
	expF32Ln2Hi float32 = 0.6931471824645996      // float32(ln2): x - k*expF32Ln2Hi is exact (see expF32)
	expF32Ln2Lo float32 = -1.9046542121259336e-09 // float32(ln2 - expF32Ln2Hi)
	expF32Max   float32 = 89                      // exp(89) > MaxFloat32: +Inf
	expF32Min   float32 = -104                    // exp(-104) < 2^-150: +0

	// expF32: degree 4 on [-0.346912, 0.346912], max error 0.0527 * 2^-24
	expF32P0 float32 = 0.4999999403953552
	expF32P1 float32 = 0.1666652113199234
	expF32P2 float32 = 0.041668277233839035
	expF32P3 float32 = 0.008368685841560364
	expF32P4 float32 = 0.0013819762971252203
)

// log: x = m*2^e, m in [c, 2c) with c = float32(sqrt(2)/2), f = m-1,
// log1p(f) = f - f^2/2 + f^3*R(f).
const (
	logF32C             = 0x3f3504f3            // the bits of c
	logF32Ln2Hi float32 = 0.693145751953125     // ln2 to 16 bits: e*logF32Ln2Hi is exact for |e| < 2^8
	logF32Ln2Lo float32 = 1.428606765330187e-06 // float32(ln2 - logF32Ln2Hi)

	// logF32: degree 8 on [-0.293179, 0.414618], max error 0.0131 * 2^-24
	logF32P0 float32 = 0.3333331346511841
	logF32P1 float32 = -0.25000008940696716
	logF32P2 float32 = 0.20002077519893646
	logF32P3 float32 = -0.1666800081729889
	logF32P4 float32 = 0.142201766371727
	logF32P5 float32 = -0.12405800074338913
	logF32P6 float32 = 0.1188478022813797
	logF32P7 float32 = -0.11673808097839355
	logF32P8 float32 = 0.06750869750976562
)
