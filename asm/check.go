package asm

import (
	"strconv"
	"strings"
)

// Length checks of the exported functions. Every exported function that takes more
// than one slice checks, once and before any kernel runs, that all its slices have
// the same length, and panics with a message naming the function and the lengths
// otherwise; the kernels and the pure-Go twins assume equal lengths and check nothing.
// The check is the same at every Level, so a bad call fails alike on every CPU.

// panicLengths panics with "asm.<fn>: len(a)=1, len(b)=2"; names holds the slice
// parameters' names separated by spaces, in the order of lens.
func panicLengths(fn, names string, lens ...int) {
	var b strings.Builder
	b.WriteString("asm.")
	b.WriteString(fn)
	b.WriteString(": ")
	for i, name := range strings.Fields(names) {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("len(")
		b.WriteString(name)
		b.WriteString(")=")
		if i < len(lens) {
			b.WriteString(strconv.Itoa(lens[i]))
		}
	}
	panic(b.String())
}

// checkLen2 is the check of a function F(dst, x).
func checkLen2(fn string, dst, x int) {
	if dst != x {
		panicLengths(fn, "dst x", dst, x)
	}
}

// checkLen3 is the check of a function F(dst, a, b); names names the three slices.
func checkLen3(fn, names string, dst, a, b int) {
	if a != dst || b != dst {
		panicLengths(fn, names, dst, a, b)
	}
}
