package kernels

import (
	"errors"
	"fmt"

	"github.com/numkit/numkit/numeric/ir"
)

// ErrComplex is returned for a program with complex values: the OpenCL generator has
// no complex kernels yet, so such programs run on the CPU (auto routes them there; a
// forced opencl backend reports this error wrapped in ErrBackend).
var ErrComplex = errors.New("complex numbers are not supported by the OpenCL backend yet")

// refuseComplex returns ErrComplex, naming the first complex value's operation, if p
// has a complex register.
func refuseComplex(p *ir.Program) error {
	for _, st := range p.Stages {
		for _, code := range [][]ir.Instr{st.Scalar, st.Vector} {
			for _, in := range code {
				if in.Type.IsComplex() || p.Regs[in.Args[0]].Type.IsComplex() && in.Op.Arity() > 0 {
					return fmt.Errorf("kernels: %s: %w", p.InstrString(in), ErrComplex)
				}
			}
		}
		for _, r := range st.Reductions {
			if p.Regs[r.Arg].Type.IsComplex() {
				return fmt.Errorf("kernels: %s of %s: %w", r.Op, p.Regs[r.Arg].Type, ErrComplex)
			}
		}
	}
	for _, in := range p.Inputs {
		if in.Type.IsComplex() {
			return fmt.Errorf("kernels: input %s is %s: %w", in.Name, in.Type, ErrComplex)
		}
	}
	if t := p.ResultType(); t.IsComplex() {
		return fmt.Errorf("kernels: the result is %s: %w", t, ErrComplex)
	}
	return nil
}
