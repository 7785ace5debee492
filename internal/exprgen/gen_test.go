package exprgen_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/numkit/numkit/internal/exprgen"
	"github.com/numkit/numkit/numeric"
)

func TestGenerateDeterministic(t *testing.T) {
	for seed := range uint64(50) {
		a, err := exprgen.Generate(seed, exprgen.Config{Scalars: true, Reductions: true, InnerReductions: true, ConstFolds: true})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := exprgen.Generate(seed, exprgen.Config{Scalars: true, Reductions: true, InnerReductions: true, ConstFolds: true})
		if a.String() != b.String() || !reflect.DeepEqual(a.Inputs, b.Inputs) {
			t.Fatalf("seed %d: %q then %q", seed, a, b)
		}
		va, vb := a.Values(seed, 17), b.Values(seed, 17)
		if !reflect.DeepEqual(strings.Fields(fmtVals(va)), strings.Fields(fmtVals(vb))) {
			t.Fatalf("seed %d: values differ", seed)
		}
	}
}

func fmtVals(v map[string]any) string {
	var b strings.Builder
	for _, k := range []string{"a", "b", "c", "d", "e", "f", "s0", "s1"} {
		if x, ok := v[k]; ok {
			b.WriteString(k + "=" + reflect.ValueOf(x).String() + " ")
		}
	}
	return b.String()
}

// TestGeneratedTypes compiles and evaluates many generated expressions on the gonum
// backend: each must be accepted, and its result must have the type and scalarness
// the generator recorded. Together the expressions must use every function and
// operator.
func TestGeneratedTypes(t *testing.T) {
	seen := map[string]bool{}
	ops := 0
	for seed := range uint64(600) {
		e, err := exprgen.Generate(seed, exprgen.Config{Scalars: true, Reductions: true, InnerReductions: true, ConstFolds: true, Extras: seed%2 == 1})
		if err != nil {
			t.Fatal(err)
		}
		ops += e.Root.Ops()
		e.Root.Walk(func(n *exprgen.Node) {
			if n.Kind == exprgen.Binary || n.Kind == exprgen.Call {
				seen[n.Op] = true
			}
		})
		src := e.String()
		x, err := numeric.Compile(src, numeric.WithBackend(numeric.BackendGonum))
		if err != nil {
			t.Errorf("seed %d: %s: %v", seed, src, err)
			continue
		}
		r, err := x.Eval(context.Background(), e.Values(seed, 5))
		if err != nil {
			if !errors.Is(err, numeric.ErrEmpty) {
				t.Errorf("seed %d: %s: %v", seed, src, err)
			}
			continue
		}
		if r.Type.String() != e.Root.Type.String() || r.Scalar != !e.Root.Array {
			t.Errorf("seed %d: %s: result %s scalar=%v, generator says %s scalar=%v", seed, src, r.Type, r.Scalar, e.Root.Type, !e.Root.Array)
		}
	}
	for _, name := range append(exprgen.Functions(), exprgen.Operators...) {
		if !seen[name] {
			t.Errorf("600 expressions never use %s", name)
		}
	}
	if avg := float64(ops) / 600; avg < 4 || avg > 25 {
		t.Errorf("%.1f operations per expression on average, want 4..25", avg)
	}
}

func TestConfigErrors(t *testing.T) {
	for _, c := range []exprgen.Config{{MinInputs: 3, MaxInputs: 2}, {MinOps: 5, MaxOps: 1}, {MaxInputs: 30, MinInputs: 1, Names: []string{"a"}}} {
		if _, err := exprgen.Generate(1, c); err == nil || !strings.HasPrefix(err.Error(), "exprgen: ") {
			t.Errorf("%+v: error %v, want an exprgen error", c, err)
		}
	}
}

func TestLengths(t *testing.T) {
	seen := map[int]bool{}
	for seed := range uint64(400) {
		n := exprgen.Length(seed, 5000)
		if n < 0 || n > 5000 {
			t.Fatalf("Length(%d) = %d", seed, n)
		}
		seen[n] = true
	}
	for _, n := range []int{0, 1, 4095, 4096, 4097} {
		if !seen[n] {
			t.Errorf("400 seeds never give length %d", n)
		}
	}
}
