package vm

import (
	"context"
	"math"
	"testing"
	"unsafe"

	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/internal/hw"
	"github.com/numkit/numkit/numeric/ir"
)

// TestPassBits checks that running a stage's vector code in passes shorter than a
// block changes no bit: arrays and reductions (held temporaries, dot products, several
// stages, broadcasts) against one pass per block, on both CPU backends, fused or not,
// on one thread and several, with pass lengths that divide the block and one that
// does not.
func TestPassBits(t *testing.T) {
	const n = 9*exec.BlockSize + 1234 // past minParallel: several workers run
	vecs := make([][]float64, 3)
	for k := range vecs {
		vecs[k] = make([]float64, n)
		for i := range vecs[k] {
			vecs[k][i] = math.Sin(float64(i*(k+3))) * float64(1+i%17)
		}
	}
	srcs := []string{
		"(2 + a) + (10 - b) * c - sqrt(abs(a))",
		"sum((2 + a) + (10 - b))",
		"sum(a*b) + max(a - b*2)",
		"a - mean(a*2 + b)",
		"sum(where(a > b, a*2, b - 1) * c)",
		"std(a*3 + b) * c + 1",
		"where(a > 0.5, 2.0, b) + c*c",
		"sum(a*(b + 1)) / prod(c*0 + 1) + min(a*b - c)",
	}
	for _, name := range []string{exec.BackendGonum, exec.BackendSIMD} {
		backend, err := BackendFor(name)
		if err != nil {
			t.Logf("%s: %v", name, err)
			continue
		}
		for _, src := range srcs {
			prog := lower(t, src)
			var ins []exec.Binding
			for i := range prog.Inputs {
				ins = append(ins, f64Binding(vecs[i]))
			}
			for _, base := range []Options{{}, {NoFusion: true}, {FuseMin: -1}} {
				run := func(block, threads int) ([]float64, uint64) {
					opt := base
					opt.Block = block
					p, err := Compile(prog, backend, opt)
					if err != nil {
						t.Fatal(err)
					}
					dst := make([]float64, n)
					res, err := p.Run(context.Background(), ins, 0, n, exec.Output{Type: ir.Float64, Ptr: unsafe.Pointer(&dst[0])}, threads)
					if err != nil {
						t.Fatalf("%s %s: %v", name, src, err)
					}
					return dst, res
				}
				wantDst, wantRes := run(exec.BlockSize, 1)
				for _, block := range []int{0, 64, 100, 512, 1024} {
					for _, threads := range []int{1, 3} {
						dst, res := run(block, threads)
						if res != wantRes {
							t.Errorf("%s %s %+v, passes of %d, %d threads: result %#x, want %#x", name, src, base, block, threads, res, wantRes)
						}
						for i := range dst {
							if math.Float64bits(dst[i]) != math.Float64bits(wantDst[i]) {
								t.Errorf("%s %s %+v, passes of %d, %d threads: element %d is %v, want %v", name, src, base, block, threads, i, dst[i], wantDst[i])
								break
							}
						}
					}
				}
			}
		}
	}
}

// TestWorkersWithdrawn runs many short evaluations of a program of several stages on
// several workers, alternating two programs on the same pool, so that tasks are
// withdrawn (an evaluation finished every chunk before a worker started) and run late:
// every result must be the one-thread result. Run under -race it also checks that a
// withdrawn task touches nothing of the evaluation.
func TestWorkersWithdrawn(t *testing.T) {
	const n = minParallel + 3*exec.BlockSize + 5
	a, b := make([]float64, n), make([]float64, n)
	for i := range a {
		a[i], b[i] = math.Cos(float64(i)), float64(i%7)
	}
	backend, err := BackendFor(exec.BackendGonum)
	if err != nil {
		t.Fatal(err)
	}
	type prog struct {
		p    *Program
		want uint64
	}
	var progs []prog
	for _, src := range []string{"sum(a - mean(a*b)) + max(b - a)", "sum((a + 2) * (b - 1))"} {
		p, err := Compile(lower(t, src), backend, Options{})
		if err != nil {
			t.Fatal(err)
		}
		ins := []exec.Binding{f64Binding(a), f64Binding(b)}
		want, err := p.Run(context.Background(), ins, 0, n, exec.Output{}, 1)
		if err != nil {
			t.Fatal(err)
		}
		progs = append(progs, prog{p, want})
	}
	ins := []exec.Binding{f64Binding(a), f64Binding(b)}
	for i := range 300 {
		pr := progs[i%2]
		got, err := pr.p.Run(context.Background(), ins, 0, n, exec.Output{}, 2+i%3)
		if err != nil {
			t.Fatal(err)
		}
		if got != pr.want {
			t.Fatalf("evaluation %d: %#x, want %#x (one thread)", i, got, pr.want)
		}
	}
}

// TestSubBlock checks the pass lengths chosen: the whole block without temporaries,
// with one (the whole block's fits in the L1d) and with a transcendental function;
// else shorter passes the more operands the code touches, never below minSub.
func TestSubBlock(t *testing.T) {
	backend, err := BackendFor(exec.BackendGonum)
	if err != nil {
		t.Fatal(err)
	}
	sub := func(src string) int {
		p, err := Compile(lower(t, src), backend, Options{NoFusion: true})
		if err != nil {
			t.Fatal(err)
		}
		return p.plan.stages[0].sub
	}
	if got := sub("a + b"); got != exec.BlockSize {
		t.Errorf("a + b: passes of %d, want the whole block (%d): no temporary", got, exec.BlockSize)
	}
	p, err := Compile(lower(t, "(2 + a) + (10 - b)"), backend, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p.wholeMin != hw.StreamMin() {
		t.Errorf("whole blocks from %d bytes, want hw.StreamMin() = %d", p.wholeMin, hw.StreamMin())
	}
	if p, err = Compile(lower(t, "(2 + a) + (10 - b)"), backend, Options{Block: 100}); err != nil || p.wholeMin != math.MaxInt {
		t.Errorf("Options.Block 100: whole blocks from %d bytes (%v), want never", p.wholeMin, err)
	}
	for _, src := range []string{"exp(a)*b - c", "sum(a*b - c)", "a*2 + b"} {
		if got := sub(src); got != exec.BlockSize {
			t.Errorf("%s: passes of %d, want the whole block (a transcendental function, or one temporary)", src, got)
		}
	}
	two, many := sub("(2 + a) + (10 - b)"), sub("a*b + c*d + e*f + a*c + b*d + e*a + sqrt(f) + f/a")
	if two >= exec.BlockSize || many > two || many < minSub {
		t.Errorf("passes of %d for (2 + a) + (10 - b) and %d for a longer expression: want shorter than a block, no longer for more operands, at least %d", two, many, minSub)
	}
}
