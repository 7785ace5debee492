package numeric

import (
	"context"
	"errors"
	"fmt"
	"unsafe"

	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/internal/generic"
	"github.com/numkit/numkit/numeric/ir"
)

// partialGrain is the block size the CPU VM reduces in: a reduction's result is its
// per-block partials, blocks counted from element 0, folded pairwise (vm.Fold).
const partialGrain = exec.BlockSize

// ErrPartial is wrapped by the errors for partials that cannot be merged: corrupt or
// truncated bytes, partials of different expressions, inputs, passes or lengths, and
// chunks that overlap, leave a gap or are missing.
var ErrPartial = errors.New("bad partial")

// Chunk is one part of the elements of a chunked evaluation: elements [Offset,
// Offset+Len) of Total, the Index-th of Count chunks (Index counts from 0 and orders
// the chunks by offset).
type Chunk struct {
	Index, Count       int
	Offset, Len, Total int
}

func (c Chunk) String() string {
	return fmt.Sprintf("chunk %d of %d (elements %d to %d of %d)", c.Index, c.Count, c.Offset, c.Offset+c.Len, c.Total)
}

// ChunkOf returns chunk k of count over total elements, cut at multiples of the
// block size the CPU backends reduce in, so no chunk carries the elements of a block
// it shares (any cut works; these are the cheapest). Chunks are empty when there are
// more of them than blocks.
func ChunkOf(k, count, total int) (Chunk, error) {
	if count < 1 || k < 0 || k >= count || total < 0 {
		return Chunk{}, fmt.Errorf("numeric: chunk %d of %d over %d elements: want 0 ≤ chunk < count and count ≥ 1: %w", k, count, total, ErrShape)
	}
	blocks := (total + partialGrain - 1) / partialGrain
	lo := min(blocks*k/count*partialGrain, total)
	hi := min(blocks*(k+1)/count*partialGrain, total)
	return Chunk{Index: k, Count: count, Offset: lo, Len: hi - lo, Total: total}, nil
}

func (c Chunk) check() error {
	if c.Count < 1 || c.Index < 0 || c.Index >= c.Count || c.Offset < 0 || c.Len < 0 || c.Offset+c.Len > c.Total {
		return fmt.Errorf("numeric: invalid %v: want 0 ≤ index < count and 0 ≤ offset ≤ offset+len ≤ total: %w", c, ErrShape)
	}
	return nil
}

// Partial is the evaluation of one pass of an expression over one chunk. Partials of
// all the chunks of a pass merge (Merge, in any order) into exactly the bits an
// evaluation of the whole array gives on the same backend (and for opencl the same
// device): an element-wise result is the chunk's elements; a reduction keeps the
// partial of every block of the backend's fixed blocking inside the chunk (the CPU
// VM's blocks, the OpenCL kernels' tiles: exec.BlockSize elements counted from element
// 0 on both), plus the inputs of a block the chunk shares with its neighbours, so that
// merging rebuilds the list of block partials a whole-array run makes and folds it in
// the same tree.
type Partial struct {
	head       partialHead
	chunk      Chunk
	firstBlock int                 // global index of blocks[j][0]
	blocks     [][]generic.Partial // [reduction][block]
	edges      []edge              // inputs of the blocks shared with other chunks
	out        []byte              // the chunk's element-wise result (final pass)
	resultType ir.DType            // out's element type
	final      bool                // whether out is the result (the last pass of an array result)
}

// partialHead is what every partial of one pass (and a Carry) agrees on.
type partialHead struct {
	src     string
	backend string // the backend whose kernels made it
	device  string // for the opencl backend, the device (its built-ins' bits are its own)
	f32c    bool   // WithFloat32Constants
	stage   int    // the program stage this pass runs
	total   int
	inputs  []inputDesc
	given   []uint64 // reductions of earlier passes, in stage and reduction order
}

type inputDesc struct {
	name   string
	typ    ir.DType
	scalar bool
	word   uint64 // a scalar input's value
}

// edge holds the inputs of the elements [offset, offset+n) of a block the chunk does
// not hold whole: per input, its raw little-endian bytes (nil for a scalar).
type edge struct {
	block, offset, n int
	data             [][]byte
}

// Carry is the merged reductions of the passes so far of an expression that needs
// more than one (a - mean(a) reduces first, then evaluates with the mean).
type Carry struct{ head partialHead }

