package numeric

import (
	"context"
	"fmt"

	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/ir"
)

// output is where an evaluation writes.
type output = exec.Output

// evaluate binds vars, checks them against the program and out, and runs it where the
// options and the router say. With a non-nil alloc, out is not checked but made by
// alloc for the program's result (shape is the result's shape; nil for a scalar).
func (e *Expr) evaluate(ctx context.Context, vars Vars, out *output, alloc func(t ir.DType, scalar bool, shape []int, n int) output) (uint64, error) {
	var storage [MaxInputs]binding
	bindings := storage[:len(e.names)]
	c, n, err := e.prepare(vars, bindings)
	if err != nil {
		return 0, err
	}
	if n < 0 || out.Shape != nil { // shapes differ, an input or the destination is N-d or strided
		return e.evaluateShaped(ctx, c, bindings, out, alloc)
	}
	if alloc != nil {
		var shape []int
		if !c.prog.ScalarResult() {
			shape = []int{n}
		}
		*out = alloc(c.prog.ResultType(), c.prog.ScalarResult(), shape, n)
	} else if err := checkOutput(c.prog, *out, n); err != nil {
		return 0, err
	} else if overlapsInput(*out, bindings) {
		return e.evaluateShaped(ctx, c, bindings, out, nil) // through a temporary (overlapsInput, broadcast.go)
	}
	return e.run(ctx, c, bindings, n, *out)
}

// run evaluates c over n elements of contiguous bindings into out, on the target the
// options and the router choose.
func (e *Expr) run(ctx context.Context, c *compiled, bindings []binding, n int, out output) (uint64, error) {
	t := c.target(n, out.Dev != nil || hasDeviceArray(bindings), e.opts.threadCount())
	switch {
	case t.err != nil:
		return 0, t.err
	case t.device != nil && t.share > 0:
		e.last.Store(c.coexecName())
		return 0, c.coexecute(ctx, t.device, bindings, n, out, t.share, t.threads)
	case t.device != nil:
		w, err := runCopy(ctx, t.device, bindings, n, out)
		if !t.fallback || !exec.DeviceFault(err) {
			e.last.Store(&ranOpenCL)
			return w, err
		}
		c.auto.Fail(err) // and evaluate on the CPU below
	}
	if err := rejectDeviceArrays(e.names, bindings, out); err != nil {
		return 0, err
	}
	e.last.Store(&c.name)
	return c.runCPU(ctx, bindings, n, out, t.threads)
}

// prepare binds vars, finds or compiles the program for their types, and returns it
// with the inputs' common length, or -1 when the inputs need broadcasting (see
// plainLength).
func (e *Expr) prepare(vars Vars, bindings []binding) (*compiled, int, error) {
	sig, missing, err := e.bindAll(vars, bindings)
	if err != nil {
		return nil, 0, err
	}
	var known []string
	if missing {
		for k := range vars {
			known = append(known, k)
		}
	}
	c, err := e.forSignature(sig, bindings, known)
	if err != nil {
		return nil, 0, err
	}
	return c, plainLength(bindings), nil
}

// target is where one evaluation runs: on the device (all of it, or a share with
// co-execution), else on the CPU backend with threads.
type target struct {
	device   exec.Program
	share    int  // with co-execution, the device's share in 1/256ths
	fallback bool // a device fault moves the evaluation (and later ones) to the CPU
	threads  int
	err      error
}

// target decides where an evaluation of n elements runs: where the backend is forced,
// else (under auto) on the device when the data is already there (resident), else
// where the router's decision for n says.
func (c *compiled) target(n int, resident bool, threads int) target {
	a := c.auto
	switch {
	case c.device != nil:
		return target{device: c.device}
	case a == nil:
		return target{threads: threads}
	case !a.Device:
		return target{threads: a.Choose(n).Threads}
	case resident:
		p, err := a.DeviceProgram()
		return target{device: p, err: err}
	}
	ch := a.Choose(n)
	t := target{threads: ch.Threads}
	if ch.Share > 0 || ch.Device {
		if p := a.HostOnDevice(); p != nil {
			t.device, t.share, t.fallback = p, ch.Share, true
		}
	}
	return t
}

// coexecName is where a co-executed evaluation runs, for Expr.last.
func (c *compiled) coexecName() *string {
	if c.name == BackendSIMD {
		return &ranCoexecSIMD
	}
	return &ranCoexecGonum
}

