package asm

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestTrigTanBlocks puts arguments beyond the Cody–Waite range (left by the tan
// kernels to the twin) at every position of short slices, in place and not,
// and compares every level with the twin bit for bit.
func TestTrigTanBlocks(t *testing.T) {
	bigs := []float64{1 << 31, -1e300, math.Inf(1), math.Inf(-1), 0x1p1023, 1<<30 + 1}
	for n := 1; n <= 19; n++ {
		for pos := 0; pos < n; pos++ {
			for _, b := range bigs {
				x := make([]float64, n)
				x32 := make([]float32, n)
				for i := range x {
					x[i] = float64(i)*0.77 - 3
					x32[i] = float32(x[i])
				}
				x[pos], x32[pos] = b, float32(math.Copysign(1<<25, b))
				want := make([]float64, n)
				want32 := make([]float32, n)
				atLevel(t, LevelNone, func() {
					TanF64(want, x)
					TanF32(want32, x32)
				})
				for _, l := range levels() {
					atLevel(t, l, func() {
						got := append([]float64(nil), x...)
						TanF64(got, got)
						got32 := make([]float32, n)
						TanF32(got32, x32)
						for i := range got {
							if !sameBits64(got[i], want[i]) || !sameBits64(float64(got32[i]), float64(want32[i])) {
								t.Fatalf("%v n=%d pos=%d big=%v: tan(%v) = %v / %v, twin %v / %v",
									l, n, pos, b, x[i], got[i], got32[i], want[i], want32[i])
							}
						}
					})
				}
			}
		}
	}
}

// TestTrigAtan2Special32 compares float32 arctan2 with Go's math on a grid of
// special values at every level (TestMathSpecial2 covers float64).
func TestTrigAtan2Special32(t *testing.T) {
	vals := []float32{0, float32(math.Copysign(0, -1)), float32(math.Inf(1)), float32(math.Inf(-1)),
		float32(math.NaN()), 1, -1, 0.5, -3, math.MaxFloat32, math.SmallestNonzeroFloat32, -1e30}
	var ys, xs []float32
	for _, a := range vals {
		for _, b := range vals {
			ys, xs = append(ys, a), append(xs, b)
		}
	}
	for _, l := range levels() {
		atLevel(t, l, func() {
			got := make([]float32, len(ys))
			Atan2F32(got, ys, xs)
			for i := range ys {
				want := float32(math.Atan2(float64(ys[i]), float64(xs[i])))
				if !sameSpecial(float64(got[i]), float64(want)) {
					t.Errorf("%v: arctan2(%v, %v) f32 = %v, want %v", l, ys[i], xs[i], got[i], want)
				}
			}
		})
	}
}

// TestTrigRandom compares every level with the twin bit for bit on many
// arguments (random bits, wide exponents, near multiples of pi/8, specials, both
// arguments of arctan2 independent) and checks zeros, infinities and NaNs
// against Go's math. (Go's math itself is not within 1 ULP everywhere: math.Tan
// near multiples of pi/2, math.Asin near 1, math.Atan2 with y/x underflowing.)
func TestTrigRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 9))
	const n = 30000
	gen := func() float64 {
		switch rng.IntN(6) {
		case 0:
			return math.Float64frombits(rng.Uint64())
		case 1:
			return rng.Float64()*2 - 1
		case 2:
			return math.Copysign(math.Exp(rng.Float64()*1400-700), rng.Float64()-0.5)
		case 3:
			return specialF64[rng.IntN(len(specialF64))]
		case 4:
			return float64(rng.IntN(100)-50) * math.Pi / 8 * (1 + (rng.Float64()-0.5)*1e-15)
		default:
			return (rng.Float64()*2 - 1) * 1e6
		}
	}
	x, y := make([]float64, n), make([]float64, n)
	x32, y32 := make([]float32, n), make([]float32, n)
	for i := range x {
		x[i], y[i] = gen(), gen()
		x32[i], y32[i] = float32(x[i]), float32(y[i])
	}
	for _, f := range MathFuncs() {
		switch f.Name {
		case "tan", "arctan", "arcsin", "arccos", "arctan2":
		default:
			continue
		}
		want, want32 := make([]float64, n), make([]float32, n)
		atLevel(t, LevelNone, func() { evalF64(f, want, x, y); evalF32(f, want32, x32, y32) })
		for _, l := range levels() {
			atLevel(t, l, func() {
				got, got32 := make([]float64, n), make([]float32, n)
				evalF64(f, got, x, y)
				evalF32(f, got32, x32, y32)
				for i := range got {
					if !sameBits64(got[i], want[i]) || !sameBits64(float64(got32[i]), float64(want32[i])) {
						t.Fatalf("%s %v (%v, %v): %v / %v, twin %v / %v", f.Name, l, x[i], y[i], got[i], got32[i], want[i], want32[i])
					}
					g, g32 := 0.0, 0.0
					if f.Arity == 1 {
						g, g32 = f.Go64(x[i]), f.Go64(float64(x32[i]))
					} else {
						g, g32 = f.Go64x2(x[i], y[i]), f.Go64x2(float64(x32[i]), float64(y32[i]))
					}
					if !sameSpecial(got[i], g) || !sameSpecial(float64(got32[i]), float64(float32(g32))) {
						t.Fatalf("%s %v (%v, %v): %v / %v, math %v / %v", f.Name, l, x[i], y[i], got[i], got32[i], g, float32(g32))
					}
				}
			})
		}
	}
}
