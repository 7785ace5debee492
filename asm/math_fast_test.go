package asm

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
)

// fastWithDefaults returns the fast-mode functions with the types that have no fast
// kernel filled in by the default kernel (what the fast mode runs there), and whether
// each type has a fast kernel.
func fastWithDefaults() (funcs []MathFunc, has64, has32 []bool) {
	defaults := map[string]MathFunc{}
	for _, f := range MathFuncs() {
		defaults[f.Name] = f
	}
	for _, f := range FastMathFuncs() {
		has64, has32 = append(has64, f.F64 != nil), append(has32, f.F32 != nil)
		if f.F64 == nil {
			f.F64 = defaults[f.Name].F64
		}
		if f.F32 == nil {
			f.F32 = defaults[f.Name].F32
		}
		funcs = append(funcs, f)
	}
	return funcs, has64, has32
}

func defaultMath(name string) MathFunc {
	for _, f := range MathFuncs() {
		if f.Name == name {
			return f
		}
	}
	panic("no default kernel for " + name)
}

// TestFastMathAccuracy checks every fast kernel (function, type and level) against
// the mpmath references in testdata/ulp (the default kernels' files, special values
// included) with the fast bound, 4 ULP; run with -v for the table.
func TestFastMathAccuracy(t *testing.T) {
	fsys := os.DirFS("testdata")
	var table strings.Builder
	fmt.Fprintf(&table, "%-8s %-4s %-7s %8s %8s %6s  %s\n", "func", "type", "level", "maxULP", "meanULP", "inputs", "worst at")
	funcs, has64, has32 := fastWithDefaults()
	for _, l := range levels() {
		atLevel(t, l, func() {
			for k, f := range funcs {
				for _, typ := range []string{"f64", "f32"} {
					if typ == "f64" && !has64[k] || typ == "f32" && !has32[k] {
						continue
					}
					ref, err := readMathRef(fsys, refName(f.Name), typ, f.Arity)
					if err != nil {
						t.Fatal(err)
					}
					if ref == nil || len(ref.hi) < 1000 {
						t.Fatalf("%s %s: no reference data in testdata/ulp", f.Name, typ)
					}
					r := ref.measure(f, typ)
					fmt.Fprintf(&table, "%-8s %-4s %-7s %8.3f %8.4f %6d  %v\n", r.Name, r.Type, r.Level, r.MaxULP, r.MeanULP, r.Inputs, r.WorstX)
					if !(r.MaxULP <= f.MaxULP) {
						t.Errorf("fast %s %s at %v: max error %.3f ULP > %g at %v", r.Name, r.Type, l, r.MaxULP, f.MaxULP, r.WorstX)
					}
				}
			}
		})
	}
	t.Log("\n" + table.String())
}

// TestFastMathSpecial: the fast kernels give Go's math results for the special
// values (±0, ±Inf, NaN, subnormals, huge arguments) at every level; around exp's
// overflow and underflow thresholds (dense inputs) they overflow, underflow and stay
// finite where the default kernels (within 1 ULP) do: Go's math.Exp on amd64 gives
// +Inf from about 709.77 on, short of the true threshold.
func TestFastMathSpecial(t *testing.T) {
	var edges []float64
	for _, edge := range []float64{709.78, 709.79, -708.4, -745.13, -745.14, 88.72, 88.73, -87.33, -103.97, -103.98} {
		for d := -8; d <= 8; d++ {
			edges = append(edges, edge+float64(d)*1e-3)
		}
	}
	funcs, _, _ := fastWithDefaults()
	for _, l := range levels() {
		atLevel(t, l, func() {
			for _, f := range funcs {
				for _, set := range []struct {
					xs  []float64
					ref MathFunc
				}{{specialF64, MathFunc{}}, {edges, defaultMath(f.Name)}} {
					xs := set.xs
					want, want32 := make([]float64, len(xs)), make([]float32, len(xs))
					got, got32, x32 := make([]float64, len(xs)), make([]float32, len(xs)), make([]float32, len(xs))
					for i, v := range xs {
						x32[i] = float32(v)
					}
					f.F64(got, xs)
					f.F32(got32, x32)
					if set.ref.F64 != nil {
						set.ref.F64(want, xs)
						set.ref.F32(want32, x32)
					} else {
						for i, x := range xs {
							want[i], want32[i] = f.Go64(x), float32(f.Go64(float64(x32[i])))
						}
					}
					for i, x := range xs {
						if !sameSpecial(got[i], want[i]) {
							t.Errorf("%v: fast %s(%v) f64 = %v, want %v", l, f.Name, x, got[i], want[i])
						}
						if !sameSpecial(float64(got32[i]), float64(want32[i])) {
							t.Errorf("%v: fast %s(%v) f32 = %v, want %v", l, f.Name, x32[i], got32[i], want32[i])
						}
					}
				}
			}
		})
	}
}

