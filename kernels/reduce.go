package kernels

import (
	"fmt"
	"strings"

	"github.com/numkit/numkit/numeric/ir"
)

// reduceKernel writes the kernel of a stage that ends in reductions: a work-group tree
// (treeReduce), or on a CPU device one work-item per tile (laneReduce). Either way
// work-group g reduces elements [g·T, (g+1)·T) of the launch, T = Program.TileSize(),
// in an order that depends on n only, and writes one partial per reduction.
func (g *gen) reduceKernel(b *strings.Builder, k int, st ir.Stage) (Kernel, error) {
	p := g.prog
	for _, red := range st.Reductions {
		switch red.Op {
		case ir.ReduceSum, ir.ReduceProd, ir.ReduceMin, ir.ReduceMax, ir.ReduceMean:
		case ir.ReduceVar, ir.ReduceStd, ir.ReduceSkew, ir.ReduceKurt:
			g.use(ir.Float64) // the moment sums are double
		default:
			return Kernel{}, fmt.Errorf("kernels: %q: no OpenCL code for the %s reduction", p.Source, red.Op)
		}
	}
	args := g.stageArgs(st)
	for i, red := range st.Reductions {
		pt := PartialType(red.Op, p.Regs[red.Arg].Type)
		args = append(args, Arg{Kind: ArgPartial, Type: pt, Reduction: i})
	}
	kern := Kernel{Name: fmt.Sprintf("nk_stage%d", k), Reduce: true, Args: args}
	var err error
	if g.target.CPU {
		err = g.laneReduce(b, kern, st)
	} else {
		err = g.treeReduce(b, kern, st)
	}
	if err != nil {
		return Kernel{}, err
	}
	return kern, nil
}

