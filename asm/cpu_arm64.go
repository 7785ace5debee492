//go:build !noasm && gc

package asm

import "github.com/klauspost/cpuid/v2"

func init() {
	if cpuid.CPU.Supports(cpuid.ASIMD) {
		supported = LevelNEON
	}
	active = supported
}
