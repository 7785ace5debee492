package sketch

import (
	"encoding/binary"
	"math/bits"
)

// The hashes: integers go through a bijective 64-bit finalizer; byte strings through a
// multiply-fold hash, each step multiplying two 64-bit words into 128 bits and folding
// the halves together with xor (fold), 16 bytes at a time. It is deterministic
// (the same bytes and seed give the same hash on every machine and run), so sketches
// can be merged and serialized. Not a cryptographic hash: adversaries who know the
// seed can craft colliding keys.

const (
	mixA = 0xa0761d6478bd642f
	mixB = 0xe7037ed1a0b428db
	mixC = 0x8ebc6af09c88c6e3
	mixD = 0x589965cc75374cc3
)

// fold returns the xor of the high and low halves of the 128-bit product a·b.
func fold(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

// hashUint64 hashes an integer key: the seed is folded in, then the key goes through
// a bijective xor-shift-multiply finalizer (SplitMix64's), so distinct keys never
// share a hash.
func hashUint64(key, seed uint64) uint64 {
	x := key ^ fold(seed^mixA, mixB)
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// hashBytes hashes a byte-string key; hashString hashes the same bytes identically.
func hashBytes(b []byte, seed uint64) uint64 {
	h := seed ^ fold(seed^mixA, uint64(len(b))^mixB)
	for len(b) >= 16 {
		h = fold(binary.LittleEndian.Uint64(b)^mixB, binary.LittleEndian.Uint64(b[8:])^h)
		b = b[16:]
	}
	var tail [16]byte
	copy(tail[:], b)
	h = fold(binary.LittleEndian.Uint64(tail[:])^mixC, binary.LittleEndian.Uint64(tail[8:])^h^uint64(len(b)))
	return fold(h^mixA, h^mixD)
}

func hashString(s string, seed uint64) uint64 {
	h := seed ^ fold(seed^mixA, uint64(len(s))^mixB)
	for len(s) >= 16 {
		h = fold(le64(s)^mixB, le64(s[8:])^h)
		s = s[16:]
	}
	var tail [16]byte
	copy(tail[:], s)
	h = fold(binary.LittleEndian.Uint64(tail[:])^mixC, binary.LittleEndian.Uint64(tail[8:])^h^uint64(len(s)))
	return fold(h^mixA, h^mixD)
}

// le64 reads 8 little-endian bytes of s.
func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// rowHash derives row r's value from a key's hash by one more multiply-fold with a
// per-row constant. (Plain double hashing, h1 + r·h2, is cheaper but linear: two keys
// that share the columns of two rows then share the others too, with probability
// about 1/width² instead of 1/width^depth.)
func rowHash(h uint64, r uint64) uint64 {
	return fold(h^(mixA+r*mixC), mixD)
}

// column maps a 64-bit value to [0, width) by the high half of the product (Lemire's
// multiply-shift range reduction: unbiased enough, no division).
func column(g uint64, width uint32) uint32 {
	hi, _ := bits.Mul64(g, uint64(width))
	return uint32(hi)
}