// runCopy runs p over all n elements with a copy of the bindings: handing the
// caller's stack array to an interface method would move it to the heap on the CPU
// path too.
func runCopy(ctx context.Context, p exec.Program, bindings []binding, n int, out output) (uint64, error) {
	return p.Run(ctx, append([]binding(nil), bindings...), 0, n, out, 1)
}

func hasDeviceArray(bindings []binding) bool {
	for i := range bindings {
		if bindings[i].Dev != nil {
			return true
		}
	}
	return false
}

// plainLength returns the common length of the array inputs when all are contiguous
// 1-D arrays of one length (1 when all are scalars), and -1 when any is N-d or
// strided or two lengths differ: then their shapes must be broadcast.
func plainLength(bindings []binding) int {
	n, first := 1, true
	for _, b := range bindings {
		switch {
		case b.Scalar:
			continue
		case b.Shape != nil:
			return -1
		case first:
			n, first = b.N, false
		case b.N != n:
			return -1
		}
	}
	return n
}

// length returns the number of elements of the inputs' broadcast shape, or ErrShape
// naming two inputs whose shapes do not broadcast.
func (e *Expr) length(bindings []binding) (int, error) {
	if n := plainLength(bindings); n >= 0 {
		return n, nil
	}
	shape, err := e.broadcast(bindings)
	if err != nil {
		return 0, err
	}
	return prod(shape), nil
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

// coexecute evaluates the first share/256 of the elements on the device (in a
// goroutine) and the rest on the CPU. If the device fails, the CPU does its part too.
func (c *compiled) coexecute(ctx context.Context, p exec.Program, bindings []binding, n int, out output, share, threads int) error {
	k := n * share / 256 &^ (exec.BlockSize - 1) // whole blocks: aligned host pointers on both sides
	if k == 0 || k == n {
		if k == n {
			_, err := runCopy(ctx, p, bindings, n, out)
			return err
		}
		_, err := c.cpu.Run(ctx, bindings, 0, n, out, threads)
		return err
	}
	head := make([]binding, len(bindings))
	for i, b := range bindings {
		head[i] = b
		if !b.Scalar {
			head[i].N = k
		}
	}
	headOut := out
	headOut.N = k
	done := make(chan error, 1)
	go func() {
		_, err := p.Run(ctx, head, 0, k, headOut, 1)
		done <- err
	}()
	_, cpuErr := c.cpu.Run(ctx, bindings, k, n-k, out, threads)
	devErr := <-done
	if cpuErr != nil {
		return cpuErr
	}
	if exec.DeviceFault(devErr) {
		c.auto.Fail(devErr)
		_, devErr = c.cpu.Run(ctx, bindings, 0, k, out, threads)
	}
	return devErr
}

// Overlapping destination and inputs. The backends read an input block and write the
// same block of the destination, so a destination that is exactly an input (same
// first element, same element size, same strides) is safe; any other overlap would
// let a write land on input elements not read yet. As NumPy does (since 1.13), such
// an evaluation runs into a temporary that is then copied over the destination, so
// the result is that of a non-overlapping evaluation: evaluateShaped finds the
// overlap (overlaps, broadcast.go) and gathers through a temporary.

// overlapsInput reports whether out, a 1-D host array, partly overlaps one of the 1-D
// host-array inputs: their address ranges intersect and they are not the same array
// element for element. The 1-D path asks it before handing such an evaluation to
// evaluateShaped.
func overlapsInput(out exec.Output, inputs []exec.Binding) bool {
	if out.Scalar || out.Dev != nil || out.N <= 0 {
		return false
	}
	// Address ranges as integers (one past the end is no pointer the garbage
	// collector may see); a plain loop, since every 1-D EvalInto asks.
	olo := uintptr(out.Ptr)
	ohi := olo + uintptr(out.N*out.Type.Size())
	for _, b := range inputs {
		if b.Scalar || b.Dev != nil || b.N <= 0 {
			continue
		}
		lo := uintptr(b.Ptr)
		if hi := lo + uintptr(b.N*b.Type.Size()); hi <= olo || ohi <= lo {
			continue
		}
		if lo == olo && b.N == out.N && b.Type.Size() == out.Type.Size() {
			continue // the same array, element for element
		}
		return true
	}
	return false
}

// rowThreads is the goroutines runRows uses for n elements: auto's CPU thread count
// for n (whether or not its choice for a 1-D evaluation is the device), else the
// options'.
func (e *Expr) rowThreads(c *compiled, n int) int {
	if c.auto != nil {
		return c.auto.Choose(n).Threads
	}
	return e.opts.threadCount()
}
