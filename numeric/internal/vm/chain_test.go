package vm

import (
	"math"
	"math/rand/v2"
	"testing"
	"unsafe"

	"github.com/numkit/numkit/asm"
	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/ir"
)

// TestChainPlans checks that running steps as a chain changes no bit (but a NaN's
// payload, see TestChainRandom): every case
// against the plan without chains (Options.NoChain), with and without non-temporal
// stores, on one thread and several, over element ranges whose starts leave the
// result unaligned and whose lengths leave tails, with special values among the
// inputs. It also checks which expressions get a chain plan.
func TestChainPlans(t *testing.T) {
	if !asm.ChainAvailable() {
		t.Skip("chains need AVX-512")
	}
	const total = 5*exec.BlockSize + 1237
	cases := []struct {
		src   string
		chain bool
		typ   ir.DType
	}{
		{"(2 + a) + (10 - b)", true, ir.Float32},
		{"2*a + 3*b**2 - c/4", true, ir.Float32},
		{"where((a > b) | (c != c), sqrt(abs(a)) - floor(b), ceil(c) / (a - b))", true, ir.Float32},
		{"where(a > 0.5, b, -c)", true, ir.Float32}, // a float32 array against a float64 constant, compared in float32
		{"(2 + a) + (10 - b)", true, ir.Float64},
		{"b + 3*c", true, ir.Float64},
		{"2*a + 3*b**2 - c/4", true, ir.Float64},
		{"where(a > 0.5, b, c)", true, ir.Float64},
		{"where((a > b) & ~(c < 0) | (a == c), sqrt(abs(a)) - floor(b), ceil(c) / (a - b))", true, ir.Float64},
		{"-a * b + where(a >= b, a, -b) * where((b <= c) & (a < 0), 1.5, c)", true, ir.Float64},
		{"a * (b != c) - (a < c)", true, ir.Float64},                                 // casts from bool
		{"where(where(a < b, b > 0, a > 0) == (c < 1), a, b - c)", true, ir.Float32}, // a where of bools, == of bools
		{"(a < 1) ^ (b > c) & (a != a)", false, ir.Float64},                          // a bool result
		{"sin(a) + b", false, ir.Float64},
		{"a - sum(b)", false, ir.Float64},          // one instruction: no run to chain
		{"a - sum(b) * c + 1", true, ir.Float64},   // the last stage: the sum is a scalar there
		{"sum(a * b - c) + a*b", true, ir.Float64}, // a reduction reads the run's value
		{"sin(a*b + c) - (a - c)*b", true, ir.Float64},
		{"sum((a - b) * (c + 1)) + a", true, ir.Float64},           // a dot of two chained values
		{"where(a > b, exp(a + 1), b - c) * c", false, ir.Float64}, // a lazy where whose branch has exp
		{"where(a > b, (a + 1) * c, b - c) * c", true, ir.Float64},
		{"a % b + c", false, ir.Float64},
	}
	backend, err := BackendFor(exec.BackendSIMD)
	if err != nil {
		t.Skip(err)
	}
	for _, c := range cases {
		typ := c.typ
		prog := lowerTyped(t, c.src, typ)
		ins := make([]exec.Binding, len(prog.Inputs))
		for i := range ins {
			ins[i] = typedInput(typ, total, i)
			for j, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), 0, math.Copysign(0, -1), 5e-324} {
				k := (j*997 + i*31) % total
				if typ == ir.Float32 {
					unsafe.Slice((*float32)(ins[i].Ptr), total)[k] = float32(v)
				} else {
					unsafe.Slice((*float64)(ins[i].Ptr), total)[k] = v
				}
			}
		}
		size := prog.Regs[prog.Result].Type.Size()
		p, err := Compile(prog, backend, Options{ChainMin: -1})
		if err != nil {
			t.Fatal(err)
		}
		if (p.chainPlan != nil) != c.chain {
			t.Errorf("%s: chain plan %v, want %v", c.src, p.chainPlan != nil, c.chain)
		}
		for _, stream := range []int{0, -1} {
			run := func(opt Options, lo, n, threads int) []byte {
				opt.StreamMin = stream
				dst, _ := runGuarded(t, prog, backend, opt, ins, total, lo, n, threads)
				return dst
			}
			for _, r := range [][3]int{{0, total, 1}, {0, total, 3}, {3, total - 3, 2}, {1, 4099, 2}, {5, 61, 1}, {8, 7, 1}} {
				lo, n, threads := r[0], r[1], r[2]
				want := run(Options{NoChain: true, ChainMin: -1}, lo, n, threads)
				got := run(Options{ChainMin: -1}, lo, n, threads)
				if k := sameFloats(got, want, prog.Regs[prog.Result].Type); k >= 0 {
					t.Errorf("%s stream=%d [%d, %d) %d threads: the chain differs at element %d", c.src, stream, lo, lo+n, threads, k)
				}
				if lo > 0 && got[lo*size-1] != 0xA5 || lo+n < total && got[(lo+n)*size] != 0xA5 {
					t.Errorf("%s: elements outside [%d, %d) written", c.src, lo, lo+n)
				}
			}
		}
	}
}

