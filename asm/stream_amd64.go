//go:build !noasm && gc

package asm

import "unsafe"

func streamSupported() bool { return active >= LevelAVX2 }

func unsafePointer(b []byte) unsafe.Pointer { return unsafe.Pointer(unsafe.SliceData(b)) }

// streamCopy64 copies len(src) bytes, a multiple of 64, to dst, 64-byte aligned,
// with non-temporal stores, and fences them.
//
//go:noescape
func streamCopy64(dst, src []byte)
