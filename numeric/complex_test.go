package numeric

import (
	"context"
	"errors"
	"math"
	"math/cmplx"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// complexBackends are the backends that evaluate complex programs (the CPU ones; simd
// not in -tags noasm builds).
var complexBackends = append(cpuBackends(), BackendAuto)

// TestComplexVars: every way to pass complex data in and get it out gives the same
// values on every CPU backend: slices, scalars, a strided *mat.CDense (a Slice of a
// larger matrix, read and written in place), N-d Arrays in Fortran order, 0-d Arrays,
// and EvalInto destinations of each kind.
func TestComplexVars(t *testing.T) {
	ctx := context.Background()
	z := []complex128{1 + 2i, -3 + 0.5i, 0, complex(0, -1)}
	w := []complex64{2, 1i, -1 - 1i, 0.5}
	big := mat.NewCDense(3, 4, nil)
	for i := range 3 {
		for j := range 4 {
			big.Set(i, j, complex(float64(i), float64(j)))
		}
	}
	sub := big.Slice(1, 3, 1, 3).(*mat.CDense) // [[1+1i 1+2i] [2+1i 2+2i]], stride 4
	for _, be := range complexBackends {
		t.Run(be, func(t *testing.T) {
			eval := func(src string, vars Vars) Result {
				t.Helper()
				r, err := MustCompile(src, WithBackend(be)).Eval(ctx, vars)
				if err != nil {
					t.Fatalf("%s: %v", src, err)
				}
				return r
			}
			r := eval("z*w + s", Vars{"z": z, "w": w, "s": complex64(1i)})
			want := []complex128{2 + 5i, -0.5 - 2i, 1i, 0.5i}
			if got, ok := r.Data.([]complex128); !ok || r.Type != Complex128 || !equalC(got, want) {
				t.Errorf("z*w + s = %v (%s), want %v", r.Data, r.Type, want)
			}
			r = eval("w*w", Vars{"w": w})
			if got, ok := r.Data.([]complex64); !ok || got[1] != -1 || got[2] != 2i {
				t.Errorf("w*w = %v (%s), want complex64", r.Data, r.Type)
			}
			r = eval("m * 2 - 1j", Vars{"m": sub})
			if got := r.Data.([]complex128); !equalC(got, []complex128{2 + 1i, 2 + 3i, 4 + 1i, 4 + 3i}) || len(r.Shape) != 2 {
				t.Errorf("strided CDense: %v shape %v", got, r.Shape)
			}
			f := NewFortranArray([]complex128{1, 2, 3i, 4i, 5, 6}, 2, 3) // [[1 3i 5] [2 4i 6]]
			r = eval("conj(f) + row", Vars{"f": f, "row": []complex128{0, 1, 1i}})
			if got := r.Data.([]complex128); !equalC(got, []complex128{1, 1 - 3i, 5 + 1i, 2, 1 - 4i, 6 + 1i}) {
				t.Errorf("Fortran Array: %v", got)
			}
			zero := &Array{Data: []complex128{2 - 1i}} // 0-d: a scalar
			r = eval("z * k", Vars{"z": z, "k": zero})
			if got := r.Data.([]complex128); got[0] != (1+2i)*(2-1i) {
				t.Errorf("0-d Array: %v", got)
			}
			r = eval("sum(z)", Vars{"z": z})
			if c, ok := r.Data.(complex128); !ok || !r.Scalar || c != -2+1.5i {
				t.Errorf("sum(z) = %v (%T)", r.Data, r.Data)
			}
			if a := r.Array(); a.Data.([]complex128)[0] != -2+1.5i {
				t.Errorf("sum(z).Array() = %v", a.Data)
			}
			r = eval("mean(w)", Vars{"w": w})
			if c, ok := r.Data.(complex64); !ok || c != complex64(complex(0.375, 0)) {
				t.Errorf("mean(w) = %v (%T)", r.Data, r.Data)
			}

			// EvalInto destinations.
			e := MustCompile("z * 1j", WithBackend(be))
			dst := make([]complex128, 4)
			if err := e.EvalInto(ctx, dst, Vars{"z": z}); err != nil || !equalC(dst, []complex128{-2 + 1i, -0.5 - 3i, 0, 1}) {
				t.Errorf("EvalInto slice: %v %v", dst, err)
			}
			out := mat.NewCDense(3, 4, nil)
			if err := MustCompile("m + 10", WithBackend(be)).EvalInto(ctx, out.Slice(0, 2, 2, 4).(*mat.CDense), Vars{"m": sub}); err != nil {
				t.Fatal(err)
			}
			if out.At(0, 2) != 11+1i || out.At(1, 3) != 12+2i || out.At(0, 0) != 0 || out.At(2, 3) != 0 {
				t.Errorf("EvalInto strided CDense: %v", out.RawCMatrix().Data)
			}
			var s complex128
			if err := MustCompile("prod(z + 1)", WithBackend(be)).EvalInto(ctx, &s, Vars{"z": z}); err != nil || s != (2+2i)*(-2+0.5i)*(1)*(1-1i) {
				t.Errorf("EvalInto *complex128: %v %v", s, err)
			}
			var s64 complex64
			if err := MustCompile("sum(w)", WithBackend(be)).EvalInto(ctx, &s64, Vars{"w": w}); err != nil || s64 != 1.5 {
				t.Errorf("EvalInto *complex64: %v %v", s64, err)
			}
			arr := NewFortranArray(make([]complex128, 6), 2, 3)
			if err := MustCompile("f * 2", WithBackend(be)).EvalInto(ctx, arr, Vars{"f": f}); err != nil || arr.Data.([]complex128)[2] != 6i {
				t.Errorf("EvalInto Fortran Array: %v %v", arr.Data, err)
			}
			err := MustCompile("z * 2", WithBackend(be)).EvalInto(ctx, make([]float64, 4), Vars{"z": z})
			if !errors.Is(err, ErrType) || !strings.Contains(err.Error(), "gives []complex128, but the destination is []float64") {
				t.Errorf("wrong destination type: %v", err)
			}
		})
	}
}

// TestComplexOpenCL: the OpenCL backend runs every complex function and operator
// (products and quotients with the CPU's bits, the functions within 1e-14 of the
// CPU's values and with their special values), complex scalar inputs, complex scalar
// results and complex reductions (sum with the CPU's bits).
func TestComplexOpenCL(t *testing.T) {
	requireOpenCL(t)
	ctx := context.Background()
	z := make([]complex128, 1<<16)
	for i := range z {
		z[i] = complex(float64(i), 1)
	}
	funcs := []string{"sqrt", "exp", "log", "log10", "log1p", "expm1", "sin", "cos", "tan", "sinh", "cosh", "tanh",
		"arcsin", "arccos", "arctan", "arcsinh", "arccosh", "arctanh"}
	srcs := []string{"z * (2 - 1j) / (1 + 3j)", "abs(z) + real(conj(z))", "z * s - s", "z ** (s * 0.25)", "z64 * s64 + 1j"}
	for _, f := range funcs {
		srcs = append(srcs, f+"(z * 1e-4j - 2)")
	}
	z64 := make([]complex64, len(z))
	for i, v := range z {
		z64[i] = complex64(v * 1e-3)
	}
	vars := Vars{"z": z, "s": complex(0.5, -1.5), "z64": z64, "s64": complex64(2 - 1i)}
	for _, src := range srcs {
		cl, err := MustCompile(src, WithBackend(BackendOpenCL)).Eval(ctx, vars)
		if err != nil {
			t.Errorf("%s on opencl: %v", src, err)
			continue
		}
		cpu, err := MustCompile(src, WithBackend(BackendGonum)).Eval(ctx, vars)
		if err != nil {
			t.Fatal(err)
		}
		exact := strings.Contains(src, "/") || strings.Contains(src, "* s")
		for i := range z {
			var a, b complex128
			switch d := cl.Data.(type) {
			case []complex128:
				a, b = d[i], cpu.Data.([]complex128)[i]
			case []complex64:
				a, b = complex128(d[i]), complex128(cpu.Data.([]complex64)[i])
			case []float64:
				a, b = complex(d[i], 0), complex(cpu.Data.([]float64)[i], 0)
			}
			if exact && a != b || !exact && cmplx.Abs(a-b) > 1e-14*cmplx.Abs(b) {
				t.Errorf("%s element %d: opencl %v, gonum %v", src, i, a, b)
				break
			}
		}
	}
	inf, nan, negZero := math.Inf(1), math.NaN(), math.Copysign(0, -1)
	special := []complex128{complex(inf, 0), complex(-inf, 1), complex(nan, 0), complex(0, inf), complex(negZero, negZero),
		complex(-4, negZero), complex(-inf, nan), complex(inf, -inf), complex(nan, inf), complex(0, nan), complex(inf, nan),
		complex(-1, 0), complex(1, negZero), complex(2, negZero), 1e-310 + 1e-310i, 1e300 - 1e300i, complex(25, 1e-300)}
	specialSrcs := []string{"s / (0 * s)", "s ** (1.5 + 0j)", "s ** s", "s ** -3", "s ** (2 + 0.5j)"}
	for _, f := range funcs {
		specialSrcs = append(specialSrcs, f+"(s)")
	}
	for _, src := range specialSrcs {
		cl, err := MustCompile(src, WithBackend(BackendOpenCL)).Eval(ctx, Vars{"s": special})
		if err != nil {
			t.Fatalf("%s on opencl: %v", src, err)
		}
		cpu, _ := MustCompile(src, WithBackend(BackendGonum)).Eval(ctx, Vars{"s": special})
		for i, a := range cl.Data.([]complex128) {
			if b := cpu.Data.([]complex128)[i]; !sameComplex(a, b) {
				t.Errorf("%s of %v: opencl %v, gonum %v", src, special[i], a, b)
			}
		}
	}
	// Scalar results: folded, from a complex scalar, and reductions (sum and mean with
	// the CPU's bits over several tiles; prod within 1e-12).
	for _, src := range []string{"1j*2 + 3", "s * 2j", "sum(z)", "sum(z * s) + 1j", "mean(z * 1e-3j)", "prod(z * 1e-5j + 1)", "sum(z64)", "prod(z64 * 1e-3 + 1)"} {
		cl, err := MustCompile(src, WithBackend(BackendOpenCL)).Eval(ctx, vars)
		cpu, err2 := MustCompile(src, WithBackend(BackendGonum)).Eval(ctx, vars)
		if err != nil || err2 != nil {
			t.Errorf("%s: opencl %v, gonum %v", src, err, err2)
			continue
		}
		if cl.Type != cpu.Type {
			t.Errorf("%s: opencl %s, gonum %s", src, cl.Type, cpu.Type)
			continue
		}
		var a, b complex128
		if cl.Type == Complex64 {
			a, b = complex128(cl.Data.(complex64)), complex128(cpu.Data.(complex64))
		} else {
			a, b = cl.Data.(complex128), cpu.Data.(complex128)
		}
		if !strings.HasPrefix(src, "prod") && a != b || cmplx.Abs(a-b) > 1e-12*cmplx.Abs(b) {
			t.Errorf("%s: opencl %v, gonum %v", src, a, b)
		}
	}
}

// TestComplexThreads: complex sums and products give the same bits at every thread
// count, and equal the canonical order's (docs/language.md, Complex numbers).
func TestComplexThreads(t *testing.T) {
	ctx := context.Background()
	n := 3*4096*7 + 123
	z := make([]complex128, n)
	for i := range z {
		z[i] = complex(math.Sin(float64(i)), math.Cos(float64(i)*0.7)) * 1.0001
	}
	var first []complex128
	for _, threads := range []int{1, 2, 3, 8} {
		var got []complex128
		for _, src := range []string{"sum(z)", "prod(z / abs(z))", "mean(z*z)"} {
			r, err := MustCompile(src, WithThreads(threads), WithBackend(BackendGonum)).Eval(ctx, Vars{"z": z})
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, r.Data.(complex128))
		}
		if first == nil {
			first = got
			if math.Abs(real(got[0])-sumRe(z)) > 1e-9 || cmplx.Abs(got[1]) < 0.99 || cmplx.Abs(got[1]) > 1.01 {
				t.Errorf("sum %v (want about %v), |prod of unit numbers| %v", got[0], sumRe(z), cmplx.Abs(got[1]))
			}
			continue
		}
		for k := range got {
			if got[k] != first[k] {
				t.Errorf("threads %d: %v, 1 thread %v", threads, got[k], first[k])
			}
		}
	}
}

