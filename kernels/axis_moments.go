package kernels

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/numkit/numkit/numeric/ir"
)

// var, std, skew and kurt along an axis. Each work-item summarises its line's blocks
// of AxisBlock elements as the CPU backend it mirrors does (MomentOrder), merges the
// blocks' summaries pairwise in the CPU's tree (stats.MergeTree's split at the
// middle, with Pébay's formulas of stats.Merge) and finishes the statistic as
// stats.Central does; every step is the Go code's own sequence of IEEE operations
// (FP_CONTRACT off, fma only where the CPU fuses), so the result has the CPU's bits.

// MomentOrder is the CPU algorithm a device moment reduction along an axis mirrors
// for each block of a line. Integer lines always take MomentsBlock (the SIMD backend
// hands integers to the portable block function too).
type MomentOrder int

const (
	// MomentsBlock is stats.Block, the gonum backend's: the sum in four accumulators
	// (element m into m mod 4, a tail after the last group of four into the first),
	// the mean c = ((a0+a1)+(a2+a3))/n, then the deviations d = x − c in two lanes
	// (a last odd element into the first), d³ and d⁴ rounded before they are added;
	// no check for NaN or infinity.
	MomentsBlock MomentOrder = iota
	// MomentsLanes is the AVX-512 moments kernel (asm.MomentsPass1Go, MomentsPass2Go):
	// the sum in 32 lanes folded in halves, the four power sums in 32 lanes, d³ and d⁴
	// by fused multiply-adds; a block with a NaN, or whose mean is not finite, has
	// NaN moments (stats.blockSummary).
	MomentsLanes
	// MomentsChunked is the SIMD primitives path (stats.KernelPrims): the sum as
	// MomentsLanes, the power sums over chunks of 1024 elements, each chunk's in 32
	// lanes (asm.SumF64, asm.DotF64), the chunks' added in order.
	MomentsChunked
)

// momentChunk is the chunk length of MomentsChunked (stats' momentChunk).
const momentChunk = 1024

// momentHelpers are the OpenCL C of stats.Central, FromShifted, Merge and twoSum over
// T, double or doubleN (N lines at once, one per lane), with the CPU's branches as
// selects on masks of type M (long or longN): the same operations on every lane.
const momentHelpers = `typedef struct {
	long n;
	T mean, lo, m2, m3, m4;
} nk_centralS;

typedef struct {
	T s, e;
} nk_pairS;

nk_pairS nk_two_sumS(T a, T b) {
	nk_pairS r;
	r.s = a + b;
	const T bb = r.s - a;
	r.e = (a - (r.s - bb)) + (b - bb);
	r.e = select(r.e, (T)(0), (M)isinf(r.s) | (M)isnan(r.s));
	return r;
}

nk_centralS nk_from_shiftedS(long n, T c, T s1, T s2, T s3, T s4) {
	const double fn = (double)n;
	const T delta = s1 / fn;
	T m2 = s2 - s1 * delta;
	m2 = select(m2, (T)(0), (M)(m2 < 0));
	const T d2 = delta * delta;
	nk_centralS r;
	r.n = n;
	r.m2 = m2;
	r.m3 = s3 - 3.0 * delta * s2 + 2.0 * fn * d2 * delta;
	r.m4 = s4 - 4.0 * delta * s3 + 6.0 * d2 * s2 - 3.0 * fn * d2 * d2;
	const nk_pairS t = nk_two_sumS(c, delta);
	const M inf = (M)isinf(c);
	r.mean = select(t.s, c, inf);
	r.lo = select(t.e, (T)(0), inf);
	return r;
}

nk_centralS nk_mergeS(nk_centralS a, nk_centralS b) {
	if (a.n == 0) {
		return b;
	}
	if (b.n == 0) {
		return a;
	}
	const double na = (double)a.n, nb = (double)b.n;
	const double n = na + nb;
	const T d = select(b.lo - a.lo, (b.mean - a.mean) + (b.lo - a.lo), (M)(a.mean != b.mean));
	const T dn = d / n;
	const double nab = na * nb;
	nk_centralS m;
	m.n = a.n + b.n;
	const nk_pairS t = nk_two_sumS(a.mean, a.lo + dn * nb);
	const M inf = (M)(a.mean - a.mean != 0) | (M)(b.mean - b.mean != 0);
	m.mean = select(t.s, a.mean + b.mean, inf);
	m.lo = select(t.e, (T)(0), inf);
	m.m2 = a.m2 + b.m2 + d * dn * nab;
	m.m3 = a.m3 + b.m3 + d * dn * dn * nab * (na - nb) + 3.0 * dn * (na * b.m2 - nb * a.m2);
	m.m4 = a.m4 + b.m4 + d * dn * dn * dn * nab * (na * na - nab + nb * nb) +
		6.0 * dn * dn * (na * na * b.m2 + nb * nb * a.m2) + 4.0 * dn * (na * b.m3 - nb * a.m3);
	return m;
}
`

