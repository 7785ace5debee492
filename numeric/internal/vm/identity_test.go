package vm

import (
	"context"
	"errors"
	"math"
	"testing"
	"unsafe"

	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/ir"
)

// TestIdentityFoldBits runs the expressions the compiler folds to an operand
// (compile.TestIdentityFolds) on both CPU backends over special values, and checks
// each element against the operand's bits (any NaN for a NaN: its payload is not
// specified), and that a where whose condition holds a max still fails on empty input.
func TestIdentityFoldBits(t *testing.T) {
	a := []float64{math.NaN(), -math.NaN(), math.Inf(1), math.Inf(-1), math.Copysign(0, -1), 0,
		5e-324, -5e-324, -1.5, math.MaxFloat64, -math.SmallestNonzeroFloat64, 1, -1}
	b := make([]float64, len(a))
	for i := range b {
		b[i] = float64(i%3) - 1
	}
	for _, name := range []string{exec.BackendGonum, exec.BackendSIMD} {
		backend, err := BackendFor(name)
		if err != nil {
			t.Logf("%s: %v", name, err)
			continue
		}
		for _, src := range []string{"a*1", "1*a", "a/1", "-(-a)", "where(b > 0, a, a)", "where(b > 0, 1*a, -(-a))", "where(1 < 2, a, b)", "where(0.1 >= 1, b, a)"} {
			prog := lower(t, src)
			p, err := Compile(prog, backend, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var ins []exec.Binding
			for _, in := range prog.Inputs {
				if in.Name == "a" {
					ins = append(ins, f64Binding(a))
				} else {
					ins = append(ins, f64Binding(b))
				}
			}
			out := make([]float64, len(a))
			if _, err := p.Run(context.Background(), ins, 0, len(a), exec.Output{Type: ir.Float64, Ptr: unsafe.Pointer(&out[0])}, 1); err != nil {
				t.Fatalf("%s %s: %v", name, src, err)
			}
			for i := range a {
				if math.Float64bits(out[i]) != math.Float64bits(a[i]) && !(math.IsNaN(a[i]) && math.IsNaN(out[i])) {
					t.Errorf("%s %s: element %d is %v (%#x), want %v (%#x)", name, src, i, out[i], math.Float64bits(out[i]), a[i], math.Float64bits(a[i]))
				}
			}
		}
		prog := lower(t, "where(max(e) > 0, a, a)")
		p, err := Compile(prog, backend, Options{})
		if err != nil {
			t.Fatal(err)
		}
		one := []float64{1}
		ins := []exec.Binding{f64Binding(one), f64Binding(one)}
		out := []float64{0}
		_, err = p.Run(context.Background(), ins, 0, 0, exec.Output{Type: ir.Float64, Ptr: unsafe.Pointer(&out[0])}, 1)
		if !errors.Is(err, exec.ErrEmpty) {
			t.Errorf("%s where(max(e) > 0, a, a) of empty arrays: error %v, want exec.ErrEmpty", name, err)
		}
	}
}
