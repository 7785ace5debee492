package asm

// StreamCopy copies src to dst (len(src) bytes; dst must be at least as long) with
// non-temporal stores where the CPU has them (amd64 with AVX2): the stores bypass the
// caches and skip reading dst's lines first, which saves a quarter of the memory
// traffic of an element-wise expression over arrays larger than the cache. The data
// is visible to other goroutines once StreamCopy returns. Elsewhere it is copy.
func StreamCopy(dst, src []byte) {
	n := len(src)
	if n == 0 {
		return
	}
	dst = dst[:n]
	if !streamSupported() || n < 256 {
		copy(dst, src)
		return
	}
	// Plain copies up to dst's first 64-byte boundary and after its last one.
	head := int((64 - uintptr(unsafePointer(dst))%64) % 64)
	body := (n - head) &^ 63
	copy(dst[:head], src[:head])
	streamCopy64(dst[head:head+body], src[head:head+body])
	copy(dst[head+body:], src[head+body:])
}
