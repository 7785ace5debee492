package asm

import (
	primbin "encoding/binary"
	"hash/fnv"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

func primSeed(name string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	return h.Sum64()
}

// TestPrims runs every primitive at every level this machine supports on every
// length 0..300 and alignment offset 0..7, inputs and dst embedded between guards,
// and compares with the pure-Go twin. Odd offsets use finite inputs only, so that
// a reduction that reads a NaN guard shows it.
func TestPrims(t *testing.T) {
	levels := primLevels()
	t.Logf("levels: %v", levels)
	maxN := 300
	for _, c := range primCases {
		t.Run(c.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(1, primSeed(c.name)))
			for n := 0; n <= maxN; n++ {
				for off := range 8 {
					ins, sc := primInputs(r, c, n, off, off%2 == 1)
					if msg := primRun(c, levels, ins, sc); msg != "" {
						t.Fatalf("off=%d: %s", off, msg)
					}
				}
			}
		})
	}
}

// TestPrimsAliased checks that dst may be any input of the same type.
func TestPrimsAliased(t *testing.T) {
	levels := primLevels()
	for _, c := range primCases {
		if c.out == primNone {
			continue
		}
		r := rand.New(rand.NewPCG(2, primSeed(c.name)))
		for _, n := range []int{1, 7, 31, 33, 64, 100, 257} {
			ins, sc := primInputs(r, c, n, 1, false)
			for k, kind := range c.ins {
				if kind != c.out {
					continue
				}
				if msg := primRunAliased(c, levels, ins, sc, k); msg != "" {
					t.Fatal(msg)
				}
			}
		}
	}
}

// TestPrimsSpecialPairs runs every float primitive on all pairs (x, y), or (x, s)
// for scalar forms, of special values: signed zeros, infinities, NaNs, subnormals,
// extremes and rounding ties.
func TestPrimsSpecialPairs(t *testing.T) {
	levels := primLevels()
	sp := primSpecial64
	for _, c := range primCases {
		if c.typ == "" || (len(c.ins) > 0 && (c.ins[0] == primBool || c.ins[0] == primI32 || c.ins[0] == primI64)) {
			continue
		}
		kind := c.ins[len(c.ins)-1]
		conv := func(v float64) any {
			if kind == primF32 {
				return float32(v)
			}
			return v
		}
		set := func(b primBuf, i int, v float64) {
			switch s := b.view.(type) {
			case []float64:
				s[i] = v
			case []float32:
				s[i] = float32(v)
			}
		}
		n := len(sp) * len(sp)
		if len(c.scal) > 0 {
			n = len(sp)
		}
		ins := make([]primBuf, len(c.ins))
		for k, kd := range c.ins {
			ins[k] = primNewBuf(kd, n, 3)
		}
		for i := range n {
			for k := range ins {
				v := sp[i%len(sp)]
				if k == 1 {
					v = sp[i/len(sp)]
				}
				set(ins[k], i, v)
			}
		}
		if len(c.scal) == 0 {
			if msg := primRun(c, levels, ins, nil); msg != "" {
				t.Fatal(msg)
			}
			continue
		}
		for _, s := range sp {
			sc := make([]any, len(c.scal))
			for k := range sc {
				sc[k] = conv(s)
			}
			if msg := primRun(c, levels, ins, sc); msg != "" {
				t.Fatal(msg)
			}
		}
	}
}