// Chunk returns the chunk the partial was evaluated over.
func (p *Partial) Chunk() Chunk { return p.chunk }

// Source returns the expression's source.
func (p *Partial) Source() string { return p.head.src }

// Backend names the backend that evaluated it (merging uses the same).
func (p *Partial) Backend() string { return p.head.backend }

// where names the backend, and for opencl the device, the head's partials were made on.
func (h partialHead) where() string {
	if h.device != "" {
		return h.backend + " (" + h.device + ")"
	}
	return h.backend
}

// Merged is the result of merging the partials of one pass: the final Result, or when
// the expression needs another pass, the Carry to evaluate it with.
type Merged struct {
	Result *Result
	Next   *Carry
}

// EvalPartial evaluates one pass of the expression over chunk c: vars hold the chunk's
// elements (arrays of length c.Len) and scalars. carry is nil for the first pass, else
// the Carry a Merge of the previous pass returned. It runs on the expression's backend:
// gonum or simd, under auto the CPU backend auto evaluates on (never the device), and
// with WithBackend("opencl") the OpenCL device, whose element-wise results and per-tile
// reduction partials come back from the device. Merged, the partials give the bits of
// a whole-array Eval on that backend: on opencl those of the device's own Eval (its
// built-ins may differ from the CPU's in the last bits), so all the chunks of an
// evaluation, and the merge, run on one backend and one device (Merge checks). A
// device whose reduction tiles are not 4096 elements (work-groups smaller than 64
// work-items) returns ErrBackend for reduction passes. The array inputs are contiguous
// 1-D host arrays of c.Len elements each: N-d and strided views, and arrays that would
// broadcast, are ErrShape; device arrays are ErrType.
func (e *Expr) EvalPartial(ctx context.Context, c Chunk, vars Vars, carry *Carry) (*Partial, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	bindings := make([]binding, len(e.names))
	sig, missing, err := e.bindAll(vars, bindings)
	if err != nil {
		return nil, err
	}
	var known []string
	if missing {
		for k := range vars {
			known = append(known, k)
		}
	}
	cp, err := e.forSignature(sig, bindings, known)
	if err != nil {
		return nil, err
	}
	for i, b := range bindings {
		if b.Dev != nil {
			return nil, fmt.Errorf("numeric: chunked evaluation of %q: variable %s is a *DeviceArray: partials read a chunk's host arrays (Download it): %w", e.src, e.names[i], ErrType)
		}
	}
	for _, r := range cp.prog.Regs { // a partial's codec holds real partials and one-word scalars
		if r.Type.IsComplex() {
			return nil, fmt.Errorf("numeric: %q: partial evaluation of complex values is not supported yet: %w", e.src, ErrType)
		}
	}
	n, err := e.chunkLength(bindings)
	if err != nil {
		return nil, err
	}
	arrays := false
	for _, b := range bindings {
		arrays = arrays || !b.Scalar
	}
	if !arrays {
		return nil, fmt.Errorf("numeric: %q has no array input: there is nothing to cut into chunks: %w", e.src, ErrShape)
	}
	if n != c.Len {
		return nil, fmt.Errorf("numeric: %v of %q: the inputs have %d elements: %w", c, e.src, n, ErrShape)
	}
	head := partialHead{src: e.src, f32c: e.opts.float32Constants, total: c.Total, stage: firstPass(cp.prog)}
	for i, b := range bindings {
		head.inputs = append(head.inputs, inputDesc{name: e.names[i], typ: b.Type, scalar: b.Scalar, word: b.Word})
	}
	if carry != nil {
		if err := carry.head.sameInputs(head); err != nil {
			return nil, fmt.Errorf("numeric: the carry does not belong to %v: %w", c, err)
		}
		head.stage, head.given = carry.head.stage, carry.head.given
	}
	if !validPass(cp.prog, head.stage, head.given) {
		return nil, fmt.Errorf("numeric: %q: the carry is for pass %d with %d reductions given, which the expression does not have: %w", e.src, head.stage, len(head.given), ErrPartial)
	}
	final := isFinal(cp.prog, head.stage)
	pr, err := passProgram(cp, derivePass(cp.prog, head.stage, final, false))
	if err != nil {
		return nil, err
	}
	head.backend, head.device = pr.Backend(), deviceOf(pr)
	if carry != nil && (carry.head.backend != head.backend || carry.head.device != head.device) {
		return nil, fmt.Errorf("numeric: the carry of %q was merged from partials made on %s, this pass runs on %s: the passes of one evaluation run on one backend: %w", e.src, carry.head.where(), head.where(), ErrPartial)
	}
	bindings = append(bindings, givenBindings(cp.prog, head.stage, head.given)...)
	p := &Partial{head: head, chunk: c}
	threads := e.opts.threadCount()
	if final {
		size := cp.prog.ResultType().Size()
		p.out, p.resultType, p.final = alignedBytes(n*size), cp.prog.ResultType(), true
		if n > 0 {
			out := output{Type: p.resultType, Ptr: unsafe.Pointer(&p.out[0]), N: n}
			_, _, err = pr.RunBlocks(ctx, bindings, 0, n, out, threads)
		}
		return p, err
	}
	return p, p.reduceChunk(ctx, pr, bindings, threads)
}

