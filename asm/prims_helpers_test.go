package asm

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"unsafe"
)

// Test harness for the generated primitives (see prims_cases_test.go). Every name
// here starts with prim so that it cannot clash with the vector-math tests.

// primKind is the element kind of a slice or scalar argument.
type primKind int

const (
	primNone primKind = iota
	primF64
	primF32
	primI32
	primI64
	primBool
)

// primCase is one primitive, called through adapters with a uniform signature:
// d is dst (nil for reductions), in the vector inputs, sc the scalar inputs.
type primCase struct {
	name, family, typ string
	out, ret          primKind
	ins, scal         []primKind
	fn, twin          func(d any, in, sc []any) any
}

// primLevels lists the levels this machine and build can run, LevelNone first.
func primLevels() []Level {
	ls := []Level{LevelNone}
	switch runtime.GOARCH {
	case "amd64":
		for _, l := range []Level{LevelAVX2, LevelAVX512} {
			if l <= Supported() {
				ls = append(ls, l)
			}
		}
	case "arm64":
		if Supported() == LevelNEON {
			ls = append(ls, LevelNEON)
		}
	}
	return ls
}

// primWithLevel runs f with the primitives forced to level l.
func primWithLevel(l Level, f func()) {
	old := Active()
	SetLevel(l)
	defer SetLevel(old)
	f()
}

const primGuardLen = 16

// primGuardF64 and primGuardF32 are NaNs with a payload, so that reading a guard
// into a sum or a minimum changes the result, and an overwritten guard shows.
var (
	primGuardF64 = math.Float64frombits(0x7ff80000deadbeef)
	primGuardF32 = math.Float32frombits(0x7fc0beef)
)

const primGuardByte = 0xAA

// primBuf is a slice view embedded in a larger slice whose ends hold guards.
type primBuf struct {
	kind       primKind
	full, view any
	start, n   int
}

func primGuarded[T any](n, off int, guard T) (full, view []T) {
	full = make([]T, primGuardLen+off+n+primGuardLen)
	for i := range full {
		full[i] = guard
	}
	s := primGuardLen + off
	return full, full[s : s+n : s+n]
}

func primNewBuf(k primKind, n, off int) primBuf {
	b := primBuf{kind: k, start: primGuardLen + off, n: n}
	switch k {
	case primF64:
		b.full, b.view = primGuarded(n, off, primGuardF64)
	case primF32:
		b.full, b.view = primGuarded(n, off, primGuardF32)
	case primI32:
		b.full, b.view = primGuarded(n, off, int32(math.MinInt32+7))
	case primI64:
		b.full, b.view = primGuarded(n, off, int64(math.MinInt64+7))
	case primBool:
		full, view := primGuarded(n, off, false)
		for i := range full {
			*(*byte)(unsafe.Pointer(&full[i])) = primGuardByte
		}
		b.full, b.view = full, view
	default:
		panic(k)
	}
	return b
}

// primClone copies b, guards included.
func primClone(b primBuf) primBuf {
	c := b
	switch f := b.full.(type) {
	case []float64:
		g := append([]float64(nil), f...)
		c.full, c.view = g, g[b.start:b.start+b.n:b.start+b.n]
	case []float32:
		g := append([]float32(nil), f...)
		c.full, c.view = g, g[b.start:b.start+b.n:b.start+b.n]
	case []int32:
		g := append([]int32(nil), f...)
		c.full, c.view = g, g[b.start:b.start+b.n:b.start+b.n]
	case []int64:
		g := append([]int64(nil), f...)
		c.full, c.view = g, g[b.start:b.start+b.n:b.start+b.n]
	case []bool:
		g := append([]bool(nil), f...)
		c.full, c.view = g, g[b.start:b.start+b.n:b.start+b.n]
	}
	return c
}

// primSpecial64 holds values every float table should meet.
var primSpecial64 = []float64{
	0, math.Copysign(0, -1), 1, -1, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 3,
	0.49999999999999994, 4503599627370495.5, 4503599627370497, -4503599627370497,
	math.Inf(1), math.Inf(-1), math.NaN(), math.Float64frombits(0xfff8000000000001),
	5e-324, -5e-324, 2.2250738585072009e-308, 2.2250738585072014e-308,
	math.MaxFloat64, -math.MaxFloat64, 1e300, -1e300, 1e-300, -1e-300,
	math.MaxFloat32, 1e-45, 1.401298464324817e-45, 16777217, 3.4028235677973366e38,
}

