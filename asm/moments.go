package asm

import "math"

// The two passes of numeric's moments block kernel (numeric/internal/stats), each in
// AVX-512 (moments_amd64.s) and as a pure-Go twin that computes the same bits. Element
// i of x goes to lane i mod 32; the lanes are folded as lane[j] op= lane[j+h] for
// h = 16, 8, 4, 2, 1.

// HaveMomentsAVX512 says whether this build has the AVX-512 moments passes; they run
// only where the active level is LevelAVX512 (elsewhere the twins run).
const HaveMomentsAVX512 = haveMomentsAVX512

// MomentsPass1 returns the sum, minimum and maximum of x, ignoring NaN in the
// extremes (a NaN shows in the sum), as MomentsPass1Go computes them. At LevelAVX512
// it also prefetches prefetch into L2: one cache line per 32 elements of x.
func MomentsPass1(x, prefetch []float64) (sum, lo, hi float64) {
	if haveMomentsAVX512 && active == LevelAVX512 {
		return momentsPass1AVX512(x, firstOf(prefetch), len(prefetch))
	}
	return MomentsPass1Go(x)
}

// MomentsPass2 returns the sums of the first four powers of x - c, as MomentsPass2Go
// computes them. At LevelAVX512 it also prefetches prefetch into L2: three cache
// lines per 32 elements of x (with pass 1, the whole next block of 4 lines per 4 read).
func MomentsPass2(x []float64, c float64, prefetch []float64) (s1, s2, s3, s4 float64) {
	if haveMomentsAVX512 && active == LevelAVX512 {
		return momentsPass2AVX512(x, c, firstOf(prefetch), len(prefetch))
	}
	return MomentsPass2Go(x, c)
}

func firstOf(s []float64) *float64 {
	if len(s) == 0 {
		return nil
	}
	return &s[0]
}

// MomentsPass1Go returns the sum, minimum and maximum of x, ignoring NaN in the
// extremes (the caller checks a NaN sum). Element i goes to lane i mod 32; the lanes
// are folded as lane[j] op= lane[j+h] for h = 16, 8, 4, 2, 1. min(a, b) is
// a < b ? a : b and max(a, b) is a > b ? a : b, as VMINPD and VMAXPD compute them.
func MomentsPass1Go(x []float64) (sum, lo, hi float64) {
	var acc, mn, mx [32]float64
	for j := range mn {
		mn[j], mx[j] = math.Inf(1), math.Inf(-1)
	}
	i := 0
	for ; i+32 <= len(x); i += 32 {
		g := (*[32]float64)(x[i:])
		for j := range 32 {
			v := g[j]
			acc[j] += v
			if !(mn[j] < v) {
				mn[j] = v
			}
			if !(mx[j] > v) {
				mx[j] = v
			}
		}
	}
	for j, v := range x[i:] {
		acc[j] += v
		if !(mn[j] < v) {
			mn[j] = v
		}
		if !(mx[j] > v) {
			mx[j] = v
		}
	}
	for h := 16; h > 0; h /= 2 {
		for j := range h {
			acc[j] += acc[j+h]
			if !(mn[j] < mn[j+h]) {
				mn[j] = mn[j+h]
			}
			if !(mx[j] > mx[j+h]) {
				mx[j] = mx[j+h]
			}
		}
	}
	return acc[0], mn[0], mx[0]
}

// MomentsPass2Go returns the sums of the first four powers of the deviations
// d = x - c, in 32 lanes as MomentsPass1Go: s1 += d, s2 += d², s3 = fma(d², d, s3),
// s4 = fma(d², d², s4).
func MomentsPass2Go(x []float64, c float64) (s1, s2, s3, s4 float64) {
	var a1, a2, a3, a4 [32]float64
	i := 0
	for ; i+32 <= len(x); i += 32 {
		g := (*[32]float64)(x[i:])
		for j := range 32 {
			d := g[j] - c
			q := d * d
			a1[j] += d
			a2[j] += q
			a3[j] = math.FMA(q, d, a3[j])
			a4[j] = math.FMA(q, q, a4[j])
		}
	}
	for j, v := range x[i:] {
		d := v - c
		q := d * d
		a1[j] += d
		a2[j] += q
		a3[j] = math.FMA(q, d, a3[j])
		a4[j] = math.FMA(q, q, a4[j])
	}
	for h := 16; h > 0; h /= 2 {
		for j := range h {
			a1[j] += a1[j+h]
			a2[j] += a2[j+h]
			a3[j] += a3[j+h]
			a4[j] += a4[j+h]
		}
	}
	return a1[0], a2[0], a3[0], a4[0]
}
