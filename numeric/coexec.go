package numeric

import (
	"context"
	"fmt"
	"time"

	"github.com/numkit/numkit/numeric/internal/exec"
)

// Co-execution splits one element-wise evaluation of host data between the OpenCL
// device and the CPU backend, in proportion to their predicted per-element times, so
// both finish together. It is off unless WithCoexecution turns it on: on a machine
// whose OpenCL device is the CPU itself (PoCL) both halves compete for the same cores.

// coexecGain is how much faster than the best single backend the model must predict
// co-execution to be before it is used.
const coexecGain = 0.9

// coexecPlan is the model's verdict on co-execution for one size.
type coexecPlan struct {
	share int    // the device's share in 1/256ths; 0 when not worth it
	text  string // the explanation line
}

// coexecEstimate decides whether co-execution pays at in.n, given the router's
// decision d for the same input.
func (a *autoRoute) coexecEstimate(costs map[string]backendCost, in routeInput, d decision) coexecPlan {
	if !a.coexec {
		return coexecPlan{text: "co-execution: off (WithCoexecution turns it on)\n"}
	}
	dev, cpu := d.estimate(BackendOpenCL), d.estimate(a.cpu)
	switch {
	case !a.device:
		return coexecPlan{text: "co-execution: off, a CPU backend is forced\n"}
	case !coexecutable(a):
		return coexecPlan{text: "co-execution: not for this expression (it has reductions or a scalar result)\n"}
	case dev == nil || cpu == nil:
		return coexecPlan{text: "co-execution: needs both a usable OpenCL device and a CPU backend\n"}
	}
	line := func(name string, threads int) (fixed, slope float64) { // predicted time = fixed + n·slope
		c := costOf(costs, name)
		zero := in
		zero.n = 0
		fixed = predict(c, zero, threads, name == BackendOpenCL)
		return fixed, (predict(c, in, threads, name == BackendOpenCL) - fixed) / float64(max(in.n, 1))
	}
	fd, sd := line(BackendOpenCL, 1)
	fc, sc := line(a.cpu, cpu.threads)
	share := int(256 * sc / (sc + sd))
	k := float64(in.n) * float64(share) / 256
	both := max(fd+k*sd, fc+(float64(in.n)-k)*sc)
	best := min(float64(dev.time), float64(cpu.time))
	text := fmt.Sprintf("co-execution: %.0f%% on the device, estimated %v against %v for the best single backend",
		float64(share)*100/256, time.Duration(both).Round(100*time.Nanosecond), time.Duration(best).Round(100*time.Nanosecond))
	if share <= 0 || share >= 256 || both > coexecGain*best {
		return coexecPlan{text: text + ": not worth it\n"}
	}
	return coexecPlan{share: share, text: text + ": used\n"}
}

// coexecutable reports whether a's program can be split by elements: one pass, no
// reductions, an array result.
func coexecutable(a *autoRoute) bool {
	p := a.prog
	return len(p.Stages) == 1 && len(p.Stages[0].Reductions) == 0 && !p.ScalarResult()
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
		c.auto.fail(devErr)
		_, devErr = c.cpu.Run(ctx, bindings, 0, k, out, threads)
	}
	return devErr
}
