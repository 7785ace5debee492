//go:build !noasm && gc

package asm

import "github.com/klauspost/cpuid/v2"

func init() {
	c := cpuid.CPU
	switch {
	case c.Supports(cpuid.AVX512F, cpuid.AVX512DQ, cpuid.AVX512BW, cpuid.AVX512VL):
		supported = LevelAVX512
	case c.Supports(cpuid.AVX2, cpuid.FMA3):
		supported = LevelAVX2
	}
	active = supported
}
