package numeric

import (
	"fmt"
	"strings"

	"github.com/numkit/numkit/asm"
	"github.com/numkit/numkit/numeric/ir"
)

// Explain says how the expression would be evaluated over vars: the chosen backend,
// threads and device, the estimated time on every backend, and why each other one was
// not chosen (not present, no fp64, data too small for more threads, transfers cost
// more than they save, ...). It evaluates nothing, but compiles the expression for
// vars' types, and may load the OpenCL library to see whether a device is usable.
func (e *Expr) Explain(vars Vars) (string, error) {
	var storage [MaxInputs]binding
	bindings := storage[:len(e.names)]
	sig, _, err := e.bindAll(vars, bindings)
	if err != nil {
		return "", err
	}
	c, err := e.forSignature(sig, bindings, nil)
	if err != nil {
		return "", err
	}
	n, err := e.length(bindings)
	if err != nil {
		return "", err
	}
	costs, source := loadedCosts()
	in := routeInput{cost: c.prog.Cost, n: n, maxThread: e.opts.threadCount(),
		resident: hasDeviceArray(bindings), usable: backendUsability(c.prog)}
	d := route(costs, in)
	var b strings.Builder
	fmt.Fprintf(&b, "expression: %s\n", e.src)
	fmt.Fprintf(&b, "result: %s, n=%d, %d pass%s; per element: %d bytes read, %d written, ops %v (move, cheap, divide, transcendental)\n",
		c.prog.ResultType(), n, c.prog.Cost.Passes, pluralES(c.prog.Cost.Passes), c.prog.Cost.BytesRead, c.prog.Cost.BytesWritten, c.prog.Cost.Ops)
	fmt.Fprintf(&b, "costs: %s\n", source)
	switch forced := e.opts.backendName(); forced {
	case BackendAuto:
		b.WriteString(d.explain(in))
		if !e.opts.threadsAuto() {
			fmt.Fprintf(&b, "threads: %d, set by WithThreads or NUMKIT_THREADS\n", e.opts.threadCount())
		}
	default:
		fmt.Fprintf(&b, "forced: %s (WithBackend or NUMKIT_BACKEND); the router's estimates:\n", forced)
		b.WriteString(d.explain(in))
	}
	b.WriteString("co-execution (splitting one evaluation between the GPU and the CPU): not implemented\n")
	return b.String(), nil
}

// backendUsability says, for each backend, nil or why it cannot run prog here.
func backendUsability(prog *ir.Program) map[string]error {
	u := map[string]error{BackendGonum: nil}
	if simdLevel() == asm.LevelNone {
		u[BackendSIMD] = fmt.Errorf("SIMD level none (%s)", hwSIMD().reason)
	} else {
		u[BackendSIMD] = nil
	}
	if err := openclUsable(); err != nil {
		u[BackendOpenCL] = err
	} else if d, _ := openclState(); d != nil && !d.dev.FP64 && usesFloat64(prog) {
		u[BackendOpenCL] = fmt.Errorf("the device %s has no fp64 and the expression computes in float64", d.dev.Name)
	} else {
		u[BackendOpenCL] = nil
	}
	return u
}

func usesFloat64(prog *ir.Program) bool {
	for _, r := range prog.Regs {
		if r.Type == ir.Float64 {
			return true
		}
	}
	return false
}

func pluralES(n int) string {
	if n == 1 {
		return ""
	}
	return "es"
}
