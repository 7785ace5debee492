//go:build !noasm && gc

package asm

// haveMomentsAVX512 says whether this build has the AVX-512 moments kernels.
const haveMomentsAVX512 = true

// momentsPass1AVX512 is MomentsPass1Go in AVX-512. It also prefetches part of
// the next block into L2: one cache line of the pfn elements at pf per 32 elements of x.
//
//go:noescape
func momentsPass1AVX512(x []float64, pf *float64, pfn int) (sum, lo, hi float64)

// momentsPass2AVX512 is MomentsPass2Go in AVX-512. It also prefetches three cache
// lines of the pfn elements at pf per 32 elements of x. Between them the two passes
// prefetch the whole next block (1 + 3 lines per 4 read) while this one is worked on
// in cache, so memory stays busy during the arithmetic.
//
//go:noescape
func momentsPass2AVX512(x []float64, c float64, pf *float64, pfn int) (s1, s2, s3, s4 float64)
