//go:build !noasm && gc

package asm

import "unsafe"

//go:noescape
func runChain(steps *ChainStep, nsteps int, slots unsafe.Pointer, n int)

//go:noescape
func runChain32(steps *ChainStep, nsteps int, slots unsafe.Pointer, n int)

//go:noescape
func chainTable(t *[chainOps * (ChainDepth + 1)]uintptr)

//go:noescape
func chainTable32(t *[chainOps * (ChainDepth + 1)]uintptr)

func init() {
	chainTable(&chainCode)
	chainTable32(&chainCode32)
}
