package asm

import (
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// mathInputs returns n arguments for f spread over its domain: ordinary values,
// some huge or tiny ones, specials, and values near f's thresholds.
func mathInputs(f MathFunc, n int, rng *rand.Rand) []float64 {
	scale := map[string]float64{"exp": 750, "expm1": 750, "exp2": 1100, "sinh": 720, "cosh": 720, "tanh": 30,
		"arcsin": 1, "arccos": 1, "arctanh": 1, "sin": 1e4, "cos": 1e4, "tan": 1e4}[f.Name]
	if scale == 0 {
		scale = 100
	}
	xs := make([]float64, n)
	for i := range xs {
		switch r := rng.IntN(20); {
		case r == 0:
			xs[i] = specialF64[rng.IntN(len(specialF64))]
		case r == 1:
			xs[i] = math.Float64frombits(rng.Uint64())
		case r < 5:
			xs[i] = math.Copysign(math.Exp(rng.Float64()*80-60), rng.Float64()-0.5)
		default:
			xs[i] = (rng.Float64()*2 - 1) * scale
		}
	}
	return xs
}

// eval runs f (arity 1 or 2) on float64 slices.
func evalF64(f MathFunc, dst, x, y []float64) {
	if f.Arity == 1 {
		f.F64(dst, x)
	} else {
		f.F64x2(dst, x, y)
	}
}

func evalF32(f MathFunc, dst, x, y []float32) {
	if f.Arity == 1 {
		f.F32(dst, x)
	} else {
		f.F32x2(dst, x, y)
	}
}

func sameBits64(a, b float64) bool {
	return math.Float64bits(a) == math.Float64bits(b) || math.IsNaN(a) && math.IsNaN(b)
}

// TestMathKernels runs every function at every level on lengths 0..100 inside
// NaN-guarded buffers, at two alignments and in place, and requires the results
// to be bit-identical to the pure-Go twin (LevelNone) and the guards untouched.
func TestMathKernels(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const guard = 8
	for _, f := range MathFuncs() {
		x := mathInputs(f, 100+2*guard, rng)
		y := mathInputs(f, 100+2*guard, rng)
		x32, y32 := make([]float32, len(x)), make([]float32, len(y))
		for i := range x {
			x32[i], y32[i] = float32(x[i]), float32(y[i])
		}
		want := make([]float64, len(x))
		want32 := make([]float32, len(x))
		atLevel(t, LevelNone, func() {
			evalF64(f, want, x, y)
			evalF32(f, want32, x32, y32)
		})
		for _, l := range levels() {
			atLevel(t, l, func() {
				for n := 0; n <= 100; n++ {
					for _, off := range []int{guard, guard - 1} {
						checkF64(t, f, l, x, y, want, off, n, guard)
						checkF32(t, f, l, x32, y32, want32, off, n, guard)
					}
				}
			})
		}
	}
}

func checkF64(t *testing.T, f MathFunc, l Level, x, y, want []float64, off, n, guard int) {
	t.Helper()
	buf := make([]float64, n+2*guard)
	for i := range buf {
		buf[i] = math.NaN()
	}
	dst := buf[guard : guard+n]
	evalF64(f, dst, x[off:off+n], y[off:off+n])
	inPlace := append([]float64(nil), x[off:off+n]...)
	evalF64(f, inPlace, inPlace, y[off:off+n])
	for i, v := range buf {
		if i < guard || i >= guard+n {
			if !math.IsNaN(v) || math.Float64bits(v) != math.Float64bits(math.NaN()) {
				t.Fatalf("%s f64 %v n=%d: guard %d overwritten", f.Name, l, n, i)
			}
			continue
		}
		j := i - guard
		if !sameBits64(v, want[off+j]) || !sameBits64(inPlace[j], want[off+j]) {
			t.Fatalf("%s f64 %v n=%d: %s(%v) = %v (in place %v), twin %v", f.Name, l, n, f.Name, x[off+j], v, inPlace[j], want[off+j])
		}
	}
}

func checkF32(t *testing.T, f MathFunc, l Level, x, y, want []float32, off, n, guard int) {
	t.Helper()
	nan := float32(math.NaN())
	buf := make([]float32, n+2*guard)
	for i := range buf {
		buf[i] = nan
	}
	dst := buf[guard : guard+n]
	evalF32(f, dst, x[off:off+n], y[off:off+n])
	inPlace := append([]float32(nil), x[off:off+n]...)
	evalF32(f, inPlace, inPlace, y[off:off+n])
	for i, v := range buf {
		if i < guard || i >= guard+n {
			if math.Float32bits(v) != math.Float32bits(nan) {
				t.Fatalf("%s f32 %v n=%d: guard %d overwritten", f.Name, l, n, i)
			}
			continue
		}
		j := i - guard
		if !sameBits64(float64(v), float64(want[off+j])) || !sameBits64(float64(inPlace[j]), float64(want[off+j])) {
			t.Fatalf("%s f32 %v n=%d: %s(%v) = %v (in place %v), twin %v", f.Name, l, n, f.Name, x[off+j], v, inPlace[j], want[off+j])
		}
	}
}

// FuzzMath compares every function at the widest level with its twin (bit for
// bit) and with Go's math (within 2 ULP where Go's math is itself close: exp, log,
// sin and cos away from huge arguments); the mpmath references decide accuracy.
func FuzzMath(f *testing.F) {
	for _, v := range []float64{0, 1, -1, 0.5, 700, -740, 1e-300, 3.14159, 1e9, 1e300} {
		f.Add(v, 2.5)
	}
	funcs := MathFuncs()
	f.Fuzz(func(t *testing.T, a, b float64) {
		x, y := []float64{a, b, -a, a * 0.5, a}, []float64{b, a, b, b, -b}
		for _, fn := range funcs {
			got, want := make([]float64, len(x)), make([]float64, len(x))
			evalF64(fn, got, x, y)
			atLevel(t, LevelNone, func() { evalF64(fn, want, x, y) })
			for i := range got {
				if !sameBits64(got[i], want[i]) {
					t.Fatalf("%s(%v, %v) = %v at %v, twin %v", fn.Name, x[i], y[i], got[i], Active(), want[i])
				}
			}
			if fn.Arity != 1 {
				continue
			}
			switch fn.Name {
			case "exp", "log", "sin", "cos":
			default:
				continue
			}
			for i, v := range x {
				if math.Abs(v) > 1e5 && (fn.Name == "sin" || fn.Name == "cos") || v != v {
					continue
				}
				g := fn.Go64(v)
				if math.IsInf(g, 0) || g == 0 || math.IsNaN(g) || math.Abs(g) < 0x1p-1022 || math.Abs(g) > 1e308 {
					continue
				}
				// Go's math is itself up to about 1.5 ULP off (math.Cos(30.358870799330674)
				// by 1.41 against mpmath, where ours is 0.59): allow 2 ULP between the two.
				if e := ulpError(got[i], g, 0, false); e > 2 {
					t.Fatalf("%s(%v) = %v, math %v: %.2f ULP apart", fn.Name, v, got[i], g, e)
				}
			}
		}
	})
}

var mathSink float64

var mathBenchBig = flag.Bool("mathbig", false, "BenchmarkMath: also n=2e7 (out of cache)")

// BenchmarkMath times every function at every level against a loop over Go's math
// (impl=gomath), in cache (n=1e5) and, with -mathbig, out of cache (n=2e7).
// Select with e.g. -bench 'Math/(exp|log|sin|cos)/'.
func BenchmarkMath(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	sizes := []int{100_000}
	if *mathBenchBig {
		sizes = append(sizes, 20_000_000)
	}
	for _, n := range sizes {
		for _, f := range MathFuncs() {
			x, y := benchInputs(f, n, rng)
			x32, y32 := make([]float32, n), make([]float32, n)
			for i := range x {
				x32[i], y32[i] = float32(x[i]), float32(y[i])
			}
			dst, dst32 := make([]float64, n), make([]float32, n)
			name := fmt.Sprintf("%s/n=%d", f.Name, n)
			for _, l := range levels() {
				b.Run(fmt.Sprintf("%s/f64/level=%v", name, l), func(b *testing.B) {
					atLevel(b, l, func() {
						b.SetBytes(int64(16 * n))
						b.ReportAllocs()
						for b.Loop() {
							evalF64(f, dst, x, y)
						}
						b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/elem")
					})
				})
				b.Run(fmt.Sprintf("%s/f32/level=%v", name, l), func(b *testing.B) {
					atLevel(b, l, func() {
						b.SetBytes(int64(8 * n))
						b.ReportAllocs()
						for b.Loop() {
							evalF32(f, dst32, x32, y32)
						}
						b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/elem")
					})
				})
			}
			b.Run(fmt.Sprintf("%s/f64/impl=gomath", name), func(b *testing.B) {
				b.SetBytes(int64(16 * n))
				b.ReportAllocs()
				for b.Loop() {
					if f.Arity == 1 {
						for i, v := range x {
							dst[i] = f.Go64(v)
						}
					} else {
						for i, v := range x {
							dst[i] = f.Go64x2(v, y[i])
						}
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/elem")
			})
			mathSink += dst[n-1] + float64(dst32[n-1])
		}
	}
}

// benchInputs draws ordinary arguments (no specials) from each function's domain.
func benchInputs(f MathFunc, n int, rng *rand.Rand) (x, y []float64) {
	x, y = make([]float64, n), make([]float64, n)
	for i := range x {
		u, v := rng.Float64(), rng.Float64()
		switch f.Name {
		case "exp", "expm1", "sinh", "cosh", "tanh":
			x[i] = u*100 - 50
		case "exp2":
			x[i] = u*140 - 70
		case "log", "log2", "log10", "log1p":
			x[i] = math.Exp(u*20 - 10)
		case "arcsin", "arccos", "arctanh":
			x[i] = u*2 - 1
		case "arccosh":
			x[i] = 1 + math.Exp(u*20-10)
		case "pow":
			x[i], y[i] = math.Exp(u*6-3), v*20-10
		default:
			x[i], y[i] = u*200-100, v*200-100
		}
	}
	return x, y
}
