package asm

import (
	"math"
	"testing"
)

// ExpC128, LogC128, ExpC64 and LogC64 give the same bits at every level (their vector
// parts give their twins' bits), on every length 0..600 (crossing the block of 256),
// at two alignments, with guard elements that must stay untouched, and in place; the
// grid mixes ordinary values with zeros, subnormals, huge, infinite and NaN parts.
func TestCExpLogLevels(t *testing.T) {
	parts := []float64{0, math.Copysign(0, -1), 1.5, -3, 1e308, 5e-324, 1e-310, math.Inf(1), math.Inf(-1),
		math.NaN(), 0.1, 7, 709.5, -745.5, 0.75, -1, 1, 1e-300, 1e20, -0.5}
	val := func(i int) complex128 {
		return complex(parts[(i*3)%len(parts)]*(1+float64(i%7)*0.13), parts[(i*7+1)%len(parts)]*(1-float64(i%5)*0.11))
	}
	guard := complex(math.Float64frombits(0x7ff8dead0000beef), 42)
	funcs := []struct {
		name string
		f    func(dst, x []complex128)
		f64  func(dst, x []complex64)
	}{{"exp", ExpC128, ExpC64}, {"log", LogC128, LogC64}}
	defer SetLevel(Supported())
	for _, fn := range funcs {
		for n := 0; n <= 600; n += 1 + n/40 {
			for off := 0; off < 2; off++ {
				x := make([]complex128, n+off+2)
				for i := range x {
					x[i] = val(i)
				}
				x64 := make([]complex64, len(x))
				for i := range x {
					x64[i] = complex64(x[i])
				}
				SetLevel(LevelNone)
				want := make([]complex128, n)
				fn.f(want, x[off:off+n])
				want64 := make([]complex64, n)
				fn.f64(want64, x64[off:off+n])
				for _, level := range []Level{LevelNone, LevelAVX2, LevelAVX512} {
					if SetLevel(level) != level {
						continue
					}
					dst := make([]complex128, len(x))
					for i := range dst {
						dst[i] = guard
					}
					fn.f(dst[off:off+n], x[off:off+n])
					for i := range dst {
						switch {
						case i < off || i >= off+n:
							if math.Float64bits(real(dst[i])) != math.Float64bits(real(guard)) || imag(dst[i]) != 42 {
								t.Fatalf("%s level %v n=%d off=%d: guard %d overwritten: %v", fn.name, level, n, off, i, dst[i])
							}
						case !sameC(dst[i], want[i-off]):
							t.Fatalf("%s level %v n=%d: %s(%v) = %v, LevelNone %v", fn.name, level, n, fn.name, x[i], dst[i], want[i-off])
						}
					}
					in := append([]complex128(nil), x[off:off+n]...)
					fn.f(in, in)
					for i := range in {
						if !sameC(in[i], want[i]) {
							t.Fatalf("%s level %v n=%d in place: %v, LevelNone %v", fn.name, level, n, in[i], want[i])
						}
					}
					d64 := make([]complex64, n)
					fn.f64(d64, x64[off:off+n])
					for i := range d64 {
						if !sameC(complex128(d64[i]), complex128(want64[i])) {
							t.Fatalf("%s64 level %v: %v, LevelNone %v", fn.name, level, d64[i], want64[i])
						}
					}
				}
			}
		}
	}
}

// C99 Annex G's special values (and NumPy's), exactly, signs of zeros included.
func TestCExpLogSpecial(t *testing.T) {
	inf, nan, nz := math.Inf(1), math.NaN(), math.Copysign(0, -1)
	pi := math.Pi
	cases := []struct {
		exp       bool
		x, y      float64
		wre, wimg float64
	}{
		{true, 0, 0, 1, 0}, {true, nz, nz, 1, nz}, {true, 3, nz, math.Exp(3), nz},
		{true, inf, 0, inf, 0}, {true, inf, nz, inf, nz}, {true, -inf, 0, 0, 0},
		{true, -inf, 1, 0, 0}, {true, -inf, 3, nz, 0}, {true, -inf, inf, 0, 0}, {true, -inf, -inf, 0, nz},
		{true, -inf, nan, 0, 0}, {true, inf, inf, inf, nan}, {true, inf, nan, inf, nan},
		{true, inf, 1, inf, inf}, {true, nan, 0, nan, 0}, {true, nan, 1, nan, nan}, {true, 1, inf, nan, nan},
		{true, 1, nan, nan, nan}, {true, 710, 0.5, math.Cos(0.5) * math.Exp(355) * math.Exp(355), math.Sin(0.5) * math.Exp(355) * math.Exp(355)},
		{true, -746, 1, 0, 0},
		{false, 0, 0, -inf, 0}, {false, nz, 0, -inf, pi}, {false, nz, nz, -inf, -pi}, {false, 0, nz, -inf, nz},
		{false, -1, 0, 0, pi}, {false, -1, nz, 0, -pi}, {false, 1, 0, 0, 0}, {false, 1, nz, 0, nz},
		{false, inf, 1, inf, 0}, {false, -inf, 1, inf, pi}, {false, -inf, -1, inf, -pi},
		{false, 1, inf, inf, pi / 2}, {false, inf, inf, inf, pi / 4}, {false, -inf, -inf, inf, -3 * pi / 4},
		{false, nan, inf, inf, nan}, {false, inf, nan, inf, nan}, {false, nan, 1, nan, nan}, {false, 1, nan, nan, nan},
		{false, -2, 5e-324, math.Ln2, pi}, {false, -2, -5e-324, math.Ln2, -pi},
		{false, 5e-324, 0, -744.4400719213812, 0},                                   // math.Log(5e-324) is -709.09
		{false, -math.MaxFloat64, -math.MaxFloat64, 710.1292864836639, -3 * pi / 4}, // |z| overflows, log|z| does not (NumPy long double),
	}
	defer SetLevel(Supported())
	for _, level := range []Level{LevelNone, LevelAVX2, LevelAVX512} {
		if SetLevel(level) != level {
			continue
		}
		for _, c := range cases {
			x := []complex128{complex(c.x, c.y), 0.5, complex(c.x, c.y)} // a vector lane beside it
			dst := make([]complex128, 3)
			name := "log"
			if c.exp {
				name = "exp"
				ExpC128(dst, x)
			} else {
				LogC128(dst, x)
			}
			want := complex(c.wre, c.wimg)
			if !sameC(dst[0], want) || !sameC(dst[2], want) {
				t.Errorf("level %v: %s(%v) = %v, want %v", level, name, x[0], dst[0], want)
			}
		}
	}
}

// sameC reports whether a and b have the same parts: NaN for NaN, else the same value
// and sign.
func sameC(a, b complex128) bool {
	eq := func(x, y float64) bool { return x == y && math.Signbit(x) == math.Signbit(y) || x != x && y != y }
	return eq(real(a), real(b)) && eq(imag(a), imag(b))
}

func BenchmarkCExpLog(b *testing.B) {
	x := make([]complex128, 4096)
	for i := range x {
		x[i] = complex(float64(i%97)*0.21-10, float64(i%89)*0.37-16)
	}
	dst := make([]complex128, len(x))
	for _, fn := range []struct {
		name string
		f    func(dst, x []complex128)
	}{{"exp", ExpC128}, {"log", LogC128}} {
		b.Run(fn.name, func(b *testing.B) {
			b.SetBytes(16 * int64(len(x)))
			for b.Loop() {
				fn.f(dst, x)
			}
		})
	}
}
