package numeric

// The differential fuzzer (issue #14 part 9). From a seed, internal/exprgen makes a
// random well-typed expression (every operator and function, mixed types, literals of
// every size, reductions inside and outermost) and inputs (special values, lengths
// around block sizes); each backend's result is compared with the reference
// interpreter (reference_test.go):
//
//   - bit for bit wherever the language promises it: integers, bools, compares, where,
//     + - * / // %, sqrt, rounding, min/max, powers by multiplication;
//   - a function the language promises only within an ULP bound (sin, exp, pow, ...;
//     on opencl also float32 / and sqrt) and a float sum, prod or mean are checked on
//     their own: the backend evaluates the subexpression alone, the result is checked
//     against the reference applied to the same arguments (within confULP, or
//     confReduceTol for reductions, as the conformance suite does), and then stands in
//     for the subexpression, as a variable, in the reference evaluation of the rest, so
//     everything around it is still checked bit for bit;
//   - an evaluation into a destination that overlaps an input (shifted by one element,
//     or the same slice) must give the non-overlapping result.
//
// A disagreement of a class listed in diffKnown (with its issue) is logged, not
// failed; remove an entry when its fix lands. Every other disagreement fails.
// TestDifferential runs a fixed set of seeds; `go test -fuzz FuzzDifferential` searches.
// Complex expressions are a third configuration (difffuzz_complex_test.go).

import (
	"context"
	"errors"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/numkit/numkit/internal/exprgen"
)

// diffConfig is what the fuzzer generates. ConstFolds makes integer constants such as
// 2**40, which the language folds exactly (int64 here); the generator never makes one
// the language rejects (difffuzz_overflow_test.go makes those on purpose).
var diffConfig = exprgen.Config{Scalars: true, Reductions: true, InnerReductions: true, ConstFolds: true}

// diffConfigExtras adds the newer forms (copy, real, imag, ones_like, x.real, axis=,
// bool operands in arithmetic); every seed is checked under both configurations.
var diffConfigExtras = func() exprgen.Config { c := diffConfig; c.Extras = true; return c }()

// diffMaxLen bounds input lengths (the reference interpreter is slow).
const diffMaxLen = 9000

// diffFinding is one disagreement.
type diffFinding struct {
	backend, check, msg string
	node                *exprgen.Node // the subexpression checked (nil: the whole expression)
	args                []float64     // node's arguments at the first bad element (reference values)
	cargs               []complex128  // its complex arguments there
	reduceSpread        bool          // node is a float reduction whose value depends on the order
	emptyFolded         bool          // a value from the engine where the reference meets min/max of an empty array
}

var diffOpenCL struct {
	once   sync.Once
	usable bool
	reason string
}

// diffBackends lists the backends to run: gonum always, simd unless the build has no
// assembly (-tags noasm), opencl when usable
// (NUMKIT_REQUIRE_OPENCL=1 makes an unusable one a failure) and withCL.
func diffBackends(t testing.TB, withCL bool) []string {
	diffOpenCL.once.Do(func() {
		e, err := Compile("a + 1", WithBackend(BackendOpenCL))
		if err == nil {
			_, err = e.Eval(context.Background(), Vars{"a": []float64{1, 2}})
		}
		diffOpenCL.usable = err == nil
		if err != nil {
			diffOpenCL.reason = err.Error()
		}
	})
	if !diffOpenCL.usable && os.Getenv("NUMKIT_REQUIRE_OPENCL") == "1" {
		t.Fatalf("NUMKIT_REQUIRE_OPENCL=1 but the opencl backend is not usable: %s", diffOpenCL.reason)
	}
	b := cpuBackends()
	if withCL && diffOpenCL.usable {
		b = append(b, BackendOpenCL)
	}
	return b
}