// TestFastMathKernels requires every level to give the twin's bits, for lengths
// 0..100 at two alignments and in place, with NaN guards around the buffers (as
// TestMathKernels does for the default kernels), and each fast kernel to differ from
// the default one somewhere (it is another computation, not an alias).
func TestFastMathKernels(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	const guard = 8
	funcs, has64, has32 := fastWithDefaults()
	for k, f := range funcs {
		x := mathInputs(f, 100+2*guard, rng)
		x32 := make([]float32, len(x))
		for i := range x {
			x32[i] = float32(x[i])
		}
		want := make([]float64, len(x))
		want32 := make([]float32, len(x))
		atLevel(t, LevelNone, func() {
			evalF64(f, want, x, nil)
			evalF32(f, want32, x32, nil)
		})
		for _, l := range levels() {
			atLevel(t, l, func() {
				for n := 0; n <= 100; n++ {
					for _, off := range []int{guard, guard - 1} {
						checkF64(t, f, l, x, x, want, off, n, guard)
						checkF32(t, f, l, x32, x32, want32, off, n, guard)
					}
				}
			})
		}
		// Dense ordinary inputs: the fast and default kernels round differently
		// somewhere.
		dense := make([]float64, 4096)
		dense32 := make([]float32, len(dense))
		for i := range dense {
			dense[i] = rng.Float64()*40 - 20
			if f.Name == "log" {
				dense[i] = rng.Float64() * 40
			}
			dense32[i] = float32(dense[i])
		}
		def := defaultMath(f.Name)
		fast, slow := make([]float64, len(dense)), make([]float64, len(dense))
		fast32, slow32 := make([]float32, len(dense)), make([]float32, len(dense))
		f.F64(fast, dense)
		def.F64(slow, dense)
		f.F32(fast32, dense32)
		def.F32(slow32, dense32)
		differ, differ32 := 0, 0
		for i := range dense {
			if fast[i] != slow[i] {
				differ++
			}
			if fast32[i] != slow32[i] {
				differ32++
			}
		}
		if has64[k] && differ == 0 || has32[k] && differ32 == 0 {
			t.Errorf("fast %s: differs from the default kernel on %d float64 and %d float32 of %d inputs; want some for each type with a fast kernel", f.Name, differ, differ32, len(dense))
		}
	}
}

// BenchmarkFastMath times each fast kernel against its default one at the active
// level, in cache (n = 10^5).
func BenchmarkFastMath(b *testing.B) {
	const n = 100_000
	rng := rand.New(rand.NewPCG(7, 8))
	funcs, has64, has32 := fastWithDefaults()
	for k, f := range funcs {
		x, _ := benchInputs(f, n, rng)
		x32 := make([]float32, n)
		for i := range x {
			x32[i] = float32(x[i])
		}
		dst, dst32 := make([]float64, n), make([]float32, n)
		for _, mode := range []struct {
			name string
			f    MathFunc
		}{{"default", defaultMath(f.Name)}, {"fast", f}} {
			if has64[k] {
				b.Run(fmt.Sprintf("%s/f64/%s", f.Name, mode.name), func(b *testing.B) {
					for b.Loop() {
						mode.f.F64(dst, x)
					}
					b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/elem")
				})
			}
			if has32[k] {
				b.Run(fmt.Sprintf("%s/f32/%s", f.Name, mode.name), func(b *testing.B) {
					for b.Loop() {
						mode.f.F32(dst32, x32)
					}
					b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/elem")
				})
			}
		}
	}
}

// TestFastModeMathFuncs: the fast mode's function list swaps in exactly the fast
// kernels, and its measured table is within each row's bound.
func TestFastModeMathFuncs(t *testing.T) {
	rows, err := MeasureFastMathAccuracy(os.DirFS("testdata"))
	if err != nil {
		t.Fatal(err)
	}
	swapped := 0
	for _, r := range rows {
		bound := 1.0
		if b, ok := HasFastKernel(r.Name, r.Type); ok {
			bound = b
			swapped++
		}
		if !(r.MaxULP <= bound) {
			t.Errorf("fast mode %s %s: %.3f ULP > %g", r.Name, r.Type, r.MaxULP, bound)
		}
	}
	if want := 7; swapped != want { // exp, sin and cos in f64 and f32, log f32
		t.Errorf("%d rows with a fast kernel, want %d", swapped, want)
	}
	if _, ok := HasFastKernel("log", "f64"); ok {
		t.Error("HasFastKernel(log, f64): float64 log has no fast kernel")
	}
}

// TestFastF32SinCosScan checks the fast float32 sin and cos at the active level
// against float64 sin and cos on every 5th float32 in [1/2, sinCosF32FastMax] (below
// 1/2 the reduction is exact) and on the float32 values nearest every multiple of
// pi/2 up to it (±8 ULPs), where the reduction cancels most: within the 4-ULP bound.
func TestFastF32SinCosScan(t *testing.T) {
	var xs []float32
	for b := math.Float32bits(0.5); b <= math.Float32bits(sinCosF32FastMax); b += 5 {
		xs = append(xs, math.Float32frombits(b))
	}
	for k := 1; float64(k)*math.Pi/2 <= float64(sinCosF32FastMax); k++ {
		c := math.Float32bits(float32(float64(k) * math.Pi / 2))
		for d := uint32(0); d <= 16; d++ {
			xs = append(xs, math.Float32frombits(c-8+d))
		}
	}
	got := make([]float32, len(xs))
	for _, f := range []struct {
		name string
		k    func(dst, x []float32)
		ref  func(float64) float64
	}{{"sin", SinFastF32, math.Sin}, {"cos", CosFastF32, math.Cos}} {
		f.k(got, xs)
		worst, at := 0.0, float32(0)
		for i, x := range xs {
			want := f.ref(float64(x))
			w32 := float32(want)
			ulp := math.Abs(float64(math.Nextafter32(w32, float32(math.Inf(1)))) - float64(w32))
			if math.Abs(float64(w32)) < math.Abs(want) {
				ulp = math.Abs(float64(math.Nextafter32(w32, float32(math.Inf(1)))) - float64(w32))
			}
			if e := math.Abs(float64(got[i])-want) / ulp; e > worst {
				worst, at = e, x
			}
		}
		t.Logf("fast %s f32 at %v: max %.3f ULP at %v over %d inputs", f.name, Active(), worst, at, len(xs))
		if !(worst <= 4) {
			t.Errorf("fast %s f32 at %v: %.3f ULP at %v, over the 4-ULP bound", f.name, Active(), worst, at)
		}
	}
}