// momentStack is the depth of a moment kernel's stacks: the pairwise walk of nb
// blocks keeps at most ⌈log2 nb⌉ + 2 frames and values (lines up to 2^58 elements).
const momentStack = 48

// momentFinal is the statistic of summary r as stats.Central computes it, into v
// (of type T, masks M).
var momentFinal = map[ir.ReduceOp]string{
	ir.ReduceVar: "v = r.n <= 0 ? (T)(NK_NAN) : r.m2 / (double)r.n;",
	ir.ReduceStd: "v = sqrt(r.n <= 0 ? (T)(NK_NAN) : r.m2 / (double)r.n);",
	ir.ReduceSkew: `if (r.n == 0) {
		v = (T)(NK_NAN);
	} else {
		const T rr = 0x1p-52 * r.mean;
		const M bad = (M)(r.m2 != r.m2) | (M)(!(r.m2 / (double)r.n > rr * rr));
		v = select(sqrt((double)r.n) * r.m3 / (r.m2 * sqrt(r.m2)), (T)(NK_NAN), bad);
	}`,
	ir.ReduceKurt: `if (r.n == 0) {
		v = (T)(NK_NAN);
	} else {
		const T rr = 0x1p-52 * r.mean;
		const M bad = (M)(r.m2 != r.m2) | (M)(!(r.m2 / (double)r.n > rr * rr));
		v = select((double)r.n * r.m4 / (r.m2 * r.m2) - 3.0, (T)(NK_NAN), bad);
	}`,
}

// momentTypes are the value type, mask type and helper suffix of a moment kernel
// reducing vec lines per work-item.
func momentTypes(vec int) (t, m, sfx string) {
	if vec > 1 {
		return fmt.Sprintf("double%d", vec), fmt.Sprintf("long%d", vec), fmt.Sprintf("_%d", vec)
	}
	return "double", "long", ""
}

var (
	typeWord = regexp.MustCompile(`\bT\b`)
	maskWord = regexp.MustCompile(`\bM\b`)
	nameSfx  = regexp.MustCompile(`\b(nk_central|nk_pair|nk_two_sum|nk_from_shifted|nk_merge)S\b`)
)

