package asm

import (
	"math"
	"testing"
)

// MulC128 at every level gives its twin's bits, on every length 0..300 and both
// alignments within a padded slice whose guard elements must stay untouched, in place
// too, and with special parts.
func TestMulC128(t *testing.T) { testC128(t, MulC128, mulC128Generic) }

// DivC128 likewise; the grid has zero, tiny, huge, infinite and NaN divisor parts.
func TestDivC128(t *testing.T) { testC128(t, DivC128, divC128Generic) }

func testC128(t *testing.T, kernel, twin func(dst, x, y []complex128)) {
	parts := []float64{0, math.Copysign(0, -1), 1.5, -3, 1e308, 1e-310, math.Inf(1), math.Inf(-1), math.NaN(), 0.1, 7}
	negZero := math.Copysign(0, -1)
	zeros := []complex128{0, complex(negZero, 0), complex(0, negZero), complex(negZero, negZero)}
	val := func(i, k int) complex128 {
		if k == 1 && i%9 == 4 { // zero divisors, every sign
			return zeros[(i/9)%4]
		}
		return complex(parts[(i*3+k)%len(parts)], parts[(i*5+2*k+1)%len(parts)]) * complex(1+float64(i%13)*0.37, float64(i%5)-2)
	}
	guard := complex(math.Float64frombits(0x7ff8dead0000beef), 42)
	same := func(a, b complex128) bool {
		eq := func(x, y float64) bool { return x == y && math.Signbit(x) == math.Signbit(y) || x != x && y != y }
		return eq(real(a), real(b)) && eq(imag(a), imag(b))
	}
	for _, level := range []Level{LevelNone, LevelAVX2, LevelAVX512} {
		if SetLevel(level) != level {
			continue
		}
		for n := 0; n <= 300; n++ {
			for off := 0; off < 2; off++ {
				x, y := make([]complex128, n+off+2), make([]complex128, n+off+2)
				dst := make([]complex128, n+off+2)
				for i := range dst {
					x[i], y[i], dst[i] = val(i, 0), val(i, 1), guard
				}
				kernel(dst[off:off+n], x[off:off+n], y[off:off+n])
				want := make([]complex128, n)
				twin(want, x[off:off+n], y[off:off+n])
				for i := range dst {
					switch {
					case i < off || i >= off+n:
						if math.Float64bits(real(dst[i])) != math.Float64bits(real(guard)) || imag(dst[i]) != 42 {
							t.Fatalf("level %v n=%d off=%d: guard %d overwritten: %v", level, n, off, i, dst[i])
						}
					case !same(dst[i], want[i-off]):
						t.Fatalf("level %v n=%d: %v op %v = %v, twin %v", level, n, x[i], y[i], dst[i], want[i-off])
					}
				}
				kernel(x[off:off+n], x[off:off+n], y[off:off+n]) // in place
				for i := range n {
					if !same(x[off+i], want[i]) {
						t.Fatalf("level %v n=%d in place: %v, twin %v", level, n, x[off+i], want[i])
					}
				}
			}
		}
	}
	SetLevel(Supported())
}

// AbsC128 gives math.Hypot's values on every length 0..300 at every level, with zero,
// subnormal, huge, infinite and NaN parts, and leaves the guards alone.
func TestAbsC128(t *testing.T) {
	parts := []float64{0, math.Copysign(0, -1), 1e-310, 3, -4, 1e308, -1e308, math.Inf(1), math.Inf(-1), math.NaN(), 0.1}
	for _, level := range []Level{LevelNone, LevelAVX2, LevelAVX512} {
		if SetLevel(level) != level {
			continue
		}
		for n := 0; n <= 300; n++ {
			x := make([]complex128, n)
			for i := range x {
				x[i] = complex(parts[(i*3)%len(parts)], parts[(i*7+i/len(parts))%len(parts)])
			}
			dst := make([]float64, n+1)
			dst[n] = -42
			AbsC128(dst[:n], x)
			for i := range x {
				want := math.Hypot(real(x[i]), imag(x[i]))
				if got := dst[i]; got != want && !(got != got && want != want) {
					t.Fatalf("level %v n=%d: |%v| = %v, math.Hypot %v", level, n, x[i], got, want)
				}
			}
			if dst[n] != -42 {
				t.Fatalf("level %v n=%d: guard overwritten", level, n)
			}
		}
	}
	SetLevel(Supported())
}

// MulC64 at every level gives its twin's bits on every length 0..300, both
// alignments, with special parts, leaving the guards alone.
func TestMulC64(t *testing.T) {
	parts := []float32{0, float32(math.Copysign(0, -1)), 1.5, -3, 3e38, 1e-40, float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.NaN()), 0.1, 7}
	same := func(a, b complex64) bool {
		eq := func(x, y float32) bool {
			return math.Float32bits(x) == math.Float32bits(y) || x != x && y != y
		}
		return eq(real(a), real(b)) && eq(imag(a), imag(b))
	}
	for _, level := range []Level{LevelNone, LevelAVX2, LevelAVX512} {
		if SetLevel(level) != level {
			continue
		}
		for n := 0; n <= 300; n++ {
			for off := 0; off < 2; off++ {
				x, y, dst := make([]complex64, n+off+1), make([]complex64, n+off+1), make([]complex64, n+off+1)
				for i := range dst {
					x[i] = complex(parts[(i*3)%len(parts)], parts[(i*5+1)%len(parts)]) * complex(1+float32(i%13)*0.37, float32(i%5)-2)
					y[i] = complex(parts[(i*7+2)%len(parts)], parts[(i*2+5)%len(parts)])
					dst[i] = 42
				}
				MulC64(dst[off:off+n], x[off:off+n], y[off:off+n])
				want := make([]complex64, n)
				mulC64Generic(want, x[off:off+n], y[off:off+n])
				for i := range dst {
					switch {
					case i < off || i >= off+n:
						if dst[i] != 42 {
							t.Fatalf("level %v n=%d off=%d: guard %d overwritten", level, n, off, i)
						}
					case !same(dst[i], want[i-off]):
						t.Fatalf("level %v n=%d: %v * %v = %v, twin %v", level, n, x[i], y[i], dst[i], want[i-off])
					}
				}
			}
		}
	}
	SetLevel(Supported())
}
