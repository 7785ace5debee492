package asm

import (
	"bytes"
	"testing"
	"unsafe"
)

// TestStreamCopy copies every length to 700 bytes (and one of 1 MiB) to every
// alignment of dst and src within a cache line, at every level, and checks the
// bytes copied and the guard bytes around dst, which must be untouched.
func TestStreamCopy(t *testing.T) {
	const guard = 128
	src := make([]byte, 1<<20+256)
	for i := range src {
		src[i] = byte(i*7 + i>>8)
	}
	for _, l := range levels() {
		atLevel(t, l, func() {
			for _, n := range append(lengths(700), 1<<20) {
				buf := make([]byte, n+3*guard)
				for da := 0; da < 64; da += 1 + n%5 {
					sa := (da*3 + n) % 64
					for i := range buf {
						buf[i] = 0xA5
					}
					base := guard - int(uintptr(unsafe.Pointer(&buf[guard]))%64) + da
					StreamCopy(unsafe.Pointer(&buf[base]), unsafe.Pointer(&src[sa]), n)
					StoreFence()
					if !bytes.Equal(buf[base:base+n], src[sa:sa+n]) {
						t.Fatalf("level %v: %d bytes to offset %d from %d: copy differs", l, n, da, sa)
					}
					for i, b := range buf {
						if (i < base || i >= base+n) && b != 0xA5 {
							t.Fatalf("level %v: %d bytes to offset %d: byte %d outside written", l, n, da, i-base)
						}
					}
				}
			}
		})
	}
	StreamCopy(nil, nil, 0) // nothing to copy: no access
}

func lengths(max int) []int {
	ns := make([]int, 0, max+1)
	for n := 0; n <= max; n++ {
		ns = append(ns, n)
	}
	return ns
}
