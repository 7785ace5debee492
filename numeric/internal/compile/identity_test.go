package compile

import (
	"strings"
	"testing"

	"github.com/numkit/numkit/numeric/ir"
)

// ops lists the operations of p's instructions, scalar and vector, with their types.
func ops(p *ir.Program) []string {
	var out []string
	for _, st := range p.Stages {
		for _, in := range append(append([]ir.Instr(nil), st.Scalar...), st.Vector...) {
			out = append(out, in.Op.String())
		}
	}
	return out
}

// TestIdentityFolds checks that the exact algebraic no-ops lower to their operand
// (no instruction left but the copy a bare input result needs), and that the cases
// where folding would change a value, a shape or an error keep their instruction.
func TestIdentityFolds(t *testing.T) {
	f64, f32 := InputType{Type: ir.Float64}, InputType{Type: ir.Float32}
	in := map[string]InputType{"a": f64, "b": f64, "e": f64, "x": f32, "y": f32,
		"i": {Type: ir.Int32}, "j": {Type: ir.Int64}, "z": {Type: ir.Complex128},
		"k": {Type: ir.Float64, Scalar: true}, "t": {Type: ir.Bool}}
	folded := []struct{ src, ops string }{
		{"a*1", "copy"}, {"1*a", "copy"}, {"a/1", "copy"}, {"a*1.0", "copy"},
		{"x*1", "copy"}, {"x/1", "copy"}, {"1*x + y", "add"}, {"i*1", "copy"}, {"j*1 + i", "cast add"},
		{"-(-a)", "copy"}, {"-(-(-a))", "neg"}, {"-(-i) + 1", "add"}, {"~(~t)", "copy"}, {"~(~i)", "copy"},
		{"where(b > 0, a, a)", "copy"}, {"where(y > 0, x, x) * 2", "mul"},
		{"where(t, a, a) + b", "add"}, {"where(k > 0, k, k) + a", "add"}, {"where(b > 0, k, k) + a", "gt where add"},
		{"sin(where(b > 0, a*1, -(-a)))", "sin"},
		{"where(0.1 >= 1, 2, a) + b", "add"}, {"where(1 < 2, a, b)", "copy"}, {"where(1 < 2, k, k*2) + a", "add"},
	}
	for _, c := range folded {
		p, err := lowerForTest(t, c.src, in)
		if err != nil {
			t.Fatalf("%s: %v", c.src, err)
		}
		if got := strings.Join(ops(p), " "); got != c.ops {
			t.Errorf("%s: instructions %q, want %q:\n%s", c.src, got, c.ops, p)
		}
	}
	kept := []struct{ src, op string }{
		{"z*1", "mul"},                       // complex: (inf+1j)*1 has a NaN real part
		{"a*2", "mul"},                       // not one
		{"x*1.5", "mul"},                     // float32 times a float64 constant: a cast and a product
		{"where(max(e) > 0, a, a)", "where"}, // max of an empty e must still fail
		{"where(b > 0, a, b)", "where"},
		{"where(b > 0, 2.0, 2.0)", "where"},    // a constant under a vector condition: broadcast
		{"k**0 + a", "where"},                  // ones_like of a scalar input stays opaque
		{"where(1 < 2, 2.0, a)", "where"},      // the constant kept would need broadcasting
		{"where(1 < 2, k, a)", "where"},        // a scalar kept where the result is a vector
		{"where(1 < 2, a, max(e)*b)", "where"}, // the branch dropped holds a max
	}
	for _, c := range kept {
		p, err := lowerForTest(t, c.src, in)
		if err != nil {
			t.Fatalf("%s: %v", c.src, err)
		}
		if got := strings.Join(ops(p), " "); !strings.Contains(got, c.op) {
			t.Errorf("%s: instructions %q, want a %s kept:\n%s", c.src, got, c.op, p)
		}
	}
	if _, err := lowerForTest(t, "-(-(a > 0))", in); err == nil {
		t.Errorf("-(-(a > 0)): no error; negating a bool is an error before and after folding")
	}
}