// momentLine reduces the line (vec neighbouring lines, one per lane) to op's
// statistic: block summaries merged pairwise (the stack walk of blockedLine), the
// statistic stored.
func (g *gen) momentLine(b *strings.Builder, op ir.ReduceOp, arg, res ir.DType, order MomentOrder) {
	g.use(ir.Float64)
	if !arg.IsFloat() {
		order = MomentsBlock
	}
	t, m, sfx := momentTypes(g.vec)
	helpers := typeWord.ReplaceAllString(momentHelpers, t)
	helpers = maskWord.ReplaceAllString(helpers, m)
	helpers = nameSfx.ReplaceAllString(helpers, "${1}"+sfx)
	// NK_NAN is Go's math.NaN(), whose bits the CPU's NaN statistics carry.
	g.helperOrder = append(g.helperOrder, "#define NK_NAN as_double(0x7ff8000000000001UL)\n", helpers)
	c := "nk_central" + sfx
	fmt.Fprintf(b, "\tconst long nb = (len + %d) / %d;\n", AxisBlock-1, AxisBlock)
	fmt.Fprintf(b, "\t%s vs[%d];\n\tlong los[%d], his[%d];\n\tuchar sts[%d];\n\tint vp = 0, fp = 0;\n", c, momentStack, momentStack, momentStack, momentStack)
	b.WriteString("\tif (nb > 0) {\n\t\tlos[0] = 0; his[0] = nb; sts[0] = 0; fp = 1;\n\t}\n")
	b.WriteString("\twhile (fp > 0) {\n\t\tconst long lo = los[fp - 1], hi = his[fp - 1];\n")
	b.WriteString("\t\tif (hi - lo == 1) {\n")
	fmt.Fprintf(b, "\t\t\tconst long b0 = lo * %dL, bn = min(%dL, len - b0);\n", AxisBlock, AxisBlock)
	fmt.Fprintf(b, "\t\t\t%s cb;\n", c)
	e := momentElem(arg, g.vec)
	if order == MomentsBlock {
		g.momentBlockStats(b, "\t\t\t", e, t, sfx)
	} else {
		g.momentBlockLanes(b, "\t\t\t", order, e, t, m, sfx)
	}
	b.WriteString("\t\t\tvs[vp++] = cb;\n\t\t\tfp--;\n\t\t\tcontinue;\n\t\t}\n")
	b.WriteString("\t\tconst long mid = lo + (hi - lo) / 2;\n")
	b.WriteString("\t\tif (sts[fp - 1] == 0) {\n\t\t\tsts[fp - 1] = 1; los[fp] = lo; his[fp] = mid; sts[fp] = 0; fp++;\n")
	b.WriteString("\t\t} else if (sts[fp - 1] == 1) {\n\t\t\tsts[fp - 1] = 2; los[fp] = mid; his[fp] = hi; sts[fp] = 0; fp++;\n")
	fmt.Fprintf(b, "\t\t} else {\n\t\t\tconst %s y = vs[--vp];\n\t\t\tconst %s w = vs[--vp];\n", c, c)
	fmt.Fprintf(b, "\t\t\tvs[vp++] = nk_merge%s(w, y);\n\t\t\tfp--;\n\t\t}\n\t}\n", sfx)
	fmt.Fprintf(b, "\tconst %s r = vs[0];\n\t%s v;\n\t", c, t)
	final := typeWord.ReplaceAllString(momentFinal[op], t)
	b.WriteString(maskWord.ReplaceAllString(final, m))
	if order != MomentsBlock && (op == ir.ReduceVar || op == ir.ReduceStd) {
		// A NaN variance is Go's math.NaN(), the CPU's: with these orders a NaN or
		// an infinity in a block makes its M2 that NaN, but merging it with a block
		// whose mean is the NaN of Inf − Inf adds two NaNs, and which of them an x86
		// addition keeps depends on the order a compiler gives the operands (Go's
		// kept M2's; pocl's LLVM did not).
		fmt.Fprintf(b, "\n\tv = select(v, (%s)(NK_NAN), (%s)isnan(v));", t, m)
	}
	switch {
	case g.vec > 1 && res == ir.Float64:
		fmt.Fprintf(b, "\n\tif (valid) {\n\t\tvstore%d(v, 0, out + i);\n\t}\n", g.vec)
	case g.vec > 1:
		fmt.Fprintf(b, "\n\tif (valid) {\n\t\tvstore%d(convert_float%d(v), 0, out + i);\n\t}\n", g.vec, g.vec)
	default:
		fmt.Fprintf(b, "\n\tif (valid) {\n\t\tout[i] = (%s)v;\n\t}\n", ctype(res))
	}
}

// momentElem returns the element m (an expression) of the current block as double,
// or of vec neighbouring lines as doubleN.
func momentElem(arg ir.DType, vec int) func(string) string {
	if vec > 1 {
		if arg == ir.Float64 {
			return func(m string) string { return fmt.Sprintf("vload%d(0, x + (b0 + %s) * ls)", vec, m) }
		}
		return func(m string) string {
			return fmt.Sprintf("convert_double%d(vload%d(0, x + (b0 + %s) * ls))", vec, vec, m)
		}
	}
	return func(m string) string { return fmt.Sprintf("(double)x[(b0 + %s) * ls]", m) }
}