// primRandF64 draws a float64: special values, small integers (so that
// comparisons meet ties), ordinary values and values over a wide range of exponents.
// finite leaves out NaN and ±Inf.
func primRandF64(r *rand.Rand, finite bool) float64 {
	for {
		var v float64
		switch p := r.IntN(16); {
		case p < 3:
			v = primSpecial64[r.IntN(len(primSpecial64))]
		case p < 6:
			v = float64(r.IntN(7) - 3)
		case p < 10:
			v = r.Float64()*20 - 10
		default:
			v = math.Ldexp(r.Float64()+0.5, r.IntN(160)-80)
			if r.IntN(2) == 0 {
				v = -v
			}
		}
		if !finite || !(math.IsNaN(v) || math.IsInf(v, 0)) {
			return v
		}
	}
}

func primRandF32(r *rand.Rand, finite bool) float32 {
	switch r.IntN(8) {
	case 0:
		// float32 subnormals, extremes and halfway cases
		s := []float32{1e-45, -1e-45, 1.1754942e-38, math.MaxFloat32, -math.MaxFloat32, 8388607.5, 16777216, -0.5}
		return s[r.IntN(len(s))]
	}
	for {
		v := float32(primRandF64(r, finite))
		if !finite || !(v != v || math.IsInf(float64(v), 0)) {
			return v
		}
	}
}

func primRandI64(r *rand.Rand) int64 {
	switch r.IntN(6) {
	case 0:
		s := []int64{0, 1, -1, math.MaxInt64, math.MinInt64, 1<<53 + 1, -(1<<53 + 1), 1<<24 + 1, -(1<<24 + 1), 1<<63 - 1024, 1<<62 + 1<<9}
		return s[r.IntN(len(s))]
	case 1:
		return int64(r.IntN(200) - 100)
	case 2:
		return r.Int64N(1<<60) - 1<<59
	}
	return int64(r.Uint64())
}

func primRandI32(r *rand.Rand) int32 {
	switch r.IntN(4) {
	case 0:
		s := []int32{0, 1, -1, math.MaxInt32, math.MinInt32, 1<<24 + 1, -(1<<24 + 1), 1<<25 + 3}
		return s[r.IntN(len(s))]
	case 1:
		return int32(r.IntN(200) - 100)
	}
	return int32(r.Uint32())
}

// primPool holds pre-drawn values per kind; filling from it keeps the sweep fast.
type primPool struct {
	f64, f64fin []float64
	f32, f32fin []float32
	i32         []int32
	i64         []int64
}

const primPoolLen = 4099 // prime, so strided walks visit every value

var primPools = func() *primPool {
	r := rand.New(rand.NewPCG(7, 7))
	p := &primPool{}
	for range primPoolLen {
		p.f64 = append(p.f64, primRandF64(r, false))
		p.f64fin = append(p.f64fin, primRandF64(r, true))
		p.f32 = append(p.f32, primRandF32(r, false))
		p.f32fin = append(p.f32fin, primRandF32(r, true))
		p.i32 = append(p.i32, primRandI32(r))
		p.i64 = append(p.i64, primRandI64(r))
	}
	return p
}()

func primWalk[T any](r *rand.Rand, dst, pool []T) {
	j, step := r.IntN(len(pool)), 1+r.IntN(len(pool)-1)
	for i := range dst {
		dst[i] = pool[j]
		j += step
		if j >= len(pool) {
			j -= len(pool)
		}
	}
}

// primFill fills b's view with random values; finite leaves out NaN and ±Inf.
func primFill(r *rand.Rand, b primBuf, finite bool) {
	p := primPools
	switch v := b.view.(type) {
	case []float64:
		if finite {
			primWalk(r, v, p.f64fin)
		} else {
			primWalk(r, v, p.f64)
		}
	case []float32:
		if finite {
			primWalk(r, v, p.f32fin)
		} else {
			primWalk(r, v, p.f32)
		}
	case []int32:
		primWalk(r, v, p.i32)
	case []int64:
		primWalk(r, v, p.i64)
	case []bool:
		for i := 0; i < len(v); i += 64 {
			bits := r.Uint64()
			for j := i; j < min(i+64, len(v)); j++ {
				v[j] = bits>>(j-i)&1 == 1
			}
		}
	}
}

