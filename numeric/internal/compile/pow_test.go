package compile

import (
	"strings"
	"testing"

	"github.com/numkit/numkit/numeric/ir"
)

// TestPowZeroOfVariable: x**0 and ones_like(x) of a variable are never constants
// (numexpr makes them ones_like(x), an array even for a 0-d x), so an exponent built
// from them is computed, not a constant negative power; of a literal they fold.
func TestPowZeroOfVariable(t *testing.T) {
	inputs := map[string]InputType{"y": {Type: ir.Int32}, "s": {Type: ir.Int32, Scalar: true}, "f": {Type: ir.Float64, Scalar: true}}
	for _, src := range []string{"y ** (~(s ** 0))", "y ** (-ones_like(s))", "y ** (imag(s) - 1)", "y ** (s - s ** 0 - s)"} {
		p, err := lowerForTest(t, src, inputs)
		if err != nil {
			t.Errorf("%s: %v, want it to compile (a computed exponent)", src, err)
			continue
		}
		if p.ScalarResult() {
			t.Errorf("%s: a scalar result, want an array", src)
		}
	}
	for _, src := range []string{"s ** 0", "ones_like(s)"} {
		p, err := lowerForTest(t, src, inputs)
		if err != nil || !p.ScalarResult() || p.ResultType() != ir.Int32 {
			t.Errorf("%s: %v; want a scalar int32", src, err)
		}
	}
	for _, src := range []string{"y ** (~(2 ** 0))", "y ** (-ones_like(1))"} {
		_, err := lowerForTest(t, src, inputs)
		if err == nil || !strings.Contains(err.Error(), "negative integer powers") {
			t.Errorf("%s: %v, want the negative constant power error", src, err)
		}
	}
}
