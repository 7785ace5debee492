package numeric

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/numkit/numkit/kernels"
)

// momentLayouts are the layouts momentArray makes: C and Fortran order, every other
// element, the last axis backwards, and the first axis broadcast (stride 0).
var momentLayouts = []string{"C", "F", "strided", "reversed", "broadcast"}

// momentArray is an array of dtype t, shape and layout whose element at flat C index
// i (with layout "broadcast": at the C index of the element's other coordinates, so
// the first axis repeats) is val(i).
func momentArray(t DType, shape []int, layout string, val func(i int) complex128) *Array {
	n := prod(shape)
	nd := len(shape)
	strides, size, off := cStrides(shape), n, 0
	switch layout {
	case "F":
		s := 1
		for d := range shape {
			strides[d] = s
			s *= shape[d]
		}
	case "strided":
		for d := range strides {
			strides[d] *= 2
		}
		size = 2 * n
	case "reversed":
		strides[nd-1] = -1
		off = shape[nd-1] - 1
	case "broadcast":
		strides = append([]int{0}, cStrides(shape[1:])...)
		size = prod(shape[1:])
	}
	var data any
	set := func(int, complex128) {}
	switch t {
	case Float64:
		d := make([]float64, size)
		data, set = d, func(k int, v complex128) { d[k] = real(v) }
	case Float32:
		d := make([]float32, size)
		data, set = d, func(k int, v complex128) { d[k] = float32(real(v)) }
	case Int64:
		d := make([]int64, size)
		data, set = d, func(k int, v complex128) { d[k] = int64(real(v)) }
	case Int32:
		d := make([]int32, size)
		data, set = d, func(k int, v complex128) { d[k] = int32(real(v)) }
	case Complex128:
		d := make([]complex128, size)
		data, set = d, func(k int, v complex128) { d[k] = v }
	case Complex64:
		d := make([]complex64, size)
		data, set = d, func(k int, v complex128) { d[k] = complex64(v) }
	}
	idx := make([]int, nd)
	for range n {
		k, flat := off, 0
		for d := range nd {
			k += idx[d] * strides[d]
			if layout != "broadcast" || d > 0 {
				flat = flat*shape[d] + idx[d]
			}
		}
		set(k, val(flat))
		for d := nd - 1; d >= 0; d-- {
			if idx[d]++; idx[d] < shape[d] {
				break
			}
			idx[d] = 0
		}
	}
	return &Array{Data: data, Shape: shape, Strides: strides, Offset: off}
}

// momentValues are values whose moments depend on the order of every operation:
// mixed magnitudes about a large shift for floats, small integers for ints, with
// NaN (in either part of a complex value) at about one element in every special (0:
// none), +Inf and -Inf as often if inf is set.
func momentValues(t DType, seed uint64, special int) func(int) complex128 {
	return specialValues(t, seed, special, true)
}

func specialValues(t DType, seed uint64, special int, inf bool) func(int) complex128 {
	return func(i int) complex128 {
		rng := rand.New(rand.NewPCG(seed, uint64(i)))
		if !t.IsFloat() && !t.IsComplex() {
			return complex(float64(rng.IntN(2001)-1000), 0)
		}
		v := 1e4*float64(seed%3) + rng.NormFloat64()*math.Pow(10, float64(rng.IntN(7)-3))
		w := rng.NormFloat64()
		if special > 0 {
			switch k := rng.IntN(special); {
			case k == 0:
				v = math.NaN()
			case k == 1 && inf:
				v = math.Inf(1)
			case k == 2 && inf:
				v = math.Inf(-1)
			case k == 3:
				w = math.NaN()
			}
		}
		return complex(v, w)
	}
}

// checkAxisDevice evaluates src over vars on simd (gonum in a noasm build) and
// opencl and requires the same bits and want runs of the device's axis kernel. With
// anyNaN, a NaN equals any NaN: where a line mixes Go's math.NaN() with the NaN of
// Inf − Inf, which of the two an addition keeps depends on the order the compiler
// gives its operands.
func checkAxisDevice(t *testing.T, src string, vars Vars, want int64, where string, anyNaN ...bool) {
	t.Helper()
	cpu, dev, _, axisRuns := evalBoth(t, src, vars)
	cpu, dev = partsOf(cpu), partsOf(dev)
	if len(anyNaN) > 0 && anyNaN[0] {
		cpu, dev = anyNaNBits(cpu, dev), anyNaNBits(dev, cpu)
	}
	if msg := clSameBits(cpu, dev); msg != "" {
		t.Errorf("%s %s: %s", src, where, msg)
	}
	if axisRuns != want {
		t.Errorf("%s %s: %d axis kernels ran on the device, want %d", src, where, axisRuns, want)
	}
}

