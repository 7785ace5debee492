package asm

import (
	"math"
	"math/rand/v2"
	"testing"
)

// AddRows and MulRows combine each row in order into acc, with the bits of the naive
// loop at every level, for lengths around every vector and strip width, strides longer, equal to
// and shorter than acc (overlapping rows) and zero (one row again and again), special
// values included; it writes only acc and reads only the rows.
func TestRowsF64(t *testing.T) {
	guard := math.Float64frombits(0x7ff8dead0000beef)
	testRows(t, AddRowsF64, false, guard)
	testRows(t, MulRowsF64, true, guard)
}

func TestRowsF32(t *testing.T) {
	guard := math.Float32frombits(0x7fc0beef)
	testRows(t, AddRowsF32, false, guard)
	testRows(t, MulRowsF32, true, guard)
}

func testRows[T float32 | float64](t *testing.T, kernel func(acc, x []T, stride, rows int), mul bool, guard T) {
	r := rand.New(rand.NewPCG(15, 0))
	special := []float64{math.Inf(1), math.Inf(-1), math.NaN(), math.Copysign(0, -1), 0, 1e300, -1e300, 5e-324, 3e38, -3e38, 1e-45}
	val := func() T {
		if r.IntN(10) == 0 {
			return T(special[r.IntN(len(special))])
		}
		if mul {
			return T((r.Float64() + 0.5) * math.Ldexp(1, r.IntN(20)-10))
		}
		return T((r.Float64() - 0.5) * math.Ldexp(1, r.IntN(80)-40))
	}
	same := func(a, b T) bool {
		return a == b && math.Signbit(float64(a)) == math.Signbit(float64(b)) || a != a && b != b
	}
	const pad = 5
	for _, level := range primLevels() {
		for n := 0; n <= 140; n++ {
			for _, rows := range []int{0, 1, 2, 3, 8, 9} {
				for _, stride := range []int{n, n + 3, 2*n + 16, max(n-2, 0), 0} {
					need := n
					if rows > 0 {
						need = (rows-1)*stride + n
					}
					x := make([]T, need+2*pad)
					for i := range x {
						x[i] = val()
					}
					acc := make([]T, n+2*pad)
					for i := range acc {
						acc[i] = guard
						if i >= pad && i < pad+n {
							acc[i] = val()
						}
					}
					want := append([]T(nil), acc...)
					for k := range rows {
						for j := range n {
							if mul {
								want[pad+j] *= x[pad+k*stride+j]
							} else {
								want[pad+j] += x[pad+k*stride+j]
							}
						}
					}
					xs := append([]T(nil), x...)
					primWithLevel(level, func() { kernel(acc[pad:pad+n], x[pad:pad+need], stride, rows) })
					for i := range acc {
						if !same(acc[i], want[i]) || (i < pad || i >= pad+n) && math.Float64bits(float64(acc[i])) != math.Float64bits(float64(guard)) {
							t.Fatalf("%v mul=%v n=%d rows=%d stride=%d: acc[%d] = %v, want %v", level, mul, n, rows, stride, i-pad, acc[i], want[i])
						}
					}
					for i := range x {
						if !same(x[i], xs[i]) {
							t.Fatalf("%v n=%d rows=%d stride=%d: x[%d] changed", level, n, rows, stride, i-pad)
						}
					}
				}
			}
		}
	}
}

// A bad call panics with a message naming the values, at every level, before it
// touches acc.
func TestAddRowsPanics(t *testing.T) {
	f64 := func(n int) []float64 { return make([]float64, n) }
	cases := []struct {
		call func(acc []float64)
		want string
	}{
		{func(acc []float64) { AddRowsF64(acc, f64(20), 10, -1) }, "asm.AddRowsF64: rows=-1 is negative"},
		{func(acc []float64) { AddRowsF64(acc, f64(20), -10, 2) }, "asm.AddRowsF64: stride=-10 is negative"},
		{func(acc []float64) { AddRowsF64(acc, f64(19), 10, 2) },
			"asm.AddRowsF64: len(x)=19 is shorter than (rows-1)*stride+len(acc) with rows=2, stride=10, len(acc)=10"},
		{func(acc []float64) { AddRowsF64(acc, f64(9), 0, 1) },
			"asm.AddRowsF64: len(x)=9 is shorter than (rows-1)*stride+len(acc) with rows=1, stride=0, len(acc)=10"},
		{func(acc []float64) { AddRowsF64(acc, f64(40), math.MaxInt/2, 4) },
			"asm.AddRowsF64: len(x)=40 is shorter than (rows-1)*stride+len(acc) with rows=4, stride=4611686018427387903, len(acc)=10"},
		{func(acc []float64) { MulRowsF64(acc, f64(29), 10, 3) },
			"asm.MulRowsF64: len(x)=29 is shorter than (rows-1)*stride+len(acc) with rows=3, stride=10, len(acc)=10"},
		{func(acc []float64) { MulRowsF64(acc, f64(29), 10, -3) }, "asm.MulRowsF64: rows=-3 is negative"},
		{func(acc []float64) {
			acc32 := make([]float32, 10)
			defer func() {
				for i, v := range acc32 {
					acc[i] += float64(v) // 0 unless AddRowsF32 added the ones
				}
			}()
			ones := make([]float32, 29)
			for i := range ones {
				ones[i] = 1
			}
			AddRowsF32(acc32, ones, 10, 3)
		}, "asm.AddRowsF32: len(x)=29 is shorter than (rows-1)*stride+len(acc) with rows=3, stride=10, len(acc)=10"},
		{func(acc []float64) { MulRowsF32(make([]float32, 10), make([]float32, 9), 0, 1) },
			"asm.MulRowsF32: len(x)=9 is shorter than (rows-1)*stride+len(acc) with rows=1, stride=0, len(acc)=10"},
	}
	for _, l := range primLevels() {
		for _, c := range cases {
			acc := make([]float64, 10)
			for i := range acc {
				acc[i] = float64(i) + 0.5
			}
			var msg string
			primWithLevel(l, func() { msg = checkCallPanic(func() { c.call(acc) }) })
			if msg != c.want {
				t.Errorf("at %v: panic %q, want %q", l, msg, c.want)
			}
			for i, v := range acc {
				if v != float64(i)+0.5 {
					t.Fatalf("at %v: %q: acc[%d] changed to %v", l, c.want, i, v)
				}
			}
		}
	}
	// Zero rows read nothing, whatever x's length; the exact fit is no error.
	AddRowsF64(f64(10), nil, 7, 0)
	AddRowsF64(f64(10), f64(24), 7, 3)
}
