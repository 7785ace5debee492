package numeric

// The conformance suite: one table that every backend runs (design.md, example 5).
// Each case is evaluated on each backend at several thread counts and compared with
// the reference interpreter (reference_test.go):
//
//   - bitwise (NaN equals NaN, ±0 distinguished) for arithmetic, comparisons, logic,
//     where, casts, rounding, abs/sign/maximum/minimum and sqrt;
//   - within confULP(backend, function, type) ULPs for the transcendental functions;
//   - for expressions with a float reduction, within a relative tolerance
//     (confReduceTol) of max(|want|, 1), since the engine sums in blocks.
//
// Every case must also give bitwise-identical results at every thread count, and
// EvalInto into a preallocated destination must give what Eval gives.

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"
)

// confCase is one row of the table.
type confCase struct {
	name string // defaults to src
	src  string
	n    int  // length of the standard variables (confVars)
	vars Vars // instead of confVars(n)
	f32c bool // WithFloat32Constants
	ulp  string
	// skip marks a known disagreement: "engine bug: …", "spec gap: …" or "reference
	// limitation: …". The case is skipped with this text until it is fixed, on the
	// backends in skipOn (all if empty).
	skip   string
	skipOn []string
}

// confBackend is a backend and the thread counts it runs at (0: not applicable).
type confBackend struct {
	name    string
	threads []int
}

var confBackends = []confBackend{
	{BackendGonum, []int{1, 2, 3}},
	{BackendSIMD, []int{1, 2, 3}},
	{BackendOpenCL, []int{0}},
}

func TestConformance(t *testing.T) {
	for _, be := range confBackends {
		t.Run(be.name, func(t *testing.T) {
			confRequire(t, be.name)
			for _, table := range confTables() {
				t.Run(table.name, func(t *testing.T) {
					stride := confStride(be.name, table.name)
					for i, c := range table.cases {
						if i%stride == 0 {
							c.run(t, be)
						}
					}
				})
			}
			t.Run("errors", func(t *testing.T) { confRunErrors(t, be) })
			t.Run("interop", func(t *testing.T) { confRunInterop(t, be) })
			t.Run("shapes", func(t *testing.T) { confRunShapes(t, be) })
			t.Run("complex", func(t *testing.T) { confRunComplex(t, be) })
		})
	}
}

// confStride is how sparsely a backend samples a table: the opencl backend builds one
// kernel per distinct expression (about 0.1–0.2 s each on pocl), so it runs every
// 16th case of the large tables, every 100th of the two largest, and all of the rest.
// NUMKIT_CONFORMANCE_FULL=1 runs every case everywhere.
func confStride(backend, table string) int {
	if backend != BackendOpenCL || os.Getenv("NUMKIT_CONFORMANCE_FULL") == "1" {
		return 1
	}
	switch table {
	case "operators", "functions":
		return 16
	case "scalars", "literals":
		return 100
	}
	return 1
}

type confTable struct {
	name  string
	cases []confCase
}

func confTables() []confTable {
	tables := []confTable{
		{"operators", confOperatorCases()},
		{"scalars", confScalarCases()},
		{"literals", confLiteralCases()},
		{"functions", confFunctionCases()},
		{"reductions", confReductionCases()},
		{"lengths", confLengthCases()},
		{"findings", confFindingCases()},
		{"numexpr", confNumexprCases()},
	}
	for _, table := range tables {
		for i, c := range table.cases {
			if k, ok := confKnown[c.label()]; ok {
				table.cases[i].skip, table.cases[i].skipOn = k.skip, k.skipOn
			} else if k, ok := confKnown[c.src]; ok {
				table.cases[i].skip, table.cases[i].skipOn = k.skip, k.skipOn
			}
		}
	}
	return tables
}

// confRequire skips the backend if it reports ErrBackend here, unless it is opencl and
// NUMKIT_REQUIRE_OPENCL=1.
func confRequire(t *testing.T, backend string) {
	t.Helper()
	e, err := Compile("a + 1", WithBackend(backend))
	if err == nil {
		_, err = e.Eval(context.Background(), Vars{"a": []float64{1, 2}})
	}
	if err == nil {
		return
	}
	if !errors.Is(err, ErrBackend) {
		t.Fatalf("backend %s: probe a + 1: %v", backend, err)
	}
	if backend == BackendOpenCL && os.Getenv("NUMKIT_REQUIRE_OPENCL") == "1" {
		t.Fatalf("NUMKIT_REQUIRE_OPENCL=1 but the opencl backend is not usable: %v", err)
	}
	t.Skipf("backend %s is not usable here: %v", backend, err)
}

func (c confCase) label() string {
	if c.name != "" {
		return c.name
	}
	return c.src
}

func (c confCase) variables() Vars {
	if c.vars != nil {
		return c.vars
	}
	return confVars(c.n)
}

func (c confCase) options(be confBackend, threads int) []Option {
	opts := []Option{WithBackend(be.name)}
	if threads > 0 {
		opts = append(opts, WithThreads(threads))
	}
	if c.f32c {
		opts = append(opts, WithFloat32Constants())
	}
	return opts
}