// chunkLength checks that every array input is a contiguous 1-D array (a 1-D Array or
// VecDense of unit stride counts as one, and is rebound as such) of one common length,
// and returns that length. Partials cut the elements of 1-D arrays: N-d and strided
// views, and arrays that broadcast against each other, are ErrShape.
func (e *Expr) chunkLength(bindings []binding) (int, error) {
	n, first := -1, ""
	for i := range bindings {
		b := &bindings[i]
		if b.Scalar {
			continue
		}
		if b.Shape != nil {
			if len(b.Shape) != 1 || (b.Shape[0] > 1 && b.Strides != nil && b.Strides[0] != 1) {
				return 0, fmt.Errorf("numeric: chunked evaluation of %q: variable %s is an array of shape %v and strides %v: partials cut contiguous 1-D arrays only (pass an N-d array's C-order data as a slice, or evaluate it whole): %w", e.src, e.names[i], b.Shape, b.Strides, ErrShape)
			}
			b.Shape, b.Strides = nil, nil
		}
		switch {
		case n < 0:
			n, first = b.N, e.names[i]
		case b.N != n:
			return 0, fmt.Errorf("numeric: chunked evaluation of %q: %s has %d elements and %s %d: the array inputs of a chunk have one length (no broadcasting): %w", e.src, first, n, e.names[i], b.N, ErrShape)
		}
	}
	return max(n, 0), nil
}

// reduceChunk fills the block partials of the whole blocks in the chunk and the edges.
func (p *Partial) reduceChunk(ctx context.Context, pr passRunner, bindings []binding, threads int) error {
	c, g := p.chunk, partialGrain
	end := c.Offset + c.Len
	alignedLo := min((c.Offset+g-1)/g*g, end)
	alignedHi := end / g * g
	if end == c.Total {
		alignedHi = end // the last block is whole however short it is
	}
	alignedHi = max(alignedHi, alignedLo)
	p.addEdge(bindings, c.Offset, alignedLo)
	p.addEdge(bindings, alignedHi, end)
	p.firstBlock = alignedLo / g
	if alignedHi > alignedLo {
		_, parts, err := pr.RunBlocks(ctx, bindings, alignedLo-c.Offset, alignedHi-alignedLo, output{}, threads)
		if err != nil {
			return err
		}
		p.blocks = parts
	}
	return nil
}

// addEdge records the inputs of global elements [lo, hi), all in one block.
func (p *Partial) addEdge(bindings []binding, lo, hi int) {
	if hi <= lo {
		return
	}
	ed := edge{block: lo / partialGrain, offset: lo, n: hi - lo, data: make([][]byte, len(p.head.inputs))}
	for i, in := range p.head.inputs {
		if !in.scalar {
			raw := rawBytes(bindings[i], lo-p.chunk.Offset, hi-p.chunk.Offset)
			ed.data[i] = append(alignedBytes(len(raw))[:0], raw...)
		}
	}
	p.edges = append(p.edges, ed)
}

// firstPass is the first stage that runs over the elements: one with reductions, or
// the last stage (the element-wise result).
func firstPass(prog *ir.Program) int { return nextPass(prog, -1) }

