//go:build !noasm && gc

package asm

// Temporary: kernels whose assembly is not written yet run the twin.

func sinF64AVX2(dst, x []float64) bool { sinF64Go(dst, x); return false }

func cosF64AVX2(dst, x []float64) bool { cosF64Go(dst, x); return false }

func sinF32AVX2(dst, x []float32) bool { sinF32Go(dst, x); return false }

func cosF32AVX2(dst, x []float32) bool { cosF32Go(dst, x); return false }
