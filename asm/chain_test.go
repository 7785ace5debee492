package asm

import (
	"math"
	"math/rand/v2"
	"testing"
	"unsafe"
)

// TestChain runs every chain operation at every depth it has against its Go
// definition (or the vector kernel whose bits it gives), bit for bit, over special
// values and random ones, for lengths with and without tails, into a result with
// guard elements after it, through a save to a slot and a push of it.
func TestChain(t *testing.T) {
	if !ChainAvailable() {
		t.Skip("chains need AVX-512")
	}
	rng := rand.New(rand.NewPCG(21, 1))
	specials := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, -2.5, 3.5, math.Inf(1), math.Inf(-1), math.NaN(), 5e-324, -5e-324, math.MaxFloat64, 1e-300}
	gen := func(n int) []float64 {
		x := make([]float64, n)
		for i := range x {
			if rng.IntN(3) == 0 {
				x[i] = specials[rng.IntN(len(specials))]
			} else {
				x[i] = (rng.Float64()*2 - 1) * math.Ldexp(1, rng.IntN(20)-10)
			}
		}
		return x
	}
	b2f := func(c bool) float64 {
		if c {
			return math.Float64frombits(^uint64(0))
		}
		return 0
	}
	isTrue := func(v float64) bool { return math.Float64bits(v)>>63 != 0 }
	floor := func(v float64) float64 { d := []float64{0}; FloorF64(d, []float64{v}); return d[0] }
	ceil := func(v float64) float64 { d := []float64{0}; CeilF64(d, []float64{v}); return d[0] }
	type op struct {
		code int
		f    func(a, b, c float64) float64
		mask [3]bool // operands that are masks
	}
	ops := map[string]op{
		"add":   {ChainAdd, func(a, b, c float64) float64 { return a + b }, [3]bool{}},
		"sub":   {ChainSub, func(a, b, c float64) float64 { return a - b }, [3]bool{}},
		"mul":   {ChainMul, func(a, b, c float64) float64 { return a * b }, [3]bool{}},
		"div":   {ChainDiv, func(a, b, c float64) float64 { return a / b }, [3]bool{}},
		"neg":   {ChainNeg, func(a, b, c float64) float64 { return -a }, [3]bool{}},
		"abs":   {ChainAbs, func(a, b, c float64) float64 { return math.Abs(a) }, [3]bool{}},
		"sqrt":  {ChainSqrt, func(a, b, c float64) float64 { return math.Sqrt(a) }, [3]bool{}},
		"floor": {ChainFloor, func(a, b, c float64) float64 { return floor(a) }, [3]bool{}},
		"ceil":  {ChainCeil, func(a, b, c float64) float64 { return ceil(a) }, [3]bool{}},
		"eq":    {ChainEq, func(a, b, c float64) float64 { return b2f(a == b) }, [3]bool{}},
		"ne":    {ChainNe, func(a, b, c float64) float64 { return b2f(a != b) }, [3]bool{}},
		"lt":    {ChainLt, func(a, b, c float64) float64 { return b2f(a < b) }, [3]bool{}},
		"le":    {ChainLe, func(a, b, c float64) float64 { return b2f(a <= b) }, [3]bool{}},
		"gt":    {ChainGt, func(a, b, c float64) float64 { return b2f(a > b) }, [3]bool{}},
		"ge":    {ChainGe, func(a, b, c float64) float64 { return b2f(a >= b) }, [3]bool{}},
		"where": {ChainWhere, func(a, b, c float64) float64 {
			if isTrue(a) {
				return b
			}
			return c
		}, [3]bool{true}},
		"and": {ChainAnd, func(a, b, c float64) float64 { return b2f(isTrue(a) && isTrue(b)) }, [3]bool{true, true}},
		"or":  {ChainOr, func(a, b, c float64) float64 { return b2f(isTrue(a) || isTrue(b)) }, [3]bool{true, true}},
		"xor": {ChainXor, func(a, b, c float64) float64 { return b2f(isTrue(a) != isTrue(b)) }, [3]bool{true, true}},
		"not": {ChainNot, func(a, b, c float64) float64 { return b2f(!isTrue(a)) }, [3]bool{true}},
	}
	slots := make([]float64, 8*4)
	for i := range 8 {
		slots[8+i] = float64(i) + 0.25 // slot 1: a filler below the operands
	}
	for name, o := range ops {
		arity := ChainArity(o.code)
		for depth := arity; depth <= ChainDepth; depth++ {
			for _, n := range []int{1, 7, 8, 9, 31, 70} {
				in := [3][]float64{gen(n), gen(n), gen(n)}
				for k := range in {
					if o.mask[k] {
						for i := range in[k] {
							in[k][i] = b2f(rng.IntN(2) == 0)
						}
					}
				}
				dst := make([]float64, n+3)
				for i := range dst {
					dst[i] = 42
				}
				var steps []ChainStep
				add := func(op, d, slot int, ptr unsafe.Pointer) {
					st, ok := NewChainStep(op, d, slot, ptr)
					if !ok {
						t.Fatalf("%s: no step %d at depth %d", name, op, d)
					}
					steps = append(steps, st)
				}
				for d := 0; d < depth-arity; d++ {
					add(ChainPushSlot, d, 1, nil)
				}
				for k := range arity {
					add(ChainPushInput, depth-arity+k, 0, unsafe.Pointer(&in[k][0]))
				}
				add(o.code, depth, 0, nil)
				add(ChainSave, depth-arity+1, 2, nil)
				if depth-arity+1 < ChainDepth {
					add(ChainPushSlot, depth-arity+1, 2, nil)
					add(ChainStore, depth-arity+2, 0, unsafe.Pointer(&dst[0]))
				} else {
					add(ChainStore, depth-arity+1, 0, unsafe.Pointer(&dst[0]))
				}
				RunChain(steps, unsafe.Pointer(&slots[0]), n)
				for i := range n {
					want := o.f(in[0][i], in[1][i], in[2][i])
					if arity == 1 {
						want = o.f(in[0][i], 0, 0)
					}
					if math.Float64bits(dst[i]) != math.Float64bits(want) && !(dst[i] != dst[i] && want != want) {
						t.Fatalf("%s depth %d n=%d [%d]: (%g, %g, %g) = %g (%#x), want %g (%#x)", name, depth, n, i, in[0][i], in[1][i], in[2][i], dst[i], math.Float64bits(dst[i]), want, math.Float64bits(want))
					}
				}
				for i := n; i < n+3; i++ {
					if dst[i] != 42 {
						t.Fatalf("%s n=%d: element %d past the end written", name, n, i)
					}
				}
			}
		}
	}
	if _, ok := NewChainStep(ChainAdd, 1, 0, nil); ok {
		t.Error("an add at depth 1 has a step")
	}
	if _, ok := NewChainStep(ChainPushInput, ChainDepth, 0, nil); ok {
		t.Error("a push at the full depth has a step")
	}
}

