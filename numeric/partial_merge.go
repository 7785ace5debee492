package numeric

import (
	"context"
	"fmt"
	"strings"
	"unsafe"

	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/internal/generic"
	"github.com/numkit/numkit/numeric/internal/opencl"
	"github.com/numkit/numkit/numeric/internal/vm"
	"github.com/numkit/numkit/numeric/ir"
)

// Merge merges the partials of every chunk of one pass, given in any order: they are
// put in chunk order, checked to cover the elements exactly once, and combined into the
// bits an evaluation of the whole array gives on the backend that made them. The result
// is the final Result, or the Carry for the expression's next pass.
func Merge(ctx context.Context, parts []*Partial) (Merged, error) {
	ordered, err := orderPartials(parts)
	if err != nil {
		return Merged{}, err
	}
	head := ordered[0].head
	cp, err := head.compiled()
	if err != nil {
		return Merged{}, err
	}
	prog := cp.prog
	if !validPass(prog, head.stage, head.given) {
		return Merged{}, fmt.Errorf("numeric: partials of %q claim pass %d with %d reductions given, which its program does not have: %w", head.src, head.stage, len(head.given), ErrPartial)
	}
	if isFinal(prog, head.stage) {
		data, out := allocate(prog.ResultType(), false, head.total)
		dst := outputBytes(out)
		size := prog.ResultType().Size()
		for _, p := range ordered {
			if len(p.out) != p.chunk.Len*size {
				return Merged{}, fmt.Errorf("numeric: the partial of %v holds %d bytes of result, not %d: %w", p.chunk, len(p.out), p.chunk.Len*size, ErrPartial)
			}
			copy(dst[p.chunk.Offset*size:], p.out)
		}
		return Merged{Result: &Result{Type: prog.ResultType(), Data: data, Shape: []int{head.total}}}, nil
	}
	words, err := mergeReductions(ctx, cp, head, ordered)
	if err != nil {
		return Merged{}, err
	}
	next := head
	next.given = append(append([]uint64(nil), head.given...), words...)
	next.stage = nextPass(prog, head.stage)
	if next.stage < len(prog.Stages) {
		return Merged{Next: &Carry{head: next}}, nil
	}
	pr, err := passProgram(cp, derivePass(prog, 0, true, true))
	if err == nil {
		err = sameDevice(head, pr)
	}
	if err != nil {
		return Merged{}, err
	}
	bindings := append(head.bindings(), givenBindings(prog, len(prog.Stages), next.given)...)
	w, _, err := pr.RunBlocks(ctx, bindings, 0, 0, output{}, 1)
	if err != nil {
		return Merged{}, err
	}
	t := prog.ResultType()
	return Merged{Result: &Result{Type: t, Scalar: true, Data: loadScalar(t, unsafe.Pointer(&w))}}, nil
}

