// Package asm holds numkit's SIMD primitives: element-wise arithmetic, comparisons,
// selection, conversions, reductions and vector math over float64 and float32 slices.
//
// Each primitive has a Go-assembly implementation for AVX-512, AVX2+FMA (amd64) or
// NEON (arm64) and a pure-Go twin that is always compiled and that defines the
// semantics; the doc comment on each exported function is its reference loop.
// Building with -tags noasm uses the twins only. Callers check arguments: the
// primitives assume dst and the inputs have equal lengths and do no checking.
//
// Package asm imports nothing else of numkit's.
package asm
