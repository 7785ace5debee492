//go:build !amd64 || noasm || !gc

package asm

import "unsafe"

func runChain(steps *ChainStep, nsteps int, slots unsafe.Pointer, n int) {
	panic("asm: no chains in this build")
}

func runChain32(steps *ChainStep, nsteps int, slots unsafe.Pointer, n int) {
	panic("asm: no chains in this build")
}
