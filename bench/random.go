package bench

import (
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"sync"

	"github.com/numkit/numkit/internal/exprgen"
)

// The random suite (issue #16 part 6): a seeded set of expressions numkit was not
// tuned on, made by internal/exprgen's benchmark configuration (2-5 float inputs a..e,
// 2-20 operations: arithmetic, compares, where, functions, an outermost sum; float32
// and float64). Each case's go-loop baseline is exprgen's Evaluator: one goroutine,
// one node at a time over blocks of 1024 elements with Go's math, which a hand-written
// loop for an expression nobody wrote cannot be. It is also the reference every
// backend is checked against before it is timed.

// RandomCase is one generated case with its C and NumPy forms for ../shared/peers.
type RandomCase struct {
	Case
	Node  *exprgen.Node
	C     string // the peers' C expression ("sum:" and the summand for a sum)
	NumPy string
}

var randomMu sync.Mutex

// RandomCases makes count cases from seed, alternating float64 and float32, and
// registers their go-loop baselines (so it must not run while Run does). Each case is
// a generated expression whose result has the inputs' float type and which C can
// express.
func RandomCases(seed uint64, count int) ([]RandomCase, error) {
	if count < 1 {
		return nil, fmt.Errorf("random suite: count %d: want at least 1", count)
	}
	rng := rand.New(rand.NewPCG(seed, 0x72616e64))
	var out []RandomCase
	for k := 0; len(out) < count; k++ {
		if k > 100*count {
			return nil, fmt.Errorf("random suite: seed %d: too few usable expressions", seed)
		}
		dtype, dt := "float64", exprgen.Float64
		if len(out)%2 == 1 {
			dtype, dt = "float32", exprgen.Float32
		}
		e, err := exprgen.Generate(rng.Uint64(), exprgen.BenchConfig(dt))
		if err != nil {
			return nil, err
		}
		c, ok := exprgen.C(e.Root)
		if !ok || e.Root.Type != dt || e.Root.Ops() < 2 {
			continue
		}
		name := fmt.Sprintf("r%d_%02d", seed, len(out)+1)
		rc := RandomCase{Case: Case{Name: name, Expr: e.String(), DType: dtype,
			Note: fmt.Sprintf("random: %d operations", e.Root.Ops())}, Node: e.Root, C: c, NumPy: exprgen.NumPy(e.Root)}
		registerEvaluator(name, e.Root)
		out = append(out, rc)
	}
	return out, nil
}

// registerEvaluator makes exprgen's Evaluator the go-loop baseline of case name.
func registerEvaluator(name string, root *exprgen.Node) {
	mk := func(in *inputs) kernel {
		vars := map[string]any{}
		root.Walk(func(m *exprgen.Node) {
			if m.Kind == exprgen.Var {
				vars[m.Name] = in.array(m.Name)
			}
		})
		ev, err := exprgen.NewEvaluator(root, vars, in.n)
		if err != nil {
			return kernel{run: func() error { return err }, result: func() any { return nil }}
		}
		return kernel{run: func() error { ev.Run(); return nil }, result: ev.Result}
	}
	randomMu.Lock()
	defer randomMu.Unlock()
	baselines[name] = struct{ loop, floats baselineMaker }{loop: mk}
}

// Cases returns the random cases as plain cases for Config.Cases.
func Cases(rc []RandomCase) []Case {
	out := make([]Case, len(rc))
	for i, c := range rc {
		out[i] = c.Case
	}
	return out
}

// WritePeersCases writes rc in the format of ../shared/peers/cases.tsv: name, dtype,
// the numexpr expression, the C expression, the NumPy expression, tab-separated.
func WritePeersCases(w io.Writer, seed uint64, rc []RandomCase) error {
	ew := &errWriter{w: w}
	fmt.Fprintf(ew, "# numkit bench --suite random --seed %d: %d generated cases (name, dtype, numexpr expression, C expression, NumPy expression)\n", seed, len(rc))
	for _, c := range rc {
		for _, f := range []string{c.Expr, c.C, c.NumPy} {
			if strings.ContainsAny(f, "\t\n") {
				return fmt.Errorf("case %s: a tab or newline in %q", c.Name, f)
			}
		}
		fmt.Fprintf(ew, "%s\t%s\t%s\t%s\t%s\n", c.Name, c.DType, c.Expr, c.C, c.NumPy)
	}
	return ew.err
}
