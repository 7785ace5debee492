package kernels

import (
	"fmt"
	"strings"

	"github.com/numkit/numkit/numeric/ir"
)

// Axis reductions on the device. GenerateAxis writes one kernel, nk_axis, that reduces
// an N-d array along one axis with one work-item per element of the result (or per
// AxisOptions.Vector neighbouring elements, in vector registers): work-item i finds its line's first element from the result index (the geometry of one input
// over the result's shape, as in shaped.go), then reduces the line's len elements,
// stride ls apart, in exactly the order the CPU backends reduce a 1-D array of them
// (docs/language.md, "Reductions"), so the result has their bits:
//
//   - float sum, prod, min, max and mean: blocks of AxisBlock elements; in each, 32
//     (float64) or 64 (float32) accumulators in the input's type, element j of the
//     block into accumulator j mod L, folded in halves; the blocks' results as double,
//     combined pairwise ([lo, hi) from [lo, mid) and [mid, hi), mid = lo + (hi−lo)/2,
//     walked with an explicit stack: OpenCL C has no recursion); a float32 result
//     rounded once; the mean divided by len before rounding.
//   - the mean of integers: each block's elements added in double in order, the blocks
//     combined as above.
//   - integer and bool sum and product (wrapping, in ulong), integer min and max:
//     exact, so one pass in order.
//   - complex sum, prod and mean: as the float ones, with the CPU's accumulator
//     counts (16 for complex128, 32 for complex64), the product nk_cmul's, the blocks'
//     results as double2; each part of the mean divided by len.
//   - var, std, skew and kurt: the blocks summarised and merged as the CPU's moments
//     (axis_moments.go).
//
// The kernel takes (n, len, ls, geo, in, out): n results, the line length and stride,
// the geometry (GeometryLen(dims, 1) longs: the outer shape, the offset of line 0 and
// the outer strides), the input and the contiguous result. Its stepped variant, for
// lines that are not contiguous, is launched in work-groups (AxisGroup work-items
// where the device allows) that step through their lines together: a barrier after
// every row of accumulators (or axisStep elements), so that pocl, which runs a
// group's work-items one after another between barriers, reads a few rows of
// neighbouring lines at a time rather than each whole line in turn (for a leading
// axis of a C-order array, one line per page: without barriers that took longer than
// the host's reduction at 2·10^7 elements). Contiguous lines are read whole, without
// barriers (which made sum(a, axis=1) several times slower there).

// axisStep is how many elements of its line a work-item of an exact reduction reads
// between barriers (a float reduction reads one row of its accumulators).
const axisStep = 64

// AxisBlock is the block length of the canonical reduction order (exec.BlockSize).
const AxisBlock = 4096

// AxisGroup is the work-group size the axis kernel is launched with (or the largest
// power of two below it the device allows).
const AxisGroup = 64

// AxisResult is the result type of op along an axis of arg, and false if the device
// kernel does not compute it (min, max, mean and the moments of bool, min and max and
// the moments of complex values: the language has none of them).
func AxisResult(op ir.ReduceOp, arg ir.DType) (ir.DType, bool) {
	switch arg {
	case ir.Float64, ir.Float32, ir.Int64, ir.Int32, ir.Bool, ir.Complex128, ir.Complex64:
	default:
		return 0, false
	}
	switch op {
	case ir.ReduceSum, ir.ReduceProd:
		if arg.IsFloat() || arg.IsComplex() {
			return arg, true
		}
		return ir.Int64, true
	case ir.ReduceMin, ir.ReduceMax:
		return arg, arg != ir.Bool && !arg.IsComplex()
	case ir.ReduceMean:
		if arg.IsComplex() {
			return arg, true
		}
		return ir.FloatOf(arg), arg != ir.Bool
	case ir.ReduceVar, ir.ReduceStd, ir.ReduceSkew, ir.ReduceKurt:
		return ir.FloatOf(arg), arg != ir.Bool && !arg.IsComplex()
	}
	return 0, false
}