// sameComplex reports whether a and b agree part by part: both NaN, or the same
// infinity, or the same zero (sign included), or within 1e-14 relatively.
func sameComplex(a, b complex128) bool {
	same := func(x, y float64) bool {
		switch {
		case math.IsNaN(x) || math.IsNaN(y):
			return math.IsNaN(x) && math.IsNaN(y)
		case x == 0 || y == 0 || math.IsInf(x, 0) || math.IsInf(y, 0):
			return x == y && math.Signbit(x) == math.Signbit(y)
		}
		return math.Abs(x-y) <= 1e-14*math.Abs(y)
	}
	return same(real(a), real(b)) && same(imag(a), imag(b))
}

func sumRe(z []complex128) float64 {
	var s float64
	for _, v := range z {
		s += real(v)
	}
	return s
}

func equalC(a, b []complex128) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Partial evaluation does not take complex values yet: a clear ErrType, not a wrong
// merge (a partial's codec holds real partials).
func TestComplexPartialRefused(t *testing.T) {
	z := []complex128{1, 2i, 3}
	_, err := MustCompile("sum(z)").EvalPartial(context.Background(), Chunk{Index: 0, Count: 1, Len: 3, Total: 3}, Vars{"z": z}, nil)
	if !errors.Is(err, ErrType) || !strings.Contains(err.Error(), "partial evaluation of complex values is not supported") {
		t.Errorf("EvalPartial of sum(z): %v", err)
	}
}