// TestChainRandom generates random expressions of the operations chains have over
// float64 or float32 inputs a..d and constants, with functions and reductions
// among them, and checks every one whose plan has a chain, and its lazy plan
// without chains, against the eager plan without chains (Options.NoLazy), with
// input d in whole blocks of one sign (so that lazy wheres skip), bit for bit but
// for the payload and sign of a NaN (which IEEE 754 and the language leave
// unspecified: x86 returns the first operand's, and a kernel with a scalar operand
// may take the operands in the other order), over inputs with special values.
func TestChainRandom(t *testing.T) {
	if !asm.ChainAvailable() {
		t.Skip("chains need AVX-512")
	}
	backend, err := BackendFor(exec.BackendSIMD)
	if err != nil {
		t.Skip(err)
	}
	rng := rand.New(rand.NewPCG(23, 5))
	consts := []string{"0", "1", "2.5", "-3", "0.1", "1e300", "-0.0"}
	var num, cond func(d int) string
	num = func(d int) string {
		if d <= 0 || rng.IntN(5) == 0 {
			if rng.IntN(4) == 0 {
				return consts[rng.IntN(len(consts))]
			}
			return string(rune('a' + rng.IntN(4)))
		}
		switch rng.IntN(10) {
		case 0, 1:
			return "(" + num(d-1) + []string{" + ", " - ", " * ", " / "}[rng.IntN(4)] + num(d-1) + ")"
		case 2:
			return "(" + num(d-1) + " * " + num(d-1) + " - " + num(d-1) + ")"
		case 3:
			return "-" + num(d-1)
		case 4:
			return []string{"abs", "sqrt", "floor", "ceil"}[rng.IntN(4)] + "(" + num(d-1) + ")"
		case 5, 6:
			return "where(" + cond(d-1) + ", " + num(d-1) + ", " + num(d-1) + ")"
		case 8:
			return "(" + num(d-1) + " * " + cond(d-1) + ")" // a bool as 1 or 0
		case 7: // a function no chain has: the runs around it are chained
			return []string{"sin", "exp", "log1p"}[rng.IntN(3)] + "(" + num(d-1) + ")"
		}
		return "(" + num(d-1) + " + " + num(d-1) + ")"
	}
	cond = func(d int) string {
		if d <= 0 {
			return "(" + num(0) + " < " + num(0) + ")"
		}
		switch rng.IntN(7) {
		case 0:
			return "(" + cond(d-1) + []string{" & ", " | ", " == ", " != "}[rng.IntN(4)] + cond(d-1) + ")"
		case 1:
			return "~" + cond(d-1)
		case 2:
			return "where(" + cond(d-1) + ", " + cond(d-1) + ", " + cond(d-1) + ")"
		case 3: // uniform over d's blocks
			return []string{"(d > 0)", "(d <= 0)"}[rng.IntN(2)]
		}
		return "(" + num(d-1) + []string{" < ", " <= ", " == ", " != ", " > ", " >= "}[rng.IntN(6)] + num(d-1) + ")"
	}
	const total = 3*exec.BlockSize + 517
	chained := 0
	for i := 0; i < chainRandomCount; i++ {
		typ := []ir.DType{ir.Float64, ir.Float32}[i%2]
		src := num(2 + rng.IntN(4))
		switch rng.IntN(5) {
		case 0: // a reduction reads a run's value
			src = "sum(" + src + ") + " + num(2)
		case 1:
			src = src + " - mean(" + num(2) + ")"
		}
		prog, err := lowerTypedErr(src, typ)
		if err != nil {
			continue // a constant expression, or one the language rejects
		}
		p, err := Compile(prog, backend, Options{ChainMin: -1})
		if err != nil {
			t.Fatal(err)
		}
		if p.chainPlan == nil {
			continue
		}
		chained++
		ins := make([]exec.Binding, len(prog.Inputs))
		for k := range ins {
			ins[k] = typedInput(typ, total, k)
			if prog.Inputs[k].Name == "d" {
				ins[k] = lazyCond(typ, total) // whole blocks of one sign: lazy wheres skip there
			}
			for j, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), 0, math.Copysign(0, -1), 5e-324, 1e-40} {
				at := (j*613 + k*37 + i) % total
				if typ == ir.Float32 {
					unsafe.Slice((*float32)(ins[k].Ptr), total)[at] = float32(v)
				} else {
					unsafe.Slice((*float64)(ins[k].Ptr), total)[at] = v
				}
			}
		}
		run := func(opt Options) []byte {
			dst, _ := runGuarded(t, prog, backend, opt, ins, total, 0, total, 1+i%3)
			return dst
		}
		want := run(Options{NoChain: true, NoLazy: true})
		if k := sameFloats(run(Options{NoChain: true}), want, prog.Regs[prog.Result].Type); k >= 0 {
			t.Errorf("%s %s: the lazy plan differs from the eager one at element %d", typ, src, k)
		}
		for _, stream := range []int{0, -1} {
			if k := sameFloats(run(Options{ChainMin: -1, StreamMin: stream}), want, prog.Regs[prog.Result].Type); k >= 0 {
				t.Errorf("%s %s (stream %d): the chain differs at element %d", typ, src, stream, k)
			}
		}
	}
	if chained < chainRandomCount/3 {
		t.Errorf("only %d of %d expressions had a chain", chained, chainRandomCount)
	}
}

// chainRandomCount is how many expressions TestChainRandom generates.
var chainRandomCount = 1000

// sameFloats returns the first element where the float arrays got and want (of
// type typ) differ, NaNs all equal, or -1.
func sameFloats(got, want []byte, typ ir.DType) int {
	if typ == ir.Float32 {
		g, w := unsafe.Slice((*float32)(unsafe.Pointer(&got[0])), len(got)/4), unsafe.Slice((*float32)(unsafe.Pointer(&want[0])), len(want)/4)
		for i := range g {
			if math.Float32bits(g[i]) != math.Float32bits(w[i]) && !(g[i] != g[i] && w[i] != w[i]) {
				return i
			}
		}
		return -1
	}
	g, w := unsafe.Slice((*float64)(unsafe.Pointer(&got[0])), len(got)/8), unsafe.Slice((*float64)(unsafe.Pointer(&want[0])), len(want)/8)
	for i := range g {
		if math.Float64bits(g[i]) != math.Float64bits(w[i]) && !(g[i] != g[i] && w[i] != w[i]) {
			return i
		}
	}
	return -1
}
