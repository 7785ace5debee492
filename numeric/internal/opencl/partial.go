package opencl

// Partial evaluation (numeric/partial*.go, issue #17) cuts the elements into chunks
// evaluated apart and merges their reductions into the bits of a whole-array run. A
// whole-array run reduces tile by tile (kernels.Program.TileSize elements, counted from
// element 0) and folds the tiles' partials in the fixed pairwise tree exec.Pairwise
// (reduce.go); a chunk that starts at a tile boundary therefore makes the partials of
// the same tiles, and RunBlocks hands them back so that the merge can fold them in the
// same tree. This mirrors the CPU VM's RunBlocks, Reducers and Derive.

import (
	"context"
	"fmt"
	"unsafe"

	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/internal/generic"
	"github.com/numkit/numkit/numeric/ir"
)

// Derive compiles p, an IR program derived from cp's (a pass of it), for cp's device.
func (cp *Program) Derive(p *ir.Program) (*Program, error) { return cp.dev.compile(p) }

// Device describes the device the program runs on: partials of one evaluation are made
// and merged on one device, since devices' built-ins differ in their last bits.
func (cp *Program) Device() string { return cp.dev.describe() }

// Reducers returns the reducers of the program's last stage, in the order of its
// reductions: the host side of the combining of its tile partials.
func (cp *Program) Reducers() []generic.Reducer {
	if len(cp.reducers) == 0 {
		return nil
	}
	return append([]generic.Reducer(nil), cp.reducers[len(cp.reducers)-1]...)
}

// RunBlocks is Run that also returns the last stage's per-tile partials,
// [reduction][tile], with tiles of exec.BlockSize elements counted from element lo
// (nil when the last stage has no reductions or n is 0). Folding each list with
// exec.Pairwise and the reducer's Combine gives the reduction as Run combines it.
// Inputs and the output must be host memory; threads is ignored. A device whose
// tiles are not exec.BlockSize elements (one whose work-groups are too small) returns
// exec.ErrBackend for a program whose last stage reduces: its partials would not line
// up with the blocks partial evaluation cuts at.
func (cp *Program) RunBlocks(ctx context.Context, inputs []exec.Binding, lo, n int, out exec.Output, threads int) (uint64, [][]generic.Partial, error) {
	last := cp.prog.Stages[len(cp.prog.Stages)-1]
	if len(last.Reductions) > 0 && cp.gen.TileSize() != exec.BlockSize {
		return 0, nil, fmt.Errorf("numeric: opencl: %q: %s reduces in tiles of %d elements, not the %d that partial evaluation cuts at: %w",
			cp.prog.Source, cp.dev.describe(), cp.gen.TileSize(), exec.BlockSize, exec.ErrBackend)
	}
	in := make([]exec.Binding, len(inputs))
	for i, b := range inputs {
		if b.Dev != nil {
			return 0, nil, fmt.Errorf("numeric: opencl: variable %s is a device array: partial evaluation takes host arrays: %w", cp.prog.Inputs[i].Name, exec.ErrShape)
		}
		in[i] = b
		if !b.Scalar && b.Ptr != nil {
			in[i].Ptr = unsafe.Add(b.Ptr, lo*b.Type.Size())
		}
	}
	if out.Dev != nil {
		return 0, nil, fmt.Errorf("numeric: opencl: partial evaluation into a device array: %w", exec.ErrShape)
	}
	var w [2]uint64 // a complex128 result has two words
	if cp.prog.ScalarResult() {
		out.Ptr = unsafe.Pointer(&w)
	} else if out.Ptr != nil {
		out.Ptr = unsafe.Add(out.Ptr, lo*out.Type.Size())
	}
	var blocks [][]generic.Partial
	if err := cp.runKeeping(ctx, in, n, out, &blocks, nil); err != nil {
		return 0, nil, err
	}
	if len(blocks) == 0 {
		blocks = nil
	}
	return w[0], blocks, nil
}
