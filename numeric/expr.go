// Package numeric is numkit's public API: it compiles array expressions written in a
// numexpr-compatible language and evaluates them on the fastest available backend
// (a fused OpenCL kernel, Go-assembly SIMD kernels, or a parallel pure-Go fallback on
// gonum). It also reports the hardware it found (Hardware).
package numeric

import (
	"slices"
	"sync"
	"sync/atomic"
	"unsafe"

	"gonum.org/v1/gonum/mat"

	"github.com/numkit/numkit/numeric/internal/compile"
	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/internal/opencl"
	"github.com/numkit/numkit/numeric/internal/route"
	"github.com/numkit/numkit/numeric/internal/syntax"
	"github.com/numkit/numkit/numeric/internal/vm"
	"github.com/numkit/numkit/numeric/ir"
)

// MaxInputs is the most distinct variables one expression may use.
const MaxInputs = compile.MaxInputs

// Expr is a compiled expression. It is typed lazily, once for each combination of
// input types it is evaluated with, and is safe for concurrent use.
type Expr struct {
	src   string
	ast   syntax.Expr
	names []string // input variables in order of first appearance
	opts  options
	axes  *axisPlan // reductions along an axis of N-d inputs (axis.go); nil if none
	// reads lists the variables each outermost reduction reads and outside those read
	// outside them, where there are two such parts (parts; nil otherwise); needsSplit
	// compares their shapes. split is every outermost reduction evaluated apart,
	// planned the first time needsSplit finds the shapes differ.
	reads     [][]string
	outside   []string
	splitOnce sync.Once
	split     *axisPlan
	splitErr  error

	mu       sync.Mutex                  // serializes adding to compiled
	compiled atomic.Pointer[[]*compiled] // copy on write
	last     atomic.Pointer[string]      // where the latest evaluation ran (Backend)
}

// Where evaluations run, for Expr.last: pointers to these, so recording one allocates
// nothing.
var (
	ranOpenCL      = BackendOpenCL
	ranCoexecSIMD  = BackendOpenCL + "+" + BackendSIMD
	ranCoexecGonum = BackendOpenCL + "+" + BackendGonum
)

// compiled is the expression typed for one signature and bound to a backend.
type compiled struct {
	sig    signature
	prog   *ir.Program
	cpu    *vm.Program  // for the CPU backends
	device exec.Program // for a device backend (OpenCL)
	name   string       // the backend's name

	// auto holds the router's decisions (device or CPU, threads) when the backend or
	// the thread count is numkit's to choose; nil when both are fixed.
	auto *route.Auto
}

// compileOpenCL compiles a program for the OpenCL backend.
func compileOpenCL(p *ir.Program) (exec.Program, error) {
	cp, err := opencl.Compile(p)
	if err != nil {
		return nil, err
	}
	return cp, nil
}

// signature packs each input's type and shape in 4 bits, in the order of Expr.names.
type signature [MaxInputs / 16]uint64

const missingInput = 0xF

func (s *signature) set(i int, code uint64) { s[i/16] |= code << (4 * (i % 16)) }

func (s *signature) get(i int) uint64 { return s[i/16] >> (4 * (i % 16)) & 0xF }

func bindingCode(b binding) uint64 {
	code := uint64(b.Type)
	if b.Scalar {
		code |= 8
	}
	return code
}

// Compile parses src and checks what can be checked before the inputs' types are known
// (syntax, function names and argument counts, limits). Type errors appear at the
// first evaluation with the offending types, as *SyntaxError too.
func Compile(src string, opts ...Option) (*Expr, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	if err := o.validate(); err != nil {
		return nil, err
	}
	ast, err := syntax.Parse(src)
	if err != nil {
		return nil, err
	}
	names, err := compile.Names(src, ast)
	if err != nil {
		return nil, err
	}
	e := &Expr{src: src, ast: ast, names: names, opts: o}
	if e.axes, err = planAxes(src, ast, o, false); err != nil {
		return nil, err
	}
	if e.reads, e.outside = parts(ast); len(e.reads) == 0 || len(e.reads) == 1 && len(e.outside) == 0 {
		e.reads, e.outside = nil, nil
	}
	e.compiled.Store(&[]*compiled{})
	return e, nil
}

