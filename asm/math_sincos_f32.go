package asm

import "math"

// float32 sin and cos in float32 lanes (16 per zmm, 8 per ymm): sinCosF32 is the
// element kernel that math_sincos_f32_amd64.s vectorizes step by step.
//
// Reduction, for |x| <= sinCosF32Max: q = round(|x|*2/pi), and |x| - q*pi/2 =
// hi + lo as a float32 pair, with pi/2 = pio2F32C1 + pio2F32C2 + pio2F32C3 (72 bits,
// off by 1.1e-23). r1 = |x| - q*C1 is exact (|x| and q*C1 lie on the grid of
// ulp(|x|), and |r1| < 2); q*C2 = ph + pl exactly (pl by an FMA); r1 - ph is a
// two-sum; the error terms and q*C3 go to lo, and hi + lo is renormalized. The
// absolute error of hi + lo is below q*2^-70, far below an ulp of the smallest
// |hi| a float32 below sinCosF32Max reaches (TestF32SinCosNearMultiples).
//
// Polynomials, degree 9 (sin) and 8 (cos) in r = hi + lo, y = hi*hi:
//
//	sin(r) = hi + (hi*y*S(y) + (lo - y/2*lo))
//	cos(r) = w + (((1 - w) - y/2) + (y*y*C(y) - (hi*lo + (hi*hi - y)/2))), w = 1 - y/2
//
// with separate products and sums (no FMA) except where an FMA is exact: r1, pl
// and hi*hi - y. The twin computes those three in float64, where they are exact as
// well, and writes every other product as float32(a*b), so that no compiler fuses
// it; it then runs at the speed of float32 arithmetic on every architecture.
//
// Lanes with |x| > sinCosF32Max (Inf included) are finished in Go by the float64
// kernel, rounded once to float32 (patchF32); NaN stays NaN.

const (
	sinCosF32Max float32 = 1 << 17

	twoOverPiF32 float32 = 0.6366197466850281
	pio2F32C1    float32 = 1.5707963705062866     // float32(pi/2)
	pio2F32C2    float32 = -4.371138828673793e-08 // float32(pi/2 - C1)
	pio2F32C3    float32 = -1.7151245100058819e-15

	// The float64-lane kernel's polynomials (math_coef.go) rounded to float32.
	sinF32S0 float32 = -0.1666666716337204
	sinF32S1 float32 = 0.008333331905305386
	sinF32S2 float32 = -0.00019840082677546889
	sinF32S3 float32 = 2.724932755882037e-06
	cosF32K0 float32 = 0.0416666679084301
	cosF32K1 float32 = -0.00138888880610466
	cosF32K2 float32 = 2.480059629306197e-05
	cosF32K3 float32 = -2.7300461624690797e-07
)

// sinCosF32 returns sin(x) for offset 0 and cos(x) for offset 1.
func sinCosF32(x float32, offset uint64) float32 {
	ax := math.Float32frombits(math.Float32bits(x) &^ (1 << 31))
	if ax > sinCosF32Max {
		return float32(sinCosF64(float64(x), offset))
	}
	q := float32(math.RoundToEven(float64(float32(ax * twoOverPiF32))))
	r1 := float32(float64(ax) - float64(q)*float64(pio2F32C1)) // exact
	ph := float32(q * pio2F32C2)
	pl := float32(float64(q)*float64(pio2F32C2) - float64(ph)) // exact
	s := r1 - ph
	bb := s - r1
	e := (r1 - (s - bb)) - (ph + bb) // two-sum error of r1 - ph
	lo := (e - pl) - float32(q*pio2F32C3)
	hi := s + lo
	lo -= hi - s
	y := float32(hi * hi)

	sp := float32(sinF32S3*y) + sinF32S2
	sp = float32(sp*y) + sinF32S1
	sp = float32(sp*y) + sinF32S0
	hy := float32(0.5 * y)
	sinr := hi + (float32(float32(hi*y)*sp) + (lo - float32(hy*lo)))

	cp := float32(cosF32K3*y) + cosF32K2
	cp = float32(cp*y) + cosF32K1
	cp = float32(cp*y) + cosF32K0
	w := 1 - hy
	hh := float32(float64(hi)*float64(hi) - float64(y)) // exact
	u := float32(hi*lo) + float32(0.5*hh)
	cosr := w + (((1 - w) - hy) + (float32(float32(y*y)*cp) - u))

	n := math.Float32bits(q+0x1p23) + uint32(offset)
	rr := sinr
	if n&1 != 0 {
		rr = cosr
	}
	b := math.Float32bits(rr) ^ (n&2)<<30
	if offset == 0 {
		b ^= math.Float32bits(x) & (1 << 31) // sin is odd
	}
	return math.Float32frombits(b)
}
