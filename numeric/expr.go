package numeric

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/numkit/numkit/numeric/internal/compile"
	"github.com/numkit/numkit/numeric/internal/exec"
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
	cpu    *vm.Program   // for the CPU backends
	device deviceProgram // for a device backend (OpenCL)
	name   string        // the backend's name

	// auto holds the router's decisions (device or CPU, threads) when the backend or
	// the thread count is numkit's to choose; nil when both are fixed.
	auto *autoRoute
}

// deviceProgram is a program compiled for a device backend.
type deviceProgram interface {
	// run evaluates over n elements. inputs are the bindings of prog.Inputs, in order;
	// out is the destination: n elements, or for a scalar result one element at out.ptr.
	run(ctx context.Context, inputs []binding, n int, out output) error
}

// compileForDevice compiles a program for the OpenCL backend. It is replaced by the
// OpenCL backend's file when that is built in.
var compileForDevice = func(p *ir.Program) (deviceProgram, error) {
	return nil, fmt.Errorf("numeric: the opencl backend cannot evaluate expressions in this build: %w", ErrBackend)
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
	if b, err := vm.Backend(e.opts.backendName()); err == nil {
		return b.Name()
	}
	return e.opts.backendName()
}

// Threads is the number of goroutines the CPU backends use for this expression.
func (e *Expr) Threads() int { return e.opts.threadCount() }

// forSignature returns the expression compiled for sig, compiling it the first time.
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
		if c.device, err = compileForDevice(prog); err != nil {
			return nil, err
		}
	} else {
		backend, err := vm.Backend(e.opts.backendName())
		if err != nil {
			return nil, err
		}
		if c.cpu, err = vm.Compile(prog, backend, e.opts.vm); err != nil {
			return nil, err
		}
		c.name = backend.Name()
		if auto := e.opts.backendName() == BackendAuto; auto || e.opts.threadsAuto() {
			c.auto = &autoRoute{prog: prog, cpu: backend.Name(), device: auto,
				threads: e.opts.threadCount(), autoThr: e.opts.threadsAuto(), coexec: e.opts.coexec}
		}
	}
	next := append(append([]*compiled(nil), list...), c)
	e.compiled.Store(&next)
	return c, nil
}

func hasDeviceArray(bindings []binding) bool {
	for i := range bindings {
		if bindings[i].Dev != nil {
			return true
		}
	}
	return false
}

// output is where an evaluation writes.
type output = exec.Output

// evaluate binds vars, checks them against the program and out, and runs it. With a
// non-nil alloc, out is not checked but made by alloc for the program's result.
func (e *Expr) evaluate(ctx context.Context, vars Vars, out *output, alloc func(t ir.DType, scalar bool, n int) output) (uint64, error) {
	var storage [MaxInputs]binding
	bindings := storage[:len(e.names)]
	sig, missing, err := e.bindAll(vars, bindings)
	if err != nil {
		return 0, err
	}
	var known []string
	if missing {
		for k := range vars {
			known = append(known, k)
		}
	}
	c, err := e.forSignature(sig, bindings, known)
	if err != nil {
		return 0, err
	}
	n, err := e.length(bindings)
	if err != nil {
		return 0, err
	}
	prog := c.prog
	if alloc != nil {
		*out = alloc(prog.ResultType(), prog.ScalarResult(), n)
	} else if err := checkOutput(prog, *out, n); err != nil {
		return 0, err
	}
	if c.device != nil {
		// A copy: handing the stack array to an interface method would move it to the
		// heap on the CPU path too.
		e.last.Store(&ranOpenCL)
		return runDevice(ctx, c.device, bindings, n, *out, prog.ScalarResult())
	}
	threads := e.opts.threadCount()
	if a := c.auto; a != nil && a.device {
		if out.Dev != nil || hasDeviceArray(bindings) {
			// Data already on the device stays there.
			p, err := a.deviceProgram()
			if err != nil {
				return 0, err
			}
			e.last.Store(&ranOpenCL)
			return runDevice(ctx, p, bindings, n, *out, prog.ScalarResult())
		}
		ch := a.choose(n)
		switch {
		case ch.share > 0:
			if p := a.hostOnDevice(); p != nil {
				if c.name == BackendSIMD {
					e.last.Store(&ranCoexecSIMD)
				} else {
					e.last.Store(&ranCoexecGonum)
				}
				return 0, c.coexecute(ctx, p, bindings, n, *out, ch)
			}
		case ch.device:
			if p := a.hostOnDevice(); p != nil {
				w, err := runDevice(ctx, p, bindings, n, *out, prog.ScalarResult())
				if !deviceFault(err) {
					e.last.Store(&ranOpenCL)
					return w, err
				}
				a.fail(err) // and evaluate on the CPU below
			}
		}
		threads = ch.threads
	} else if a != nil {
		threads = a.choose(n).threads
	}
	if err := rejectDeviceArrays(e.names, bindings, *out); err != nil {
		return 0, err
	}
	e.last.Store(&c.name)
	return c.runCPU(ctx, bindings, 0, n, *out, threads)
}

// runCPU evaluates elements [lo, lo+n) of the inputs into the same elements of out on
// the CPU backend, and returns the result register (for a scalar result).
func (c *compiled) runCPU(ctx context.Context, bindings []binding, lo, n int, out output, threads int) (uint64, error) {
	return c.cpu.Run(ctx, bindings, lo, n, out, threads)
}

// runDevice runs a device program. The bindings are copied (handing the caller's stack
// array to an interface method would move it to the heap on the CPU path too), and a
// scalar result goes through a word of its own, returned.
func runDevice(ctx context.Context, p deviceProgram, bindings []binding, n int, out output, scalar bool) (uint64, error) {
	var w *uint64
	if scalar {
		w = new(uint64)
		out.Ptr = unsafe.Pointer(w)
	}
	if err := p.run(ctx, append([]binding(nil), bindings...), n, out); err != nil {
		return 0, err
	}
	if w != nil {
		return *w, nil
	}
	return 0, nil
}

// length returns the common length of the array inputs (1 when all are scalars), or an
// error naming two inputs whose lengths differ.
func (e *Expr) length(bindings []binding) (int, error) {
	n, first := 1, -1
	for i, b := range bindings {
		if b.Scalar {
			continue
		}
		if first < 0 {
			n, first = b.N, i
			continue
		}
		if b.N != n {
			return 0, fmt.Errorf("numeric: %s has length %d but %s has length %d: %w", e.names[first], n, e.names[i], b.N, ErrShape)
		}
	}
	return n, nil
}

func checkOutput(prog *ir.Program, out output, n int) error {
	want := prog.ResultType()
	switch {
	case prog.ScalarResult() && !out.Scalar:
		return fmt.Errorf("numeric: %q gives one %s, but the destination is a slice: pass a *%s: %w", prog.Source, want, want, ErrType)
	case !prog.ScalarResult() && out.Scalar:
		return fmt.Errorf("numeric: %q gives a []%s, but the destination is a pointer to one value: %w", prog.Source, want, ErrType)
	case out.Type != want:
		kind := "[]"
		if out.Scalar {
			kind = "*"
		}
		return fmt.Errorf("numeric: %q gives %s%s, but the destination is %s%s: %w", prog.Source, kind, want, kind, out.Type, ErrType)
	case !out.Scalar && out.N != n:
		return fmt.Errorf("numeric: the destination has length %d, the inputs %d: %w", out.N, n, ErrShape)
	}
	return nil
}