// orderPartials checks that parts are the partials of one pass, one per chunk, tiling
// the elements, and returns them in chunk order.
func orderPartials(parts []*Partial) ([]*Partial, error) {
	if len(parts) == 0 {
		return nil, fmt.Errorf("numeric: no partials to merge: %w", ErrPartial)
	}
	for i, p := range parts {
		if p == nil {
			return nil, fmt.Errorf("numeric: partial %d is nil: %w", i, ErrPartial)
		}
	}
	first := parts[0]
	given := map[int]*Partial{}
	for _, p := range parts {
		if err := first.head.sameInputs(p.head); err != nil {
			return nil, fmt.Errorf("numeric: the partial of %v does not merge with that of %v: %w", p.chunk, first.chunk, err)
		}
		switch {
		case p.head.stage != first.head.stage || p.head.backend != first.head.backend || p.head.device != first.head.device:
			return nil, fmt.Errorf("numeric: the partial of %v is of pass %d on %s, that of %v of pass %d on %s: %w", p.chunk, p.head.stage, p.head.where(), first.chunk, first.head.stage, first.head.where(), ErrPartial)
		case !equalWords(p.head.given, first.head.given):
			return nil, fmt.Errorf("numeric: the partials of %v and %v were evaluated with different carries: %w", p.chunk, first.chunk, ErrPartial)
		case p.chunk.Count != first.chunk.Count:
			return nil, fmt.Errorf("numeric: the partial of %v is one of %d chunks, that of %v one of %d: %w", p.chunk, p.chunk.Count, first.chunk, first.chunk.Count, ErrPartial)
		case given[p.chunk.Index] != nil:
			return nil, fmt.Errorf("numeric: chunk %d of %d is given twice: %w", p.chunk.Index, p.chunk.Count, ErrPartial)
		}
		given[p.chunk.Index] = p
	}
	if len(given) < first.chunk.Count {
		var missing []string
		for i := 0; i < first.chunk.Count && len(missing) < 10; i++ {
			if given[i] == nil {
				missing = append(missing, fmt.Sprint(i))
			}
		}
		return nil, fmt.Errorf("numeric: %d of %d chunks are missing (chunk %s): %w", first.chunk.Count-len(given), first.chunk.Count, strings.Join(missing, ", "), ErrPartial)
	}
	byIndex := make([]*Partial, first.chunk.Count)
	for i, p := range given {
		byIndex[i] = p
	}
	next := 0
	for _, p := range byIndex {
		if p.chunk.Offset != next {
			how := "leaves a gap before it"
			if p.chunk.Offset < next {
				how = "overlaps the chunk before it"
			}
			return nil, fmt.Errorf("numeric: %v %s (the chunks before it end at element %d): %w", p.chunk, how, next, ErrPartial)
		}
		next += p.chunk.Len
	}
	if next != first.head.total {
		return nil, fmt.Errorf("numeric: the chunks end at element %d, not at the total %d: %w", next, first.head.total, ErrPartial)
	}
	return byIndex, nil
}

// mergeReductions rebuilds each reduction's list of block partials from the chunks'
// blocks and edges and folds it as a whole-array run does; it returns the reductions'
// values.
func mergeReductions(ctx context.Context, cp *compiled, head partialHead, ordered []*Partial) ([]uint64, error) {
	prog := cp.prog
	pr, err := passProgram(cp, derivePass(prog, head.stage, false, false))
	if err == nil {
		err = sameDevice(head, pr)
	}
	if err != nil {
		return nil, err
	}
	reds := pr.Reducers()
	nblocks := (head.total + partialGrain - 1) / partialGrain
	lists := make([][]generic.Partial, len(reds))
	for j := range lists {
		lists[j] = make([]generic.Partial, nblocks)
	}
	filled := make([]bool, nblocks)
	fill := func(b int, ps []generic.Partial, where Chunk) error {
		if b < 0 || b >= nblocks || filled[b] {
			return fmt.Errorf("numeric: the partial of %v gives block %d, which is out of range or given twice: %w", where, b, ErrPartial)
		}
		filled[b] = true
		for j := range lists {
			lists[j][b] = ps[j]
		}
		return nil
	}
	base := append(head.bindings(), givenBindings(prog, head.stage, head.given)...)
	var pieces []edge // the edges of the block being assembled, in element order
	var from Chunk
	for _, p := range ordered {
		if len(p.blocks) != 0 && len(p.blocks) != len(reds) {
			return nil, fmt.Errorf("numeric: the partial of %v has %d reductions, not %d: %w", p.chunk, len(p.blocks), len(reds), ErrPartial)
		}
		for _, ed := range p.edges {
			if len(pieces) > 0 && ed.block != pieces[0].block {
				if err := edgeBlock(ctx, pr, base, pieces, head.total, from, fill); err != nil {
					return nil, err
				}
				pieces = nil
			}
			if len(pieces) == 0 {
				from = p.chunk
			}
			pieces = append(pieces, ed)
		}
		if len(p.blocks) > 0 {
			row := make([]generic.Partial, len(reds))
			for b := range p.blocks[0] {
				for j := range reds {
					row[j] = p.blocks[j][b]
				}
				if err := fill(p.firstBlock+b, row, p.chunk); err != nil {
					return nil, err
				}
			}
		}
	}
	if len(pieces) > 0 {
		if err := edgeBlock(ctx, pr, base, pieces, head.total, from, fill); err != nil {
			return nil, err
		}
	}
	for b, ok := range filled {
		if !ok {
			return nil, fmt.Errorf("numeric: no partial gives block %d (elements %d to %d): %w", b, b*partialGrain, min((b+1)*partialGrain, head.total), ErrPartial)
		}
	}
	words := make([]uint64, len(reds))
	for j, red := range reds {
		r := prog.Stages[head.stage].Reductions[j]
		if head.total == 0 && (r.Op == ir.ReduceMin || r.Op == ir.ReduceMax) {
			return nil, fmt.Errorf("numeric: %s of an empty array (at offset %d of %q): %w", r.Op, r.Pos, prog.Source, ErrEmpty)
		}
		words[j] = red.Final(vm.Fold(lists[j], red), head.total).Word()
	}
	return words, nil
}