// diffCheck generates seed's case under cfg and checks it on backends; it returns the
// unknown findings and logs the known ones.
func diffCheck(t testing.TB, seed uint64, cfg exprgen.Config, backends []string) []string {
	e, err := exprgen.Generate(seed, cfg)
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprint("seed ", seed)
	if cfg.Extras || cfg.Complex {
		name += map[bool]string{false: " (extras)", true: " (complex)"}[cfg.Complex]
	}
	n := exprgen.Length(seed, diffMaxLen)
	vars := Vars(e.Values(seed, n))
	src := e.String()
	want, werr := refEvaluate(src, vars, false)
	if werr != nil && !errors.Is(werr, errRefEmpty) {
		// The language rejects it (an integer constant beyond int64, 0.0 to a negative
		// power, ...): every backend must reject it too.
		var unknown []string
		for _, be := range backends {
			ex, err := Compile(src, WithBackend(be))
			if err == nil {
				_, err = ex.Eval(context.Background(), vars)
			}
			if err == nil {
				unknown = append(unknown, fmt.Sprintf("%s %s: %s: the reference rejects it (%v) but the backend evaluates it", name, be, src, werr))
			}
		}
		return unknown
	}
	if werr == nil && (want.typ.String() != e.Root.Type.String() || want.scalar == e.Root.Array) {
		// The generator types constants from their exact values as the language does
		// (2**40 is int64), so any disagreement is a bug in one of them.
		t.Fatalf("%s: %s: the reference types it %s (scalar %v), the generator %s (scalar %v)",
			name, src, want.typ, want.scalar, e.Root.Type, !e.Root.Array)
	}
	var unknown []string
	for _, be := range backends {
		d := &diffRun{backend: be, threads: 1 + int(seed%3), vars: vars}
		if be == BackendOpenCL {
			d.threads = 0
		}
		d.run(e, want, werr)
		if d.refusedComplex {
			diffCLComplexRefused.Add(1) // not applicable there (difffuzz_complex_test.go)
			continue
		}
		for _, f := range d.findings {
			where := fmt.Sprintf("%s n=%d %s threads=%d %s: %s", name, n, be, d.threads, f.check, src)
			if f.node != nil {
				where += "\n\tsubexpression " + f.node.String()
			}
			known := ""
			for _, k := range diffKnown {
				if k.match(f, e) {
					known = k.name + " (" + k.issue + ")"
					break
				}
			}
			if known != "" {
				t.Logf("known, %s\n\t%s: %s", known, where, f.msg)
				continue
			}
			unknown = append(unknown, where+": "+f.msg)
		}
	}
	return unknown
}

// diffRun checks one expression on one backend.
type diffRun struct {
	backend  string
	threads  int
	vars     Vars
	findings []diffFinding
	// refusedComplex: the opencl backend refused a complex operation (ErrComplex).
	refusedComplex bool
}

func (d *diffRun) add(f diffFinding) {
	f.backend = d.backend
	d.findings = append(d.findings, f)
}

func (d *diffRun) compile(src string) (*Expr, error) {
	opts := []Option{WithBackend(d.backend)}
	if d.threads > 0 {
		opts = append(opts, WithThreads(d.threads))
	}
	if d.backend == BackendSIMD && d.threads == 2 {
		// A third of the seeds run chains at every size (vm/chain.go), which the
		// fuzzer's arrays are otherwise too short for.
		opts = append(opts, withChainMin(-1))
	}
	return Compile(src, opts...)
}

func (d *diffRun) eval(src string, vars Vars) (Result, error) {
	x, err := d.compile(src)
	if err != nil {
		return Result{}, err
	}
	return x.Eval(context.Background(), vars)
}

func (d *diffRun) run(e *exprgen.Expr, want refResult, werr error) {
	got, err := d.eval(e.String(), d.vars)
	if diffCLRefusesComplex(d.backend, err) {
		d.refusedComplex = true
		return
	}
	switch {
	case werr != nil || err != nil:
		if werr == nil || err == nil || !errors.Is(err, ErrEmpty) {
			d.add(diffFinding{check: "error", msg: fmt.Sprintf("engine error %v, reference error %v", err, werr),
				emptyFolded: err == nil && errors.Is(werr, errRefEmpty)})
		}
		return
	}
	// Every inexact subexpression, innermost first, is evaluated alone and checked.
	subst := map[*exprgen.Node]*exprgen.Node{}
	vars := diffCopyVars(d.vars)
	ok := true
	e.Root.Walk(func(nd *exprgen.Node) {
		tol, inexact := d.inexact(nd)
		if !inexact || !ok {
			return
		}
		name := fmt.Sprintf("zq%d", len(subst))
		v, err := d.eval(nd.String(), d.vars)
		if diffCLRefusesComplex(d.backend, err) {
			d.refusedComplex, ok = true, false
			return
		}
		if err != nil {
			d.add(diffFinding{check: "subexpression", node: nd, msg: fmt.Sprintf("error %v", err)})
			ok = false
			return
		}
		d.checkNode(nd, substitute(nd, subst, false), vars, v, tol)
		if literalOnly(nd) {
			// Literals fold as Python's (and the reference's) arithmetic, in the
			// whole as alone; a variable in their place would take the array rules
			// (x ** 50 multiplied out: seed 4001366042).
			return
		}
		vars[name] = v.Data
		subst[nd] = &exprgen.Node{Kind: exprgen.Var, Name: name, Type: nd.Type, Array: nd.Array}
	})
	if !ok || d.refusedComplex {
		return
	}
	rest := substitute(e.Root, subst, true).String()
	if len(subst) > 0 {
		var rerr error
		if want, rerr = refEvaluate(rest, vars, false); rerr != nil {
			d.add(diffFinding{check: "reference", msg: fmt.Sprintf("reference of %s: %v", rest, rerr)})
			return
		}
	}
	if msg := confCompare(want, got, confTol{}); msg != "" {
		m := msg
		if len(subst) > 0 {
			m += "\n\t(checked as " + rest + ", zq* the subexpressions' own results)"
		}
		d.add(diffFinding{check: "whole", msg: m})
	}
	d.overlap(e, got)
}

