package kernels

import (
	"fmt"
	"math"
	"strings"
)

// Shaped kernels (Target.Dims > 0) read N-d, broadcast and strided inputs in place.
// The host uploads each input's own elements (the span its strides reach, not a
// gathered copy) and passes the geometry, a __constant long array:
//
//	geo[0 .. D-1]                  the result's shape (D = Target.Dims)
//	geo[D .. 2D-1]                 the bits of the doubles 1.0/shape[d]
//	geo[2D + k·(D+1)]              input k's offset of the result's element 0
//	geo[2D + k·(D+1) + 1 .. + D]   input k's strides over the result's shape, in elements
//	                               (0 along a dimension it broadcasts)
//
// for every input k of the ir.Program (scalars' slots unused). Element i of a launch is
// element start + i of the result in C order; each kernel turns that flat index into
// every input's offset with one division per dimension but the first (the division
// loop is unrolled: D is a constant of the source, so each rank builds its own
// program), and the rest of the kernel is the 1-D kernel's: the result is written
// contiguously, element-wise code and reductions are unchanged. With fp64 the
// divisions are a multiplication by the reciprocal in double, truncated and corrected
// by one either way (exact for indices below 2^51, which the host checks): 64-bit
// integer division has no vector instruction, and on pocl it made a column broadcast
// about twice as slow as gathering it on the host. Indexing in the
// kernel rather than one launch per contiguous run keeps a broadcast of short rows
// (b of shape (n,) against (m, n)) to one launch per chunk.

// GeometryLen is the number of longs of the geometry of a program with inputs inputs
// over dims dimensions.
func GeometryLen(dims, inputs int) int { return 2*dims + inputs*(dims+1) }

// MaxShapedIndex bounds the elements of a shaped evaluation (the reciprocal division
// is exact below it).
const MaxShapedIndex = 1 << 51

// Geometry is the geometry argument for a result of shape and inputs with the given
// offsets of element 0 and strides (nil strides: a scalar, its slot left zero).
func Geometry(shape []int, offsets []int, strides [][]int) []int64 {
	nd := len(shape)
	geo := make([]int64, GeometryLen(nd, len(strides)))
	for d, v := range shape {
		geo[d] = int64(v)
		geo[nd+d] = int64(math.Float64bits(1 / float64(v)))
	}
	for k, st := range strides {
		if st == nil {
			continue
		}
		slot := 2*nd + k*(nd+1)
		geo[slot] = int64(offsets[k])
		for d, v := range st {
			geo[slot+1+d] = int64(v)
		}
	}
	return geo
}

// inputIndex is the C expression of input k's element for element i.
func (g *gen) inputIndex(k int) string {
	if g.target.Dims > 0 {
		return fmt.Sprintf("o%d", k)
	}
	return "i"
}

// geoLoads writes, at the top of a shaped kernel (before any condition, so that the
// compiler may hoist them out of pocl's work-item loops), the loads of the geometry
// the stage's inputs need: gs<d>_ and gi<d>_ the extent and its reciprocal, gb<k>_
// input k's offset and g<k>_<d>_ its strides. Nothing for a 1-D kernel.
func (g *gen) geoLoads(b *strings.Builder) {
	nd := g.target.Dims
	if nd == 0 || len(g.inputs) == 0 {
		return
	}
	for d := 1; d < nd; d++ {
		fmt.Fprintf(b, "\tconst long gs%d_ = geo[%d];\n", d, d)
		if g.target.FP64 {
			g.fp64 = true
			fmt.Fprintf(b, "\tconst double gi%d_ = as_double(geo[%d]);\n", d, nd+d)
		}
	}
	for _, k := range g.inputs {
		slot := 2*nd + k*(nd+1)
		fmt.Fprintf(b, "\tconst long gb%d_ = geo[%d];\n", k, slot)
		for d := range nd {
			fmt.Fprintf(b, "\tconst long g%d_%d_ = geo[%d];\n", k, d, slot+1+d)
		}
	}
}