// treeReduce writes a reduction kernel for GPUs: work-group g of GroupSize work-items
// reduces tile g; work-item l folds elements g·T + l + k·GroupSize for k = 0, 1, ...
// in order (neighbouring work-items read neighbouring elements), then the group
// combines its work-items pairwise in a fixed tree in local memory, and work-item 0
// writes the partials. That is the documented order (docs/language.md) for a
// reduction of GroupSize accumulators (float32's 64); one of fewer accumulators L
// (float64's 32, the integer mean's one) is staged instead: each step's GroupSize
// values go through local memory, and work-item l < L folds values l, l + L, ... in
// order, so accumulator l takes the elements ≡ l mod L in order; its tree starts at
// L/2.
func (g *gen) treeReduce(b *strings.Builder, kern Kernel, st ir.Stage) error {
	p := g.prog
	gs, items := g.target.GroupSize, g.target.ItemsPerThread
	ls := g.reductionLanes(st, gs)
	staged := false
	for _, l := range ls {
		staged = staged || l < gs
	}
	fmt.Fprintf(b, "__kernel __attribute__((reqd_work_group_size(%d, 1, 1)))\nvoid %s(%s) {\n", gs, kern.Name, g.params(kern.Args))
	g.geoLoads(b)
	b.WriteString("\tconst int lid = (int)get_local_id(0);\n")
	fmt.Fprintf(b, "\tconst long base = (long)get_group_id(0) * %dL + lid;\n", gs*items)
	for j, red := range st.Reductions {
		pt := PartialType(red.Op, p.Regs[red.Arg].Type)
		fmt.Fprintf(b, "\t__local %s l%d[%d];\n", ctype(pt), j, gs)
		fmt.Fprintf(b, "\t%s acc%d = %s;\n", ctype(pt), j, identity(red.Op, pt))
	}
	fmt.Fprintf(b, "\tfor (int k = 0; k < %d; k++) {\n", items)
	fmt.Fprintf(b, "\t\tconst long i = base + (long)k * %d;\n", gs)
	b.WriteString("\t\tif (i < n) {\n")
	g.offsets(b, "\t\t\t")
	if err := g.elementCode(b, st, "\t\t\t"); err != nil {
		return err
	}
	for j, red := range st.Reductions {
		v := g.reductionValue(red)
		if ls[j] < gs {
			fmt.Fprintf(b, "\t\t\tl%d[lid] = %s;\n", j, v)
			continue
		}
		pt := PartialType(red.Op, p.Regs[red.Arg].Type)
		fmt.Fprintf(b, "\t\t\tacc%d = %s;\n", j, g.combine(red.Op, pt, fmt.Sprintf("acc%d", j), v))
	}
	b.WriteString("\t\t}\n")
	if staged {
		b.WriteString("\t\tbarrier(CLK_LOCAL_MEM_FENCE);\n")
		fmt.Fprintf(b, "\t\tconst long i0 = base - lid + (long)k * %d;\n", gs)
		for j, red := range st.Reductions {
			if ls[j] == gs {
				continue
			}
			pt := PartialType(red.Op, p.Regs[red.Arg].Type)
			fmt.Fprintf(b, "\t\tif (lid < %d) {\n", ls[j])
			fmt.Fprintf(b, "\t\t\tfor (int q = lid; q < %d && i0 + q < n; q += %d) {\n", gs, ls[j])
			fmt.Fprintf(b, "\t\t\t\tacc%d = %s;\n", j, g.combine(red.Op, pt, fmt.Sprintf("acc%d", j), fmt.Sprintf("l%d[q]", j)))
			b.WriteString("\t\t\t}\n\t\t}\n")
		}
		b.WriteString("\t\tbarrier(CLK_LOCAL_MEM_FENCE);\n")
	}
	b.WriteString("\t}\n")
	for j := range st.Reductions {
		fmt.Fprintf(b, "\tl%d[lid] = acc%d;\n", j, j)
	}
	b.WriteString("\tbarrier(CLK_LOCAL_MEM_FENCE);\n")
	fmt.Fprintf(b, "\tfor (int s = %d; s > 0; s >>= 1) {\n\t\tif (lid < s) {\n", gs/2)
	for j, red := range st.Reductions {
		pt := PartialType(red.Op, p.Regs[red.Arg].Type)
		guard := ""
		if ls[j] < gs {
			guard = fmt.Sprintf("if (s < %d) ", ls[j])
		}
		fmt.Fprintf(b, "\t\t\t%sl%d[lid] = %s;\n", guard, j, g.combine(red.Op, pt, fmt.Sprintf("l%d[lid]", j), fmt.Sprintf("l%d[lid + s]", j)))
	}
	b.WriteString("\t\t}\n\t\tbarrier(CLK_LOCAL_MEM_FENCE);\n\t}\n")
	if hasMoments(st) {
		return g.treeMoments(b, st)
	}
	b.WriteString("\tif (lid == 0) {\n")
	for j := range st.Reductions {
		fmt.Fprintf(b, "\t\tpart%d[get_group_id(0)] = l%d[0];\n", j, j)
	}
	b.WriteString("\t}\n}\n\n")
	return nil
}

// maxLanes is the most accumulators a work-item of a CPU reduction keeps per
// reduction (fewer when the tile is not a multiple of it).
const maxLanes = 64

// lanes is the number of lanes of a CPU reduction's element loop over tiles of tile
// elements: the largest power of two up to maxLanes that divides the tile.
func lanes(tile int) int {
	l := maxLanes
	for tile%l != 0 {
		l /= 2
	}
	return l
}

// orderLanes is the number of accumulators the documented reduction order
// (docs/language.md, "Reductions") gives a reduction of op over arg: 64 for a
// float32 sum, prod, min, max or mean, 32 for float64 and complex64, 16 for
// complex128 (one 256-byte row each), one for the mean of integers
// (added in float64 in order), and for the exact integer reductions and the moments
// (which have their own accumulation) as many as the loop has.
func orderLanes(op ir.ReduceOp, arg ir.DType) int {
	if IsMoment(op) {
		return maxLanes
	}
	switch {
	case arg == ir.Float32:
		return 64
	case arg == ir.Float64 || arg == ir.Complex64:
		return 32
	case arg == ir.Complex128:
		return 16
	case op == ir.ReduceMean:
		return 1
	}
	return maxLanes
}