// AxisOptions are the variants of an axis kernel.
type AxisOptions struct {
	// Stepped: the lines are not contiguous; the work-groups step through them
	// together, with barriers.
	Stepped bool
	// Moments is the CPU algorithm a moment reduction of floats mirrors (integers
	// always take MomentsBlock).
	Moments MomentOrder
	// Vector, 2, 4 or 8 (0 or 1: off), has each work-item reduce that many
	// neighbouring lines at once, whose elements are adjacent in memory (the result's
	// inner dimension has stride 1 in the input and a multiple of Vector elements),
	// in vector registers, each line in its own lanes and in its own order (at most
	// VectorAxis lines).
	Vector int
}

// VectorAxis is the most lines per work-item op along an axis of arg has a vector
// variant for (0: none): 8 for a float sum, prod or mean, 4 for the moments of floats
// and integers (whose private arrays are 5 times larger).
func VectorAxis(op ir.ReduceOp, arg ir.DType) int {
	switch {
	case arg.IsFloat() && (op == ir.ReduceSum || op == ir.ReduceProd || op == ir.ReduceMean):
		return 8
	case IsMoment(op) && (arg.IsFloat() || arg == ir.Int64 || arg == ir.Int32):
		return 4
	}
	return 0
}

// GenerateAxis returns the program of op along an axis of arg for target t, over a
// result of dims (at least 1) dimensions.
func GenerateAxis(op ir.ReduceOp, arg ir.DType, t Target, dims int, o AxisOptions) (*Program, error) {
	res, ok := AxisResult(op, arg)
	if !ok {
		return nil, fmt.Errorf("kernels: no device kernel for %s along an axis of %s", op, arg)
	}
	if dims < 1 {
		return nil, fmt.Errorf("kernels: an axis reduction over %d dimensions", dims)
	}
	vec := max(o.Vector, 1)
	if vec > 1 && (vec > VectorAxis(op, arg) || vec != 2 && vec != 4 && vec != 8) {
		return nil, fmt.Errorf("kernels: no %d-line vector kernel for %s along an axis of %s", vec, op, arg)
	}
	t.Dims = dims
	g := &gen{target: t, helpers: map[string]bool{}, inputs: []int{0}, stepped: o.Stepped, vec: vec}
	var body strings.Builder
	b := &body
	inT, outT := ctype(arg), ctype(res)
	if arg.IsComplex() { // arrays of parts, read with vload2 and written with vstore2
		inT, outT = ctype(ir.RealOf(arg)), ctype(ir.RealOf(res))
	}
	fmt.Fprintf(b, "__kernel void nk_axis(const long n, const long len, const long ls, __constant long* geo, __global const %s* in, __global %s* out) {\n", inT, outT)
	g.geoLoads(b)
	// No early return: every work-item of a group must reach the barriers; one past
	// the end reduces line 0 and stores nothing.
	fmt.Fprintf(b, "\tconst long gid = (long)get_global_id(0) * %d;\n\tconst int valid = gid < n;\n\tconst long i = valid ? gid : 0;\n\tconst long start = 0;\n", vec)
	g.offsets(b, "\t")
	if arg.IsComplex() {
		b.WriteString("\t__global const " + inT + "* x = in + 2 * o0;\n")
	} else {
		b.WriteString("\t__global const " + inT + "* x = in + o0;\n")
	}
	switch {
	case IsMoment(op):
		g.momentLine(b, op, arg, res, o.Moments)
	case !arg.IsFloat() && !arg.IsComplex() && op != ir.ReduceMean:
		g.exactLine(b, op, arg, res)
	default:
		if err := g.blockedLine(b, op, arg, res); err != nil {
			return nil, err
		}
	}
	b.WriteString("}\n")
	if g.fp64 && !t.FP64 {
		return nil, fmt.Errorf("kernels: %s along an axis of %s computes in float64: %w", op, arg, ErrNoFP64)
	}
	var src strings.Builder
	src.WriteString("// Generated by numkit (package kernels): an axis reduction.\n")
	if g.fp64 {
		src.WriteString("#pragma OPENCL EXTENSION cl_khr_fp64 : enable\n")
	}
	src.WriteString("#pragma OPENCL FP_CONTRACT OFF\n\n")
	for _, h := range g.helperOrder {
		src.WriteString(h)
		src.WriteString("\n")
	}
	src.WriteString(body.String())
	return &Program{Source: src.String(), Kernels: []Kernel{{Name: "nk_axis"}}, FP64: g.fp64, GroupSize: 1, ItemsPerThread: 1}, nil
}

