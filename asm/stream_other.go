//go:build noasm || !gc || !amd64

package asm

import "unsafe"

func streamSupported() bool { return false }

func unsafePointer(b []byte) unsafe.Pointer { return unsafe.Pointer(unsafe.SliceData(b)) }

func streamCopy64(dst, src []byte) { copy(dst, src) }