// partsOf views a complex result as a float result of twice the length (its parts,
// which clSameBits compares bit for bit), the type kept apart in Shape; a real
// result is itself.
func partsOf(r Result) Result {
	switch d := r.Data.(type) {
	case []complex128:
		f := make([]float64, 0, 2*len(d))
		for _, v := range d {
			f = append(f, real(v), imag(v))
		}
		r.Data, r.Type, r.Shape = f, Float64, append(append([]int{}, r.Shape...), 2, 128)
	case []complex64:
		f := make([]float32, 0, 2*len(d))
		for _, v := range d {
			f = append(f, real(v), imag(v))
		}
		r.Data, r.Type, r.Shape = f, Float32, append(append([]int{}, r.Shape...), 2, 64)
	}
	return r
}

// anyNaNBits is r with every NaN that other also has at its index made Go's math.NaN().
func anyNaNBits(r, other Result) Result {
	switch d := r.Data.(type) {
	case []float64:
		o, _ := other.Data.([]float64)
		c := append([]float64{}, d...)
		for i := range c {
			if i < len(o) && c[i] != c[i] && o[i] != o[i] {
				c[i] = math.NaN()
			}
		}
		r.Data = c
	case []float32:
		o, _ := other.Data.([]float32)
		c := append([]float32{}, d...)
		for i := range c {
			if i < len(o) && c[i] != c[i] && o[i] != o[i] {
				c[i] = float32(math.NaN())
			}
		}
		r.Data = c
	}
	return r
}

// TestOpenCLAxisMomentsBits reduces var, std, skew and kurt along every axis of 2-D
// and 3-D arrays of every real dtype and layout, with lines of 1, 3, 4095, 4097 and
// 10000 elements (one block, two, three), on the device, and requires simd's bits
// and the device's axis kernel.
func TestOpenCLAxisMomentsBits(t *testing.T) {
	requireOpenCL(t)
	var shapes [][]int
	for _, l := range []int{1, 3, 4095, 4097, 10000} {
		shapes = append(shapes, []int{l, 3}, []int{3, l})
	}
	// (4097, 6), (10000, 4), (2, 4097, 4): axis 0 reduces 2 and 4 lines per work-item
	shapes = append(shapes, []int{2, 4097, 3}, []int{5, 3, 7}, []int{4097, 6}, []int{10000, 4}, []int{2, 4097, 4})
	for _, dt := range []DType{Float64, Float32, Int64, Int32} {
		for si, shape := range shapes {
			for li, layout := range momentLayouts {
				a := momentArray(dt, shape, layout, momentValues(dt, uint64(si*10+li), 0))
				for _, fun := range []string{"var", "std", "skew", "kurt"} {
					for _, axis := range []int{0, 1, -1} {
						where := fmt.Sprintf("%s %v %s", dt, shape, layout)
						checkAxisDevice(t, fmt.Sprintf("%s(a, axis=%d)", fun, axis), Vars{"a": a}, 1, where)
					}
				}
			}
		}
	}
}

// TestOpenCLAxisMomentsSpecial puts NaN in some lines, and in a second array also
// +Inf and -Inf (a line with both infinities, one of +Inf only, lines without any),
// and checks the bits of the CPU's NaN and infinity handling; lines of two blocks
// merge a special block with a finite one. Against the gonum backend's block
// function (a noasm build), which propagates NaN by arithmetic alone, a NaN of the
// second array may be either NaN (checkAxisDevice).
func TestOpenCLAxisMomentsSpecial(t *testing.T) {
	requireOpenCL(t)
	for _, inf := range []bool{false, true} {
		for _, dt := range []DType{Float64, Float32} {
			for _, shape := range [][]int{{40, 300}, {9, 5000}} {
				vals := specialValues(dt, 11, 200, inf)
				cols := shape[1]
				a := momentArray(dt, shape, "C", func(i int) complex128 {
					switch r, c := i/cols, i%cols; {
					case r > shape[0]/2:
						return momentValues(dt, 12, 0)(i)
					case !inf:
					case r == 0 && c == 7:
						return complex(math.Inf(1), 0)
					case r == 0 && c == cols-2:
						return complex(math.Inf(-1), 0)
					case r == 1:
						return complex(math.Inf(1), 0)
					case r == 2 && c == cols-1:
						return complex(math.Inf(1), 0)
					}
					return vals(i)
				})
				for _, fun := range []string{"var", "std", "skew", "kurt"} {
					for _, axis := range []int{0, 1} {
						where := fmt.Sprintf("%s %v (infinities: %v)", dt, shape, inf)
						checkAxisDevice(t, fmt.Sprintf("%s(a, axis=%d)", fun, axis), Vars{"a": a}, 1, where, inf && momentOrder() == kernels.MomentsBlock)
					}
				}
			}
		}
	}
}

