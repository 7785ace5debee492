package kernels

import (
	"fmt"
	"strings"

	"github.com/numkit/numkit/numeric/ir"
)

// Moment reductions (var, std, skew, kurt) take two passes over each tile, as the CPU
// backends' blocks do: the first sums the values (with the stage's other
// reductions), giving the tile's mean c; the second sums d, d², d³ and d⁴ of the
// deviations d = x - c, recomputing the elements. A work-group writes MomentWidth
// doubles per moment reduction: c and the four sums, which the host turns into a
// count, mean and central sums (the tile's count is known from n) and merges.

// MomentWidth is the number of doubles a work-group's partial of a moment reduction
// holds; other reductions hold one value.
const MomentWidth = 5

// PartialWidth is the number of values of PartialType per work-group partial of op.
func PartialWidth(op ir.ReduceOp) int {
	if IsMoment(op) {
		return MomentWidth
	}
	return 1
}

// IsMoment reports whether op is a moment reduction (var, std, skew, kurt).
func IsMoment(op ir.ReduceOp) bool {
	switch op {
	case ir.ReduceVar, ir.ReduceStd, ir.ReduceSkew, ir.ReduceKurt:
		return true
	}
	return false
}

func hasMoments(st ir.Stage) bool {
	for _, red := range st.Reductions {
		if IsMoment(red.Op) {
			return true
		}
	}
	return false
}

// momentSums writes, for each moment reduction of st, the accumulation of the
// deviations of element i into m<j>_1 ... m<j>_4 (each followed by lane).
func (g *gen) momentSums(b *strings.Builder, st ir.Stage, indent, lane string) error {
	if err := g.elementCode(b, st, indent); err != nil {
		return err
	}
	for j, red := range st.Reductions {
		if !IsMoment(red.Op) {
			continue
		}
		fmt.Fprintf(b, "%s{\n%s\tconst double d = (double)%s - c%d;\n%s\tconst double q = d * d;\n", indent, indent, g.operand(red.Arg), j, indent)
		for k, term := range []string{"d", "q", "q * d", "q * q"} {
			fmt.Fprintf(b, "%s\tm%d_%d%s += %s;\n", indent, j, k+1, lane, term)
		}
		fmt.Fprintf(b, "%s}\n", indent)
	}
	return nil
}

// laneMoments finishes a CPU reduction kernel (laneReduce) whose stage has moment
// reductions: acc<j>[0] holds each reduction's tile partial, for a moment reduction
// the sum of the values. It runs the second pass into L lanes, combines them in the
// same tree, and writes every partial.
func (g *gen) laneMoments(b *strings.Builder, st ir.Stage, loop func(bool, func(string) error) error) error {
	tile := g.target.GroupSize * g.target.ItemsPerThread
	nl := lanes(tile)
	fmt.Fprintf(b, "\tconst long cnt = min(%dL, n - base);\n", tile)
	for j, red := range st.Reductions {
		if !IsMoment(red.Op) {
			continue
		}
		fmt.Fprintf(b, "\tconst double c%d = acc%d[0] / (double)cnt;\n", j, j)
		fmt.Fprintf(b, "\tdouble m%d_1[%d], m%d_2[%d], m%d_3[%d], m%d_4[%d];\n", j, nl, j, nl, j, nl, j, nl)
		fmt.Fprintf(b, "\tfor (int j = 0; j < %d; j++) {\n\t\tm%d_1[j] = 0; m%d_2[j] = 0; m%d_3[j] = 0; m%d_4[j] = 0;\n\t}\n", nl, j, j, j, j)
	}
	if err := g.tileLoops(b, tile, func(indent string) error { return g.momentSums(b, st, indent, "[j]") }, loop); err != nil {
		return err
	}
	fmt.Fprintf(b, "\tfor (int s = %d; s > 0; s >>= 1) {\n\t\tfor (int j = 0; j < s; j++) {\n", nl/2)
	for j, red := range st.Reductions {
		if IsMoment(red.Op) {
			for k := 1; k <= 4; k++ {
				fmt.Fprintf(b, "\t\t\tm%d_%d[j] += m%d_%d[j + s];\n", j, k, j, k)
			}
		}
	}
	b.WriteString("\t\t}\n\t}\n\tconst long g = get_group_id(0);\n")
	for j, red := range st.Reductions {
		if !IsMoment(red.Op) {
			fmt.Fprintf(b, "\tpart%d[g] = acc%d[0];\n", j, j)
			continue
		}
		fmt.Fprintf(b, "\tpart%d[%d * g] = c%d;\n", j, MomentWidth, j)
		for k := 1; k <= 4; k++ {
			fmt.Fprintf(b, "\tpart%d[%d * g + %d] = m%d_%d[0];\n", j, MomentWidth, k, j, k)
		}
	}
	b.WriteString("}\n\n")
	return nil
}