// exactLine reduces the line in one pass: integer and bool sums and products wrap in
// ulong, integer min and max in the type.
func (g *gen) exactLine(b *strings.Builder, op ir.ReduceOp, arg, res ir.DType) {
	acc, step, init := "ulong", "a + (ulong)(long)x[e * ls]", "0"
	switch op {
	case ir.ReduceProd:
		step, init = "a * (ulong)(long)x[e * ls]", "1"
	case ir.ReduceMin:
		acc, step, init = ctype(arg), "min(a, x[e * ls])", identity(op, arg)
	case ir.ReduceMax:
		acc, step, init = ctype(arg), "max(a, x[e * ls])", identity(op, arg)
	}
	fmt.Fprintf(b, "\t%s a = %s;\n\tfor (long e0 = 0; e0 < len; e0 += %d) {\n", acc, init, axisStep)
	fmt.Fprintf(b, "\t\tconst long e1 = min(e0 + %dL, len);\n\t\tfor (long e = e0; e < e1; e++) {\n\t\t\ta = %s;\n\t\t}\n", axisStep, step)
	b.WriteString(g.barrier("\t\t") + "\t}\n")
	fmt.Fprintf(b, "\tif (valid) {\n\t\tout[i] = (%s)a;\n\t}\n", ctype(res))
}