// offsets writes, for a shaped kernel, the declarations of o<k>, the offset of the
// stage's input k for element i, after i is defined; nothing for a 1-D kernel. The
// corrections of the reciprocal division are branch-free, so that pocl vectorizes
// the work-items.
func (g *gen) offsets(b *strings.Builder, indent string) {
	nd := g.target.Dims
	if nd == 0 || len(g.inputs) == 0 {
		return
	}
	for _, k := range g.inputs {
		fmt.Fprintf(b, "%slong o%d = gb%d_;\n", indent, k, k)
	}
	fmt.Fprintf(b, "%s{\n%s\tlong r_ = start + i;\n", indent, indent)
	for d := nd - 1; d >= 0; d-- {
		x := "r_"
		switch {
		case d > 0 && g.target.FP64:
			fmt.Fprintf(b, "%s\tlong q%d_ = (long)((double)r_ * gi%d_);\n", indent, d, d)
			fmt.Fprintf(b, "%s\tlong x%d_ = r_ - q%d_ * gs%d_;\n", indent, d, d, d)
			fmt.Fprintf(b, "%s\tconst long lt%d_ = x%d_ < 0;\n", indent, d, d)
			fmt.Fprintf(b, "%s\tq%d_ -= lt%d_;\n%s\tx%d_ += lt%d_ * gs%d_;\n", indent, d, d, indent, d, d, d)
			fmt.Fprintf(b, "%s\tconst long ge%d_ = x%d_ >= gs%d_;\n", indent, d, d, d)
			fmt.Fprintf(b, "%s\tq%d_ += ge%d_;\n%s\tx%d_ -= ge%d_ * gs%d_;\n", indent, d, d, indent, d, d, d)
			fmt.Fprintf(b, "%s\tr_ = q%d_;\n", indent, d)
			x = fmt.Sprintf("x%d_", d)
		case d > 0:
			fmt.Fprintf(b, "%s\tconst long q%d_ = r_ / gs%d_;\n", indent, d, d)
			fmt.Fprintf(b, "%s\tconst long x%d_ = r_ - q%d_ * gs%d_;\n", indent, d, d, d)
			fmt.Fprintf(b, "%s\tr_ = q%d_;\n", indent, d)
			x = fmt.Sprintf("x%d_", d)
		}
		for _, k := range g.inputs {
			fmt.Fprintf(b, "%s\to%d += %s * g%d_%d_;\n", indent, k, x, k, d)
		}
	}
	fmt.Fprintf(b, "%s}\n", indent)
}

// rowOffsets writes the prologue of a rows kernel (Target.Rows): work-item (j, y) is
// element j of row start + y; n is the row's length, and i the element's index in
// the launch's output (y·n + j). The row's offsets are divided out of the row index
// alone (the same for every j, so pocl's loop over j hoists them), and an input with
// inner stride 1 reads in0[base + j]: contiguous loads the compiler vectorizes, where
// the flat kernel's computed offsets need gathers (which pocl's cost model refused).
func (g *gen) rowOffsets(b *strings.Builder) {
	nd := g.target.Dims
	b.WriteString("\tconst long j = (long)get_global_id(0);\n\tif (j >= n) return;\n")
	b.WriteString("\tconst long i = (long)get_global_id(1) * n + j;\n")
	if len(g.inputs) == 0 {
		return
	}
	for _, k := range g.inputs {
		fmt.Fprintf(b, "\tlong o%d = gb%d_;\n", k, k)
	}
	b.WriteString("\t{\n\t\tlong r_ = start + (long)get_global_id(1);\n")
	for d := nd - 2; d >= 0; d-- {
		x := "r_"
		if d > 0 {
			if g.target.FP64 {
				fmt.Fprintf(b, "\t\tlong q%d_ = (long)((double)r_ * gi%d_);\n\t\tlong x%d_ = r_ - q%d_ * gs%d_;\n", d, d, d, d, d)
				fmt.Fprintf(b, "\t\tif (x%d_ < 0) { q%d_--; x%d_ += gs%d_; }\n", d, d, d, d)
				fmt.Fprintf(b, "\t\tif (x%d_ >= gs%d_) { q%d_++; x%d_ -= gs%d_; }\n", d, d, d, d, d)
			} else {
				fmt.Fprintf(b, "\t\tconst long q%d_ = r_ / gs%d_;\n\t\tconst long x%d_ = r_ - q%d_ * gs%d_;\n", d, d, d, d, d)
			}
			fmt.Fprintf(b, "\t\tr_ = q%d_;\n", d)
			x = fmt.Sprintf("x%d_", d)
		}
		for _, k := range g.inputs {
			fmt.Fprintf(b, "\t\to%d += %s * g%d_%d_;\n", k, x, k, d)
		}
	}
	b.WriteString("\t}\n")
	for _, k := range g.inputs {
		switch {
		case g.target.UnitInner&(1<<k) != 0:
			fmt.Fprintf(b, "\to%d += j;\n", k)
		case g.target.ZeroInner&(1<<k) != 0:
		default:
			fmt.Fprintf(b, "\to%d += j * g%d_%d_;\n", k, k, nd-1)
		}
	}
}
