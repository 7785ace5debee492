package asm

import (
	"fmt"
	"math"
	"os"
	"strings"
	"testing"
)

// levels returns every level this machine and build can run, widest first.
func levels() []Level {
	var ls []Level
	for _, l := range []Level{LevelAVX512, LevelAVX2, LevelNEON, LevelNone} {
		if l <= Supported() && (l == LevelNone || l == LevelNEON && Supported() == LevelNEON || l >= LevelAVX2) {
			ls = append(ls, l)
		}
	}
	return ls
}

// atLevel runs f with level l in effect and restores the previous level.
func atLevel(t testing.TB, l Level, f func()) {
	t.Helper()
	prev := Active()
	SetLevel(l)
	defer SetLevel(prev)
	f()
}

// TestMathAccuracy checks every function, type and level against the mpmath
// references in testdata/ulp; run with -v for the table.
func TestMathAccuracy(t *testing.T) {
	fsys := os.DirFS("testdata")
	var table strings.Builder
	fmt.Fprintf(&table, "%-8s %-4s %-7s %8s %8s %6s  %s\n", "func", "type", "level", "maxULP", "meanULP", "inputs", "worst at")
	for _, l := range levels() {
		atLevel(t, l, func() {
			rows, err := MeasureMathAccuracy(fsys)
			if err != nil {
				t.Fatal(err)
			}
			bound := map[string]float64{}
			for _, f := range MathFuncs() {
				bound[f.Name] = f.MaxULP
			}
			for _, r := range rows {
				fmt.Fprintf(&table, "%-8s %-4s %-7s %8.3f %8.4f %6d  %v\n", r.Name, r.Type, r.Level, r.MaxULP, r.MeanULP, r.Inputs, r.WorstX)
				if !(r.MaxULP <= bound[r.Name]) {
					t.Errorf("%s %s at %v: max error %.3f ULP > %g at %v", r.Name, r.Type, l, r.MaxULP, bound[r.Name], r.WorstX)
				}
			}
		})
	}
	t.Log("\n" + table.String())
}

var specialF64 = []float64{
	0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(), 1, -1, 0.5, -0.5, 2, -2,
	math.SmallestNonzeroFloat64, -math.SmallestNonzeroFloat64, 0x1p-1022, -0x1p-1022,
	0x1.fffffffffffffp-1023, math.MaxFloat64, -math.MaxFloat64, math.Pi, -math.Pi, math.Pi / 2,
	1e300, -1e300, 1e-300, 1 << 30, 1<<30 + 1, 1 << 24, 1<<24 + 2, 1e22, -1e22,
}

// sameSpecial reports whether got matches want exactly where want is NaN, ±Inf or ±0
// (sign included). Other values are left to TestMathAccuracy: Go's math is not
// within 1 ULP everywhere (math.Sin(math.Pi), math.Log of subnormals on amd64).
func sameSpecial(got, want float64) bool {
	switch {
	case math.IsNaN(want):
		return math.IsNaN(got)
	case math.IsInf(want, 0) || want == 0:
		return got == want && math.Signbit(got) == math.Signbit(want)
	}
	return !math.IsNaN(got) && !math.IsInf(got, 0) && (got != 0 || want == 0)
}

// TestMathSpecial compares every function with Go's math on special values at every level.
func TestMathSpecial(t *testing.T) {
	for _, l := range levels() {
		atLevel(t, l, func() {
			for _, f := range MathFuncs() {
				if f.Arity != 1 {
					continue
				}
				got := make([]float64, len(specialF64))
				f.F64(got, specialF64)
				x32 := make([]float32, len(specialF64))
				got32 := make([]float32, len(specialF64))
				for i, v := range specialF64 {
					x32[i] = float32(v)
				}
				f.F32(got32, x32)
				for i, x := range specialF64 {
					if want := f.Go64(x); !sameSpecial(got[i], want) {
						t.Errorf("%v: %s(%v) f64 = %v, want %v", l, f.Name, x, got[i], want)
					}
					if want := float32(f.Go64(float64(x32[i]))); !sameSpecial(float64(got32[i]), float64(want)) {
						t.Errorf("%v: %s(%v) f32 = %v, want %v", l, f.Name, x32[i], got32[i], want)
					}
				}
			}
		})
	}
}

// TestMathSpecial2 compares the binary functions with Go's math on a grid of special values.
func TestMathSpecial2(t *testing.T) {
	vals := []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(), 1, -1, 0.5, -0.5,
		2, -2, 3, -3, 0.25, math.MaxFloat64, math.SmallestNonzeroFloat64, 1e300, -1e300, 1025, -1075}
	var xs, ys []float64
	for _, a := range vals {
		for _, b := range vals {
			xs, ys = append(xs, a), append(ys, b)
		}
	}
	for _, l := range levels() {
		atLevel(t, l, func() {
			for _, f := range MathFuncs() {
				if f.Arity != 2 {
					continue
				}
				got := make([]float64, len(xs))
				f.F64x2(got, xs, ys)
				for i := range xs {
					if want := f.Go64x2(xs[i], ys[i]); !sameSpecial(got[i], want) {
						t.Errorf("%v: %s(%v, %v) = %v, want %v", l, f.Name, xs[i], ys[i], got[i], want)
					}
				}
			}
		})
	}
}