// momentBlockStats summarises the block into cb as stats.Block does.
func (g *gen) momentBlockStats(b *strings.Builder, in string, elem func(string) string, t, sfx string) {
	fmt.Fprintf(b, "%s%s a0 = 0, a1 = 0, a2 = 0, a3 = 0;\n%sconst long f4 = bn - bn %% 4;\n", in, t, in)
	fmt.Fprintf(b, "%sfor (long m0 = 0; m0 < f4; m0 += %d) {\n%s\tconst long m1 = min(m0 + %dL, f4);\n", in, axisStep, in, axisStep)
	fmt.Fprintf(b, "%s\tfor (long m = m0; m < m1; m += 4) {\n", in)
	for k, a := range []string{"a0", "a1", "a2", "a3"} {
		fmt.Fprintf(b, "%s\t\t%s += %s;\n", in, a, elem(fmt.Sprintf("m + %d", k)))
	}
	fmt.Fprintf(b, "%s\t}\n%s%s}\n", in, g.barrier(in+"\t"), in)
	fmt.Fprintf(b, "%sfor (long m = f4; m < bn; m++) {\n%s\ta0 += %s;\n%s}\n", in, in, elem("m"), in)
	fmt.Fprintf(b, "%sconst %s c = ((a0 + a1) + (a2 + a3)) / (double)bn;\n", in, t)
	fmt.Fprintf(b, "%s%s p1[2], p2[2], p3[2], p4[2];\n", in, t)
	fmt.Fprintf(b, "%sfor (int k = 0; k < 2; k++) {\n%s\tp1[k] = 0; p2[k] = 0; p3[k] = 0; p4[k] = 0;\n%s}\n%sconst long f2 = bn - bn %% 2;\n", in, in, in, in)
	fmt.Fprintf(b, "%sfor (long m0 = 0; m0 < f2; m0 += %d) {\n%s\tconst long m1 = min(m0 + %dL, f2);\n", in, axisStep, in, axisStep)
	fmt.Fprintf(b, "%s\tfor (long m = m0; m < m1; m += 2) {\n%s\t\tfor (int k = 0; k < 2; k++) {\n", in, in)
	g.powerSums(b, in+"\t\t\t", elem("m + k"), t, "[k]", false)
	fmt.Fprintf(b, "%s\t\t}\n%s\t}\n%s%s}\n", in, in, g.barrier(in+"\t"), in)
	fmt.Fprintf(b, "%sif (f2 < bn) {\n", in)
	g.powerSums(b, in+"\t", elem("f2"), t, "[0]", false)
	fmt.Fprintf(b, "%s}\n", in)
	fmt.Fprintf(b, "%scb = nk_from_shifted%s(bn, c, p1[0] + p1[1], p2[0] + p2[1], p3[0] + p3[1], p4[0] + p4[1]);\n", in, sfx)
}

// powerSums adds the powers of the deviation of elem from c to p1..p4 (each followed
// by lane), d³ and d⁴ fused where fused is set.
func (g *gen) powerSums(b *strings.Builder, in, elem, t, lane string, fused bool) {
	fmt.Fprintf(b, "%sconst %s d = %s - c;\n%sconst %s q = d * d;\n", in, t, elem, in, t)
	fmt.Fprintf(b, "%sp1%s += d;\n%sp2%s += q;\n", in, lane, in, lane)
	if fused {
		fmt.Fprintf(b, "%sp3%s = fma(q, d, p3%s);\n%sp4%s = fma(q, q, p4%s);\n", in, lane, lane, in, lane, lane)
	} else {
		fmt.Fprintf(b, "%sp3%s += q * d;\n%sp4%s += q * q;\n", in, lane, in, lane)
	}
}