// edgeBlock joins the edges of one block, checks they cover it exactly, and reduces it.
func edgeBlock(ctx context.Context, pr passRunner, base []binding, pieces []edge, total int, from Chunk, fill func(int, []generic.Partial, Chunk) error) error {
	b := pieces[0].block
	lo, hi := b*partialGrain, min((b+1)*partialGrain, total)
	next := lo
	for _, ed := range pieces {
		if ed.offset != next {
			return fmt.Errorf("numeric: block %d (elements %d to %d) is not covered by the chunks' edges: one starts at %d, expected %d: %w", b, lo, hi, ed.offset, next, ErrPartial)
		}
		next += ed.n
	}
	if next != hi {
		return fmt.Errorf("numeric: block %d (elements %d to %d) is covered only to element %d by the chunks' edges: %w", b, lo, hi, next, ErrPartial)
	}
	bindings := append([]binding(nil), base...)
	for i := range pieces[0].data {
		if bindings[i].Scalar {
			continue
		}
		size := bindings[i].Type.Size()
		raw := alignedBytes((hi - lo) * size)[:0]
		for _, ed := range pieces {
			if len(ed.data[i]) != ed.n*size {
				return fmt.Errorf("numeric: an edge of block %d holds %d bytes of input %d, not %d: %w", b, len(ed.data[i]), i, ed.n*size, ErrPartial)
			}
			raw = append(raw, ed.data[i]...)
		}
		bindings[i] = bindingOf(bindings[i].Type, false, 0, raw)
	}
	_, parts, err := pr.RunBlocks(ctx, bindings, 0, hi-lo, output{}, 1)
	if err != nil {
		return err
	}
	row := make([]generic.Partial, len(parts))
	for j := range parts {
		row[j] = parts[j][0]
	}
	return fill(b, row, from)
}

// bindings binds the head's inputs: scalars with their values, arrays empty.
func (h partialHead) bindings() []binding {
	bs := make([]binding, len(h.inputs))
	for i, in := range h.inputs {
		bs[i] = bindingOf(in.typ, in.scalar, in.word, nil)
	}
	return bs
}

// compiled compiles the head's expression for its inputs on its backend.
func (h partialHead) compiled() (*compiled, error) {
	opts := []Option{WithBackend(h.backend)}
	if h.f32c {
		opts = append(opts, WithFloat32Constants())
	}
	e, err := Compile(h.src, opts...)
	if err != nil {
		return nil, fmt.Errorf("numeric: compiling the partials' expression: %w", err)
	}
	if len(e.names) != len(h.inputs) {
		return nil, fmt.Errorf("numeric: %q has %d inputs, its partials %d: %w", h.src, len(e.names), len(h.inputs), ErrPartial)
	}
	var sig signature
	bindings := h.bindings()
	for i, name := range e.names {
		if h.inputs[i].name != name {
			return nil, fmt.Errorf("numeric: input %d of %q is %s, in its partials %s: %w", i, h.src, name, h.inputs[i].name, ErrPartial)
		}
		sig.set(i, bindingCode(bindings[i]))
	}
	return e.forSignature(sig, bindings, nil)
}

