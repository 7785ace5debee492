package vm

import (
	"context"
	"testing"
	"unsafe"

	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/ir"
)

// lower compiles src for float64 array inputs.
func lower(t *testing.T, src string) *ir.Program {
	t.Helper()
	return lowerTyped(t, src, ir.Float64)
}

func f64Binding(x []float64) exec.Binding {
	return exec.Binding{Type: ir.Float64, Ptr: unsafe.Pointer(&x[0]), N: len(x)}
}

// TestRunRange checks the contract's index range on both CPU backends: Run over
// [lo, lo+n) writes exactly those elements of out, from the same elements of the
// inputs, fused or not, on one thread or several.
func TestRunRange(t *testing.T) {
	const total = 3*exec.BlockSize + 17
	a, b, c := make([]float64, total), make([]float64, total), make([]float64, total)
	for i := range a {
		a[i], b[i], c[i] = float64(i), float64(i%7)-3, 0.5
	}
	prog := lower(t, "2*a + 3*b*b - c/4")
	for _, name := range []string{exec.BackendGonum, exec.BackendSIMD} {
		backend, err := BackendFor(name)
		if err != nil {
			t.Logf("%s: %v", name, err)
			continue
		}
		for _, opt := range []Options{{}, {NoFusion: true}, {FuseMin: -1}} {
			p, err := Compile(prog, backend, opt)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range [][2]int{{0, total}, {exec.BlockSize, total - exec.BlockSize}, {5, 100}, {total - 1, 1}} {
				for _, threads := range []int{1, 3} {
					lo, n := r[0], r[1]
					dst := make([]float64, total)
					for i := range dst {
						dst[i] = -1
					}
					out := exec.Output{Type: ir.Float64, Ptr: unsafe.Pointer(&dst[0]), N: total}
					in := []exec.Binding{f64Binding(a), f64Binding(b), f64Binding(c)}
					if _, err := p.Run(context.Background(), in, lo, n, out, threads); err != nil {
						t.Fatal(err)
					}
					for i, v := range dst {
						want := -1.0
						if i >= lo && i < lo+n {
							want = 2*a[i] + 3*b[i]*b[i] - c[i]/4
						}
						if v != want {
							t.Fatalf("%s %+v [%d, %d) threads=%d: dst[%d] = %v, want %v", name, opt, lo, lo+n, threads, i, v, want)
						}
					}
				}
			}
		}
	}
}

// TestFusionTable checks every row of the typed table: a portable loop (the wide rows,
// float32 arrays against float64 scalars, have only the float32 one), a well-formed
// tree, and asm loops on exactly the rows asm has loops for.
func TestFusionTable(t *testing.T) {
	if len(fusions) == 0 {
		t.Fatal("empty fusion table")
	}
	var check func(n *patNode) bool
	check = func(n *patNode) bool {
		if n.op == ir.OpInvalid {
			return n.leaf >= 0 && n.leaf < numLeaves
		}
		if len(n.args) != n.op.Arity() {
			return false
		}
		for _, a := range n.args {
			if !check(a) {
				return false
			}
		}
		return true
	}
	asmRows := 0
	for _, f := range fusions {
		if (f.loop.F64 == nil && !f.wide) || f.loop.F32 == nil || !check(f.tree) {
			t.Errorf("row %s: a portable loop missing or a malformed tree", f.pattern())
		}
		if f.asm != nil {
			asmRows++
		}
	}
	if asmRows != 7 {
		t.Errorf("%d rows with an asm loop, want 7 (six signs of x*s + y*z*t + w*u, and sqrt(x*y + z*w))", asmRows)
	}
}
