package asm

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestModSemantics pins FmodF64 (C fmod) and ModF64 (Python's %) on the cases
// where the sign rules and the special values decide, at every level.
func TestModSemantics(t *testing.T) {
	inf, nan, negz := math.Inf(1), math.NaN(), math.Copysign(0, -1)
	cases := []struct{ x, y, fmod, mod float64 }{
		{7, 3, 1, 1},
		{-7, 3, -1, 2},
		{7, -3, 1, -2},
		{-7, -3, -1, -1},
		{6, 3, 0, 0},
		{-6, 3, negz, 0},
		{6, -3, 0, negz},
		{negz, 5, negz, 0},
		{0, -5, 0, negz},
		{5.5, 2, 1.5, 1.5},
		{-5.5, 2, -1.5, 0.5},
		{5, inf, 5, 5},
		{-5, inf, -5, inf},
		{5, -inf, 5, -inf},
		{7, 0, nan, nan},
		{inf, 3, nan, nan},
		{nan, 3, nan, nan},
		{3, nan, nan, nan},
		{1e300, 3, math.Mod(1e300, 3), math.Mod(1e300, 3)},
		{-1e-300, 1e300, -1e-300, 1e300}, // -1e-300 + 1e300 rounds to 1e300
		{0.30000000000000004, 0.1, math.Mod(0.30000000000000004, 0.1), math.Mod(0.30000000000000004, 0.1)},
	}
	same := func(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) || a != a && b != b }
	for _, l := range levels() {
		for _, c := range cases {
			for _, n := range []int{1, 5, 19} { // one lane, a tail, whole vectors and a tail
				x, y := make([]float64, n), make([]float64, n)
				for i := range x {
					x[i], y[i] = c.x, c.y
				}
				f, m := make([]float64, n), make([]float64, n)
				atLevel(t, l, func() {
					FmodF64(f, x, y)
					ModF64(m, x, y)
				})
				if !same(f[n-1], c.fmod) || !same(m[n-1], c.mod) || !same(f[0], c.fmod) || !same(m[0], c.mod) {
					t.Errorf("%v n=%d: fmod(%g, %g) = %g, mod = %g; want %g, %g", l, n, c.x, c.y, f[n-1], m[n-1], c.fmod, c.mod)
				}
			}
		}
	}
}

// modInputs draws pairs where fmod is delicate: quotients next to integers,
// quotients near and past 2^52, subnormals, signed zeros and special values.
func modInputs(rng *rand.Rand, n int) (x, y []float64) {
	x, y = make([]float64, n), make([]float64, n)
	specials := []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(), 5e-324, -5e-324, 1, -1, math.MaxFloat64}
	for i := range x {
		b := math.Ldexp(rng.Float64()+0.5, rng.IntN(80)-40)
		if rng.IntN(2) == 0 {
			b = -b
		}
		var a float64
		switch rng.IntN(8) {
		case 0: // a quotient next to an integer, either side
			k := float64(rng.Int64N(1 << uint(rng.IntN(54))))
			a = math.Float64frombits(math.Float64bits(k*math.Abs(b)) + uint64(rng.IntN(5)) - 2)
		case 1: // quotients around 2^52
			a = math.Ldexp(rng.Float64()+0.5, 52+rng.IntN(3)-1) * math.Abs(b)
		case 2:
			a = math.Float64frombits(rng.Uint64() &^ (1 << 63)) // any finite or special magnitude
		case 3:
			a, b = math.Ldexp(rng.Float64(), -1070), math.Ldexp(rng.Float64()+0.5, rng.IntN(60)-1070)
		case 4:
			a, b = specials[rng.IntN(len(specials))], specials[rng.IntN(len(specials))]
		default:
			a = math.Ldexp(rng.Float64()+0.5, rng.IntN(120)-40)
		}
		if rng.IntN(2) == 0 {
			a = -a
		}
		x[i], y[i] = a, b
	}
	return x, y
}

// TestModKernels checks FmodF64 against math.Mod and ModF64 against its twin, bit
// for bit, at every level, for lengths 0..70 at two offsets and in place.
func TestModKernels(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 4))
	same := func(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) || a != a && b != b }
	for _, l := range levels() {
		for n := range 71 {
			for _, off := range []int{0, 1} {
				x, y := modInputs(rng, n+off)
				x, y = x[off:], y[off:]
				f, m := make([]float64, n), make([]float64, n)
				atLevel(t, l, func() {
					FmodF64(f, x, y)
					ModF64(m, x, y)
				})
				for i := range n {
					if w := math.Mod(x[i], y[i]); !same(f[i], w) {
						t.Fatalf("%v n=%d: FmodF64(%g, %g) = %g (%#x), math.Mod %g (%#x)", l, n, x[i], y[i], f[i], math.Float64bits(f[i]), w, math.Float64bits(w))
					}
					if w := modF64(x[i], y[i]); !same(m[i], w) {
						t.Fatalf("%v n=%d: ModF64(%g, %g) = %g, twin %g", l, n, x[i], y[i], m[i], w)
					}
				}
				// In place: dst is x, then dst is y.
				xc, yc := append([]float64(nil), x...), append([]float64(nil), y...)
				atLevel(t, l, func() { ModF64(xc, xc, y) })
				atLevel(t, l, func() { FmodF64(yc, x, yc) })
				for i := range n {
					if !same(xc[i], m[i]) || !same(yc[i], f[i]) {
						t.Fatalf("%v n=%d: in place, element %d differs", l, n, i)
					}
				}
			}
		}
	}
}

