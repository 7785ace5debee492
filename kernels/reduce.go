package kernels

import (
	"fmt"
	"strings"

	"github.com/numkit/numkit/numeric/ir"
)

// reduceKernel writes the kernel of a stage that ends in reductions. Work-group g
// reduces elements [g·T, (g+1)·T) of the launch, T = GroupSize·ItemsPerThread:
// work-item l folds elements g·T + l + k·GroupSize for k = 0, 1, ... in order
// (neighbouring work-items read neighbouring elements), then the group combines its
// work-items pairwise in a fixed tree, and work-item 0 writes the partial.
func (g *gen) reduceKernel(b *strings.Builder, k int, st ir.Stage) (Kernel, error) {
	p := g.prog
	for _, red := range st.Reductions {
		switch red.Op {
		case ir.ReduceSum, ir.ReduceProd, ir.ReduceMin, ir.ReduceMax, ir.ReduceMean:
		default:
			return Kernel{}, fmt.Errorf("kernels: %q: no OpenCL code for the %s reduction", p.Source, red.Op)
		}
	}
	args := g.stageArgs(st)
	for i, red := range st.Reductions {
		pt := PartialType(red.Op, p.Regs[red.Arg].Type)
		args = append(args, Arg{Kind: ArgPartial, Type: pt, Reduction: i})
	}
	name := fmt.Sprintf("nk_stage%d", k)
	gs, items := g.target.GroupSize, g.target.ItemsPerThread
	fmt.Fprintf(b, "__kernel __attribute__((reqd_work_group_size(%d, 1, 1)))\nvoid %s(%s) {\n", gs, name, g.params(args))
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
	if err := g.elementCode(b, st, "\t\t\t"); err != nil {
		return Kernel{}, err
	}
	for j, red := range st.Reductions {
		at := p.Regs[red.Arg].Type
		pt := PartialType(red.Op, at)
		v := g.operand(red.Arg)
		if at != pt {
			v = fmt.Sprintf("(%s)%s", ctype(pt), v)
		}
		fmt.Fprintf(b, "\t\t\tacc%d = %s;\n", j, g.combine(red.Op, pt, fmt.Sprintf("acc%d", j), v))
	}
	b.WriteString("\t\t}\n\t}\n")
	for j := range st.Reductions {
		fmt.Fprintf(b, "\tl%d[lid] = acc%d;\n", j, j)
	}
	b.WriteString("\tbarrier(CLK_LOCAL_MEM_FENCE);\n")
	fmt.Fprintf(b, "\tfor (int s = %d; s > 0; s >>= 1) {\n\t\tif (lid < s) {\n", gs/2)
	for j, red := range st.Reductions {
		pt := PartialType(red.Op, p.Regs[red.Arg].Type)
		fmt.Fprintf(b, "\t\t\tl%d[lid] = %s;\n", j, g.combine(red.Op, pt, fmt.Sprintf("l%d[lid]", j), fmt.Sprintf("l%d[lid + s]", j)))
	}
	b.WriteString("\t\t}\n\t\tbarrier(CLK_LOCAL_MEM_FENCE);\n\t}\n")
	b.WriteString("\tif (lid == 0) {\n")
	for j := range st.Reductions {
		fmt.Fprintf(b, "\t\tpart%d[get_group_id(0)] = l%d[0];\n", j, j)
	}
	b.WriteString("\t}\n}\n\n")
	return Kernel{Name: name, Reduce: true, Args: args}, nil
}

// identity is the value a partial of op starts from.
func identity(op ir.ReduceOp, t ir.DType) string {
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
	case ir.ReduceSum, ir.ReduceMean:
		if t.IsInt() {
			return wrapping(t, x, "+", y)
		}
		return fmt.Sprintf("(%s + %s)", x, y)
	case ir.ReduceProd:
		if t.IsInt() {
			return wrapping(t, x, "*", y)
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