// momentBlockLanes summarises the block into cb as stats' block64 does with the
// AVX-512 kernel or its primitives (order). The second pass runs whatever the mean,
// so that every work-item of a stepped group reaches the same barriers.
func (g *gen) momentBlockLanes(b *strings.Builder, in string, order MomentOrder, elem func(string) string, t, m, sfx string) {
	const L = 32
	fmt.Fprintf(b, "%s%s acc[%d];\n%sfor (int j = 0; j < %d; j++) {\n%s\tacc[j] = 0;\n%s}\n", in, t, L, in, L, in, in)
	fmt.Fprintf(b, "%sconst long f = bn - bn %% %d;\n", in, L)
	fmt.Fprintf(b, "%sfor (long m0 = 0; m0 < f; m0 += %d) {\n%s\tfor (int j = 0; j < %d; j++) {\n", in, L, in, L)
	fmt.Fprintf(b, "%s\t\tacc[j] += %s;\n%s\t}\n%s%s}\n", in, elem("m0 + j"), in, g.barrier(in+"\t"), in)
	fmt.Fprintf(b, "%sfor (long m = f; m < bn; m++) {\n%s\tacc[m - f] += %s;\n%s}\n", in, in, elem("m"), in)
	g.foldLanes(b, in, L, "acc")
	fmt.Fprintf(b, "%sconst %s sum = acc[0];\n%sconst %s c = sum / (double)bn;\n", in, t, in, t)
	chunk, assign := AxisBlock, "="
	if order == MomentsChunked {
		chunk, assign = momentChunk, "+="
	}
	fmt.Fprintf(b, "%s%s s1 = 0, s2 = 0, s3 = 0, s4 = 0;\n", in, t)
	fmt.Fprintf(b, "%sfor (long k0 = 0; k0 < bn; k0 += %d) {\n", in, chunk)
	n := in + "\t"
	fmt.Fprintf(b, "%sconst long kn = min(%dL, bn - k0), kf = kn - kn %% %d;\n", n, chunk, L)
	fmt.Fprintf(b, "%s%s p1[%d], p2[%d], p3[%d], p4[%d];\n", n, t, L, L, L, L)
	fmt.Fprintf(b, "%sfor (int j = 0; j < %d; j++) {\n%s\tp1[j] = 0; p2[j] = 0; p3[j] = 0; p4[j] = 0;\n%s}\n", n, L, n, n)
	fmt.Fprintf(b, "%sfor (long m0 = 0; m0 < kf; m0 += %d) {\n%s\tfor (int j = 0; j < %d; j++) {\n", n, L, n, L)
	g.powerSums(b, n+"\t\t", elem("k0 + m0 + j"), t, "[j]", true)
	fmt.Fprintf(b, "%s\t}\n%s%s}\n", n, g.barrier(n+"\t"), n)
	fmt.Fprintf(b, "%sfor (long m = kf; m < kn; m++) {\n%s\tconst int j = (int)(m - kf);\n", n, n)
	g.powerSums(b, n+"\t", elem("k0 + m"), t, "[j]", true)
	fmt.Fprintf(b, "%s}\n", n)
	for _, p := range []string{"p1", "p2", "p3", "p4"} {
		g.foldLanes(b, n, L, p)
	}
	fmt.Fprintf(b, "%ss1 %s p1[0];\n%ss2 %s p2[0];\n%ss3 %s p3[0];\n%ss4 %s p4[0];\n%s}\n", n, assign, n, assign, n, assign, n, assign, in)
	// stats.block64: a NaN sum is a NaN in the block (NaN moments and mean) or +Inf
	// and -Inf (a NaN mean); an infinite mean has NaN moments. Lane by lane.
	anyNaN := "sum != sum"
	if g.vec > 1 {
		anyNaN = "any(sum != sum)"
	}
	fmt.Fprintf(b, "%s%s nan = 0;\n%sif (%s) {\n%s\tfor (long m = 0; m < bn; m++) {\n", in, m, in, anyNaN, in)
	fmt.Fprintf(b, "%s\t\tconst %s e = %s;\n%s\t\tnan |= (%s)(e != e);\n%s\t}\n%s}\n", in, t, elem("m"), in, m, in, in)
	fmt.Fprintf(b, "%scb = nk_from_shifted%s(bn, c, s1, s2, s3, s4);\n", in, sfx)
	fmt.Fprintf(b, "%sconst %s bad = nan | (%s)isinf(c) | (%s)isnan(c);\n", in, m, m, m)
	fmt.Fprintf(b, "%scb.mean = select(select(cb.mean, c, bad), (%s)(NK_NAN), nan);\n%scb.lo = select(cb.lo, (%s)(0), bad);\n", in, t, in, t)
	for _, f := range []string{"m2", "m3", "m4"} {
		fmt.Fprintf(b, "%scb.%s = select(cb.%s, (%s)(NK_NAN), bad);\n", in, f, f, t)
	}
}

// foldLanes folds acc's l lanes in halves into acc[0].
func (g *gen) foldLanes(b *strings.Builder, in string, l int, acc string) {
	fmt.Fprintf(b, "%sfor (int h = %d; h > 0; h >>= 1) {\n%s\tfor (int j = 0; j < h; j++) {\n", in, l/2, in)
	fmt.Fprintf(b, "%s\t\t%s[j] += %s[j + h];\n%s\t}\n%s}\n", in, acc, acc, in, in)
}