// run evaluates the case on be at each thread count and reports every disagreement.
func (c confCase) run(t *testing.T, be confBackend) {
	t.Helper()
	if c.skip != "" && (len(c.skipOn) == 0 || slices.Contains(c.skipOn, be.name)) {
		t.Run(c.label(), func(t *testing.T) { t.Skip(c.skip) })
		return
	}
	vars := c.variables()
	want, werr := refEvaluate(c.src, vars, c.f32c)
	var first *Result
	for _, threads := range be.threads {
		got, err := c.eval(be, threads, vars)
		where := fmt.Sprintf("%s threads=%d: %s", be.name, threads, c.label())
		if werr != nil || err != nil {
			confCheckRejection(t, where, werr, err)
			continue
		}
		if msg := confCompare(want, got, c.tolerance(be)); msg != "" {
			t.Errorf("%s: %s", where, msg)
			continue
		}
		if first == nil {
			first = &got
		} else if msg := confCompare(resultToRef(*first), got, confTol{}); msg != "" {
			t.Errorf("%s: differs from threads=%d: %s", where, be.threads[0], msg)
		}
		c.checkEvalInto(t, where, be, threads, vars, got)
	}
}

func (c confCase) eval(be confBackend, threads int, vars Vars) (Result, error) {
	e, err := Compile(c.src, c.options(be, threads)...)
	if err != nil {
		return Result{}, err
	}
	return e.Eval(context.Background(), vars)
}

// confCheckRejection checks that the engine rejects exactly what the reference rejects,
// with the right class of error.
func confCheckRejection(t *testing.T, where string, werr, err error) {
	t.Helper()
	switch {
	case werr == nil:
		t.Errorf("%s: engine error %v; the reference accepts it", where, err)
	case err == nil:
		t.Errorf("%s: engine accepts it; the reference rejects it: %v", where, werr)
	case errors.Is(werr, errRefEmpty):
		if !errors.Is(err, ErrEmpty) {
			t.Errorf("%s: got error %v, want one wrapping ErrEmpty", where, err)
		}
	default:
		var se *SyntaxError
		if !errors.As(err, &se) && !errors.Is(err, ErrShape) && !errors.Is(err, ErrType) {
			t.Errorf("%s: error %v is neither a *SyntaxError nor ErrShape/ErrType", where, err)
		}
	}
}

// checkEvalInto evaluates again into a preallocated destination.
func (c confCase) checkEvalInto(t *testing.T, where string, be confBackend, threads int, vars Vars, got Result) {
	t.Helper()
	e, err := Compile(c.src, c.options(be, threads)...)
	if err != nil {
		t.Errorf("%s: Compile: %v", where, err)
		return
	}
	dst := confDestination(got)
	if err := e.EvalInto(context.Background(), dst, vars); err != nil {
		t.Errorf("%s: EvalInto: %v", where, err)
		return
	}
	into := Result{Type: got.Type, Scalar: got.Scalar, Data: confDeref(dst), Shape: got.Shape} // a 1-D destination has the 1-D result's shape
	if msg := confCompare(resultToRef(got), into, confTol{}); msg != "" {
		t.Errorf("%s: EvalInto differs from Eval: %s", where, msg)
	}
}

// confDestination returns a fresh destination for a result like r, filled with junk.
func confDestination(r Result) any {
	n := r.Len()
	if d := confComplexDestination(r); d != nil {
		return d
	}
	switch r.Data.(type) {
	case []float64:
		s := make([]float64, n)
		for i := range s {
			s[i] = 12345
		}
		return s
	case []float32:
		return make([]float32, n)
	case []int64:
		return make([]int64, n)
	case []int32:
		return make([]int32, n)
	case []bool:
		return make([]bool, n)
	case float64:
		v := 12345.0
		return &v
	case float32:
		return new(float32)
	case int64:
		return new(int64)
	case int32:
		return new(int32)
	}
	return new(bool)
}

func confDeref(dst any) any {
	switch d := dst.(type) {
	case *float64:
		return *d
	case *float32:
		return *d
	case *int64:
		return *d
	case *int32:
		return *d
	case *bool:
		return *d
	}
	return confComplexDeref(dst)
}

// resultToRef converts an engine result to the reference's form.
func resultToRef(r Result) refResult {
	out := refResult{typ: r.Type, scalar: r.Scalar, shape: r.Shape}
	switch d := r.Data.(type) {
	case []float64:
		for _, v := range d {
			out.vals = append(out.vals, refElem{f: v})
		}
	case []float32:
		for _, v := range d {
			out.vals = append(out.vals, refElem{f: float64(v)})
		}
	case []int64:
		for _, v := range d {
			out.vals = append(out.vals, refElem{i: v})
		}
	case []int32:
		for _, v := range d {
			out.vals = append(out.vals, refElem{i: int64(v)})
		}
	case []bool:
		for _, v := range d {
			out.vals = append(out.vals, refElem{b: v})
		}
	case float64:
		out.vals = []refElem{{f: d}}
	case float32:
		out.vals = []refElem{{f: float64(d)}}
	case int64:
		out.vals = []refElem{{i: d}}
	case int32:
		out.vals = []refElem{{i: int64(d)}}
	case bool:
		out.vals = []refElem{{b: d}}
	default:
		out.vals = confComplexVals(d)
	}
	return out
}