// MustCompile is Compile for expressions known to be valid; it panics on an error.
func MustCompile(src string, opts ...Option) *Expr {
	e, err := Compile(src, opts...)
	if err != nil {
		panic(err)
	}
	return e
}

// Source returns the expression's source text.
func (e *Expr) Source() string { return e.src }

// Names returns the expression's variables in order of first appearance.
func (e *Expr) Names() []string { return append([]string(nil), e.names...) }

// String returns the program compiled for the most recent input types, or for float64
// arrays if the expression has not been evaluated yet.
func (e *Expr) String() string {
	list := *e.compiled.Load()
	if len(list) > 0 {
		return list[len(list)-1].prog.String()
	}
	inputs := map[string]compile.InputType{}
	for _, n := range e.names {
		inputs[n] = compile.InputType{Type: ir.Float64}
	}
	p, err := compile.Lower(e.src, e.ast, e.names, inputs, e.opts.compileOptions())
	if err != nil {
		return "error: " + err.Error()
	}
	return p.String()
}

// Backend names the backend that evaluated the expression most recently ("gonum",
// "simd" or "opencl"; "opencl+simd" or "opencl+gonum" under co-execution), or the one
// it would use if it has not been evaluated yet (under auto, the CPU backend: Choose
// says where given inputs would go).
func (e *Expr) Backend() string {
	if p := e.last.Load(); p != nil {
		return *p
	}
	if list := *e.compiled.Load(); len(list) > 0 {
		return list[len(list)-1].name
	}
	if e.opts.backendName() == BackendOpenCL {
		return BackendOpenCL
	}
	if b, err := vm.BackendFor(e.opts.backendName()); err == nil {
		return b.Name()
	}
	return e.opts.backendName()
}

// Threads is the number of goroutines the CPU backends use for this expression.
func (e *Expr) Threads() int { return e.opts.threadCount() }

// bindAll binds each of the expression's variables from vars into bindings and
// returns their signature; missing reports a variable vars lacks.
func (e *Expr) bindAll(vars Vars, bindings []binding) (sig signature, missing bool, err error) {
	for i, name := range e.names {
		v, ok := vars[name]
		if !ok {
			sig.set(i, missingInput)
			missing = true
			continue
		}
		b, err := bind(name, v)
		if err != nil {
			return sig, missing, err
		}
		bindings[i] = b
		sig.set(i, bindingCode(b))
	}
	return sig, missing, nil
}

