package numeric

import (
	"context"
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/numkit/numkit/internal/exprgen"
)

// TestPartialGenerated: chunked evaluation of generated expressions (every operator
// and function, reductions at the top and inside, scalars, all five types, random
// lengths, cuts and arrival orders) gives the bits of the whole-array evaluation on
// each CPU backend (and every tenth on OpenCL), or fails where the whole evaluation fails.
func TestPartialGenerated(t *testing.T) {
	cfg := exprgen.Config{Scalars: true, Reductions: true, InnerReductions: true}
	seeds := 400
	if testing.Short() {
		seeds = 60
	}
	rng := rand.New(rand.NewPCG(29, 5))
	compared := 0
	for seed := uint64(7000); seed < 7000+uint64(seeds); seed++ {
		g, err := exprgen.Generate(seed, cfg)
		if err != nil {
			t.Fatal(err)
		}
		n := max(1, exprgen.Length(seed, 20_000))
		vars := Vars(g.Values(seed, n))
		src := g.String()
		arrays := false // an expression of scalars only has nothing to cut
		for _, in := range g.Inputs {
			arrays = arrays || !in.Scalar && g.Root.Has(func(m *exprgen.Node) bool { return m.Name == in.Name })
		}
		backends := cpuBackends()
		if seed%10 == 0 && clChosenType() != "" { // every tenth on the device too (a build per expression)
			backends = append(backends, BackendOpenCL)
		}
		for _, be := range backends {
			e, err := Compile(src, WithBackend(be))
			if err != nil {
				continue // the language rejects it (TestDifferential checks that)
			}
			whole, werr := e.Eval(context.Background(), vars)
			got, cerr := evalChunked(t, e, vars, cutsFor(rng, n, 1+rng.IntN(9)), rng)
			switch {
			case !arrays:
				if !errors.Is(cerr, ErrShape) {
					t.Errorf("seed %d %s: %s has no array input: chunked %v, want ErrShape", seed, be, src, cerr)
				}
			case werr != nil && cerr == nil:
				t.Errorf("seed %d %s: %s: the whole evaluation fails (%v), the chunked one does not", seed, be, src, werr)
			case werr == nil && cerr != nil:
				t.Errorf("seed %d %s: %s: chunked: %v", seed, be, src, cerr)
			case werr == nil && !sameResultBits(whole, got):
				t.Errorf("seed %d %s: %s (n=%d): chunked %v, whole %v", seed, be, src, n, got.Data, whole.Data)
			case werr == nil:
				compared++
			}
		}
	}
	t.Logf("%d generated evaluations compared bit for bit", compared)
	if compared < seeds*len(cpuBackends())*3/4 { // most seeds evaluate on every backend
		t.Errorf("only %d evaluations compared", compared)
	}
}
