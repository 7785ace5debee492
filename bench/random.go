package bench

import (
	"fmt"
	"io"
	"math"
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
// registers their go-loop baselines. Each case is
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

// registerEvaluator makes exprgen's Evaluator the go-loop baseline of case name, and
// the check of the other implementations against it (randomChecks).
func registerEvaluator(name string, root *exprgen.Node) {
	var envelope [2]any // the evaluator's results perturbed up and down, at the last size made
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
		rel := randomPerturb[in.dtype == "float32"]
		for k, sign := range []float64{1, -1} {
			p, _ := exprgen.NewEvaluator(root, vars, in.n)
			p.Perturb(sign * rel)
			p.Run()
			envelope[k] = p.Result()
		}
		return kernel{run: func() error { ev.Run(); return nil }, result: ev.Result}
	}
	randomMu.Lock()
	defer randomMu.Unlock()
	randomBaselines[name] = mk
	randomChecks[name] = func(got, ref any, tol float64) (float64, error) {
		return compareEnvelope(got, ref, envelope, tol)
	}
}

// randomPerturb is the relative perturbation of the functions' results (by float32
// data) in the envelope a random case's result must fall in: about 4500 float64 ULPs,
// 80 float32 ULPs. Correctness to the ULP is the differential fuzzer's business
// (numeric/difffuzz_test.go); this check catches wrong results, not rounding.
var randomPerturb = map[bool]float64{false: 1e-12, true: 1e-5}

// randomBaselines are the random cases' go-loop baselines, by case name.
var randomBaselines = map[string]baselineMaker{}

// baselineFor returns the baselines of case name: a random case's, or the suites'.
func baselineFor(name string) struct{ loop, floats baselineMaker } {
	randomMu.Lock()
	defer randomMu.Unlock()
	if mk, ok := randomBaselines[name]; ok {
		return struct{ loop, floats baselineMaker }{loop: mk}
	}
	return baselines[name]
}

// randomChecks are the checks of random cases, by case name.
var randomChecks = map[string]func(got, ref any, tol float64) (float64, error){}

// checkResult compares an implementation's result with the reference: within tol
// (compareResults), or for a random case within the envelope of perturbed evaluations.
func checkResult(c Case, got, ref any, tol float64) (float64, error) {
	randomMu.Lock()
	check := randomChecks[c.Name]
	randomMu.Unlock()
	if check == nil {
		return compareResults(got, ref, tol)
	}
	return check(got, ref, tol)
}

// compareEnvelope accepts each element of got that compareResults accepts against ref
// or against either perturbed result, that lies between them, or that differs from ref
// by at most four times the perturbations' spread there.
func compareEnvelope(got, ref any, env [2]any, tol float64) (float64, error) {
	maxErr, err := compareResults(got, ref, tol)
	if err == nil || env[0] == nil || env[1] == nil {
		return maxErr, err
	}
	g, _ := asFloats(got)
	w, _ := asFloats(ref)
	up, _ := asFloats(env[0])
	dn, _ := asFloats(env[1])
	if len(g) != len(w) || len(up) != len(w) || len(dn) != len(w) {
		return maxErr, err
	}
	maxErr = 0
	for i := range g {
		e := min(scaledError(g[i], w[i]), scaledError(g[i], up[i]), scaledError(g[i], dn[i]))
		// Within the envelope, or within four times the perturbations' spread (errors
		// of different signs in different functions can add up beyond the envelope).
		spread := max(math.Abs(up[i]-w[i]), math.Abs(dn[i]-w[i]))
		if lo, hi := min(w[i], up[i], dn[i]), max(w[i], up[i], dn[i]); g[i] >= lo && g[i] <= hi || math.Abs(g[i]-w[i]) <= 4*spread {
			e = 0
		}
		if e > tol {
			return e, fmt.Errorf("element %d: got %v, reference %v (perturbed %v, %v; error %.3g > %.3g)", i, g[i], w[i], up[i], dn[i], e, tol)
		}
		maxErr = max(maxErr, e)
	}
	return maxErr, nil
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
