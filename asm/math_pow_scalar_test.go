package asm

import (
	"math"
	"math/rand/v2"
	"testing"
)

// scalarPowBases are the constant bases of TestScalarPow: the usual ones, bases
// near 1, subnormal, huge, and those off the fast path (zero, negative, infinite,
// NaN).
var scalarPowBases = []float64{
	2, 10, math.E, 0.5, 0.1, 3, 1, 1 + 0x1p-52, 1 - 0x1p-53, 0x1p-1074, 0x1.8p-1030, 1e-300,
	1e300, math.MaxFloat64, 0x1p-149, 3.4e38, 0, math.Copysign(0, -1), -2, -0.5, -10,
	math.Inf(1), math.Inf(-1), math.NaN(),
}

// scalarPowExponents draws n exponents for base s: ordinary ones, integers (for the
// negative bases), exponents near the overflow and underflow thresholds (the lanes
// the kernels hand back), and special values.
func scalarPowExponents(s float64, n int, rng *rand.Rand) []float64 {
	y := make([]float64, n)
	l := math.Abs(math.Log(math.Abs(s)))
	if l == 0 || l != l || math.IsInf(l, 0) {
		l = 1
	}
	for i := range y {
		switch rng.IntN(5) {
		case 0:
			y[i] = rng.Float64()*20 - 10
		case 1:
			y[i] = float64(rng.IntN(200) - 100)
		case 2:
			y[i] = (rng.Float64()*2 - 1) * 1500 / l // |y log s| up to 1500
		case 3:
			y[i] = specialF64[rng.IntN(len(specialF64))]
		default:
			y[i] = math.Float64frombits(rng.Uint64())
		}
	}
	return y
}

// TestScalarPow checks ScalarPowF64 and ScalarPowF32 at every level against PowF64
// and PowF32 with the base repeated (at LevelNone, the twin), bit for bit, on
// lengths around the kernels' widths and the chunk size, in place.
func TestScalarPow(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 7))
	for _, s := range scalarPowBases {
		const n = 2*powChunk + 29
		y := scalarPowExponents(s, n, rng)
		x := make([]float64, n)
		x32, y32 := make([]float32, n), make([]float32, n)
		for i := range x {
			x[i], x32[i], y32[i] = s, float32(s), float32(y[i])
		}
		want, want32 := make([]float64, n), make([]float32, n)
		atLevel(t, LevelNone, func() {
			PowF64(want, x, y)
			PowF32(want32, x32, y32)
		})
		for _, l := range levels() {
			atLevel(t, l, func() {
				for _, m := range []int{0, 1, 3, 4, 7, 8, 9, 17, powChunk + 5, n} {
					got, got32 := make([]float64, m), make([]float32, m)
					ScalarPowF64(got, y[:m], s)
					ScalarPowF32(got32, y32[:m], float32(s))
					for i := range got {
						if !sameBits64(got[i], want[i]) {
							t.Fatalf("%v: ScalarPowF64(y, %v) at %d (n=%d): %v**%v = %v, PowF64 %v", l, s, i, m, s, y[i], got[i], want[i])
						}
						if math.Float32bits(got32[i]) != math.Float32bits(want32[i]) && !(got32[i] != got32[i] && want32[i] != want32[i]) {
							t.Fatalf("%v: ScalarPowF32(y, %v) at %d (n=%d): %v**%v = %v, PowF32 %v", l, float32(s), i, m, float32(s), y32[i], got32[i], want32[i])
						}
					}
				}
				inp := append([]float64(nil), y...)
				ScalarPowF64(inp, inp, s)
				inp32 := append([]float32(nil), y32...)
				ScalarPowF32(inp32, inp32, float32(s))
				for i := range inp {
					if !sameBits64(inp[i], want[i]) || !sameBits64(float64(inp32[i]), float64(want32[i])) {
						t.Fatalf("%v: in place, base %v: %v**%v = %v / %v, want %v / %v", l, s, s, y[i], inp[i], inp32[i], want[i], want32[i])
					}
				}
			})
		}
	}
}

// TestScalarPowValues pins a few results to math.Pow's (exact powers of two and
// ten, and the special cases), so that a kernel and its twin cannot agree on a
// wrong value.
func TestScalarPowValues(t *testing.T) {
	cases := []struct{ s, y float64 }{
		{2, 10}, {2, -3}, {2, 0.5}, {10, 3}, {10, -2}, {2, 1023}, {2, -1074}, {2, 1024}, {2, -1075},
		{1, math.NaN()}, {2, math.Inf(1)}, {0.5, math.Inf(1)}, {2, 0}, {-2, 3}, {-2, 0.5}, {0, -1},
	}
	for _, l := range levels() {
		atLevel(t, l, func() {
			for _, c := range cases {
				got := []float64{0}
				ScalarPowF64(got, []float64{c.y}, c.s)
				want := math.Pow(c.s, c.y)
				if !sameBits64(got[0], want) {
					t.Errorf("%v: ScalarPowF64: %v**%v = %v, want %v", l, c.s, c.y, got[0], want)
				}
				got32 := []float32{0}
				ScalarPowF32(got32, []float32{float32(c.y)}, float32(c.s))
				want32 := float32(math.Pow(float64(float32(c.s)), float64(float32(c.y))))
				if !sameBits64(float64(got32[0]), float64(want32)) {
					t.Errorf("%v: ScalarPowF32: %v**%v = %v, want %v", l, c.s, c.y, got32[0], want32)
				}
			}
		})
	}
	for _, f := range []func(){
		func() { ScalarPowF64(make([]float64, 3), make([]float64, 4), 2) },
		func() { ScalarPowF32(make([]float32, 5), make([]float32, 4), 2) },
	} {
		if msg := checkCallPanic(f); msg == "" {
			t.Error("no panic on different lengths")
		}
	}
	if msg := checkCallPanic(func() { ScalarPowF64(make([]float64, 3), make([]float64, 4), 2) }); msg != "asm.ScalarPowF64: len(dst)=3, len(x)=4" {
		t.Errorf("panic %q", msg)
	}
}

// BenchmarkScalarPow times 2**y (y uniform in [-10, 10)) by ScalarPowF64/F32 and, for
// comparison, by PowF64/F32 with the base repeated, in cache (n = 1e5, one thread).
func BenchmarkScalarPow(b *testing.B) {
	const n = 100_000
	rng := rand.New(rand.NewPCG(5, 6))
	x, y, dst := make([]float64, n), make([]float64, n), make([]float64, n)
	x32, y32, dst32 := make([]float32, n), make([]float32, n), make([]float32, n)
	for i := range y {
		y[i] = rng.Float64()*20 - 10
		x[i], x32[i], y32[i] = 2, 2, float32(y[i])
	}
	perElem := func(b *testing.B) {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/elem")
	}
	for _, l := range levels() {
		atLevel(b, l, func() {
			b.Run("f64/scalar/level="+l.String(), func(b *testing.B) {
				for b.Loop() {
					ScalarPowF64(dst, y, 2)
				}
				perElem(b)
			})
			b.Run("f64/vector/level="+l.String(), func(b *testing.B) {
				for b.Loop() {
					PowF64(dst, x, y)
				}
				perElem(b)
			})
			b.Run("f32/scalar/level="+l.String(), func(b *testing.B) {
				for b.Loop() {
					ScalarPowF32(dst32, y32, 2)
				}
				perElem(b)
			})
			b.Run("f32/vector/level="+l.String(), func(b *testing.B) {
				for b.Loop() {
					PowF32(dst32, x32, y32)
				}
				perElem(b)
			})
		})
	}
}