func primRandScalar(r *rand.Rand, k primKind, finite bool) any {
	switch k {
	case primF64:
		return primRandF64(r, finite)
	case primF32:
		return primRandF32(r, finite)
	}
	panic(k)
}

// primSame reports whether two elements are the same: bitwise, except that any
// two NaNs match (payload propagation is not part of the contract).
func primSame(a, b any) bool {
	switch x := a.(type) {
	case float64:
		y := b.(float64)
		return math.Float64bits(x) == math.Float64bits(y) || (x != x && y != y)
	case float32:
		y := b.(float32)
		return math.Float32bits(x) == math.Float32bits(y) || (x != x && y != y)
	case bool:
		y := b.(bool)
		return *(*byte)(unsafe.Pointer(&x)) == *(*byte)(unsafe.Pointer(&y))
	}
	return a == b
}

// primAt returns element i of a slice of any kind.
func primAt(s any, i int) any {
	switch v := s.(type) {
	case []float64:
		return v[i]
	case []float32:
		return v[i]
	case []int32:
		return v[i]
	case []int64:
		return v[i]
	case []bool:
		return v[i]
	}
	panic(fmt.Sprintf("%T", s))
}

func primLen(s any) int {
	switch v := s.(type) {
	case []float64:
		return len(v)
	case []float32:
		return len(v)
	case []int32:
		return len(v)
	case []int64:
		return len(v)
	case []bool:
		return len(v)
	}
	panic(fmt.Sprintf("%T", s))
}

// primBitsEqual compares two slices of one kind exactly, NaN payloads and all,
// and returns the first index where they differ, or -1.
func primBitsEqual(a, b any) int {
	switch x := a.(type) {
	case []float64:
		return primFirst(x, b.([]float64), func(p, q float64) bool { return math.Float64bits(p) == math.Float64bits(q) })
	case []float32:
		return primFirst(x, b.([]float32), func(p, q float32) bool { return math.Float32bits(p) == math.Float32bits(q) })
	}
	return primDiff(a, b)
}

// primDiff returns the first index where the slices differ under primSame, or -1.
func primDiff(a, b any) int {
	switch x := a.(type) {
	case []float64:
		return primFirst(x, b.([]float64), func(p, q float64) bool {
			return math.Float64bits(p) == math.Float64bits(q) || (p != p && q != q)
		})
	case []float32:
		return primFirst(x, b.([]float32), func(p, q float32) bool {
			return math.Float32bits(p) == math.Float32bits(q) || (p != p && q != q)
		})
	case []int32:
		return primFirst(x, b.([]int32), func(p, q int32) bool { return p == q })
	case []int64:
		return primFirst(x, b.([]int64), func(p, q int64) bool { return p == q })
	case []bool:
		return primFirst(x, b.([]bool), func(p, q bool) bool {
			return *(*byte)(unsafe.Pointer(&p)) == *(*byte)(unsafe.Pointer(&q))
		})
	}
	panic(fmt.Sprintf("%T", a))
}

func primFirst[T any](a, b []T, same func(T, T) bool) int {
	if len(a) != len(b) {
		return min(len(a), len(b))
	}
	for i := range a {
		if !same(a[i], b[i]) {
			return i
		}
	}
	return -1
}

func primShow(v any) string {
	switch x := v.(type) {
	case float64:
		return fmt.Sprintf("%v (%#016x)", x, math.Float64bits(x))
	case float32:
		return fmt.Sprintf("%v (%#08x)", x, math.Float32bits(x))
	case bool:
		return fmt.Sprintf("%v (%#02x)", x, *(*byte)(unsafe.Pointer(&x)))
	}
	return fmt.Sprint(v)
}

// primInputsAt describes the inputs at index i for a failure message.
func primInputsAt(ins []primBuf, sc []any, i int) string {
	s := ""
	for k, b := range ins {
		if i < b.n {
			s += fmt.Sprintf(" in%d=%s", k, primShow(primAt(b.view, i)))
		}
	}
	for k, v := range sc {
		s += fmt.Sprintf(" s%d=%s", k, primShow(v))
	}
	return s
}
