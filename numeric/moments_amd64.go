//go:build !noasm && gc

package numeric

// haveMomentsAVX512 says whether this build has the AVX-512 moments kernels.
const haveMomentsAVX512 = true

// momentsPass1AVX512 is momentsPass1Generic in AVX-512.
//
//go:noescape
func momentsPass1AVX512(x []float64) (sum, lo, hi float64)

// momentsPass2AVX512 is momentsPass2Generic in AVX-512. It also prefetches the first
// pfn elements at pf into L2 (the next block, while this one is worked on in L1).
//
//go:noescape
func momentsPass2AVX512(x []float64, c float64, pf *float64, pfn int) (s1, s2, s3, s4 float64)