// inexact says whether nd's value is promised only within a tolerance on this backend.
func (d *diffRun) inexact(nd *exprgen.Node) (confTol, bool) {
	if tol, ok, handled := diffComplexInexact(nd); handled {
		return tol, ok
	}
	switch {
	case nd.IsReduction() && nd.Type.IsFloat() && nd.Op != "min" && nd.Op != "max":
		return confTol{reduce: true}, true
	case nd.IsTranscendental():
		u := confULP(d.backend, nd.FuncName(), diffDType(nd.Type))
		return confTol{ulps32: u, ulps64: u}, u > 0
	case d.backend == BackendOpenCL && nd.Type == exprgen.Float32:
		// fp32 division and square roots need not round correctly (OpenCL 1.2, 7.4);
		// a power rewritten with a reciprocal or a square root inherits it.
		u := confULP(d.backend, nd.Op, Float32)
		if (nd.Op == "**" || nd.Op == "pow") && exprgen.RewrittenPow(nd.Args[1]) {
			if c := nd.Args[1].String(); strings.Contains(c, "-") || strings.Contains(c, ".5") {
				u = 2 * confULP(d.backend, "sqrt", Float32)
			}
		}
		return confTol{ulps32: u}, u > 0
	}
	return confTol{}, false
}

// substitute replaces the nodes of subst in nd's subexpressions (and nd itself when
// self is true) by their variables.
func substitute(nd *exprgen.Node, subst map[*exprgen.Node]*exprgen.Node, self bool) *exprgen.Node {
	return nd.Replace(func(m *exprgen.Node) *exprgen.Node {
		if m == nd && !self {
			return nil
		}
		return subst[m]
	})
}

// checkNode compares a subexpression's own result v with the reference of its
// operation applied to its arguments (nd1: nd with its inexact parts substituted).
func (d *diffRun) checkNode(nd, nd1 *exprgen.Node, vars Vars, v Result, tol confTol) {
	want, err := refEvaluate(nd1.String(), vars, false)
	if err != nil {
		d.add(diffFinding{check: "reference", node: nd, msg: fmt.Sprintf("reference of %s: %v", nd1, err)})
		return
	}
	msg := confCompare(want, v, tol)
	if msg == "" {
		return
	}
	f := diffFinding{check: "subexpression", node: nd, msg: msg + " (as " + nd1.String() + ")"}
	g := resultToRef(v)
	for i := range want.vals {
		if !tol.reduce && i < len(g.vals) && !confElemOK(want.typ, want.vals[i], g.vals[i], tol) {
			for _, a := range nd1.Args {
				if r, err := refEvaluate(a.String(), vars, false); err == nil && len(r.vals) > 0 {
					f.args = append(f.args, refAsFloat(r.typ, r.vals[min(i, len(r.vals)-1)]))
					if refIsComplex(r.typ) {
						f.cargs = append(f.cargs, r.vals[min(i, len(r.vals)-1)].c)
					}
				}
			}
			f.msg += fmt.Sprintf("; arguments there %v", f.args)
			if len(f.cargs) > 0 {
				f.msg += fmt.Sprintf(", complex %v", f.cargs)
			}
			break
		}
	}
	if tol.reduce && len(nd1.Args) == 1 {
		f.reduceSpread = diffOrderSensitive(nd1, vars, want)
	}
	d.add(f)
}

func refAsFloat(t DType, v refElem) float64 {
	switch {
	case t == Bool && v.b:
		return 1
	case t == Bool:
		return 0
	case refIsInt(t):
		return float64(v.i)
	}
	return v.f
}