// The simd backend's complex kernels (asm's product, the parts' sums) give the gonum
// backend's bits, special values included.
func TestComplexSIMDBits(t *testing.T) {
	confRequire(t, BackendSIMD) // not in -tags noasm builds
	n := 3*4096 + 77
	z, w := make([]complex128, n), make([]complex128, n)
	specials := []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(), 1e308, 1e-310}
	for i := range z {
		z[i] = complex(math.Sin(float64(i)), float64(i%17)-8)
		w[i] = complex(float64(i%5)*0.3, math.Cos(float64(i)*1.3))
		if i%41 == 0 {
			z[i] = complex(specials[i%len(specials)], specials[(i/3)%len(specials)])
		}
	}
	ctx := context.Background()
	z64, w64 := make([]complex64, n), make([]complex64, n)
	for i := range z64 {
		z64[i], w64[i] = complex64(z[i]), complex64(w[i])
	}
	a64, err := MustCompile("x*y", WithBackend(BackendSIMD)).Eval(ctx, Vars{"x": z64, "y": w64})
	if err != nil {
		t.Fatal(err)
	}
	b64, _ := MustCompile("x*y", WithBackend(BackendGonum)).Eval(ctx, Vars{"x": z64, "y": w64})
	for i, x := range a64.Data.([]complex64) {
		y := b64.Data.([]complex64)[i]
		if x != y && !(x != x && y != y) {
			t.Fatalf("complex64 x*y element %d: simd %v, gonum %v", i, x, y)
		}
	}
	for _, src := range []string{"z*w + 1j", "z - w", "1j + z", "z + (2-1j)", "z*w", "z*(0.5+2j)", "(3-1j)*z - w", "z / w", "w / z", "z / (w * 0)", "(1+1j) / z", "abs(z) + 0j", "abs(z*1e300) + 0j", "abs(z*1e-320) + 0j", "z*w + w", "w + z*(1+2j)", "z*w + z*w*2"} {
		a, err := MustCompile(src, WithBackend(BackendSIMD)).Eval(ctx, Vars{"z": z, "w": w})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := MustCompile(src, WithBackend(BackendGonum)).Eval(ctx, Vars{"z": z, "w": w})
		for i, x := range a.Data.([]complex128) {
			y := b.Data.([]complex128)[i]
			bits := func(f float64) uint64 {
				if f != f {
					return 1 // any NaN
				}
				return math.Float64bits(f)
			}
			if bits(real(x)) != bits(real(y)) || bits(imag(x)) != bits(imag(y)) {
				t.Fatalf("%s element %d: simd %v, gonum %v", src, i, x, y)
			}
		}
	}
}

