//go:build !noasm && gc

package asm

import "unsafe"

// streamCopy64 copies n bytes, a multiple of 64, to a 64-byte aligned dst with
// non-temporal stores (stream_amd64.s, AVX2 instructions).
//
//go:noescape
func streamCopy64(dst, src unsafe.Pointer, n int)

// storeFence is SFENCE.
func storeFence()