// nextPass is the next stage after stage that has reductions, else the last stage.
// For a scalar result it may be len(prog.Stages): no pass is left.
func nextPass(prog *ir.Program, stage int) int {
	for k := stage + 1; k < len(prog.Stages)-1 || (prog.ScalarResult() && k < len(prog.Stages)); k++ {
		if len(prog.Stages[k].Reductions) > 0 {
			return k
		}
	}
	if prog.ScalarResult() {
		return len(prog.Stages)
	}
	return len(prog.Stages) - 1
}

// validPass reports whether stage is one of prog's passes and given holds the
// reductions of the stages before it.
func validPass(prog *ir.Program, stage int, given []uint64) bool {
	if stage < 0 || stage >= len(prog.Stages) || len(given) != countGiven(prog, stage) {
		return false
	}
	return isFinal(prog, stage) || len(prog.Stages[stage].Reductions) > 0
}

// isFinal reports whether stage is the pass that makes an array result.
func isFinal(prog *ir.Program, stage int) bool {
	return !prog.ScalarResult() && stage == len(prog.Stages)-1
}

// givenBindings binds the reductions of the stages before stage to given.
func givenBindings(prog *ir.Program, stage int, given []uint64) []binding {
	var bs []binding
	for k := 0; k < stage && k < len(prog.Stages); k++ {
		for _, red := range prog.Stages[k].Reductions {
			bs = append(bs, bindingOf(prog.Regs[red.Out].Type, true, given[len(bs)], nil))
		}
	}
	return bs
}

// countGiven is how many reductions the stages before stage have.
func countGiven(prog *ir.Program, stage int) int {
	n := 0
	for k := 0; k < stage && k < len(prog.Stages); k++ {
		n += len(prog.Stages[k].Reductions)
	}
	return n
}

// sameInputs reports how h differs from o in what a carry and the partials it feeds
// must share.
func (h partialHead) sameInputs(o partialHead) error {
	switch {
	case h.src != o.src:
		return fmt.Errorf("it is of %q, not %q: %w", h.src, o.src, ErrPartial)
	case h.f32c != o.f32c:
		return fmt.Errorf("one was compiled WithFloat32Constants and the other not: %w", ErrPartial)
	case h.total != o.total:
		return fmt.Errorf("it is over %d elements, not %d: %w", h.total, o.total, ErrPartial)
	case len(h.inputs) != len(o.inputs):
		return fmt.Errorf("it has %d inputs, not %d: %w", len(h.inputs), len(o.inputs), ErrPartial)
	}
	for i, a := range h.inputs {
		b := o.inputs[i]
		switch {
		case a.name != b.name || a.typ != b.typ || a.scalar != b.scalar:
			return fmt.Errorf("input %d is %s, not %s: %w", i, a, b, ErrPartial)
		case a.scalar && a.word != b.word:
			return fmt.Errorf("scalar %s is %v, not %v: %w", a.name, ir.ValueFromWord(a.typ, a.word), ir.ValueFromWord(b.typ, b.word), ErrPartial)
		}
	}
	return nil
}

func (d inputDesc) String() string {
	if d.scalar {
		return fmt.Sprintf("%s (scalar %s)", d.name, d.typ)
	}
	return fmt.Sprintf("%s (array of %s)", d.name, d.typ)
}

// Result returns the chunk's element-wise result (its c.Len elements, sharing the
// partial's memory), and false for a partial of a reduction pass.
func (p *Partial) Result() (Result, bool) {
	if !p.final {
		return Result{}, false
	}
	return Result{Type: p.resultType, Data: sliceView(p.resultType, p.out), Shape: []int{p.chunk.Len}}, true
}

// Passes returns how many passes over the chunks the expression takes with inputs of
// the types vars has (their lengths do not matter: zero-length slices will do): one
// per stage of reductions that later work depends on, plus one for an element-wise
// result.
func (e *Expr) Passes(vars Vars) (int, error) {
	bindings := make([]binding, len(e.names))
	sig, _, err := e.bindAll(vars, bindings)
	if err != nil {
		return 0, err
	}
	cp, err := e.forSignature(sig, bindings, nil)
	if err != nil {
		return 0, err
	}
	n := 0
	for k := firstPass(cp.prog); k < len(cp.prog.Stages); k = nextPass(cp.prog, k) {
		n++
		if isFinal(cp.prog, k) {
			break
		}
	}
	return n, nil
}
