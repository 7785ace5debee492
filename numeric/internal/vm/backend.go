package vm

import (
	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/internal/generic"
	"github.com/numkit/numkit/numeric/ir"
)

// Backend is a set of kernels the block VM runs: the gonum backend uses the generic
// kernels; the SIMD backend overrides the hot ones with assembly.
type Backend struct {
	name      string
	overrides func(op ir.Op, typ, from ir.DType) generic.Kernel // nil or a kernel
	reducers  func(op ir.ReduceOp, arg ir.DType) (generic.Reducer, bool)
	// scalars supplies kernels whose operand pos is one value (nil or a kernel).
	scalars func(op ir.Op, typ, from ir.DType, pos int) generic.Kernel
	// asmFused runs the fusion table's asm loops (fusion.asm) where a row has one,
	// instead of its portable loop (the same bits, faster).
	asmFused bool
	// fast is the fast accuracy mode's SIMD backend (simdFastBackend).
	fast bool
}

// scalarKernel returns a kernel for op with operand pos a single value, or nil.
func (b *Backend) scalarKernel(op ir.Op, typ, from ir.DType, pos int) generic.Kernel {
	if b.scalars != nil {
		if k := b.scalars(op, typ, from, pos); k != nil {
			return k
		}
	}
	return generic.LookupScalar(op, typ, from, pos)
}

func (b *Backend) kernel(op ir.Op, typ, from ir.DType) generic.Kernel {
	if b.overrides != nil {
		if k := b.overrides(op, typ, from); k != nil {
			return k
		}
	}
	return generic.Lookup(op, typ, from)
}

func (b *Backend) reducer(op ir.ReduceOp, arg ir.DType) (generic.Reducer, bool) {
	if b.reducers != nil {
		if r, ok := b.reducers(op, arg); ok {
			return r, true
		}
	}
	return generic.LookupReducer(op, arg)
}

var gonumBackend = &Backend{name: exec.BackendGonum}
