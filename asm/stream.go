package asm

import "unsafe"

// StreamCopy copies n bytes from src to dst (which must not overlap) with
// non-temporal stores where the level has them (AVX2 and AVX-512): the stores bypass
// the caches and the lines are not read first, which saves a third of the memory
// traffic of writing an array much larger than the last-level cache that will not be
// read again soon. The bytes before dst's first 64-byte boundary and after its last
// are copied by ordinary stores. Call StoreFence before another goroutine reads what
// StreamCopy wrote. Below AVX2 it is copy.
func StreamCopy(dst, src unsafe.Pointer, n int) {
	if n <= 0 {
		return
	}
	d, s := unsafe.Slice((*byte)(dst), n), unsafe.Slice((*byte)(src), n)
	head := int((64 - uintptr(dst)%64) % 64)
	if active < LevelAVX2 || n < head+64 {
		copy(d, s)
		return
	}
	body := (n - head) &^ 63
	copy(d[:head], s[:head])
	streamCopy64(unsafe.Pointer(&d[head]), unsafe.Pointer(&s[head]), body)
	copy(d[head+body:], s[head+body:])
}

// StoreFence orders the calling thread's earlier non-temporal stores (StreamCopy's)
// before its later stores, so that a goroutine that synchronizes with it afterwards
// sees them. It does nothing where StreamCopy has no such stores.
func StoreFence() {
	if active >= LevelAVX2 {
		storeFence()
	}
}