// TestScFMAF32 checks the float32 FMA twin against exact arithmetic, including a
// case where rounding through float64 would round twice.
func TestScFMAF32(t *testing.T) {
	exact := func(x, y, z float32) float32 {
		p := new(big.Float).SetPrec(300).SetFloat64(float64(x))
		p.Mul(p, new(big.Float).SetFloat64(float64(y)))
		p.Add(p, new(big.Float).SetFloat64(float64(z)))
		f, _ := p.Float32()
		return f
	}
	// x*y = 1 + 2^-11 + 2^-24 is a float32 tie; z = 2^-60 breaks it upward, but
	// float64 rounding drops z and float32 rounding then goes to even.
	x := float32(1 + 1.0/4096)
	z := float32(math.Ldexp(1, -60))
	naive := float32(math.FMA(float64(x), float64(x), float64(z)))
	if want := exact(x, x, z); scFMAF32(x, x, z) != want || naive == want {
		t.Fatalf("tie case: scFMAF32 = %v, naive = %v, exact = %v", scFMAF32(x, x, z), naive, want)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 200000 {
		x, y := primRandF32(r, true), primRandF32(r, true)
		z := primRandF32(r, true)
		if r.IntN(2) == 0 { // make cancellation and ties likely
			z = -float32(float64(x)*float64(y)) * (1 + float32(r.IntN(3)-1)*1e-7)
		}
		got, want := scFMAF32(x, y, z), exact(x, y, z)
		if math.IsInf(float64(want), 0) || math.IsNaN(float64(want)) {
			continue
		}
		if math.Float32bits(got) != math.Float32bits(want) && !(got == 0 && want == 0) {
			t.Fatalf("scFMAF32(%v, %v, %v) = %v, want %v", x, y, z, got, want)
		}
	}
}

// TestSetLevel checks that SetLevel caps at Supported and restores.
func TestSetLevel(t *testing.T) {
	old := Active()
	defer SetLevel(old)
	if got := SetLevel(LevelAVX512 + 1); got != Supported() {
		t.Fatalf("SetLevel above Supported = %v, want %v", got, Supported())
	}
	if got := SetLevel(LevelNone); got != LevelNone || Active() != LevelNone {
		t.Fatalf("SetLevel(LevelNone) = %v", got)
	}
	for _, l := range primLevels() {
		if got := SetLevel(l); got != l {
			t.Fatalf("SetLevel(%v) = %v", l, got)
		}
	}
}

// primDecode builds inputs for c from fuzz bytes: scalars first, then equal-length
// vectors, each element taken from its raw bits.
func primDecode(c primCase, data []byte, off int) ([]primBuf, []any, bool) {
	size := map[primKind]int{primF64: 8, primF32: 4, primI32: 4, primI64: 8, primBool: 1}
	sc := make([]any, len(c.scal))
	for k, kd := range c.scal {
		if len(data) < size[kd] {
			return nil, nil, false
		}
		if kd == primF64 {
			sc[k] = math.Float64frombits(primbin.LittleEndian.Uint64(data))
		} else {
			sc[k] = math.Float32frombits(primbin.LittleEndian.Uint32(data))
		}
		data = data[size[kd]:]
	}
	per := 0
	for _, kd := range c.ins {
		per += size[kd]
	}
	n := len(data) / per
	ins := make([]primBuf, len(c.ins))
	for k, kd := range c.ins {
		b := primNewBuf(kd, n, off)
		for i := range n {
			switch v := b.view.(type) {
			case []float64:
				v[i] = math.Float64frombits(primbin.LittleEndian.Uint64(data[8*i:]))
			case []float32:
				v[i] = math.Float32frombits(primbin.LittleEndian.Uint32(data[4*i:]))
			case []int32:
				v[i] = int32(primbin.LittleEndian.Uint32(data[4*i:]))
			case []int64:
				v[i] = int64(primbin.LittleEndian.Uint64(data[8*i:]))
			case []bool:
				v[i] = data[i]&1 == 1
			}
		}
		data = data[n*size[kd]:]
		ins[k] = b
	}
	return ins, sc, true
}

func primFuzz(f *testing.F, family, typ string) {
	seed := make([]byte, 0, 8*len(primSpecial64))
	for _, v := range primSpecial64 {
		seed = primbin.LittleEndian.AppendUint64(seed, math.Float64bits(v))
	}
	f.Add(seed, uint8(0))
	f.Add(seed[:77], uint8(3))
	f.Add([]byte{}, uint8(1))
	levels := primLevels()
	f.Fuzz(func(t *testing.T, data []byte, off uint8) {
		for _, c := range primCases {
			if c.family != family || (typ != "" && c.typ != typ) {
				continue
			}
			ins, sc, ok := primDecode(c, data, int(off%8))
			if !ok {
				continue
			}
			if msg := primRun(c, levels, ins, sc); msg != "" {
				t.Fatal(msg)
			}
		}
	})
}

func FuzzArithF64(f *testing.F)   { primFuzz(f, "arith", "F64") }
func FuzzArithF32(f *testing.F)   { primFuzz(f, "arith", "F32") }
func FuzzUnaryF64(f *testing.F)   { primFuzz(f, "unary", "F64") }
func FuzzUnaryF32(f *testing.F)   { primFuzz(f, "unary", "F32") }
func FuzzCompareF64(f *testing.F) { primFuzz(f, "compare", "F64") }
func FuzzCompareF32(f *testing.F) { primFuzz(f, "compare", "F32") }
func FuzzBool(f *testing.F)       { primFuzz(f, "compare", "") }
func FuzzConvert(f *testing.F)    { primFuzz(f, "convert", "") }
func FuzzReduceF64(f *testing.F)  { primFuzz(f, "reduce", "F64") }
func FuzzReduceF32(f *testing.F)  { primFuzz(f, "reduce", "F32") }