// confTol is how close a float result must be; the zero value means bitwise.
type confTol struct {
	ulps32, ulps64 int64 // ULPs of float32, float64 results
	reduce         bool  // relative tolerance confReduceTol, for float reductions
}

func (c confCase) tolerance(be confBackend) confTol {
	if confHasFloatReduction(c.src) {
		return confTol{reduce: true}
	}
	return confTol{ulps32: confULP(be.name, c.ulp, Float32), ulps64: confULP(be.name, c.ulp, Float64)}
}

// confCompare returns "" if got matches want within tol, else what differs.
func confCompare(want refResult, got Result, tol confTol) string {
	g := resultToRef(got)
	if g.typ != want.typ || g.scalar != want.scalar {
		return fmt.Sprintf("result type %s (scalar %v), want %s (scalar %v)", g.typ, g.scalar, want.typ, want.scalar)
	}
	if len(g.vals) != len(want.vals) {
		return fmt.Sprintf("%d elements, want %d", len(g.vals), len(want.vals))
	}
	if !want.scalar && !slices.Equal(g.shape, want.shape) {
		return fmt.Sprintf("shape %v, want %v", g.shape, want.shape)
	}
	bad, firstMsg := 0, ""
	for i := range want.vals {
		if !confElemOK(want.typ, want.vals[i], g.vals[i], tol) {
			if bad == 0 {
				firstMsg = fmt.Sprintf("[%d] = %s, want %s", i, confFormat(want.typ, g.vals[i]), confFormat(want.typ, want.vals[i]))
			}
			bad++
		}
	}
	if bad > 0 {
		return fmt.Sprintf("%d of %d elements differ; first %s", bad, len(want.vals), firstMsg)
	}
	return ""
}

func confElemOK(t DType, want, got refElem, tol confTol) bool {
	switch {
	case t == Bool:
		return want.b == got.b
	case refIsInt(t):
		return want.i == got.i
	case refIsComplex(t):
		return confComplexOK(t, want.c, got.c, tol)
	}
	w, g := want.f, got.f
	if math.IsNaN(w) || math.IsNaN(g) {
		return math.IsNaN(w) && math.IsNaN(g)
	}
	if math.Float64bits(w) == math.Float64bits(g) {
		return true
	}
	if tol.reduce {
		if math.IsInf(w, 0) || math.IsInf(g, 0) {
			return false
		}
		return math.Abs(w-g) <= confReduceTol[t]*math.Max(math.Abs(w), 1)
	}
	ulps := tol.ulps64
	if t == Float32 {
		ulps = tol.ulps32
	}
	return ulps > 0 && confULPDist(t, w, g) <= ulps
}

// confReduceTol is the relative tolerance of results that involve a float reduction.
var confReduceTol = map[DType]float64{Float64: 1e-9, Float32: 1e-3}

// confULPDist is the distance in ULPs of type t between a and b (not NaN).
func confULPDist(t DType, a, b float64) int64 {
	ord := func(bits uint64, sign uint64) int64 {
		if bits&sign != 0 {
			return -int64(bits &^ sign)
		}
		return int64(bits)
	}
	var d int64
	if t == Float32 {
		d = ord(uint64(math.Float32bits(float32(a))), 1<<31) - ord(uint64(math.Float32bits(float32(b))), 1<<31)
	} else {
		d = ord(math.Float64bits(a), 1<<63) - ord(math.Float64bits(b), 1<<63)
	}
	if d < 0 {
		d = -d
	}
	return d
}

func confFormat(t DType, v refElem) string {
	switch {
	case t == Bool:
		return fmt.Sprint(v.b)
	case refIsInt(t):
		return fmt.Sprint(v.i)
	case refIsComplex(t):
		return fmt.Sprintf("(%s, %s)", confFormat(refRealOf(t), refElem{f: real(v.c)}), confFormat(refRealOf(t), refElem{f: imag(v.c)}))
	case t == Float32:
		return fmt.Sprintf("%v (%#08x)", float32(v.f), math.Float32bits(float32(v.f)))
	}
	return fmt.Sprintf("%v (%#016x)", v.f, math.Float64bits(v.f))
}

// confHasFloatReduction reports whether src contains a reduction other than sum/prod
// of integers or bools, judged by name only (min and max are exact, but the values
// computed after a reduction inherit its rounding).
func confHasFloatReduction(src string) bool {
	for _, r := range []string{"sum(", "prod(", "mean("} {
		if strings.Contains(src, r) {
			return true
		}
	}
	return false
}