// blockedLine reduces the line block by block in the canonical order and combines
// the blocks pairwise (see GenerateAxis).
func (g *gen) blockedLine(b *strings.Builder, op ir.ReduceOp, arg, res ir.DType) error {
	g.use(ir.Float64)
	at, lanes := arg, orderLanes(op, arg)   // the accumulators' type and count
	if !arg.IsFloat() && !arg.IsComplex() { // the mean of integers: one double accumulator
		at, lanes = ir.Float64, 1
	}
	// The blocks' results combine in double (double2: complex values).
	vt, vtype, toV := ir.Float64, "double", "(double)acc[0]"
	switch arg {
	case ir.Complex128:
		vt, vtype, toV = ir.Complex128, "double2", "acc[0]"
	case ir.Complex64:
		vt, vtype, toV = ir.Complex128, "double2", "convert_double2(acc[0])"
	}
	combineOp := op
	if op == ir.ReduceMean {
		combineOp = ir.ReduceSum
	}
	elem := "x[(b0 + m) * ls]"
	accT, accID := ctype(at), identity(combineOp, at)
	if g.vec > 1 { // vec neighbouring lines, one per lane (at is the float arg)
		elem = fmt.Sprintf("vload%d(0, x + (b0 + m) * ls)", g.vec)
		accT = fmt.Sprintf("%s%d", ctype(at), g.vec)
		accID = fmt.Sprintf("((%s)(%s))", accT, accID)
		vtype = fmt.Sprintf("double%d", g.vec)
		toV = "acc[0]"
		if at == ir.Float32 {
			toV = fmt.Sprintf("convert_double%d(acc[0])", g.vec)
		}
	} else if arg.IsComplex() {
		elem = "vload2((b0 + m) * ls, x)"
	} else if at != arg {
		elem = "(double)" + elem
	}
	fmt.Fprintf(b, "\tconst long nb = (len + %d) / %d;\n", AxisBlock-1, AxisBlock)
	vID := identity(combineOp, vt)
	if g.vec > 1 {
		vID = fmt.Sprintf("((%s)(%s))", vtype, vID)
	}
	fmt.Fprintf(b, "\t%s v = %s;\n", vtype, vID)
	b.WriteString("\t" + vtype + " vs[66];\n\tlong los[66], his[66];\n\tuchar sts[66];\n\tint vp = 0, fp = 0;\n")
	b.WriteString("\tif (nb > 0) {\n\t\tlos[0] = 0; his[0] = nb; sts[0] = 0; fp = 1;\n\t}\n")
	b.WriteString("\twhile (fp > 0) {\n\t\tconst long lo = los[fp - 1], hi = his[fp - 1];\n")
	b.WriteString("\t\tif (hi - lo == 1) {\n")
	fmt.Fprintf(b, "\t\t\tconst long b0 = lo * %dL, bn = min(%dL, len - b0);\n", AxisBlock, AxisBlock)
	fmt.Fprintf(b, "\t\t\t%s acc[%d];\n\t\t\tfor (int j = 0; j < %d; j++) {\n\t\t\t\tacc[j] = %s;\n\t\t\t}\n", accT, lanes, lanes, accID)
	fmt.Fprintf(b, "\t\t\tconst long full = bn - bn %% %d;\n", lanes)
	fmt.Fprintf(b, "\t\t\tfor (long m0 = 0; m0 < full; m0 += %d) {\n\t\t\t\tfor (int j = 0; j < %d; j++) {\n", lanes, lanes)
	fmt.Fprintf(b, "\t\t\t\t\tconst long m = m0 + j;\n\t\t\t\t\tacc[j] = %s;\n\t\t\t\t}\n", g.combine(combineOp, at, "acc[j]", elem))
	b.WriteString(g.barrier("\t\t\t\t") + "\t\t\t}\n")
	b.WriteString("\t\t\tfor (long m = full; m < bn; m++) {\n")
	fmt.Fprintf(b, "\t\t\t\tacc[m - full] = %s;\n\t\t\t}\n", g.combine(combineOp, at, "acc[m - full]", elem))
	if lanes > 1 {
		fmt.Fprintf(b, "\t\t\tfor (int h = %d; h > 0; h >>= 1) {\n\t\t\t\tfor (int j = 0; j < h; j++) {\n", lanes/2)
		fmt.Fprintf(b, "\t\t\t\t\tacc[j] = %s;\n\t\t\t\t}\n\t\t\t}\n", g.combine(combineOp, at, "acc[j]", "acc[j + h]"))
	}
	b.WriteString("\t\t\tvs[vp++] = " + toV + ";\n\t\t\tfp--;\n\t\t\tcontinue;\n\t\t}\n")
	b.WriteString("\t\tconst long mid = lo + (hi - lo) / 2;\n")
	b.WriteString("\t\tif (sts[fp - 1] == 0) {\n\t\t\tsts[fp - 1] = 1; los[fp] = lo; his[fp] = mid; sts[fp] = 0; fp++;\n")
	b.WriteString("\t\t} else if (sts[fp - 1] == 1) {\n\t\t\tsts[fp - 1] = 2; los[fp] = mid; his[fp] = hi; sts[fp] = 0; fp++;\n")
	fmt.Fprintf(b, "\t\t} else {\n\t\t\tconst %s y = vs[--vp];\n\t\t\tconst %s w = vs[--vp];\n", vtype, vtype)
	fmt.Fprintf(b, "\t\t\tvs[vp++] = %s;\n\t\t\tfp--;\n\t\t}\n\t}\n", g.combine(combineOp, vt, "w", "y"))
	b.WriteString("\tif (vp > 0) {\n\t\tv = vs[0];\n\t}\n")
	if op == ir.ReduceMean {
		b.WriteString("\tv = v / (double)len;\n")
	}
	switch {
	case g.vec > 1 && res == ir.Float64:
		fmt.Fprintf(b, "\tif (valid) {\n\t\tvstore%d(v, 0, out + i);\n\t}\n", g.vec)
	case g.vec > 1:
		fmt.Fprintf(b, "\tif (valid) {\n\t\tvstore%d(convert_float%d(v), 0, out + i);\n\t}\n", g.vec, g.vec)
	case res == ir.Complex128:
		b.WriteString("\tif (valid) {\n\t\tvstore2(v, i, out);\n\t}\n")
	case res == ir.Complex64:
		b.WriteString("\tif (valid) {\n\t\tvstore2(convert_float2(v), i, out);\n\t}\n")
	default:
		fmt.Fprintf(b, "\tif (valid) {\n\t\tout[i] = (%s)v;\n\t}\n", ctype(res))
	}
	return nil
}

// barrier is the stepped axis kernel's barrier statement at indent ("" otherwise).
func (g *gen) barrier(indent string) string {
	if !g.stepped {
		return ""
	}
	return indent + "barrier(CLK_LOCAL_MEM_FENCE);\n"
}
