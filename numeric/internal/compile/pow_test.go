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

// TestPowLargeIntegerExponent: a constant integer exponent past the rewrite becomes
// pow(|x|, k), with copysign(·, x) for an odd k; other exponents stay one pow.
func TestPowLargeIntegerExponent(t *testing.T) {
	in := map[string]InputType{"a": {Type: ir.Float64}, "f": {Type: ir.Float32}, "i": {Type: ir.Int64}}
	for _, c := range []struct {
		src       string
		abs, sign bool
	}{
		{"a ** 51", true, true}, {"a ** 52", true, false}, {"a ** -51", true, true}, {"a ** 51.0", true, true},
		{"a ** 1e300", true, false}, {"f ** 77", true, true}, {"a ** 51.5", false, false}, {"a ** 0.3", false, false},
		{"i ** 51", false, false}, {"a ** a", false, false}, {"f ** 1e308", false, false}, {"f ** 0x7FFFFFFF", true, false},
	} {
		p, err := lowerForTest(t, c.src, in)
		if err != nil {
			t.Fatalf("%s: %v", c.src, err)
		}
		text := p.String()
		if got := strings.Contains(text, "abs"); got != c.abs {
			t.Errorf("%s: abs in the program %v, want %v:\n%s", c.src, got, c.abs, text)
		}
		if got := strings.Contains(text, "copysign"); got != c.sign {
			t.Errorf("%s: copysign in the program %v, want %v:\n%s", c.src, got, c.sign, text)
		}
	}
}
