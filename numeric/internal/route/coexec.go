package route

import (
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

// CoexecPlan is the model's verdict on co-execution for one size.
type CoexecPlan struct {
	Share int    // the device's share in 1/256ths; 0 when not worth it
	Text  string // the explanation line
}

// CoexecEstimate decides whether co-execution pays at in.n, given the router's
// decision d for the same input.
func (a *Auto) CoexecEstimate(costs map[string]Cost, in Input, d Decision) CoexecPlan {
	if !a.Coexec {
		return CoexecPlan{Text: "co-execution: off (WithCoexecution turns it on)\n"}
	}
	dev, cpu := d.Estimate(exec.BackendOpenCL), d.Estimate(a.CPU)
	switch {
	case !a.Device:
		return CoexecPlan{Text: "co-execution: off, a CPU backend is forced\n"}
	case !coexecutable(a):
		return CoexecPlan{Text: "co-execution: not for this expression (it has reductions or a scalar result)\n"}
	case dev == nil || cpu == nil:
		return CoexecPlan{Text: "co-execution: needs both a usable OpenCL device and a CPU backend\n"}
	}
	line := func(name string, threads int) (fixed, slope float64) { // predicted time = fixed + n·slope
		c := costOf(costs, name)
		zero := in
		zero.N = 0
		fixed = predict(c, zero, threads, name == exec.BackendOpenCL)
		return fixed, (predict(c, in, threads, name == exec.BackendOpenCL) - fixed) / float64(max(in.N, 1))
	}
	fd, sd := line(exec.BackendOpenCL, 1)
	fc, sc := line(a.CPU, cpu.Threads)
	share := int(256 * sc / (sc + sd))
	k := float64(in.N) * float64(share) / 256
	both := max(fd+k*sd, fc+(float64(in.N)-k)*sc)
	best := min(float64(dev.Time), float64(cpu.Time))
	text := fmt.Sprintf("co-execution: %.0f%% on the device, estimated %v against %v for the best single backend",
		float64(share)*100/256, time.Duration(both).Round(100*time.Nanosecond), time.Duration(best).Round(100*time.Nanosecond))
	if share <= 0 || share >= 256 || both > coexecGain*best {
		return CoexecPlan{Text: text + ": not worth it\n"}
	}
	return CoexecPlan{Share: share, Text: text + ": used\n"}
}

// coexecutable reports whether a's program can be split by elements: one pass, no
// reductions, an array result.
func coexecutable(a *Auto) bool {
	p := a.Prog
	return len(p.Stages) == 1 && len(p.Stages[0].Reductions) == 0 && !p.ScalarResult()
}
