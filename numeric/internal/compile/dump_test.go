package compile

import (
	"testing"

	"github.com/numkit/numkit/numeric/internal/syntax"
	"github.com/numkit/numkit/numeric/ir"
)

func lowerForTest(t *testing.T, src string, inputs map[string]InputType) (*ir.Program, error) {
	t.Helper()
	e, err := syntax.Parse(src)
	if err != nil {
		return nil, err
	}
	names, err := Names(src, e)
	if err != nil {
		return nil, err
	}
	return Lower(src, e, names, inputs, Options{})
}

func TestDump(t *testing.T) {
	f64 := InputType{Type: ir.Float64}
	in := map[string]InputType{"a": f64, "b": f64, "c": f64, "k": {Type: ir.Float64, Scalar: true}}
	for _, src := range []string{"2*a + 3*b**2 - sin(c)", "a - mean(a)", "sum(a*b)", "a**5", "a**-2.5", "a**0", "a", "2+3*k", "sum(a - mean(a*2)) / sum(b)", "1//0"} {
		p, err := lowerForTest(t, src, in)
		if err != nil {
			t.Logf("%s: %v", src, err)
			continue
		}
		t.Logf("%s:\n%s", src, p)
	}
}