// TestChainF32 does the same for float32 chains.
func TestChainF32(t *testing.T) {
	if !ChainAvailable() {
		t.Skip("chains need AVX-512")
	}
	rng := rand.New(rand.NewPCG(21, 2))
	nan := float32(math.NaN())
	specials := []float32{0, float32(math.Copysign(0, -1)), 1, -1, 0.5, -2.5, 3.5, float32(math.Inf(1)), float32(math.Inf(-1)), nan, 1e-45, -1e-45, math.MaxFloat32, 1e-38}
	gen := func(n int) []float32 {
		x := make([]float32, n)
		for i := range x {
			if rng.IntN(3) == 0 {
				x[i] = specials[rng.IntN(len(specials))]
			} else {
				x[i] = float32((rng.Float64()*2 - 1) * math.Ldexp(1, rng.IntN(20)-10))
			}
		}
		return x
	}
	b2f := func(c bool) float32 {
		if c {
			return math.Float32frombits(^uint32(0))
		}
		return 0
	}
	isTrue := func(v float32) bool { return math.Float32bits(v)>>31 != 0 }
	floor := func(v float32) float32 { d := []float32{0}; FloorF32(d, []float32{v}); return d[0] }
	ceil := func(v float32) float32 { d := []float32{0}; CeilF32(d, []float32{v}); return d[0] }
	ops := map[string]struct {
		code int
		f    func(a, b, c float32) float32
		mask [3]bool
	}{
		"add":   {ChainAdd, func(a, b, c float32) float32 { return a + b }, [3]bool{}},
		"sub":   {ChainSub, func(a, b, c float32) float32 { return a - b }, [3]bool{}},
		"mul":   {ChainMul, func(a, b, c float32) float32 { return a * b }, [3]bool{}},
		"div":   {ChainDiv, func(a, b, c float32) float32 { return a / b }, [3]bool{}},
		"neg":   {ChainNeg, func(a, b, c float32) float32 { return -a }, [3]bool{}},
		"abs":   {ChainAbs, func(a, b, c float32) float32 { return float32(math.Abs(float64(a))) }, [3]bool{}},
		"sqrt":  {ChainSqrt, func(a, b, c float32) float32 { return float32(math.Sqrt(float64(a))) }, [3]bool{}},
		"floor": {ChainFloor, func(a, b, c float32) float32 { return floor(a) }, [3]bool{}},
		"ceil":  {ChainCeil, func(a, b, c float32) float32 { return ceil(a) }, [3]bool{}},
		"lt":    {ChainLt, func(a, b, c float32) float32 { return b2f(a < b) }, [3]bool{}},
		"ne":    {ChainNe, func(a, b, c float32) float32 { return b2f(a != b) }, [3]bool{}},
		"ge":    {ChainGe, func(a, b, c float32) float32 { return b2f(a >= b) }, [3]bool{}},
		"where": {ChainWhere, func(a, b, c float32) float32 {
			if isTrue(a) {
				return b
			}
			return c
		}, [3]bool{true}},
		"or":  {ChainOr, func(a, b, c float32) float32 { return b2f(isTrue(a) || isTrue(b)) }, [3]bool{true, true}},
		"not": {ChainNot, func(a, b, c float32) float32 { return b2f(!isTrue(a)) }, [3]bool{true}},
	}
	slots := make([]float32, 16*3)
	for name, o := range ops {
		arity := ChainArity(o.code)
		for _, n := range []int{1, 15, 16, 17, 70} {
			in := [3][]float32{gen(n), gen(n), gen(n)}
			for k := range in {
				if o.mask[k] {
					for i := range in[k] {
						in[k][i] = b2f(rng.IntN(2) == 0)
					}
				}
			}
			dst := make([]float32, n+3)
			for i := range dst {
				dst[i] = 42
			}
			var steps []ChainStep
			for k := range arity {
				st, _ := NewChainStepF32(ChainPushInput, k, 0, unsafe.Pointer(&in[k][0]))
				steps = append(steps, st)
			}
			st, _ := NewChainStepF32(o.code, arity, 0, nil)
			steps = append(steps, st)
			st, _ = NewChainStepF32(ChainStore, 1, 0, unsafe.Pointer(&dst[0]))
			steps = append(steps, st)
			RunChainF32(steps, unsafe.Pointer(&slots[0]), n)
			for i := range n {
				want := o.f(in[0][i], in[1][i], in[2][i])
				if math.Float32bits(dst[i]) != math.Float32bits(want) && !(dst[i] != dst[i] && want != want) {
					t.Fatalf("%s n=%d [%d]: (%g, %g, %g) = %g, want %g", name, n, i, in[0][i], in[1][i], in[2][i], dst[i], want)
				}
			}
			for i := n; i < n+3; i++ {
				if dst[i] != 42 {
					t.Fatalf("%s n=%d: element %d past the end written", name, n, i)
				}
			}
		}
	}
}
