package numeric

// The conformance suite's inputs and its ULP table.

import (
	"math"
	"sync"
)

// Special values of each type. The "1" variables (b1, i1, l1, f1, d1) cycle through
// their list element by element; the "2" variables (b2, …) hold each value for 32
// elements, so that over 32*len elements every pair of a "1" and a "2" value occurs.
var (
	confF64 = []float64{0, math.Copysign(0, -1), 1, -1, 0.5, -0.5, 1.5, -2.5, 2.5, 3, -7, 7,
		0.1, -0.1, 1e300, -1e300, math.MaxFloat64, -math.MaxFloat64,
		math.SmallestNonzeroFloat64, -math.SmallestNonzeroFloat64, 2.2250738585072014e-308,
		math.Inf(1), math.Inf(-1), math.NaN(), 1e-10, 123456.789, 0.49999999999999994,
		4503599627370497, -3, 1e16, 0.3}
	confF32 = []float32{0, float32(math.Copysign(0, -1)), 1, -1, 0.5, -0.5, 1.5, -2.5, 2.5, 3,
		-7, 7, 0.1, -0.1, 1e30, -1e30, math.MaxFloat32, -math.MaxFloat32,
		math.SmallestNonzeroFloat32, -math.SmallestNonzeroFloat32, 1.17549435e-38,
		float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.NaN()), 1e-10, 123456.79,
		0.49999997, 8388609, -3, 1e16, 0.3}
	confI32 = []int32{0, 1, -1, 2, -2, 3, -3, 7, -7, 31, 32, 33, 63, 64, 65, -32,
		math.MaxInt32, math.MinInt32, math.MaxInt32 - 1, math.MinInt32 + 1, 46341, -46341,
		1 << 30, 100, 16777217}
	confI64 = []int64{0, 1, -1, 2, -2, 3, -3, 7, -7, 31, 32, 63, 64, 65, -64,
		math.MaxInt64, math.MinInt64, math.MaxInt64 - 1, math.MinInt64 + 1,
		1<<53 + 1, -(1<<53 + 1), 1<<60 + 1<<36 + 1, 3037000500, 1 << 32,
		math.MaxInt32 + 1, math.MinInt32 - 1, 1 << 62, 16777217}
	confBools = []bool{false, true}
)

// confBlock is how long each "2" value is held; every list is at most this long.
const confBlock = 32

// confPairLen covers every pair of "1" and "2" values.
const confPairLen = confBlock * confBlock

var (
	confVarsMu    sync.Mutex
	confVarsCache = map[int]Vars{}
)

// confVars returns the standard variables of length n (shared, read-only):
//
//	b1 i1 l1 f1 d1, b2 i2 l2 f2 d2: special values of each type (see above);
//	x, y (float64), xf, yf (float32): smooth values, x in [-3, 3], y in (0, 10];
//	u, uf: in [-1, 1]; w (float64) in [1, 4]; n32, n64: small integers; c: bools;
//	scalars sb (bool), s32 (int32), s64 (int64), sf (float32), sd (float64),
//	si (a Go int that fits in int32) and sbig (a Go int that does not).
func confVars(n int) Vars {
	confVarsMu.Lock()
	defer confVarsMu.Unlock()
	if v, ok := confVarsCache[n]; ok {
		return v
	}
	v := Vars{
		"b1": confCycle(confBools, n, 1), "b2": confCycle(confBools, n, confBlock),
		"i1": confCycle(confI32, n, 1), "i2": confCycle(confI32, n, confBlock),
		"l1": confCycle(confI64, n, 1), "l2": confCycle(confI64, n, confBlock),
		"f1": confCycle(confF32, n, 1), "f2": confCycle(confF32, n, confBlock),
		"d1": confCycle(confF64, n, 1), "d2": confCycle(confF64, n, confBlock),
		"sb": true, "s32": int32(-3), "s64": int64(1<<40 + 3), "sf": float32(1.5),
		"sd": -2.5, "si": 7, "sbig": 1 << 33,
	}
	x, y, u, w := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	xf, yf, uf := make([]float32, n), make([]float32, n), make([]float32, n)
	n32, n64, c := make([]int32, n), make([]int64, n), make([]bool, n)
	for i := range n {
		s := math.Sin(float64(i)*0.7 + 0.3)
		x[i] = 3 * s
		y[i] = 10 * (1.0001 + math.Cos(float64(i)*1.3)) / 2.0001
		u[i] = math.Cos(float64(i) * 0.37)
		w[i] = 2.5 + 1.5*math.Sin(float64(i)*0.11)
		xf[i], yf[i], uf[i] = float32(x[i]), float32(y[i]), float32(u[i])
		n32[i] = int32(i%101 - 50)
		n64[i] = int64(i%1999-999) * 1001
		c[i] = (i*7)%5 < 2
	}
	for k, a := range map[string]any{"x": x, "y": y, "u": u, "w": w, "xf": xf, "yf": yf,
		"uf": uf, "n32": n32, "n64": n64, "c": c} {
		v[k] = a
	}
	confVarsCache[n] = v
	return v
}

