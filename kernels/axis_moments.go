package kernels

import (
	"fmt"
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

// momentHelpers are the OpenCL C of stats.Central, FromShifted, Merge and twoSum.
const momentHelpers = `typedef struct {
	long n;
	double mean, lo, m2, m3, m4;
} nk_central;

double2 nk_two_sum(double a, double b) {
	const double s = a + b;
	const double bb = s - a;
	double e = (a - (s - bb)) + (b - bb);
	if (isinf(s) || isnan(s)) {
		e = 0;
	}
	return (double2)(s, e);
}

nk_central nk_nan_central(long n, double mean) {
	nk_central r;
	r.n = n;
	r.mean = mean;
	r.lo = 0;
	r.m2 = NK_NAN;
	r.m3 = NK_NAN;
	r.m4 = NK_NAN;
	return r;
}

nk_central nk_from_shifted(long n, double c, double s1, double s2, double s3, double s4) {
	const double fn = (double)n;
	const double delta = s1 / fn;
	double m2 = s2 - s1 * delta;
	if (m2 < 0) {
		m2 = 0;
	}
	const double d2 = delta * delta;
	nk_central r;
	r.n = n;
	r.m2 = m2;
	r.m3 = s3 - 3.0 * delta * s2 + 2.0 * fn * d2 * delta;
	r.m4 = s4 - 4.0 * delta * s3 + 6.0 * d2 * s2 - 3.0 * fn * d2 * d2;
	if (isinf(c)) {
		r.mean = c;
		r.lo = 0;
		return r;
	}
	const double2 t = nk_two_sum(c, delta);
	r.mean = t.x;
	r.lo = t.y;
	return r;
}

nk_central nk_merge(nk_central a, nk_central b) {
	if (a.n == 0) {
		return b;
	}
	if (b.n == 0) {
		return a;
	}
	const double na = (double)a.n, nb = (double)b.n;
	const double n = na + nb;
	double d;
	if (a.mean != b.mean) {
		d = (b.mean - a.mean) + (b.lo - a.lo);
	} else {
		d = b.lo - a.lo;
	}
	const double dn = d / n;
	const double nab = na * nb;
	nk_central m;
	m.n = a.n + b.n;
	const double2 t = nk_two_sum(a.mean, a.lo + dn * nb);
	m.mean = t.x;
	m.lo = t.y;
	if (!(a.mean - a.mean == 0) || !(b.mean - b.mean == 0)) {
		m.mean = a.mean + b.mean;
		m.lo = 0;
	}
	m.m2 = a.m2 + b.m2 + d * dn * nab;
	m.m3 = a.m3 + b.m3 + d * dn * dn * nab * (na - nb) + 3.0 * dn * (na * b.m2 - nb * a.m2);
	m.m4 = a.m4 + b.m4 + d * dn * dn * dn * nab * (na * na - nab + nb * nb) +
		6.0 * dn * dn * (na * na * b.m2 + nb * nb * a.m2) + 4.0 * dn * (na * b.m3 - nb * a.m3);
	return m;
}
`

// momentFinal is the statistic of summary r as stats.Central computes it, into v.
var momentFinal = map[ir.ReduceOp]string{
	ir.ReduceVar: "v = r.n <= 0 ? NK_NAN : r.m2 / (double)r.n;",
	ir.ReduceStd: "v = sqrt(r.n <= 0 ? NK_NAN : r.m2 / (double)r.n);",
	ir.ReduceSkew: `{
		const double rr = 0x1p-52 * r.mean;
		if (r.n == 0 || r.m2 != r.m2 || !(r.m2 / (double)r.n > rr * rr)) {
			v = NK_NAN;
		} else {
			v = sqrt((double)r.n) * r.m3 / (r.m2 * sqrt(r.m2));
		}
	}`,
	ir.ReduceKurt: `{
		const double rr = 0x1p-52 * r.mean;
		if (r.n == 0 || r.m2 != r.m2 || !(r.m2 / (double)r.n > rr * rr)) {
			v = NK_NAN;
		} else {
			v = (double)r.n * r.m4 / (r.m2 * r.m2) - 3.0;
		}
	}`,
}

// momentLine reduces the line to op's statistic: block summaries merged pairwise
// (the stack walk of blockedLine), the statistic stored.
func (g *gen) momentLine(b *strings.Builder, op ir.ReduceOp, arg, res ir.DType, order MomentOrder) {
	g.use(ir.Float64)
	if !arg.IsFloat() {
		order = MomentsBlock
	}
	// NK_NAN is Go's math.NaN(), whose bits the CPU's NaN statistics carry.
	g.helperOrder = append(g.helperOrder, "#define NK_NAN as_double(0x7ff8000000000001UL)\n", momentHelpers)
	fmt.Fprintf(b, "\tconst long nb = (len + %d) / %d;\n", AxisBlock-1, AxisBlock)
	b.WriteString("\tnk_central vs[66];\n\tlong los[66], his[66];\n\tuchar sts[66];\n\tint vp = 0, fp = 0;\n")
	b.WriteString("\tif (nb > 0) {\n\t\tlos[0] = 0; his[0] = nb; sts[0] = 0; fp = 1;\n\t}\n")
	b.WriteString("\twhile (fp > 0) {\n\t\tconst long lo = los[fp - 1], hi = his[fp - 1];\n")
	b.WriteString("\t\tif (hi - lo == 1) {\n")
	fmt.Fprintf(b, "\t\t\tconst long b0 = lo * %dL, bn = min(%dL, len - b0);\n", AxisBlock, AxisBlock)
	b.WriteString("\t\t\tnk_central cb;\n")
	if order == MomentsBlock {
		g.momentBlockStats(b, "\t\t\t")
	} else {
		g.momentBlockLanes(b, "\t\t\t", order)
	}
	b.WriteString("\t\t\tvs[vp++] = cb;\n\t\t\tfp--;\n\t\t\tcontinue;\n\t\t}\n")
	b.WriteString("\t\tconst long mid = lo + (hi - lo) / 2;\n")
	b.WriteString("\t\tif (sts[fp - 1] == 0) {\n\t\t\tsts[fp - 1] = 1; los[fp] = lo; his[fp] = mid; sts[fp] = 0; fp++;\n")
	b.WriteString("\t\t} else if (sts[fp - 1] == 1) {\n\t\t\tsts[fp - 1] = 2; los[fp] = mid; his[fp] = hi; sts[fp] = 0; fp++;\n")
	b.WriteString("\t\t} else {\n\t\t\tconst nk_central y = vs[--vp];\n\t\t\tconst nk_central w = vs[--vp];\n")
	b.WriteString("\t\t\tvs[vp++] = nk_merge(w, y);\n\t\t\tfp--;\n\t\t}\n\t}\n")
	b.WriteString("\tconst nk_central r = vs[0];\n\tdouble v;\n\t")
	b.WriteString(momentFinal[op])
	if order != MomentsBlock && (op == ir.ReduceVar || op == ir.ReduceStd) {
		// A NaN variance is Go's math.NaN(), the CPU's: with these orders a NaN or
		// an infinity in a block makes its M2 that NaN, but merging it with a block
		// whose mean is the NaN of Inf − Inf adds two NaNs, and which of them an x86
		// addition keeps depends on the order a compiler gives the operands (Go's
		// kept M2's; pocl's LLVM did not).
		b.WriteString("\n\tv = isnan(v) ? NK_NAN : v;")
	}
	fmt.Fprintf(b, "\n\tif (valid) {\n\t\tout[i] = (%s)v;\n\t}\n", ctype(res))
}

// momentElem is element m (an expression) of the current block, as double.
func momentElem(m string) string { return fmt.Sprintf("(double)x[(b0 + %s) * ls]", m) }

// momentBlockStats summarises the block into cb as stats.Block does.
func (g *gen) momentBlockStats(b *strings.Builder, in string) {
	fmt.Fprintf(b, "%sdouble a0 = 0, a1 = 0, a2 = 0, a3 = 0;\n%sconst long f4 = bn - bn %% 4;\n", in, in)
	fmt.Fprintf(b, "%sfor (long m0 = 0; m0 < f4; m0 += %d) {\n%s\tconst long m1 = min(m0 + %dL, f4);\n", in, axisStep, in, axisStep)
	fmt.Fprintf(b, "%s\tfor (long m = m0; m < m1; m += 4) {\n", in)
	for k, a := range []string{"a0", "a1", "a2", "a3"} {
		fmt.Fprintf(b, "%s\t\t%s += %s;\n", in, a, momentElem(fmt.Sprintf("m + %d", k)))
	}
	fmt.Fprintf(b, "%s\t}\n%s%s}\n", in, g.barrier(in+"\t"), in)
	fmt.Fprintf(b, "%sfor (long m = f4; m < bn; m++) {\n%s\ta0 += %s;\n%s}\n", in, in, momentElem("m"), in)
	fmt.Fprintf(b, "%sconst double c = ((a0 + a1) + (a2 + a3)) / (double)bn;\n", in)
	fmt.Fprintf(b, "%sdouble p1[2] = {0, 0}, p2[2] = {0, 0}, p3[2] = {0, 0}, p4[2] = {0, 0};\n%sconst long f2 = bn - bn %% 2;\n", in, in)
	fmt.Fprintf(b, "%sfor (long m0 = 0; m0 < f2; m0 += %d) {\n%s\tconst long m1 = min(m0 + %dL, f2);\n", in, axisStep, in, axisStep)
	fmt.Fprintf(b, "%s\tfor (long m = m0; m < m1; m += 2) {\n%s\t\tfor (int k = 0; k < 2; k++) {\n", in, in)
	g.powerSums(b, in+"\t\t\t", momentElem("m + k"), "[k]", false)
	fmt.Fprintf(b, "%s\t\t}\n%s\t}\n%s%s}\n", in, in, g.barrier(in+"\t"), in)
	fmt.Fprintf(b, "%sif (f2 < bn) {\n", in)
	g.powerSums(b, in+"\t", momentElem("f2"), "[0]", false)
	fmt.Fprintf(b, "%s}\n", in)
	fmt.Fprintf(b, "%scb = nk_from_shifted(bn, c, p1[0] + p1[1], p2[0] + p2[1], p3[0] + p3[1], p4[0] + p4[1]);\n", in)
}

// powerSums adds the powers of the deviation of elem from c to p1..p4 (each followed
// by lane), d³ and d⁴ fused where fused is set.
func (g *gen) powerSums(b *strings.Builder, in, elem, lane string, fused bool) {
	fmt.Fprintf(b, "%sconst double d = %s - c;\n%sconst double q = d * d;\n", in, elem, in)
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
func (g *gen) momentBlockLanes(b *strings.Builder, in string, order MomentOrder) {
	const L = 32
	fmt.Fprintf(b, "%sdouble acc[%d];\n%sfor (int j = 0; j < %d; j++) {\n%s\tacc[j] = 0;\n%s}\n", in, L, in, L, in, in)
	fmt.Fprintf(b, "%sconst long f = bn - bn %% %d;\n", in, L)
	fmt.Fprintf(b, "%sfor (long m0 = 0; m0 < f; m0 += %d) {\n%s\tfor (int j = 0; j < %d; j++) {\n", in, L, in, L)
	fmt.Fprintf(b, "%s\t\tacc[j] += %s;\n%s\t}\n%s%s}\n", in, momentElem("m0 + j"), in, g.barrier(in+"\t"), in)
	fmt.Fprintf(b, "%sfor (long m = f; m < bn; m++) {\n%s\tacc[m - f] += %s;\n%s}\n", in, in, momentElem("m"), in)
	g.foldLanes(b, in, L, "acc")
	fmt.Fprintf(b, "%sconst double sum = acc[0];\n%sconst double c = sum / (double)bn;\n", in, in)
	chunk, assign := AxisBlock, "="
	if order == MomentsChunked {
		chunk, assign = momentChunk, "+="
	}
	fmt.Fprintf(b, "%sdouble s1 = 0, s2 = 0, s3 = 0, s4 = 0;\n", in)
	fmt.Fprintf(b, "%sfor (long k0 = 0; k0 < bn; k0 += %d) {\n", in, chunk)
	n := in + "\t"
	fmt.Fprintf(b, "%sconst long kn = min(%dL, bn - k0), kf = kn - kn %% %d;\n", n, chunk, L)
	fmt.Fprintf(b, "%sdouble p1[%d], p2[%d], p3[%d], p4[%d];\n", n, L, L, L, L)
	fmt.Fprintf(b, "%sfor (int j = 0; j < %d; j++) {\n%s\tp1[j] = 0; p2[j] = 0; p3[j] = 0; p4[j] = 0;\n%s}\n", n, L, n, n)
	fmt.Fprintf(b, "%sfor (long m0 = 0; m0 < kf; m0 += %d) {\n%s\tfor (int j = 0; j < %d; j++) {\n", n, L, n, L)
	g.powerSums(b, n+"\t\t", momentElem("k0 + m0 + j"), "[j]", true)
	fmt.Fprintf(b, "%s\t}\n%s%s}\n", n, g.barrier(n+"\t"), n)
	fmt.Fprintf(b, "%sfor (long m = kf; m < kn; m++) {\n%s\tconst int j = (int)(m - kf);\n", n, n)
	g.powerSums(b, n+"\t", momentElem("k0 + m"), "[j]", true)
	fmt.Fprintf(b, "%s}\n", n)
	for _, p := range []string{"p1", "p2", "p3", "p4"} {
		g.foldLanes(b, n, L, p)
	}
	fmt.Fprintf(b, "%ss1 %s p1[0];\n%ss2 %s p2[0];\n%ss3 %s p3[0];\n%ss4 %s p4[0];\n%s}\n", n, assign, n, assign, n, assign, n, assign, in)
	// stats.block64: a NaN sum is a NaN in the block (NaN moments and mean) or +Inf
	// and -Inf (a NaN mean, found below); an infinite mean has NaN moments.
	fmt.Fprintf(b, "%sint nan = 0;\n%sif (sum != sum) {\n%s\tfor (long m = 0; m < bn; m++) {\n", in, in, in)
	fmt.Fprintf(b, "%s\t\tconst double e = %s;\n%s\t\tnan |= e != e;\n%s\t}\n%s}\n", in, momentElem("m"), in, in, in)
	fmt.Fprintf(b, "%sif (nan) {\n%s\tcb = nk_nan_central(bn, NK_NAN);\n", in, in)
	fmt.Fprintf(b, "%s} else if (isinf(c) || c != c) {\n%s\tcb = nk_nan_central(bn, c);\n", in, in)
	fmt.Fprintf(b, "%s} else {\n%s\tcb = nk_from_shifted(bn, c, s1, s2, s3, s4);\n%s}\n", in, in, in)
}

// foldLanes folds acc's l lanes in halves into acc[0].
func (g *gen) foldLanes(b *strings.Builder, in string, l int, acc string) {
	fmt.Fprintf(b, "%sfor (int h = %d; h > 0; h >>= 1) {\n%s\tfor (int j = 0; j < h; j++) {\n", in, l/2, in)
	fmt.Fprintf(b, "%s\t\t%s[j] += %s[j + h];\n%s\t}\n%s}\n", in, acc, acc, in, in)
}
