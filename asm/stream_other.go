//go:build !amd64 || noasm || !gc

package asm

import "unsafe"

// StreamCopy's stand-ins on other builds; active never reaches LevelAVX2 there.

func streamCopy64(dst, src unsafe.Pointer, n int) {
	copy(unsafe.Slice((*byte)(dst), n), unsafe.Slice((*byte)(src), n))
}

func storeFence() {}
