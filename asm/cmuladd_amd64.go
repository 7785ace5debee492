//go:build !noasm && gc

package asm

// mulAddC128AVX is MulAddC128 with AVX: mulC128AVX's product of two numbers per
// 256-bit register, then one VADDPD of z's parts before the store.
//
//go:noescape
func mulAddC128AVX(dst, x, y, z []complex128)