// treeMoments finishes a GPU reduction kernel (treeReduce) whose stage has moment
// reductions: l<j>[0] holds each reduction's group partial, for a moment reduction
// the sum of the values. Each work-item then sums the deviations of its elements,
// the group combines them in the same tree in local memory, and work-item 0 writes
// every partial.
func (g *gen) treeMoments(b *strings.Builder, st ir.Stage) error {
	gs, items := g.target.GroupSize, g.target.ItemsPerThread
	tile := gs * items
	fmt.Fprintf(b, "\tconst long cnt = min(%dL, n - (long)get_group_id(0) * %dL);\n", tile, tile)
	for j, red := range st.Reductions {
		if !IsMoment(red.Op) {
			continue
		}
		fmt.Fprintf(b, "\tconst double c%d = l%d[0] / (double)cnt;\n", j, j)
		fmt.Fprintf(b, "\tdouble m%d_1 = 0, m%d_2 = 0, m%d_3 = 0, m%d_4 = 0;\n", j, j, j, j)
		for k := 1; k <= 4; k++ {
			fmt.Fprintf(b, "\t__local double lm%d_%d[%d];\n", j, k, gs)
		}
	}
	fmt.Fprintf(b, "\tfor (int k = 0; k < %d; k++) {\n", items)
	fmt.Fprintf(b, "\t\tconst long i = base + (long)k * %d;\n", gs)
	b.WriteString("\t\tif (i < n) {\n")
	g.offsets(b, "\t\t\t")
	if err := g.momentSums(b, st, "\t\t\t", ""); err != nil {
		return err
	}
	b.WriteString("\t\t}\n\t}\n")
	for j, red := range st.Reductions {
		if IsMoment(red.Op) {
			for k := 1; k <= 4; k++ {
				fmt.Fprintf(b, "\tlm%d_%d[lid] = m%d_%d;\n", j, k, j, k)
			}
		}
	}
	b.WriteString("\tbarrier(CLK_LOCAL_MEM_FENCE);\n")
	fmt.Fprintf(b, "\tfor (int s = %d; s > 0; s >>= 1) {\n\t\tif (lid < s) {\n", gs/2)
	for j, red := range st.Reductions {
		if IsMoment(red.Op) {
			for k := 1; k <= 4; k++ {
				fmt.Fprintf(b, "\t\t\tlm%d_%d[lid] += lm%d_%d[lid + s];\n", j, k, j, k)
			}
		}
	}
	b.WriteString("\t\t}\n\t\tbarrier(CLK_LOCAL_MEM_FENCE);\n\t}\n")
	b.WriteString("\tif (lid == 0) {\n\t\tconst long g = get_group_id(0);\n")
	for j, red := range st.Reductions {
		if !IsMoment(red.Op) {
			fmt.Fprintf(b, "\t\tpart%d[g] = l%d[0];\n", j, j)
			continue
		}
		fmt.Fprintf(b, "\t\tpart%d[%d * g] = c%d;\n", j, MomentWidth, j)
		for k := 1; k <= 4; k++ {
			fmt.Fprintf(b, "\t\tpart%d[%d * g + %d] = lm%d_%d[0];\n", j, MomentWidth, k, j, k)
		}
	}
	b.WriteString("\t}\n}\n\n")
	return nil
}
