package numeric

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/numkit/numkit/internal/exprgen"
)

// TestDifferentialOverflow puts an integer constant the language rejects (beyond int64
// when folded exactly, or wrapping in a constant call: exprgen.OverflowConsts) into
// generated expressions: the reference must reject each, and so must every backend,
// with an error about the constant, not a value. The fuzzer's generator never makes
// such constants, so this is where the rejection is checked.
func TestDifferentialOverflow(t *testing.T) {
	used := map[string]bool{}
	for seed := range uint64(80) {
		e, bad, err := exprgen.Overflow(seed, diffConfig)
		if err != nil {
			t.Fatal(err)
		}
		used[bad] = true
		src := e.String()
		if !strings.Contains(src, bad) {
			t.Fatalf("seed %d: %s does not contain the constant %s", seed, src, bad)
		}
		vars := Vars(e.Values(seed, max(1, exprgen.Length(seed, 300))))
		if _, rerr := refEvaluate(src, vars, false); rerr == nil || errors.Is(rerr, errRefEmpty) ||
			!strings.Contains(rerr.Error(), "constant") && !strings.Contains(rerr.Error(), "too large") {
			t.Errorf("seed %d: %s: reference error %v, want one about the integer constant %s", seed, src, rerr, bad)
		}
		for _, be := range diffBackends(t, seed%diffCLStride == 0) {
			x, err := Compile(src, WithBackend(be))
			if err == nil {
				_, err = x.Eval(context.Background(), vars)
			}
			if err == nil || !strings.Contains(err.Error(), "constant") {
				t.Errorf("seed %d %s: %s: error %v, want one about the integer constant %s", seed, be, src, err, bad)
			}
		}
	}
	for _, c := range exprgen.OverflowConsts {
		if !used[c] {
			t.Errorf("80 seeds never use %s", c)
		}
	}
}
