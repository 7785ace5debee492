//go:build !noasm && gc

package asm

// mulC128AVX is MulC128 with AVX: two complex numbers per 256-bit register, the real
// parts duplicated (VMOVDDUP), the imaginary parts duplicated and the other factor's
// parts swapped (VPERMILPD), two products and one VADDSUBPD. AVX2 and AVX-512 CPUs
// have it.
//
//go:noescape
func mulC128AVX(dst, x, y []complex128)
