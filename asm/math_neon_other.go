//go:build !arm64 || noasm || !gc

package asm

// Stand-ins for the arm64 math kernels on other builds; active never selects them.

func expF64NEON(dst, x []float64) { panic("asm: no expF64NEON in this build") }

func logF64NEON(dst, x []float64) { panic("asm: no logF64NEON in this build") }

func sinF64NEON(dst, x []float64) bool { panic("asm: no sinF64NEON in this build") }

func cosF64NEON(dst, x []float64) bool { panic("asm: no cosF64NEON in this build") }
