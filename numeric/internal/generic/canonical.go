package generic

import (
	"math"
	"unsafe"
)

// The canonical order of the float reductions, the one package asm documents for its
// kernels (asm/reduce.go) and so the simd backend's: the gonum backend uses it too, so
// both give the same bits. Within one block of the VM, lanes accumulators (32 for
// float64, 64 for float32: one 256-byte row) take the elements in turn, x[i] going to
// lane i mod lanes, from the first element to the last; then the lanes are folded in
// halves, lane j taking lane j+h for h = lanes/2, lanes/4, ..., 1. The VM then
// combines the blocks' partials pairwise (numeric/internal/vm). docs/language.md,
// "Reductions", states the whole order.

// canonLanes is the number of accumulators for T.
func canonLanes[T Float]() int {
	var z T
	if unsafe.Sizeof(z) == 8 {
		return 32
	}
	return 64
}

// canonReduce folds x into the lanes with step (acc, x) and the lanes into one with
// fold, starting each lane at init.
func canonReduce[T Float](x []T, init T, step func(acc, v T) T, fold func(a, b T) T) T {
	var acc [64]T
	lanes := canonLanes[T]()
	for j := range lanes {
		acc[j] = init
	}
	n := len(x) - len(x)%lanes
	for i := 0; i < n; i += lanes {
		row := x[i : i+lanes]
		for j, v := range row {
			acc[j] = step(acc[j], v)
		}
	}
	for i := n; i < len(x); i++ {
		acc[i-n] = step(acc[i-n], x[i])
	}
	for h := lanes / 2; h > 0; h /= 2 {
		for j := range h {
			acc[j] = fold(acc[j], acc[j+h])
		}
	}
	return acc[0]
}

// SumCanonical is the sum of x in the canonical order (0 for an empty x).
func SumCanonical[T Float](x []T) T {
	var acc [64]T
	lanes := canonLanes[T]()
	n := len(x) - len(x)%lanes
	for i := 0; i < n; i += lanes {
		row := x[i : i+lanes]
		for j, v := range row {
			acc[j] += v
		}
	}
	for i := n; i < len(x); i++ {
		acc[i-n] += x[i]
	}
	for h := lanes / 2; h > 0; h /= 2 {
		for j := range h {
			acc[j] += acc[j+h]
		}
	}
	return acc[0]
}

// ProdCanonical is the product of x in the canonical order (1 for an empty x).
func ProdCanonical[T Float](x []T) T {
	mul := func(a, b T) T { return a * b }
	return canonReduce(x, 1, mul, mul)
}

// MinCanonical and MaxCanonical are the extremes of x in the canonical order, NaN if x
// holds one; each step keeps the accumulator if it is NaN or strictly smaller (larger),
// else takes the element, so ties between -0 and +0 resolve by position as in asm.
func MinCanonical[T Float](x []T) T {
	pick := func(a, b T) T {
		if a != a || a < b {
			return a
		}
		return b
	}
	return canonReduce(x, T(math.Inf(1)), pick, pick)
}

// MaxCanonical: see MinCanonical.
func MaxCanonical[T Float](x []T) T {
	pick := func(a, b T) T {
		if a != a || a > b {
			return a
		}
		return b
	}
	return canonReduce(x, T(math.Inf(-1)), pick, pick)
}

// DotCanonical is the dot product of x and y[:len(x)] in the canonical order, each
// term added to its lane with one rounding (a fused multiply-add), the lanes folded by
// addition.
func DotCanonical[T Float](x, y []T) T {
	y = y[:len(x)]
	var acc [64]T
	lanes := canonLanes[T]()
	f64 := lanes == 32
	fma := func(a, b, c T) T {
		if f64 {
			return T(math.FMA(float64(a), float64(b), float64(c)))
		}
		return T(FMA32(float32(a), float32(b), float32(c)))
	}
	for i, v := range x {
		j := i % lanes
		acc[j] = fma(v, y[i], acc[j])
	}
	for h := lanes / 2; h > 0; h /= 2 {
		for j := range h {
			acc[j] += acc[j+h]
		}
	}
	return acc[0]
}

// FMA32 returns a*b + c rounded once to float32. The product is exact in float64 and
// the float64 sum s is off by the exact error e (TwoSum); rounding s to float32 is
// correct unless s is exactly halfway between two float32s, where e decides.
func FMA32(a, b, c float32) float32 {
	p := float64(float64(a) * float64(b))
	cd := float64(c)
	s := p + cd
	f := float32(s)
	if float64(f) == s || math.IsInf(s, 0) || math.IsNaN(s) || math.IsInf(float64(f), 0) {
		return f
	}
	bb := s - p
	e := (p - (s - bb)) + (cd - bb)
	if e == 0 {
		return f
	}
	toward := float32(math.Inf(1))
	if float64(f) > s {
		toward = float32(math.Inf(-1))
	}
	other := math.Nextafter32(f, toward)
	if s != (float64(f)+float64(other))/2 {
		return f
	}
	if (e > 0) == (float64(other) > float64(f)) {
		return other
	}
	return f
}
