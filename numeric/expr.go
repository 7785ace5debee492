// Package numeric is numkit's public API: it compiles array expressions written in a
// numexpr-compatible language and evaluates them on the fastest available backend
// (a fused OpenCL kernel, Go-assembly SIMD kernels, or a parallel pure-Go fallback on
// gonum). It also reports the hardware it found (Hardware).
package numeric

import (
	"sync"
	"sync/atomic"

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
	if e.axes, err = planAxes(src, ast, o); err != nil {
		return nil, err
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
