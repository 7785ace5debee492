package kernels

import (
	"fmt"
	"strings"
)

// Shaped kernels (Target.Dims > 0) read N-d, broadcast and strided inputs in place.
// The host uploads each input's own elements (the span its strides reach, not a
// gathered copy) and passes the geometry, a __constant long array:
//
//	geo[0 .. D-1]                 the result's shape (D = Target.Dims)
//	geo[D + k·(D+1)]              input k's offset of the result's element 0
//	geo[D + k·(D+1) + 1 .. + D]   input k's strides over the result's shape, in elements
//	                              (0 along a dimension it broadcasts)
//
// for every input k of the ir.Program (scalars' slots unused). Element i of a launch is
// element start + i of the result in C order; each kernel turns that flat index into
// every input's offset with one division per dimension but the first (the division
// loop is unrolled: D is a constant of the source, so each rank builds its own
// program), and the rest of the kernel is the 1-D kernel's: the result is written
// contiguously, element-wise code and reductions are unchanged. Indexing in the
// kernel rather than one launch per contiguous run keeps a broadcast of short rows
// (b of shape (n,) against (m, n)) to one launch per chunk.

// GeometryLen is the number of longs of the geometry of a program with inputs inputs
// over dims dimensions.
func GeometryLen(dims, inputs int) int { return dims + inputs*(dims+1) }

// inputIndex is the C expression of input k's element for element i.
func (g *gen) inputIndex(k int) string {
	if g.target.Dims > 0 {
		return fmt.Sprintf("o%d", k)
	}
	return "i"
}

// offsets writes, for a shaped kernel, the declarations of o<k>, the offset of the
// stage's input k for element i, after i is defined; nothing for a 1-D kernel.
func (g *gen) offsets(b *strings.Builder, indent string) {
	nd := g.target.Dims
	if nd == 0 || len(g.inputs) == 0 {
		return
	}
	slot := func(k int) int { return nd + k*(nd+1) }
	for _, k := range g.inputs {
		fmt.Fprintf(b, "%slong o%d = geo[%d];\n", indent, k, slot(k))
	}
	fmt.Fprintf(b, "%s{\n%s\tlong r_ = start + i;\n", indent, indent)
	for d := nd - 1; d >= 0; d-- {
		x := "r_"
		if d > 0 {
			fmt.Fprintf(b, "%s\tconst long q%d_ = r_ / geo[%d];\n", indent, d, d)
			fmt.Fprintf(b, "%s\tconst long x%d_ = r_ - q%d_ * geo[%d];\n", indent, d, d, d)
			fmt.Fprintf(b, "%s\tr_ = q%d_;\n", indent, d)
			x = fmt.Sprintf("x%d_", d)
		}
		for _, k := range g.inputs {
			fmt.Fprintf(b, "%s\to%d += %s * geo[%d];\n", indent, k, x, slot(k)+1+d)
		}
	}
	fmt.Fprintf(b, "%s}\n", indent)
}