// reductionLanes are the accumulators of each of st's reductions on a CPU device,
// with nl lanes in the element loop: the documented order's count, at most nl. With
// tiles of exec.BlockSize (4096) elements the partials are the CPU backends' block
// partials bit for bit.
func (g *gen) reductionLanes(st ir.Stage, nl int) []int {
	out := make([]int, len(st.Reductions))
	for j, red := range st.Reductions {
		out[j] = min(orderLanes(red.Op, g.prog.Regs[red.Arg].Type), nl)
	}
	return out
}

// laneIndex is the accumulator subscript of loop lane j for a reduction with l of nl
// accumulators: element base + m·nl + j goes into accumulator j mod l.
func laneIndex(l, nl int) string {
	switch {
	case l == nl:
		return "[j]"
	case l == 1:
		return "[0]"
	}
	return fmt.Sprintf("[j & %d]", l-1)
}

// laneReduce writes a reduction kernel for CPU devices: work-groups of one work-item,
// work-item g folding the T contiguous elements of tile g in order into L
// accumulators per reduction (element g·T + i into accumulator i mod L, L from
// reductionLanes), which it then folds in halves (accumulator j takes j + h for
// h = L/2, ..., 1): the documented order of the CPU backends' blocks. Contiguous lanes let the compiler
// vectorize the fold (pocl vectorizes across the work-items of a group, which for the
// strided tree shape means gathers), without barriers or local memory. A whole
// tile takes a loop without bounds checks; only the last tile checks i < n.
func (g *gen) laneReduce(b *strings.Builder, kern Kernel, st ir.Stage) error {
	p := g.prog
	tile := g.target.GroupSize * g.target.ItemsPerThread
	nl := lanes(tile)
	ls := g.reductionLanes(st, nl)
	fmt.Fprintf(b, "__kernel __attribute__((reqd_work_group_size(1, 1, 1)))\nvoid %s(%s) {\n", kern.Name, g.params(kern.Args))
	g.geoLoads(b)
	fmt.Fprintf(b, "\tconst long base = (long)get_group_id(0) * %dL;\n", tile)
	for j, red := range st.Reductions {
		pt := PartialType(red.Op, p.Regs[red.Arg].Type)
		fmt.Fprintf(b, "\t%s acc%d[%d];\n", ctype(pt), j, ls[j])
		fmt.Fprintf(b, "\tfor (int j = 0; j < %d; j++) {\n\t\tacc%d[j] = %s;\n\t}\n", ls[j], j, identity(red.Op, pt))
	}
	loop := func(checked bool, fold func(indent string) error) error {
		fmt.Fprintf(b, "\t\tfor (int m = 0; m < %d; m++) {\n", tile/nl)
		fmt.Fprintf(b, "\t\t\tfor (int j = 0; j < %d; j++) {\n", nl)
		fmt.Fprintf(b, "\t\t\t\tconst long i = base + (long)m * %d + j;\n", nl)
		indent := "\t\t\t\t"
		if checked {
			b.WriteString("\t\t\t\tif (i < n) {\n")
			indent += "\t"
		}
		g.offsets(b, indent)
		if err := fold(indent); err != nil {
			return err
		}
		if checked {
			b.WriteString("\t\t\t\t}\n")
		}
		b.WriteString("\t\t\t}\n\t\t}\n")
		return nil
	}
	index := make([]string, len(ls))
	for j, l := range ls {
		index[j] = laneIndex(l, nl)
	}
	fold := func(indent string) error { return g.foldCode(b, st, indent, index...) }
	if err := g.tileLoops(b, tile, fold, loop); err != nil {
		return err
	}
	for j, red := range st.Reductions {
		if ls[j] == 1 {
			continue
		}
		pt := PartialType(red.Op, p.Regs[red.Arg].Type)
		fmt.Fprintf(b, "\tfor (int s = %d; s > 0; s >>= 1) {\n\t\tfor (int j = 0; j < s; j++) {\n", ls[j]/2)
		fmt.Fprintf(b, "\t\t\tacc%d[j] = %s;\n", j, g.combine(red.Op, pt, fmt.Sprintf("acc%d[j]", j), fmt.Sprintf("acc%d[j + s]", j)))
		b.WriteString("\t\t}\n\t}\n")
	}
	if hasMoments(st) {
		return g.laneMoments(b, st, loop)
	}
	for j := range st.Reductions {
		fmt.Fprintf(b, "\tpart%d[get_group_id(0)] = acc%d[0];\n", j, j)
	}
	b.WriteString("}\n\n")
	return nil
}