// confCycle repeats vals: element i is vals[(i/hold) % len(vals)].
func confCycle[T any](vals []T, n, hold int) []T {
	s := make([]T, n)
	for i := range s {
		s[i] = vals[(i/hold)%len(vals)]
	}
	return s
}

// confTypeVars names a "1" and a "2" array variable and a Go scalar of each type.
var confTypeVars = []struct {
	typ          DType
	one, two, sc string
}{
	{Bool, "b1", "b2", "sb"},
	{Int32, "i1", "i2", "s32"},
	{Int64, "l1", "l2", "s64"},
	{Float32, "f1", "f2", "sf"},
	{Float64, "d1", "d2", "sd"},
}

// The ULPs a backend may differ from the reference by, for the functions that are not
// exact. The reference is Go's math in float64 (rounded once for float32), which is
// what the gonum backend runs, so gonum must match it exactly (0 ULP); for log, log10
// and pow of subnormal float64s both follow docs/language.md's recipe around Go's bug
// (golang/go#56600). For simd (1 ULP
// from the exact value) and opencl (the OpenCL 1.2 full-profile limit, section 7.4, the
// same for fp32 and fp64 except division and sqrt, which fp64 rounds correctly) the
// bound is that limit plus confRefErrULP, the error of Go's math itself: checked
// against mpmath, Go's Pow is up to ~20 ULP off for exponents near 64, Asin/Acos tens of
// ULP near ±1, Log2 tens of ULP near 1, Sin/Cos/Tan tens of ULP at huge arguments, the
// others a few ULP.
var (
	confRefErrULP = map[string]int64{"sin": 64, "cos": 64, "tan": 64, "arcsin": 128,
		"arccos": 128, "arctan": 4, "sinh": 4, "cosh": 4, "tanh": 4, "arcsinh": 4,
		"arccosh": 4, "arctanh": 4, "exp": 4, "expm1": 4, "exp2": 4, "log": 4, "log1p": 4,
		"log2": 128, "log10": 4, "arctan2": 4, "hypot": 4, "pow": 64}
	confOpenCLULP = map[string]int64{"sin": 4, "cos": 4, "tan": 5, "arcsin": 4, "arccos": 4,
		"arctan": 5, "sinh": 4, "cosh": 4, "tanh": 5, "arcsinh": 4, "arccosh": 4,
		"arctanh": 5, "exp": 3, "expm1": 3, "exp2": 3, "log": 3, "log1p": 2, "log2": 3,
		"log10": 3, "arctan2": 6, "hypot": 4, "pow": 16}
	// confOpenCLFloat32ULP: operations fp32 OpenCL need not round correctly
	// (without -cl-fp32-correctly-rounded-divide-sqrt): x/y 2.5 ULP, sqrt 3 ULP.
	confOpenCLFloat32ULP = map[string]int64{"/": 3, "sqrt": 3}
)

// confULP is the ULPs allowed for function (or operator) fn on backend for type t.
func confULP(backend, fn string, t DType) int64 {
	ref, transcendental := confRefErrULP[fn]
	switch {
	case backend == BackendSIMD && transcendental:
		return 1 + ref
	case backend == BackendOpenCL && transcendental:
		return confOpenCLULP[fn] + ref
	case backend == BackendOpenCL && t == Float32:
		return confOpenCLFloat32ULP[fn]
	}
	return 0
}