func equalWords(a, b []uint64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// passRunner runs a pass program and returns its last stage's per-block partials:
// *vm.Program on the CPU backends, *opencl.Program on the opencl backend. Both reduce
// in blocks of exec.BlockSize elements counted from the first element they are given
// and fold the blocks' partials in the tree exec.Pairwise, so a merge that rebuilds the
// list of block partials gives the whole-array bits of the backend that made them.
type passRunner interface {
	Backend() string
	Reducers() []generic.Reducer
	RunBlocks(ctx context.Context, inputs []exec.Binding, lo, n int, out exec.Output, threads int) (uint64, [][]generic.Partial, error)
}

// passProgram compiles prog, a pass derived from c's program (derivePass), on the
// backend c runs on: its CPU backend (gonum, simd, or under auto auto's CPU backend),
// or the OpenCL device when the expression was compiled WithBackend("opencl").
func passProgram(c *compiled, prog *ir.Program) (passRunner, error) {
	if c.cpu != nil {
		return c.cpu.Derive(prog)
	}
	if dev, ok := c.device.(*opencl.Program); ok {
		return dev.Derive(prog)
	}
	return nil, fmt.Errorf("numeric: %q: partial evaluation runs on the CPU backends and the opencl backend, not %s: %w", prog.Source, c.name, ErrBackend)
}

// deviceOf names the OpenCL device pr runs on ("" for a CPU backend).
func deviceOf(pr passRunner) string {
	if d, ok := pr.(interface{ Device() string }); ok {
		return d.Device()
	}
	return ""
}

// sameDevice checks that the merge runs pr (the blocks the chunks share, the scalar
// tail) on the device the partials were made on.
func sameDevice(h partialHead, pr passRunner) error {
	if d := deviceOf(pr); d != h.device {
		return fmt.Errorf("numeric: the partials of %q were made on %s, this process merges on %s: %w", h.src, h.where(), partialHead{backend: pr.Backend(), device: d}.where(), ErrPartial)
	}
	return nil
}

// givenName names the input that stands for a reduction computed by an earlier pass.
func givenName(reg ir.Reg) string { return fmt.Sprintf("\x00given%d", reg) }

// derivePass returns the program that runs pass stage of p with the reductions of
// every earlier stage supplied as scalar inputs (appended to p.Inputs in stage order):
// earlier stages keep only their scalar code. With final, the stages after stage are
// kept too (the element-wise result, or for tail the scalar code that ends in the
// result); otherwise the program ends at stage and its result is the stage's first
// reduction. tail drops the vector code and reductions of every stage, supplying all of
// them: it computes a scalar result from merged reductions.
func derivePass(p *ir.Program, stage int, final, tail bool) *ir.Program {
	d := *p
	d.Regs = append([]ir.RegInfo(nil), p.Regs...)
	d.Inputs = append([]ir.Input(nil), p.Inputs...)
	d.Stages = nil
	for k, st := range p.Stages {
		if k > stage && !final {
			break
		}
		if k < stage || tail {
			for _, red := range st.Reductions {
				d.Regs[red.Out].Kind = ir.RegInput
				d.Regs[red.Out].Input = len(d.Inputs)
				d.Inputs = append(d.Inputs, ir.Input{Name: givenName(red.Out), Type: d.Regs[red.Out].Type, Scalar: true, Reg: red.Out})
			}
			st = ir.Stage{Scalar: st.Scalar}
		}
		d.Stages = append(d.Stages, st)
	}
	if !final && !tail {
		d.Result = p.Stages[stage].Reductions[0].Out
	}
	return &d
}