// Axis reductions of complex N-d arrays, and their broadcast back.
func TestComplexAxis(t *testing.T) {
	m := NewArray([]complex128{1, 2i, 3, 4i, 5, 6i}, 2, 3) // [[1 2i 3] [4i 5 6i]]
	ctx := context.Background()
	for _, be := range complexBackends {
		r, err := MustCompile("sum(m, axis=0)", WithBackend(be)).Eval(ctx, Vars{"m": m})
		if err != nil || !equalC(r.Data.([]complex128), []complex128{1 + 4i, 5 + 2i, 3 + 6i}) {
			t.Errorf("%s sum(m, axis=0) = %v %v", be, r.Data, err)
		}
		r, err = MustCompile("prod(m, axis=1)", WithBackend(be)).Eval(ctx, Vars{"m": m})
		if err != nil || !equalC(r.Data.([]complex128), []complex128{6i, -120}) {
			t.Errorf("%s prod(m, axis=1) = %v %v", be, r.Data, err)
		}
		r, err = MustCompile("m - mean(m, axis=0)", WithBackend(be)).Eval(ctx, Vars{"m": m})
		if err != nil || len(r.Shape) != 2 || r.Data.([]complex128)[0] != 0.5-2i {
			t.Errorf("%s m - mean(m, axis=0) = %v %v", be, r.Data, err)
		}
	}
}
