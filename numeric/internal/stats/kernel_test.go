package stats

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/numkit/numkit/asm"
)

// TestMomentsKernelLengths runs both passes on every length 0..300 at every offset
// 0..7 of slices padded with NaN, so reading past the end shows, and compares the
// AVX-512 kernel (where it runs) with its pure-Go twin bit for bit, and the primitives
// path with the twin to rounding.
func TestMomentsKernelLengths(t *testing.T) {
	for _, k := range []momentKernel{{KernelAVX512}, {KernelPrims}} {
		if k.mode == KernelAVX512 && Chosen() != KernelAVX512 {
			continue
		}
		testKernelLengths(t, k)
	}
}

func testKernelLengths(t *testing.T, k momentKernel) {
	exact := k.mode == KernelAVX512
	scratch := new(momentScratch)
	rng := rand.New(rand.NewPCG(5, 5))
	buf := make([]float64, 320)
	for n := 0; n <= 300; n++ {
		for off := 0; off < 8; off++ {
			for i := range buf {
				buf[i] = math.NaN()
			}
			x := buf[off : off+n]
			for i := range x {
				x[i] = 100 + rng.NormFloat64()
			}
			sum, lo, hi := k.pass1(x, buf[:n])
			gs, glo, ghi := asm.MomentsPass1Go(x)
			if !same(sum, gs, exact) || lo != glo || hi != ghi || sum != sum {
				t.Fatalf("mode %d n=%d off=%d: pass1 = %v %v %v; generic %v %v %v", k.mode, n, off, sum, lo, hi, gs, glo, ghi)
			}
			if n > 0 && (lo != slices.Min(x) || hi != slices.Max(x)) {
				t.Fatalf("n=%d off=%d: pass1 extremes %v %v; want %v %v", n, off, lo, hi, slices.Min(x), slices.Max(x))
			}
			c := 100.0
			a1, a2, a3, a4 := k.pass2(x, c, buf[:n], scratch)
			g1, g2, g3, g4 := asm.MomentsPass2Go(x, c)
			if !same(a1, g1, exact) || !same(a2, g2, exact) || !same(a3, g3, exact) || !same(a4, g4, exact) || a4 != a4 {
				t.Fatalf("mode %d n=%d off=%d: pass2 = %v %v %v %v; generic %v %v %v %v", k.mode, n, off, a1, a2, a3, a4, g1, g2, g3, g4)
			}
		}
	}
}

// same compares bit for bit, or to a relative 1e-12 (absolute near 0).
func same(a, b float64, exact bool) bool {
	if a != a && b != b {
		return true
	}
	if exact {
		return math.Float64bits(a) == math.Float64bits(b)
	}
	return math.Abs(a-b) <= 1e-12*math.Max(math.Abs(b), 1e-3)
}
