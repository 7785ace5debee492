package asm

import (
	"bytes"
	"testing"
)

func TestStreamCopy(t *testing.T) {
	src := make([]byte, 4096+200)
	for i := range src {
		src[i] = byte(i*7 + 3)
	}
	for _, n := range []int{0, 1, 63, 64, 255, 256, 257, 1000, 4096 + 100} {
		for off := range 70 {
			for _, soff := range []int{0, 1, 8} {
				dst := make([]byte, n+off+64)
				for i := range dst {
					dst[i] = 0xEE
				}
				StreamCopy(dst[off:off+n], src[soff:soff+n])
				if !bytes.Equal(dst[off:off+n], src[soff:soff+n]) {
					t.Fatalf("n=%d dst offset %d src offset %d: copy differs", n, off, soff)
				}
				for i, b := range dst {
					if (i < off || i >= off+n) && b != 0xEE {
						t.Fatalf("n=%d dst offset %d: byte %d outside dst written", n, off, i)
					}
				}
			}
		}
	}
}
