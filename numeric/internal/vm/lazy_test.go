package vm

import (
	"bytes"
	"testing"
	"unsafe"

	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/ir"
)

// TestLazyWhere checks that skipping a where's (and's, or's) branch on passes whose
// condition does not need it changes no bit: every case against the plan without skipping
// (Options.NoLazy), on both CPU backends, fused and not, in whole blocks and short
// passes, on one thread and several, over a condition input c whose blocks are all
// true, all false, mixed, or true but for their last element (a branch skipped on
// a pass that needs it changes the result). It also checks that the passes did skip
// or pick where a case has a branch to skip.
func TestLazyWhere(t *testing.T) {
	const blocks = 12
	const total = blocks*exec.BlockSize + 777
	cases := []struct {
		src  string
		typ  ir.DType
		lazy bool // whether every plan must skip a branch or pick an operand somewhere
	}{
		{"where(c > 0, a*2 + sin(b), b - 1)", ir.Float64, true},
		{"where(c > 0, where(a > 0.5, sqrt(abs(a)), a*a), (b + 1) / 3)", ir.Float64, true},
		{"where(c > 0, a, b*3 - a)", ir.Float32, true},
		{"where(c <= 0, exp(a) - 1, b) * 2", ir.Float32, true},
		{"where(c > 0, a*2, b) + a*2", ir.Float64, false}, // a*2 is read twice, b is an input: nothing to skip
		{"sum(where(c > 0, a*b, b - a))", ir.Float64, true},
		{"sum(where(c > 0, b, a*2) * (a*2)) + a", ir.Float64, false}, // a*2 is a dot factor too: never skipped // a reduction reads the where
		{"a - mean(where(c > 0, exp(a), b*b))", ir.Float64, true},
		{"where(c > 0, a + b, a - b) > where(c > 0, b, a*3)", ir.Float64, true},
		{"where(c > 0, a, b)", ir.Float64, false}, // nothing to skip
		{"where(c > 0, a % 3, fmod(b, 2)) + where(c < 0, 1, b)", ir.Float32, true},
		{"where((c > 0) & (a*b > 0.5), a, b)", ir.Float64, true},       // and: a*b > 0.5 skipped where c <= 0
		{"where((c <= 0) | (sin(a) > 0), a - b, b)", ir.Float32, true}, // or: sin(a) > 0 skipped where c <= 0 everywhere
		{"(c > 0) & (b > 0.25)", ir.Float64, true},                     // and of arrays: b read only where c > 0 somewhere
		{"~((c > 0) | (a < b)) | (b > 0)", ir.Float64, true},
	}
	for _, name := range []string{exec.BackendGonum, exec.BackendSIMD} {
		backend, err := BackendFor(name)
		if err != nil {
			t.Logf("%s: %v", name, err)
			continue
		}
		for _, c := range cases {
			prog := lowerTyped(t, c.src, c.typ)
			ins := make([]exec.Binding, len(prog.Inputs))
			for i, in := range prog.Inputs {
				ins[i] = typedInput(c.typ, total, i)
				if in.Name == "c" {
					ins[i] = lazyCond(c.typ, total)
				}
			}
			size := prog.Regs[prog.Result].Type.Size()
			for _, base := range []Options{{}, {NoFusion: true}, {Block: 512}, {FuseMin: -1}} {
				run := func(opt Options, threads int) ([]byte, *Program) {
					return runGuarded(t, prog, backend, opt, ins, total, 0, total, threads)
				}
				for _, threads := range []int{1, 3} {
					eager := base
					eager.NoLazy = true
					want, _ := run(eager, threads)
					got, p := run(base, threads)
					if !bytes.Equal(got, want) {
						i := 0
						for got[i] == want[i] {
							i++
						}
						t.Errorf("%s %s %+v, %d threads: lazy result differs at element %d", name, c.src, base, threads, i/size)
					}
					skips := p.plan.lazySkips.Load()
					if p.streamPlan != nil {
						skips += p.streamPlan.lazySkips.Load()
					}
					if skips == 0 && c.lazy {
						t.Errorf("%s %s %+v: no branch skipped, no operand picked", name, c.src, base)
					}
				}
			}
		}
	}
}

// lazyCond is the input c: block k of exec.BlockSize elements is positive where k%4
// is 0, negative where it is 1, mixed where it is 2, and positive but for its last
// element where it is 3; the elements past the last whole block are positive.
func lazyCond(typ ir.DType, n int) exec.Binding {
	v := make([]float64, n)
	for i := range v {
		k, j := i/exec.BlockSize, i%exec.BlockSize
		v[i] = 1 + float64(j%7)
		switch {
		case k*exec.BlockSize+exec.BlockSize > n:
		case k%4 == 1:
			v[i] = -v[i]
		case k%4 == 2 && j%3 == 0, k%4 == 3 && j == exec.BlockSize-1:
			v[i] = -v[i]
		}
	}
	if typ == ir.Float32 {
		x := make([]float32, n)
		for i := range x {
			x[i] = float32(v[i])
		}
		return exec.Binding{Type: typ, Ptr: unsafe.Pointer(&x[0]), N: n}
	}
	return exec.Binding{Type: typ, Ptr: unsafe.Pointer(&v[0]), N: n}
}
