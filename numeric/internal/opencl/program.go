package opencl

import (
	"fmt"
	"runtime"

	"github.com/numkit/numkit/cl"
	"github.com/numkit/numkit/kernels"
	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/internal/generic"
	"github.com/numkit/numkit/numeric/internal/hw"
	"github.com/numkit/numkit/numeric/ir"
)

// Program is an expression compiled for the OpenCL device: the generated kernels,
// built, with the host's share of the work (scalar code, reduction combining) bound
// to the generic kernels. It is safe for concurrent use.
type Program struct {
	dev      *Device
	prog     *ir.Program
	gen      *kernels.Program
	built    *builtProgram
	scalar   [][]generic.Kernel  // per stage, per scalar instruction
	reducers [][]generic.Reducer // per stage, per reduction

	pool *kernelPool // idle kernel sets, released when the Program is unreachable

	variants shapedPrograms // the shaped variants, per rank (shaped.go)
}

// maxIdleKernelSets bounds the kernel sets a program keeps for reuse; concurrent
// evaluations beyond that create and release their own.
const maxIdleKernelSets = 4

// Compile generates, builds (or fetches from the caches) and binds p for the
// process's OpenCL device.
func Compile(p *ir.Program) (*Program, error) {
	d, err := Default()
	if err != nil {
		return nil, err
	}
	return d.compile(p)
}

func (d *Device) compile(p *ir.Program) (*Program, error) { return d.compileFor(p, d.target) }

// compileFor is compile for target t (the device's, or a shaped variant of it).
func (d *Device) compileFor(p *ir.Program, t kernels.Target) (*Program, error) {
	g, err := kernels.Generate(p, t)
	if err != nil {
		return nil, fmt.Errorf("numeric: opencl: %q on %s: %w: %w", p.Source, d.describe(), exec.ErrBackend, err)
	}
	src := g.Source
	if d.rewrite != nil {
		src = d.rewrite(src)
	}
	if cfg, _ := hw.Env(); cfg.OpenCLDump {
		hw.Logger().Info("numkit: generated OpenCL C", "expr", p.Source, "device", d.describe(), "source", src)
	}
	cp := &Program{dev: d, prog: p, gen: g, pool: newKernelPool()}
	runtime.AddCleanup(cp, (*kernelPool).release, cp.pool)
	for _, st := range p.Stages {
		var ks []generic.Kernel
		for _, in := range st.Scalar {
			k := generic.Lookup(in.Op, in.Type, exec.OperandType(p, in))
			if k == nil {
				return nil, fmt.Errorf("numeric: opencl: no host kernel for %s", p.InstrString(in))
			}
			ks = append(ks, k)
		}
		var rs []generic.Reducer
		for _, red := range st.Reductions {
			r, ok := generic.LookupReducer(red.Op, p.Regs[red.Arg].Type)
			if !ok {
				return nil, fmt.Errorf("numeric: opencl: no %s reduction of %s", red.Op, p.Regs[red.Arg].Type)
			}
			rs = append(rs, r)
		}
		cp.scalar = append(cp.scalar, ks)
		cp.reducers = append(cp.reducers, rs)
	}
	if cp.hasKernels() {
		if cp.built, err = d.programs.get(src); err != nil {
			return nil, fmt.Errorf("numeric: opencl: %q: %w", p.Source, err)
		}
		// Create one kernel set now, so that a kernel the device cannot run fails here.
		ks, err := cp.takeKernels()
		if err != nil {
			return nil, err
		}
		cp.putKernels(ks)
	}
	return cp, nil
}

func (cp *Program) hasKernels() bool {
	for _, k := range cp.gen.Kernels {
		if k.Name != "" {
			return true
		}
	}
	return false
}

// takeKernels returns an idle kernel set or creates one; give it back with putKernels.
// (Kernel arguments are per kernel object, so concurrent runs need a set each.)
func (cp *Program) takeKernels() ([]*cl.Kernel, error) {
	if ks := cp.pool.take(); ks != nil {
		return ks, nil
	}
	ks := make([]*cl.Kernel, len(cp.gen.Kernels))
	for i, k := range cp.gen.Kernels {
		if k.Name == "" {
			continue
		}
		kern, err := cp.built.p.CreateKernel(k.Name)
		if err != nil {
			releaseKernels(ks)
			return nil, deviceError("creating kernel "+k.Name, cp.dev, err)
		}
		kernelsCreated.Add(1)
		ks[i] = kern
		if k.Reduce {
			info, err := kern.WorkGroupInfo(cp.dev.dev)
			if err == nil && info.WorkGroupSize < cp.gen.GroupSize {
				releaseKernels(ks)
				return nil, fmt.Errorf("numeric: opencl: reduction kernel of %q needs work-groups of %d, %s allows %d: %w",
					cp.prog.Source, cp.gen.GroupSize, cp.dev.describe(), info.WorkGroupSize, cl.ErrInvalidWorkGroupSize)
			}
		}
	}
	return ks, nil
}

func (cp *Program) putKernels(ks []*cl.Kernel) {
	if !cp.pool.put(ks) {
		releaseKernels(ks)
	}
	runtime.KeepAlive(cp)
}

func releaseKernels(ks []*cl.Kernel) {
	for _, k := range ks {
		if k != nil {
			_ = k.Release()
			kernelsReleased.Add(1)
		}
	}
}