// TestOpenCLAxisComplex reduces complex128 and complex64 arrays (with NaN parts in
// some lines) by sum, prod and mean along every axis and layout on the device.
func TestOpenCLAxisComplex(t *testing.T) {
	requireOpenCL(t)
	shapes := [][]int{{3, 4097}, {4097, 3}, {2, 3, 5}, {1, 3}}
	for _, dt := range []DType{Complex128, Complex64} {
		for si, shape := range shapes {
			for li, layout := range momentLayouts {
				for _, fun := range []string{"sum", "prod", "mean"} {
					for _, inf := range []bool{false, true} {
						base := specialValues(dt, uint64(si*10+li), 500, inf)
						vals := base
						if fun == "prod" { // factors near 1, so that products stay finite
							vals = func(i int) complex128 {
								v := base(i)
								return complex(1+real(v)*1e-6, imag(v)/64)
							}
						}
						a := momentArray(dt, shape, layout, vals)
						for _, axis := range []int{0, 1, -1} {
							where := fmt.Sprintf("%s %v %s (infinities: %v)", dt, shape, layout, inf)
							checkAxisDevice(t, fmt.Sprintf("%s(a, axis=%d)", fun, axis), Vars{"a": a}, 1, where, inf)
						}
					}
				}
			}
		}
	}
}

// TestOpenCLAxisMomentsInExpression uses moment and complex reductions along an axis
// inside expressions on the device.
func TestOpenCLAxisMomentsInExpression(t *testing.T) {
	requireOpenCL(t)
	a := momentArray(Float64, []int{60, 90}, "F", momentValues(Float64, 4, 0))
	i := momentArray(Int32, []int{60, 90}, "C", momentValues(Int32, 5, 0))
	z := momentArray(Complex128, []int{60, 90}, "C", momentValues(Complex128, 6, 0))
	for _, c := range []struct {
		src  string
		runs int64
	}{
		{"a - mean(a, axis=0)", 1},
		{"std(a, axis=1) * 2", 1},
		{"(a - mean(a, axis=0)) / std(a, axis=0)", 2},
		{"skew(a, axis=0) + kurt(a, axis=0)", 2},
		{"var(i, axis=1) * 2 + std(i, axis=1)", 2},
		{"z - mean(z, axis=0)", 1},
		{"sum(z, axis=1) * 2j", 1},
	} {
		checkAxisDevice(t, c.src, Vars{"a": a, "i": i, "z": z}, c.runs, "")
	}
}

// TestOpenCLAxisEmptyLines reduces along an axis of length 0: every backend gives the
// reduction of no elements for each result (0, 1, NaN), min and max an error wrapping
// ErrEmpty, without reducing each line.
func TestOpenCLAxisEmptyLines(t *testing.T) {
	backends := cpuBackends()
	if r, _ := Hardware(); r.OpenCL.Available {
		backends = append(backends, BackendOpenCL)
	}
	a := NewArray([]float64{}, 0, 4)
	z := NewArray([]complex64{}, 3, 0)
	for _, b := range backends {
		for _, c := range []struct {
			src  string
			vars Vars
			want string
		}{
			{"sum(a, axis=0)", Vars{"a": a}, "[0 0 0 0]"},
			{"prod(a, axis=0)", Vars{"a": a}, "[1 1 1 1]"},
			{"mean(a, axis=0)", Vars{"a": a}, "[NaN NaN NaN NaN]"},
			{"var(a, axis=0) + 1", Vars{"a": a}, "[NaN NaN NaN NaN]"},
			{"kurt(a, axis=-2)", Vars{"a": a}, "[NaN NaN NaN NaN]"},
			{"sum(a, axis=1)", Vars{"a": a}, "[]"},
			{"sum(z, axis=1)", Vars{"z": z}, "[(0+0i) (0+0i) (0+0i)]"},
		} {
			r, err := Evaluate(c.src, c.vars, WithBackend(b))
			if err != nil {
				t.Errorf("%s on %s: %v", c.src, b, err)
				continue
			}
			if got := fmt.Sprint(r.Data); got != c.want {
				t.Errorf("%s on %s: %s, want %s", c.src, b, got, c.want)
			}
		}
		_, err := Evaluate("max(a, axis=0)", Vars{"a": a}, WithBackend(b))
		if !errors.Is(err, ErrEmpty) || !strings.Contains(fmt.Sprint(err), "max(a, axis=0)") || !strings.Contains(fmt.Sprint(err), "(0, 4)") {
			t.Errorf("max along an empty axis on %s: %v, want an error naming the call and shape, wrapping ErrEmpty", b, err)
		}
	}
}