// overlap evaluates again into a destination that overlaps an input of the result's
// type (shifted by one element either way, or the same slice) and compares.
func (d *diffRun) overlap(e *exprgen.Expr, got Result) {
	n := got.Len()
	if got.Scalar || n < 2 {
		return
	}
	rt := reflect.TypeOf(got.Data)
	var names []string
	for _, in := range e.Inputs {
		if v, ok := d.vars[in.Name]; ok && reflect.TypeOf(v) == rt && e.Root.Has(func(m *exprgen.Node) bool { return m.Name == in.Name }) {
			names = append(names, in.Name)
		}
	}
	if len(names) == 0 {
		return
	}
	slices.Sort(names)
	name := names[n%len(names)]
	shift := n % 3 // 0: dst == input; 1: dst starts one element later; 2: one earlier
	buf := reflect.MakeSlice(rt, n+1, n+1)
	in, dst := buf.Slice(0, n), buf.Slice(0, n)
	switch shift {
	case 1:
		dst = buf.Slice(1, n+1)
	case 2:
		in = buf.Slice(1, n+1)
	}
	reflect.Copy(in, reflect.ValueOf(d.vars[name]))
	vars := diffCopyVars(d.vars)
	vars[name] = in.Interface()
	x, err := d.compile(e.String())
	if err == nil {
		err = x.EvalInto(context.Background(), dst.Interface(), vars)
	}
	check := fmt.Sprintf("overlap (dst shifted %+d from %s)", []int{0, 1, -1}[shift], name)
	if err != nil {
		d.add(diffFinding{check: check, msg: err.Error()})
		return
	}
	res := Result{Type: got.Type, Data: dst.Interface(), Shape: got.Shape}
	if msg := confCompare(resultToRef(got), res, confTol{}); msg != "" {
		d.add(diffFinding{check: "overlap", msg: check + ": " + msg})
	}
}

// diffSeeds is how many seeds TestDifferential checks, and every how many of them it
// also runs on opencl (about 0.1-0.2 s per kernel build on pocl).
const (
	diffSeeds    = 120
	diffCLStride = 10
)

// TestDifferential checks a fixed set of seeds on every backend
// (NUMKIT_DIFFFUZZ_SEEDS=FROM:COUNT checks others, for long runs without the fuzzing
// engine).
func TestDifferential(t *testing.T) {
	from, count := uint64(0), uint64(diffSeeds)
	if s := os.Getenv("NUMKIT_DIFFFUZZ_SEEDS"); s != "" {
		if _, err := fmt.Sscanf(s, "%d:%d", &from, &count); err != nil {
			t.Fatalf("NUMKIT_DIFFFUZZ_SEEDS=%q: want FROM:COUNT", s)
		}
	}
	failed := 0
	for seed := from; seed < from+count; seed++ {
		cl := os.Getenv("NUMKIT_DIFFFUZZ_OPENCL")
		withCL := cl == "all" || cl != "off" && seed%diffCLStride == 0
		for _, cfg := range []exprgen.Config{diffConfig, diffConfigExtras} {
			for _, msg := range diffCheck(t, seed, cfg, diffBackends(t, withCL)) {
				t.Error(msg)
				failed++
			}
		}
	}
	if failed > 0 {
		t.Logf("%d findings; reproduce one with go test -run FuzzDifferential/seed#N or add its seed to diffRegressions", failed)
	}
}

// FuzzDifferential checks the case of a seed; opencl runs for one seed in
// diffCLStride (NUMKIT_DIFFFUZZ_OPENCL=all: every seed; off: none, for long fuzzing
// runs, whose workers the engine restarts when a pocl kernel build stalls them).
func FuzzDifferential(f *testing.F) {
	for _, r := range diffRegressions {
		f.Add(r.seed)
	}
	for _, s := range []uint64{1, 2, 3, 42, 1 << 40} {
		f.Add(s)
	}
	cl := os.Getenv("NUMKIT_DIFFFUZZ_OPENCL")
	f.Fuzz(func(t *testing.T, seed uint64) {
		withCL := cl == "all" || cl != "off" && seed%diffCLStride == 0
		msgs := diffCheck(t, seed, diffConfig, diffBackends(t, withCL))
		msgs = append(msgs, diffCheck(t, seed, diffConfigExtras, diffBackends(t, withCL))...)
		msgs = append(msgs, diffCheck(t, seed, diffConfigComplex, diffBackends(t, withCL))...)
		if len(msgs) > 0 {
			t.Fatal(strings.Join(msgs, "\n"))
		}
	})
}

// literalOnly reports whether nd reads no variable.
func literalOnly(nd *exprgen.Node) bool {
	only := true
	nd.Walk(func(m *exprgen.Node) { only = only && m.Kind != exprgen.Var })
	return only
}