// forSignature returns the expression compiled for sig, compiling it the first time.
// known lists the caller's other variable names, for "did you mean" when one is
// missing.
func (e *Expr) forSignature(sig signature, bindings []binding, known []string) (*compiled, error) {
	for _, c := range *e.compiled.Load() {
		if c.sig == sig {
			return c, nil
		}
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	list := *e.compiled.Load()
	for _, c := range list {
		if c.sig == sig {
			return c, nil
		}
	}
	inputs := map[string]compile.InputType{}
	for i, n := range e.names {
		if sig.get(i) != missingInput {
			inputs[n] = compile.InputType{Type: bindings[i].Type, Scalar: bindings[i].Scalar}
		}
	}
	opt := e.opts.compileOptions()
	opt.Known = known
	prog, err := compile.Lower(e.src, e.ast, e.names, inputs, opt)
	if err != nil {
		return nil, err
	}
	c := &compiled{sig: sig, prog: prog, name: BackendOpenCL}
	if e.opts.backendName() == BackendOpenCL {
		if c.device, err = compileOpenCL(prog); err != nil {
			return nil, err
		}
	} else {
		backend, err := vm.BackendFor(e.opts.backendName())
		if err != nil {
			return nil, err
		}
		if c.cpu, err = vm.Compile(prog, backend, e.opts.vm); err != nil {
			return nil, err
		}
		c.name = backend.Name()
		if auto := e.opts.backendName() == BackendAuto; auto || e.opts.threadsAuto() {
			c.auto = &route.Auto{Prog: prog, CPU: backend.Name(), Device: auto, Src: e.opts.routeSources(),
				Threads: e.opts.threadCount(), AutoThreads: e.opts.threadsAuto(), Coexec: e.opts.coexec}
		}
	}
	next := append(append([]*compiled(nil), list...), c)
	e.compiled.Store(&next)
	return c, nil
}

// isReduction reports whether name is a reduction function.
func isReduction(name string) bool {
	switch name {
	case "sum", "prod", "min", "max", "mean", "var", "std", "skew", "kurt":
		return true
	}
	return false
}

// maxDims is the most dimensions among the variables of vars that e uses.
func (e *Expr) maxDims(vars Vars) int {
	nd := 0
	for _, name := range e.names {
		switch v := vars[name].(type) {
		case *Array:
			if v != nil {
				nd = max(nd, len(v.Shape))
			}
		case *mat.Dense:
			nd = max(nd, 2)
		}
	}
	return nd
}

// parts lists the variables each outermost reduction of ast reads, and those read
// outside them.
func parts(ast syntax.Expr) (reads [][]string, outside []string) {
	names := func(dst *[]string) func(syntax.Expr) bool {
		return func(x syntax.Expr) bool {
			if id, ok := x.(*syntax.Ident); ok && !slices.Contains(*dst, id.Name) {
				*dst = append(*dst, id.Name)
			}
			return true
		}
	}
	syntax.Walk(ast, func(x syntax.Expr) bool {
		switch c := x.(type) {
		case *syntax.CallExpr:
			if !c.Attr && isReduction(c.Fun.Name) {
				var r []string
				syntax.Walk(c, names(&r))
				reads = append(reads, r)
				return false
			}
		case *syntax.Ident:
			names(&outside)(c)
		}
		return true
	})
	return reads, outside
}

// needsSplit reports whether a reduction of e reads arrays of another shape than the
// rest of e, or another reduction, does over vars (the shape broadcast from the
// arrays each part reads; a part that reads none, sum(s) of a scalar s included, is
// a scalar everywhere and does not count). The VM evaluates a reduction over the
// elements of the whole expression's shape, which is right only where the shapes
// agree: sum(b) + a with b of shape (90,) and a (60, 90) reduces b's 90 elements, as
// NumPy does, in a split evaluation. Inputs that do not bind or broadcast leave it to
// the evaluation to report them.
func (e *Expr) needsSplit(vars Vars) bool {
	var ref []int
	split := false
	for i := -1; i < len(e.reads); i++ { // every part: a bad one is an error before any work
		names := e.outside
		if i >= 0 {
			names = e.reads[i]
		}
		s, ok, arrays := varsShape(vars, names)
		switch {
		case !ok:
			return false
		case !arrays:
		case ref == nil:
			ref = s
		case !slices.Equal(s, ref):
			split = true
		}
	}
	return split
}

// splitPlan is e's split plan, planned once.
func (e *Expr) splitPlan() (*axisPlan, error) {
	e.splitOnce.Do(func() { e.split, e.splitErr = planAxes(e.src, e.ast, e.opts, true) })
	return e.split, e.splitErr
}

// varsShape is the broadcast shape of the arrays among the named variables of vars,
// false where one does not bind or they do not broadcast, and whether there are any.
func varsShape(vars Vars, names []string) (shape []int, ok, arrays bool) {
	var named []string
	var shapes [][]int
	for _, n := range names {
		v, found := vars[n]
		if !found {
			return nil, false, false
		}
		b, err := bind(n, v)
		if err != nil {
			return nil, false, false
		}
		if !b.Scalar {
			named = append(named, n)
			shapes = append(shapes, shapeOf(b))
		}
	}
	shape, err := broadcastShapes(named, shapes)
	return shape, err == nil, len(named) > 0
}

// flat views src's elements in C order as one line (a strided src copied), for a
// reduction of all of them: along axis 0 of that line, to a 0-d array.
func (c *axisCall) flat(src *Array, threads int) (*Array, error) {
	t, p, _, strides, err := src.view("the argument of " + c.src)
	if err != nil {
		return nil, err
	}
	n := prod(src.Shape)
	if n > 0 && !isContiguous(src.Shape, strides) {
		q := unsafe.Pointer(unsafe.SliceData(make([]uint64, (n*t.Size()+7)/8)))
		copyTiledParallel(q, cStrides(src.Shape), p, strides, src.Shape, t.Size(), threads)
		p = q
	}
	return &Array{Data: sliceAt(t, p, 0, n), Shape: []int{n}}, nil
}
