//go:build !noasm && gc

package asm

// mulC128AVX is MulC128 with AVX: two complex numbers per 256-bit register, the real
// parts duplicated (VMOVDDUP), the imaginary parts duplicated and the other factor's
// parts swapped (VPERMILPD), two products and one VADDSUBPD. AVX2 and AVX-512 CPUs
// have it.
//
//go:noescape
func mulC128AVX(dst, x, y []complex128)

// divC128AVX2 is DivC128 with AVX2 on an even number of elements: both branches of
// Smith's algorithm for two numbers per register, chosen lane by lane (VBLENDVPD), and
// the zero divisor's quotient blended in last.
//
//go:noescape
func divC128AVX2(dst, x, y []complex128)

// absC128AVX2 is AbsC128 with AVX2 on an even number of elements: math.Hypot's
// operations on both orders of the parts, the special values blended in.
//
//go:noescape
func absC128AVX2(dst []float64, x []complex128)

// mulC64AVX is MulC64 with AVX on a multiple of four elements (VMOVSLDUP, VMOVSHDUP,
// VPERMILPS, VMULPS, VADDSUBPS).
//
//go:noescape
func mulC64AVX(dst, x, y []complex64)