// tileLoops writes the loops over a CPU reduction's tile: unchecked for a whole tile,
// checked for the last one.
func (g *gen) tileLoops(b *strings.Builder, tile int, fold func(string) error, loop func(bool, func(string) error) error) error {
	fmt.Fprintf(b, "\tif (base + %dL <= n) {\n", tile)
	if err := loop(false, fold); err != nil {
		return err
	}
	b.WriteString("\t} else {\n")
	if err := loop(true, fold); err != nil {
		return err
	}
	b.WriteString("\t}\n")
	return nil
}

// foldCode writes the stage's code for element i and folds its reduction arguments
// into the accumulators acc0, acc1, ... (reduction j's followed by lane[j], e.g.
// "[j]"; none when lane is empty).
func (g *gen) foldCode(b *strings.Builder, st ir.Stage, indent string, lane ...string) error {
	p := g.prog
	if err := g.elementCode(b, st, indent); err != nil {
		return err
	}
	for j, red := range st.Reductions {
		pt := PartialType(red.Op, p.Regs[red.Arg].Type)
		v := g.reductionValue(red)
		acc := fmt.Sprintf("acc%d", j)
		if j < len(lane) {
			acc += lane[j]
		}
		fmt.Fprintf(b, "%s%s = %s;\n", indent, acc, g.combine(red.Op, pt, acc, v))
	}
	return nil
}

// identity is the value a partial of op starts from.
func identity(op ir.ReduceOp, t ir.DType) string {
	if t.IsComplex() { // 1 + 0j for a product, else 0j (a scalar cast would fill both parts)
		one := "0"
		if op == ir.ReduceProd {
			one = "1"
		}
		return fmt.Sprintf("((%s)(%s, 0))", ctype(t), one)
	}
	switch op {
	case ir.ReduceProd:
		return castLit(t, "1")
	case ir.ReduceMin:
		switch t {
		case ir.Int32:
			return "INT_MAX"
		case ir.Int64:
			return "LONG_MAX"
		case ir.Float32:
			return "as_float(0x7f800000U)"
		}
		return "as_double(0x7ff0000000000000UL)"
	case ir.ReduceMax:
		switch t {
		case ir.Int32:
			return "INT_MIN"
		case ir.Int64:
			return "LONG_MIN"
		case ir.Float32:
			return "as_float(0xff800000U)"
		}
		return "as_double(0xfff0000000000000UL)"
	}
	return castLit(t, "0")
}

// combine is the C expression folding partial value y into x for op, both of type t.
func (g *gen) combine(op ir.ReduceOp, t ir.DType, x, y string) string {
	switch op {
	case ir.ReduceSum, ir.ReduceMean, ir.ReduceVar, ir.ReduceStd, ir.ReduceSkew, ir.ReduceKurt:
		if t.IsInt() {
			return wrapping(t, x, "+", y)
		}
		return fmt.Sprintf("(%s + %s)", x, y)
	case ir.ReduceProd:
		if t.IsInt() {
			return wrapping(t, x, "*", y)
		}
		if t.IsComplex() {
			return fmt.Sprintf("%s(%s, %s)", g.complexHelper("cmul", t), x, y)
		}
		return fmt.Sprintf("(%s * %s)", x, y)
	case ir.ReduceMin:
		if t.IsInt() {
			return fmt.Sprintf("min(%s, %s)", x, y)
		}
		return fmt.Sprintf("%s(%s, %s)", g.helper("min", t), x, y)
	}
	if t.IsInt() {
		return fmt.Sprintf("max(%s, %s)", x, y)
	}
	return fmt.Sprintf("%s(%s, %s)", g.helper("max", t), x, y)
}

// reductionValue is the C expression of red's argument for element i, converted to
// its partial's type.
func (g *gen) reductionValue(red ir.Reduction) string {
	at := g.prog.Regs[red.Arg].Type
	pt := PartialType(red.Op, at)
	v := g.operand(red.Arg)
	if at != pt {
		v = fmt.Sprintf("(%s)%s", ctype(pt), v)
	}
	return v
}