// TestModLong runs 10^5 pairs through every level (several chunks of the kernel).
func TestModLong(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 5))
	x, y := modInputs(rng, 100_003)
	want := make([]float64, len(x))
	for i := range x {
		want[i] = modF64(x[i], y[i])
	}
	got := make([]float64, len(x))
	for _, l := range levels() {
		atLevel(t, l, func() { ModF64(got, x, y) })
		for i := range x {
			if math.Float64bits(got[i]) != math.Float64bits(want[i]) && !(got[i] != got[i] && want[i] != want[i]) {
				t.Fatalf("%v: ModF64(%g, %g) = %g, want %g", l, x[i], y[i], got[i], want[i])
			}
		}
	}
}

// BenchmarkModF64 times ModF64 in cache (n = 10^5, |x| < 100, 0.5 <= |y| < 10) at
// every level; level=none is the twin's loop over math.Mod.
func BenchmarkModF64(b *testing.B) {
	rng := rand.New(rand.NewPCG(7, 8))
	const n = 100_000
	x, y, dst := make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range x {
		x[i], y[i] = rng.Float64()*200-100, rng.Float64()*9.5+0.5
		if rng.IntN(2) == 0 {
			y[i] = -y[i]
		}
	}
	for _, l := range levels() {
		b.Run("level="+l.String(), func(b *testing.B) {
			atLevel(b, l, func() {
				b.SetBytes(24 * n)
				for b.Loop() {
					ModF64(dst, x, y)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/elem")
			})
		})
	}
}

// TestModF32Kernels checks FmodF32 and ModF32 against their twin, bit for bit, at
// every level, for lengths 0..70 at two offsets, in place, and over 10^5 pairs
// drawn as modInputs draws them (narrowed to float32, so that quotients next to
// integers, subnormals and special values stay among them).
func TestModF32Kernels(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 6))
	same := func(a, b float32) bool { return math.Float32bits(a) == math.Float32bits(b) || a != a && b != b }
	inputs := func(n int) (x, y []float32) {
		xd, yd := modInputs(rng, n)
		x, y = make([]float32, n), make([]float32, n)
		for i := range xd {
			x[i], y[i] = float32(xd[i]), float32(yd[i])
			if rng.IntN(3) == 0 { // a quotient next to an integer in float32
				k := float32(rng.Int64N(1 << uint(rng.IntN(25))))
				x[i] = math.Float32frombits(math.Float32bits(k*float32(math.Abs(float64(y[i])))) + uint32(rng.IntN(5)) - 2)
			}
		}
		return x, y
	}
	check := func(l Level, x, y []float32, inPlace bool) {
		n := len(x)
		f, m := make([]float32, n), make([]float32, n)
		atLevel(t, l, func() {
			FmodF32(f, x, y)
			ModF32(m, x, y)
		})
		for i := range n {
			if w := modF32(x[i], y[i], false); !same(f[i], w) {
				t.Fatalf("%v n=%d: FmodF32(%g, %g) = %g, twin %g", l, n, x[i], y[i], f[i], w)
			}
			if w := modF32(x[i], y[i], true); !same(m[i], w) {
				t.Fatalf("%v n=%d: ModF32(%g, %g) = %g, twin %g", l, n, x[i], y[i], m[i], w)
			}
		}
		if !inPlace {
			return
		}
		xc, yc := append([]float32(nil), x...), append([]float32(nil), y...)
		atLevel(t, l, func() { ModF32(xc, xc, y) })
		atLevel(t, l, func() { FmodF32(yc, x, yc) })
		for i := range n {
			if !same(xc[i], m[i]) || !same(yc[i], f[i]) {
				t.Fatalf("%v n=%d: in place, element %d differs", l, n, i)
			}
		}
	}
	for _, l := range levels() {
		for n := range 71 {
			for _, off := range []int{0, 1} {
				x, y := inputs(n + off)
				check(l, x[off:], y[off:], true)
			}
		}
		x, y := inputs(100_003)
		check(l, x, y, false)
	}
	// The twin itself against the definition, on a few exact cases.
	negz := float32(math.Copysign(0, -1))
	for _, c := range []struct{ x, y, fmod, mod float32 }{
		{-7, 3, -1, 2}, {7, -3, 1, -2}, {negz, 2, negz, 0}, {6, -3, 0, negz},
		{1e-45, 1e30, 1e-45, 1e-45}, {-1e-45, 1e30, -1e-45, 1e30},
	} {
		if g := modF32(c.x, c.y, false); !same(g, c.fmod) {
			t.Errorf("fmod(%g, %g) = %g, want %g", c.x, c.y, g, c.fmod)
		}
		if g := modF32(c.x, c.y, true); !same(g, c.mod) {
			t.Errorf("%g %% %g = %g, want %g", c.x, c.y, g, c.mod)
		}
	}
}
