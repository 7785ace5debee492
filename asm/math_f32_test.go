package asm

import (
	"flag"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

var f32Exhaustive = flag.Bool("f32exhaustive", false, "TestF32ExpLogSweep: every float32 input, ULP only, widest level only (minutes)")

// TestFMA32 checks scFMAF32 against exact big.Float arithmetic rounded to float32.
func TestFMA32(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	edge := []float32{0, float32(math.Copysign(0, -1)), 1, -1, 0.5, 1 + 0x1p-23, 1 - 0x1p-24, 0x1p-149, -0x1p-149,
		0x1p-126, 0x1.fffffcp-127, math.MaxFloat32, -math.MaxFloat32, 3, 1.0 / 3, 0x1p-75, 0x1p64, 0x1.000002p-60}
	pick := func() float32 {
		switch rng.IntN(4) {
		case 0:
			return edge[rng.IntN(len(edge))]
		case 1:
			return math.Float32frombits(rng.Uint32()&^(0xff<<23) | uint32(100+rng.IntN(55))<<23) // near 1
		case 2:
			return math.Float32frombits(rng.Uint32())
		}
		return float32(rng.NormFloat64())
	}
	for i := 0; i < 1_000_000; i++ {
		a, b, c := pick(), pick(), pick()
		if i%5 == 0 { // a*b = ±(half an ulp of c) ∓ 2^-36 of that: a*b + c rounds to a float32 halfway point in float64
			c = math.Float32frombits(rng.Uint32()&0x807fffff | uint32(1+rng.IntN(253))<<23)
			h := float32(math.Ldexp(1, (int(math.Float32bits(c)>>23&0xff)-127-24)/2))
			u := float32(1 + 0x1p-18*float64(rng.IntN(3)-1))
			a, b = h*u, h*(2-u)*float32(1-2*rng.IntN(2))
			if math.Float32bits(c)>>23&0xff&1 != 0 { // odd exponent: 2^-24 of c is not a square
				a *= 2
			}
		}
		if i%3 == 0 { // c close to -a*b: cancellation
			c = -float32(float64(a) * float64(b) * (1 + float64(rng.IntN(9)-4)*0x1p-24))
		}
		if i%7 == 0 { // tiny c next to a*b: rounding ties and near-ties
			c = float32(float64(a) * float64(b) * 0x1p-25 * float64(rng.IntN(5)-2))
		}
		got := scFMAF32(a, b, c)
		var want float32
		if math.IsInf(float64(a), 0) || math.IsInf(float64(b), 0) || math.IsInf(float64(c), 0) ||
			a != a || b != b || c != c {
			continue
		}
		x := new(big.Float).SetPrec(400).SetFloat64(float64(a))
		x.Mul(x, new(big.Float).SetFloat64(float64(b)))
		x.Add(x, new(big.Float).SetFloat64(float64(c)))
		want, _ = x.Float32()
		if x.Sign() == 0 { // exact zero: the sign is IEEE's (a*b and c of one sign keep it, else +0)
			want = float32(float64(float64(a)*float64(b)) + float64(c))
		}
		if math.Float32bits(got) != math.Float32bits(want) {
			t.Fatalf("scFMAF32(%g, %g, %g) = %g (%#x), want %g (%#x)", a, b, c, got, math.Float32bits(got), want, math.Float32bits(want))
		}
	}
}

// f32ULP returns |got - ref| in ULPs of float32 at ref (ref is float64, accurate
// far beyond float32), where a finite result next to an overflowing ref (or the
// reverse) counts 1 ULP, as in ulpError.
func f32ULP(got float32, ref float64) float64 {
	g := float64(got)
	switch {
	case math.IsNaN(ref) || math.IsNaN(g):
		if math.IsNaN(ref) && math.IsNaN(g) {
			return 0
		}
		return math.Inf(1)
	case math.IsInf(g, 0) || math.Abs(ref) > math.MaxFloat32:
		if float32(ref) == got {
			return 0
		}
		if math.Abs(g) == math.MaxFloat32 && math.Abs(ref) > math.MaxFloat32 || math.IsInf(g, 0) && math.Abs(ref) > math.MaxFloat32 {
			return 1
		}
		return math.Inf(1)
	case ref == 0:
		return math.Abs(g) / 0x1p-149
	}
	_, e := math.Frexp(math.Abs(ref)) // |ref| in [2^(e-1), 2^e)
	return math.Abs(g-ref) / math.Ldexp(1, max(e-24, -149))
}

// TestF32ExpLogSweep runs ExpF32, LogF32, Log2F32, Log10F32, Log1pF32, SinF32 and CosF32 at every level over a sample of all
// float32 inputs (every input with -f32exhaustive) plus dense runs where the
// kernels are most delicate, and checks ≤ 1 ULP against math.Exp, math.Log, ... in
// float64 (sin, cos: sinCosRef) and bit equality with the pure-Go twin.
func TestF32ExpLogSweep(t *testing.T) {
	type run struct{ lo, hi, step uint32 }
	stride := uint32(16411)
	if testing.Short() {
		stride = 65537
	}
	if *f32Exhaustive {
		stride = 1
	}
	runs := []run{
		{0, 1<<31 - 1, stride},                      // and the negatives of each run
		{0x3f800000 - 1<<16, 0x3f800000 + 1<<16, 1}, // log near 1
		{0x3f3504f3 - 1<<10, 0x3f3504f3 + 1<<10, 1}, // log's split points
		{0x3fb504f3 - 1<<10, 0x3fb504f3 + 1<<10, 1},
		{0x42b17218 - 1<<12, 0x42b17218 + 1<<12, 1}, // exp overflow
		{0xc2aeac50 - 1<<14, 0xc2aeac50 + 1<<14, 1}, // exp: normal/subnormal results
		{0xc2cff1b5 - 1<<12, 0xc2cff1b5 + 1<<12, 1}, // exp underflow to 0
		{0, 1 << 23, 31},                            // tiny and subnormal inputs
		{0x3e950000, 0x3e970000, 1},                 // log1p: 1 + x at the split point c
		{0x3f490fdb - 1<<12, 0x3f490fdb + 1<<12, 1}, // sin, cos: |r| near pi/4
		{0x4b7fff00, 0x4b800100, 1},                 // sin, cos: around trigF32Max
		{0x30000000, 0x34000000, 7 * 97},            // log1p: 1 + x rounds, c/u matters
	}
	if *f32Exhaustive {
		runs[len(runs)-1].step = 7
	}
	funcs := []struct {
		name string
		f    func(dst, x []float32)
		twin func(float32) float32
		ref  func(float64) float64
	}{
		{"exp", ExpF32, expF32, math.Exp},
		{"log", LogF32, logF32, math.Log},
		{"log2", Log2F32, log2F32, math.Log2},
		{"log10", Log10F32, log10F32, math.Log10},
		{"log1p", Log1pF32, log1pF32, math.Log1p},
		{"sin", SinF32, func(v float32) float32 { return sinCosF32(v, 0) }, sinCosRef(0)},
		{"cos", CosF32, func(v float32) float32 { return sinCosF32(v, 1) }, sinCosRef(1)},
	}
	const batch = 1 << 16
	x := make([]float32, 0, batch)
	got := make([]float32, batch)
	for _, l := range levels() {
		if *f32Exhaustive && l != Supported() {
			continue // the widest level only; the others and the twin are checked on the sample
		}
		atLevel(t, l, func() {
			for _, fn := range funcs {
				worst, worstX, n := 0.0, float32(0), 0
				flush := func() {
					fn.f(got[:len(x)], x)
					for i, v := range x {
						if !*f32Exhaustive {
							if tw := fn.twin(v); math.Float32bits(tw) != math.Float32bits(got[i]) && !(tw != tw && got[i] != got[i]) {
								t.Fatalf("%s at %v: %s(%g) = %g, twin %g", fn.name, l, fn.name, v, got[i], tw)
							}
						}
						if e := f32ULP(got[i], fn.ref(float64(v))); e > worst {
							worst, worstX = e, v
						}
					}
					n += len(x)
					x = x[:0]
				}
				for _, r := range runs {
					for b := uint64(r.lo); b <= uint64(r.hi); b += uint64(r.step) {
						for _, s := range []uint64{b, b ^ 1<<31} {
							if x = append(x, math.Float32frombits(uint32(s))); len(x) == batch {
								flush()
							}
						}
					}
				}
				flush()
				t.Logf("%s f32 %v: max %.4f ULP at %g (%#x), %d inputs", fn.name, l, worst, worstX, math.Float32bits(worstX), n)
				if worst > 1 {
					t.Errorf("%s f32 %v: %.4f ULP at %g", fn.name, l, worst, worstX)
				}
			}
		})
	}
}

// TestF32ExpLogLevelsAgree (with -f32exhaustive) checks that every SIMD level gives
// the same bits as the widest one for every float32 input (the sweep above checks
// the widest against the twin and the references).
func TestF32ExpLogLevelsAgree(t *testing.T) {
	if !*f32Exhaustive {
		t.Skip("needs -f32exhaustive")
	}
	var simd []Level
	for _, l := range levels() {
		if l != LevelNone {
			simd = append(simd, l)
		}
	}
	if len(simd) < 2 {
		t.Skip("one SIMD level")
	}
	const batch = 1 << 20
	x := make([]float32, batch)
	want, got := make([]float32, batch), make([]float32, batch)
	for _, f := range []func(dst, x []float32){ExpF32, LogF32, Log2F32, Log10F32, Log1pF32, SinF32, CosF32} {
		for b := uint64(0); b < 1<<32; b += batch {
			for i := range x {
				x[i] = math.Float32frombits(uint32(b) + uint32(i))
			}
			atLevel(t, simd[0], func() { f(want, x) })
			for _, l := range simd[1:] {
				atLevel(t, l, func() { f(got, x) })
				for i := range x {
					if math.Float32bits(got[i]) != math.Float32bits(want[i]) && !(got[i] != got[i] && want[i] != want[i]) {
						t.Fatalf("%v: f(%g) = %g, %v gives %g", l, x[i], got[i], simd[0], want[i])
					}
				}
			}
		}
	}
}
