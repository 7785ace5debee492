package numeric

import (
	"fmt"
	"strings"

	"github.com/numkit/numkit/asm"
	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/internal/hw"
)

// Explain says how the expression would be evaluated over vars: the chosen backend,
// threads and device, the estimated time on every backend, and why each other one was
// not chosen (not present, no fp64, data too small for more threads, transfers cost
// more than they save, ...). It evaluates nothing, but compiles the expression for
// vars' types, and may load the OpenCL library to see whether a device is usable.
func (e *Expr) Explain(vars Vars) (string, error) {
	c, bindings, n, err := e.resolve(vars)
	if err != nil {
		return "", err
	}
	costs, source := loadedCosts()
	resident := hasDeviceArray(bindings)
	var in routeInput
	if c.auto != nil && !resident {
		in = c.auto.input(n, true)
	} else {
		in = routeInput{cost: c.prog.Cost, n: n, maxThread: e.opts.threadCount(), resident: resident,
			usable: cpuUsability(), funcs: programFuncs(c.prog), reduce: programReductions(c.prog)}
		in.zeroCopy, in.device, in.usable[BackendOpenCL] = openclProbe(c.prog)
	}
	if adjusted, note := deviceCosts(costs, in.device); note != "" {
		costs, source = adjusted, source+"; "+note
	}
	d := route(costs, in)
	var b strings.Builder
	fmt.Fprintf(&b, "expression: %s\n", e.src)
	fmt.Fprintf(&b, "result: %s, n=%d, %d pass%s; per element: %d bytes read, %d written, ops %v (move, cheap, divide, transcendental)\n",
		c.prog.ResultType(), n, c.prog.Cost.Passes, pluralES(c.prog.Cost.Passes), c.prog.Cost.BytesRead, c.prog.Cost.BytesWritten, c.prog.Cost.Ops)
	fmt.Fprintf(&b, "costs: %s\n", source)
	switch forced := e.opts.backendName(); {
	case forced == BackendAuto && resident:
		b.WriteString("device arrays among the inputs: evaluated on the OpenCL device, where the data is\n")
		b.WriteString(d.explain(in))
	case forced == BackendAuto:
		b.WriteString(d.explain(in))
		ch := c.auto.choose(n)
		exact := d.chosen.backend == BackendOpenCL
		if ch.share == 0 && (ch.device != exact || !exact && c.auto.autoThr && ch.threads != d.chosen.threads) {
			fmt.Fprintf(&b, "auto decides once per size class (n from %d to %d, decided at %d): %s\n",
				1<<sizeClass(n), 2<<sizeClass(n)-1, 1<<sizeClass(n), ch.describe(c.auto.cpu))
		}
		b.WriteString(c.auto.coexecEstimate(costs, in, d).text)
		if !e.opts.threadsAuto() {
			fmt.Fprintf(&b, "threads: %d, set by WithThreads or NUMKIT_THREADS\n", e.opts.threadCount())
		}
		if r := c.auto.fallback.Load(); r != nil {
			fmt.Fprintf(&b, "the OpenCL device failed for this expression, so it runs on the CPU: %s\n", *r)
		}
	default:
		fmt.Fprintf(&b, "forced: %s (WithBackend or NUMKIT_BACKEND); the router's estimates:\n", forced)
		b.WriteString(d.explain(in))
	}
	return b.String(), nil
}

// cpuUsability says, for each CPU backend, nil or why it cannot run here.
func cpuUsability() map[string]error {
	u := map[string]error{BackendGonum: nil, BackendSIMD: nil}
	if hw.SIMDLevel() == asm.LevelNone {
		u[BackendSIMD] = fmt.Errorf("SIMD level none (%s)", hw.SIMDReason())
	}
	return u
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
// the OpenCL library.
func (e *Expr) Choose(vars Vars) (Choice, error) {
	c, bindings, n, err := e.resolve(vars)
	if err != nil {
		return Choice{}, err
	}
	a := c.auto
	switch {
	case c.device != nil:
		return Choice{Backend: BackendOpenCL, Threads: 1}, nil
	case a == nil:
		return Choice{Backend: c.name, Threads: e.opts.threadCount()}, nil
	case a.device && hasDeviceArray(bindings):
		return Choice{Backend: BackendOpenCL, Threads: 1}, nil
	}
	ch := a.choose(n)
	if (ch.device || ch.share > 0) && a.hostOnDevice() != nil {
		if ch.share > 0 {
			return Choice{Backend: BackendOpenCL + "+" + c.name, Threads: ch.threads, DeviceShare: float64(ch.share) / 256}, nil
		}
		return Choice{Backend: BackendOpenCL, Threads: 1}, nil
	}
	threads := ch.threads
	if n < exec.MinParallel {
		threads = 1 // the VM keeps small inputs on one goroutine
	}
	return Choice{Backend: c.name, Threads: threads}, nil
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
