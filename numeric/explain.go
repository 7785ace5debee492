package numeric

import (
	"context"
	"fmt"
	"strings"

	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/internal/route"
)

// Explain says how the expression would be evaluated over vars: the chosen backend,
// threads and device, the estimated time on every backend, and why each other one was
// not chosen (not present, no fp64, data too small for more threads, transfers cost
// more than they save, ...). It evaluates nothing, but compiles the expression for
// vars' types, and may load the OpenCL library to see whether a device is usable;
// only reductions along an axis of N-d inputs are evaluated first, since the rest of
// the expression is evaluated over their results.
func (e *Expr) Explain(vars Vars) (string, error) {
	if outer, all, plan, err := e.axisOuter(context.Background(), vars); err != nil || outer != e {
		if err != nil {
			return "", err
		}
		text, err := outer.Explain(all)
		if err != nil {
			return "", plan.rename(err)
		}
		what := "reductions along an axis (evaluated first, line by line on the CPU): "
		if plan != e.axes {
			what = "reductions of arrays of another shape than the result's (evaluated first, each over its own argument): "
		}
		return plan.renameText(text) + what + plan.callList() + "\n", nil
	}
	c, bindings, n, err := e.resolve(vars)
	if err != nil {
		return "", err
	}
	src := e.opts.routeSources()
	costs, source := src.Costs()
	resident := hasDeviceArray(bindings)
	var in route.Input
	if c.auto != nil && !resident {
		in = c.auto.RouteInput(n, true)
	} else {
		in = route.Input{Cost: c.prog.Cost, N: n, MaxThread: e.opts.threadCount(), Resident: resident,
			Usable: route.CPUUsability(), Funcs: route.ProgramFuncs(c.prog), Reduce: route.ProgramReductions(c.prog)}
		in.ZeroCopy, in.Device, in.Usable[BackendOpenCL] = src.Probe(c.prog)
	}
	if adjusted, note := route.DeviceCosts(costs, in.Device); note != "" {
		costs, source = adjusted, source+"; "+note
	}
	d := route.Route(costs, in)
	var b strings.Builder
	fmt.Fprintf(&b, "expression: %s\n", e.src)
	fmt.Fprintf(&b, "result: %s, n=%d, %d pass%s; per element: %d bytes read, %d written, ops %v (move, cheap, divide, transcendental)\n",
		c.prog.ResultType(), n, c.prog.Cost.Passes, pluralES(c.prog.Cost.Passes), c.prog.Cost.BytesRead, c.prog.Cost.BytesWritten, c.prog.Cost.Ops)
	fmt.Fprintf(&b, "costs: %s\n", source)
	if e.opts.vm.Fast {
		b.WriteString("accuracy: fast: on the simd backend exp, sin, cos and float32 log run their fast kernels " +
			"(within 4 ULP) and x*y+z, x*s±y, x*s±t fused multiply-adds; the gonum and opencl backends compute as in the default mode\n")
	}
	rows, byRows := e.rowsChoice(c, bindings)
	switch forced := e.opts.backendName(); {
	case byRows:
		fmt.Fprintf(&b, "broadcast or N-d inputs: evaluated in place over contiguous runs of rows on %s with %d thread%s "+
			"(evaluations by rows stay on the CPU; a forced OpenCL backend takes contiguous copies); the router's estimates for n elements:\n",
			rows.Backend, rows.Threads, plural(rows.Threads))
		b.WriteString(d.Explain(in))
	case forced == BackendAuto && resident:
		b.WriteString("device arrays among the inputs: evaluated on the OpenCL device, where the data is\n")
		b.WriteString(d.Explain(in))
	case forced == BackendAuto:
		b.WriteString(d.Explain(in))
		ch := c.auto.Choose(n)
		exact := d.Chosen.Backend == BackendOpenCL
		if ch.Share == 0 && (ch.Device != exact || !exact && c.auto.AutoThreads && ch.Threads != d.Chosen.Threads) {
			fmt.Fprintf(&b, "auto decides once per size class (n from %d to %d, decided at %d): %s\n",
				1<<route.SizeClass(n), 2<<route.SizeClass(n)-1, 1<<route.SizeClass(n), ch.Describe(c.auto.CPU))
		}
		fmt.Fprintf(&b, "basis: %s\n", c.auto.Basis(n))
		b.WriteString(c.auto.CoexecEstimate(costs, in, d).Text)
		if !e.opts.threadsAuto() {
			fmt.Fprintf(&b, "threads: %d, set by WithThreads or NUMKIT_THREADS\n", e.opts.threadCount())
		}
		if r := c.auto.Fallback(); r != nil {
			fmt.Fprintf(&b, "the OpenCL device failed for this expression, so it runs on the CPU: %s\n", *r)
		}
	default:
		fmt.Fprintf(&b, "forced: %s (WithBackend or NUMKIT_BACKEND); the router's estimates:\n", forced)
		b.WriteString(d.Explain(in))
	}
	return b.String(), nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func pluralES(n int) string {
	if n == 1 {
		return ""
	}
	return "es"
}

// Choice is where an evaluation runs.
type Choice struct {
	// Backend is BackendGonum, BackendSIMD or BackendOpenCL; with co-execution,
	// "opencl+" and the CPU backend.
	Backend string
	Threads int // goroutines of a CPU backend; 1 on the device alone
	// DeviceShare is the fraction of the elements the device evaluates under
	// co-execution (WithCoexecution), else 0.
	DeviceShare float64
}

// Choose says where Eval would evaluate the expression over vars, without evaluating:
// the forced backend, or the one auto routing picks for these types and this length
// (see Explain for why). It compiles the expression for vars' types, and may load
// the OpenCL library. Reductions along an axis of N-d inputs are evaluated first,
// and the choice is the one for the rest of the expression.
func (e *Expr) Choose(vars Vars) (Choice, error) {
	if outer, all, plan, err := e.axisOuter(context.Background(), vars); err != nil || outer != e {
		if err != nil {
			return Choice{}, err
		}
		ch, err := outer.Choose(all)
		if err == nil && ch.DeviceShare == 0 && ch.Backend != BackendOpenCL {
			// The reductions along an axis run first, on the CPU with the options'
			// threads (axisVars), and usually hold the work.
			ch.Threads = max(ch.Threads, e.opts.threadCount())
		}
		return ch, plan.rename(err)
	}
	c, bindings, n, err := e.resolve(vars)
	if err != nil {
		return Choice{}, err
	}
	if ch, ok := e.rowsChoice(c, bindings); ok {
		return ch, nil
	}
	t := c.target(n, hasDeviceArray(bindings), e.opts.threadCount())
	switch {
	case t.device != nil && t.share > 0:
		return Choice{Backend: BackendOpenCL + "+" + c.name, Threads: t.threads, DeviceShare: float64(t.share) / 256}, nil
	case t.device != nil || t.err != nil: // an error shows when Eval runs there
		return Choice{Backend: BackendOpenCL, Threads: 1}, nil
	case c.auto != nil && n < exec.MinParallel:
		return Choice{Backend: c.name, Threads: 1}, nil // the VM keeps small inputs on one goroutine
	}
	return Choice{Backend: c.name, Threads: t.threads}, nil
}

// resolve binds vars and compiles the expression for their types, for Explain and
// Choose: the compiled program, the bindings and the length.
func (e *Expr) resolve(vars Vars) (*compiled, []binding, int, error) {
	bindings := make([]binding, len(e.names))
	sig, _, err := e.bindAll(vars, bindings)
	if err != nil {
		return nil, nil, 0, err
	}
	c, err := e.forSignature(sig, bindings, nil)
	if err != nil {
		return nil, nil, 0, err
	}
	n, err := e.length(bindings)
	if err != nil {
		return nil, nil, 0, err
	}
	return c, bindings, n, nil
}

// rowsChoice is where Eval runs a shaped evaluation over bindings into a new
// (contiguous) result, for Choose and Explain: ok is false where it gathers and
// runs as a 1-D evaluation of the result's length, which the router decides.
func (e *Expr) rowsChoice(c *compiled, bindings []binding) (Choice, bool) {
	shape, err := e.broadcast(bindings)
	if err != nil {
		return Choice{}, false
	}
	ops := append(inputOperands(bindings, shape), operand{nil, c.prog.ResultType().Size(), cStrides(shape)})
	if _, _, ok := byRows(c, shape, ops); !ok {
		return Choice{}, false
	}
	return Choice{Backend: c.name, Threads: e.rowThreads(c, prod(shape))}, true
}
