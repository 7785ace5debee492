package kernels

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/numkit/numkit/numeric/ir"
)

// progBuilder builds small IR programs by hand (the front end lives in numeric's
// internal packages, which this package cannot import).
type progBuilder struct{ p ir.Program }

func (b *progBuilder) reg(info ir.RegInfo) ir.Reg {
	b.p.Regs = append(b.p.Regs, info)
	return ir.Reg(len(b.p.Regs) - 1)
}

func (b *progBuilder) input(name string, t ir.DType, scalar bool) ir.Reg {
	r := b.reg(ir.RegInfo{Type: t, Scalar: scalar, Kind: ir.RegInput, Input: len(b.p.Inputs)})
	b.p.Inputs = append(b.p.Inputs, ir.Input{Name: name, Type: t, Scalar: scalar, Reg: r})
	return r
}

func (b *progBuilder) constant(v ir.Value) ir.Reg {
	return b.reg(ir.RegInfo{Type: v.Type, Scalar: true, Kind: ir.RegConst, Const: v})
}

// op appends a vector instruction to the last stage.
func (b *progBuilder) op(op ir.Op, t ir.DType, args ...ir.Reg) ir.Reg {
	r := b.reg(ir.RegInfo{Type: t})
	in := ir.Instr{Op: op, Type: t, Dst: r}
	copy(in.Args[:], args)
	st := &b.p.Stages[len(b.p.Stages)-1]
	st.Vector = append(st.Vector, in)
	return r
}

func TestGenerateMap(t *testing.T) {
	b := &progBuilder{p: ir.Program{Source: "a*2 + k", Stages: make([]ir.Stage, 1)}}
	a := b.input("a", ir.Int32, false)
	k := b.input("k", ir.Int32, true)
	two := b.constant(ir.IntValue(ir.Int32, 2))
	m := b.op(ir.OpMul, ir.Int32, a, two)
	b.p.Result = b.op(ir.OpAdd, ir.Int32, m, k)
	g, err := Generate(&b.p, Target{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"__kernel void nk_stage0(const long n, __global const int* in0, const int s1, __global int* out)",
		"if (i >= n) return;",
		"((int)((uint)(in0[i]) * (uint)(((int)2))))", // wrapping multiply
		"out[i] = r4;",
	} {
		if !strings.Contains(g.Source, want) {
			t.Errorf("source lacks %q:\n%s", want, g.Source)
		}
	}
	if strings.Contains(g.Source, "cl_khr_fp64") || g.FP64 {
		t.Errorf("int32 program enables fp64:\n%s", g.Source)
	}
	kern := g.Kernels[0]
	kinds := []ArgKind{ArgCount, ArgInput, ArgScalar, ArgOutput}
	if len(kern.Args) != len(kinds) || kern.Reduce {
		t.Fatalf("kernel %+v, want args of kinds %v", kern, kinds)
	}
	for i, a := range kern.Args {
		if a.Kind != kinds[i] {
			t.Errorf("arg %d is %v, want %v", i, a.Kind, kinds[i])
		}
	}
}

func TestGenerateNoFP64(t *testing.T) {
	b := &progBuilder{p: ir.Program{Source: "sqrt(a)", Stages: make([]ir.Stage, 1)}}
	a := b.input("a", ir.Float64, false)
	b.p.Result = b.op(ir.OpSqrt, ir.Float64, a)
	if _, err := Generate(&b.p, Target{FP64: false}); !errors.Is(err, ErrNoFP64) {
		t.Errorf("float64 on a target without fp64: error %v, want ErrNoFP64", err)
	}
	g, err := Generate(&b.p, Target{FP64: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(g.Source, "#pragma OPENCL EXTENSION cl_khr_fp64 : enable") {
		t.Errorf("fp64 not enabled:\n%s", g.Source)
	}
}

func TestGenerateReduction(t *testing.T) {
	b := &progBuilder{p: ir.Program{Source: "sum(a) ; min(a)", Stages: make([]ir.Stage, 2)}}
	a := b.input("a", ir.Float32, false)
	s := b.reg(ir.RegInfo{Type: ir.Float32, Scalar: true, Kind: ir.RegReduce})
	m := b.reg(ir.RegInfo{Type: ir.Float32, Scalar: true, Kind: ir.RegReduce})
	b.p.Stages[0].Reductions = []ir.Reduction{{Op: ir.ReduceSum, Arg: a, Out: s}, {Op: ir.ReduceMin, Arg: a, Out: m}}
	b.p.Result = s
	g, err := Generate(&b.p, Target{GroupSize: 64, ItemsPerThread: 4})
	if err != nil {
		t.Fatal(err)
	}
	if k := g.Kernels[0]; !k.Reduce || k.Name == "" || g.Kernels[1].Name != "" {
		t.Fatalf("kernels %+v, want a reduction in stage 0 and none in stage 1", g.Kernels)
	}
	for _, want := range []string{
		"reqd_work_group_size(64, 1, 1)",
		"get_group_id(0) * 256L + lid",
		"__local float l0[64];",
		"float acc1 = as_float(0x7f800000U);", // min starts at +Inf
		"nk_min_f32(acc1, in0[i])",
		"for (int s = 32; s > 0; s >>= 1)",
	} {
		if !strings.Contains(g.Source, want) {
			t.Errorf("source lacks %q:\n%s", want, g.Source)
		}
	}
	if g.TileSize() != 256 || g.Groups(0) != 0 || g.Groups(1) != 1 || g.Groups(257) != 2 {
		t.Errorf("tile %d, groups(0, 1, 257) = %d, %d, %d", g.TileSize(), g.Groups(0), g.Groups(1), g.Groups(257))
	}
	if _, err := Generate(&b.p, Target{GroupSize: 48}); err == nil {
		t.Error("a group size that is not a power of two was accepted")
	}
}

func TestGenerateReductionCPU(t *testing.T) {
	b := &progBuilder{p: ir.Program{Source: "sum(a) ; min(a)", Stages: make([]ir.Stage, 2)}}
	a := b.input("a", ir.Float32, false)
	s := b.reg(ir.RegInfo{Type: ir.Float32, Scalar: true, Kind: ir.RegReduce})
	m := b.reg(ir.RegInfo{Type: ir.Float32, Scalar: true, Kind: ir.RegReduce})
	b.p.Stages[0].Reductions = []ir.Reduction{{Op: ir.ReduceSum, Arg: a, Out: s}, {Op: ir.ReduceMin, Arg: a, Out: m}}
	b.p.Result = s
	g, err := Generate(&b.p, Target{GroupSize: 64, ItemsPerThread: 4, CPU: true})
	if err != nil {
		t.Fatal(err)
	}
	if g.GroupSize != 1 || g.ItemsPerThread != 256 || g.TileSize() != 256 || g.Groups(257) != 2 {
		t.Errorf("group size %d, items %d, tile %d, groups(257) %d; want 1, 256, 256, 2", g.GroupSize, g.ItemsPerThread, g.TileSize(), g.Groups(257))
	}
	for _, want := range []string{
		"reqd_work_group_size(1, 1, 1)",
		"const long base = (long)get_group_id(0) * 256L;",
		"float acc1[64];",                  // float32: 64 accumulators, the documented order
		"acc1[j] = as_float(0x7f800000U);", // min starts at +Inf
		"if (base + 256L <= n) {",
		"for (int m = 0; m < 4; m++) {",
		"const long i = base + (long)m * 64 + j;",
		"acc1[j] = nk_min_f32(acc1[j], in0[i]);",
		"acc0[j] = (acc0[j] + acc0[j + s]);",
		"part1[get_group_id(0)] = acc1[0];",
	} {
		if !strings.Contains(g.Source, want) {
			t.Errorf("source lacks %q:\n%s", want, g.Source)
		}
	}
	if strings.Contains(g.Source, "barrier") || strings.Contains(g.Source, "__local") {
		t.Errorf("the CPU shape uses barriers or local memory:\n%s", g.Source)
	}
	if strings.Count(g.Source, "if (i < n)") != 1 {
		t.Errorf("want one bounds-checked loop (the last tile's):\n%s", g.Source)
	}
	// A tile that is not a multiple of 64 takes fewer accumulators.
	g, err = Generate(&b.p, Target{GroupSize: 2, ItemsPerThread: 3, CPU: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(g.Source, "float acc0[2];") || !strings.Contains(g.Source, "for (int m = 0; m < 3; m++)") {
		t.Errorf("tile of 6: want 2 accumulators, 3 steps:\n%s", g.Source)
	}
}

func TestLanes(t *testing.T) {
	for tile, want := range map[int]int{1: 1, 6: 2, 12: 4, 16: 16, 256: 64, 4096: 64, 4104: 8} {
		if got := lanes(tile); got != want {
			t.Errorf("lanes(%d) = %d, want %d", tile, got, want)
		}
	}
}

func TestPartialType(t *testing.T) {
	tests := []struct {
		op       ir.ReduceOp
		arg, res ir.DType
	}{
		{ir.ReduceSum, ir.Bool, ir.Int64}, {ir.ReduceSum, ir.Int32, ir.Int64},
		{ir.ReduceProd, ir.Float32, ir.Float32}, {ir.ReduceMean, ir.Int32, ir.Float64},
		{ir.ReduceMean, ir.Float32, ir.Float32}, {ir.ReduceMin, ir.Int32, ir.Int32},
		{ir.ReduceMax, ir.Float64, ir.Float64}, {ir.ReduceVar, ir.Float32, ir.Float64},
		{ir.ReduceKurt, ir.Int32, ir.Float64},
	}
	for _, tt := range tests {
		if got := PartialType(tt.op, tt.arg); got != tt.res {
			t.Errorf("PartialType(%s, %s) = %s, want %s", tt.op, tt.arg, got, tt.res)
		}
	}
}

func TestLiteral(t *testing.T) {
	tests := []struct {
		v    ir.Value
		want string
	}{
		{ir.BoolValue(true), "((uchar)1)"},
		{ir.IntValue(ir.Int32, math.MinInt32), "((int)(-2147483647 - 1))"},
		{ir.IntValue(ir.Int32, -7), "((int)-7)"},
		{ir.IntValue(ir.Int64, math.MinInt64), "((long)(-9223372036854775807L - 1L))"},
		{ir.IntValue(ir.Int64, 1<<40), "((long)1099511627776L)"},
		{ir.FloatValue(ir.Float32, 0.1), "(0x1.99999ap-04f)"},
		{ir.FloatValue(ir.Float64, 0.1), "(0x1.999999999999ap-04)"},
		{ir.FloatValue(ir.Float64, math.Copysign(0, -1)), "(-0x0p+00)"},
		{ir.FloatValue(ir.Float64, math.Inf(-1)), "as_double(0xfff0000000000000UL)"},
		{ir.FloatValue(ir.Float32, math.NaN()), "as_float(0x7fc00000U)"},
		{ir.FloatValue(ir.Float64, 5e-324), "(0x1p-1074)"},
	}
	for _, tt := range tests {
		if got := literal(tt.v); got != tt.want {
			t.Errorf("literal(%v %s) = %s, want %s", tt.v, tt.v.Type, got, tt.want)
		}
	}
}

func TestHelperExpansion(t *testing.T) {
	got := expandHelper(helperTexts["nextafter/float"], ir.Float32)
	for _, want := range []string{"float nk_nextafter_f32(float x, float y)", "as_float((uint)1)", "uint b = as_uint(x);"} {
		if !strings.Contains(got, want) {
			t.Errorf("expanded helper lacks %q:\n%s", want, got)
		}
	}
	got = expandHelper(helperTexts["floordiv/float"], ir.Float32)
	if !strings.Contains(got, "f += 1.0f;") || !strings.Contains(got, "0.5f") {
		t.Errorf("float32 literals not suffixed:\n%s", got)
	}
	got = expandHelper(helperTexts["shl/int"], ir.Int64)
	if !strings.Contains(got, "n >= 64") || !strings.Contains(got, "(long)((ulong)x << n)") {
		t.Errorf("int64 shift helper:\n%s", got)
	}
}

func TestGenerateUnsupportedReduction(t *testing.T) {
	b := &progBuilder{p: ir.Program{Source: "r(a)", Stages: make([]ir.Stage, 2)}}
	a := b.input("a", ir.Float32, false)
	s := b.reg(ir.RegInfo{Type: ir.Float32, Scalar: true, Kind: ir.RegReduce})
	b.p.Stages[0].Reductions = []ir.Reduction{{Op: ir.ReduceMean + 40, Arg: a, Out: s}}
	b.p.Result = s
	if _, err := Generate(&b.p, Target{}); err == nil || !strings.Contains(err.Error(), "reduction") {
		t.Errorf("an unknown reduction: error %v", err)
	}
}

// TestGenerateMoments checks that a moment reduction needs fp64, takes a second pass
// over the tile in both kernel shapes, and writes MomentWidth values per group.
func TestGenerateMoments(t *testing.T) {
	b := &progBuilder{p: ir.Program{Source: "std(a) + sum(a)", Stages: make([]ir.Stage, 2)}}
	a := b.input("a", ir.Float32, false)
	sd := b.reg(ir.RegInfo{Type: ir.Float32, Scalar: true, Kind: ir.RegReduce})
	s := b.reg(ir.RegInfo{Type: ir.Float32, Scalar: true, Kind: ir.RegReduce})
	b.p.Stages[0].Reductions = []ir.Reduction{{Op: ir.ReduceStd, Arg: a, Out: sd}, {Op: ir.ReduceSum, Arg: a, Out: s}}
	b.p.Result = sd
	if _, err := Generate(&b.p, Target{FP64: false}); !errors.Is(err, ErrNoFP64) {
		t.Errorf("std on a target without fp64: error %v, want ErrNoFP64", err)
	}
	if w := PartialWidth(ir.ReduceStd); w != MomentWidth || PartialWidth(ir.ReduceSum) != 1 {
		t.Errorf("PartialWidth(std) = %d, PartialWidth(sum) = %d", w, PartialWidth(ir.ReduceSum))
	}
	for _, cpu := range []bool{false, true} {
		g, err := Generate(&b.p, Target{FP64: true, CPU: cpu})
		if err != nil {
			t.Fatal(err)
		}
		src := g.Source
		for _, want := range []string{"const double c0 = ", "m0_4", "part0[5 * g + 4] = ", "part1[g] = "} {
			if !strings.Contains(src, want) {
				t.Errorf("cpu=%v: no %q in\n%s", cpu, want, src)
			}
		}
		if strings.Contains(src, "const double c1") {
			t.Errorf("cpu=%v: a second pass for the sum:\n%s", cpu, src)
		}
	}
}

// TestReductionOrderLanes: on a CPU device each reduction keeps the accumulators of the
// documented order (docs/language.md): 32 for float64, 64 for float32, one for the
// mean of integers, each folded in halves, in a loop of 64 lanes.
func TestReductionOrderLanes(t *testing.T) {
	b := &progBuilder{p: ir.Program{Source: "sum(x); sum(xf); mean(k)", Stages: make([]ir.Stage, 2)}}
	x := b.input("x", ir.Float64, false)
	xf := b.input("xf", ir.Float32, false)
	k := b.input("k", ir.Int32, false)
	r0 := b.reg(ir.RegInfo{Type: ir.Float64, Scalar: true, Kind: ir.RegReduce})
	r1 := b.reg(ir.RegInfo{Type: ir.Float32, Scalar: true, Kind: ir.RegReduce})
	r2 := b.reg(ir.RegInfo{Type: ir.Float64, Scalar: true, Kind: ir.RegReduce})
	b.p.Stages[0].Reductions = []ir.Reduction{{Op: ir.ReduceSum, Arg: x, Out: r0}, {Op: ir.ReduceSum, Arg: xf, Out: r1}, {Op: ir.ReduceMean, Arg: k, Out: r2}}
	b.p.Result = r0
	g, err := Generate(&b.p, Target{FP64: true, CPU: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"double acc0[32];", "float acc1[64];", "double acc2[1];",
		"const long i = base + (long)m * 64 + j;",
		"acc0[j & 31] = (acc0[j & 31] + in0[i]);",
		"acc1[j] = (acc1[j] + in1[i]);",
		"acc2[0] = (acc2[0] + (double)in2[i]);",
		"for (int s = 16; s > 0; s >>= 1) {\n\t\tfor (int j = 0; j < s; j++) {\n\t\t\tacc0[j] = (acc0[j] + acc0[j + s]);",
		"for (int s = 32; s > 0; s >>= 1) {\n\t\tfor (int j = 0; j < s; j++) {\n\t\t\tacc1[j] = (acc1[j] + acc1[j + s]);",
	} {
		if !strings.Contains(g.Source, want) {
			t.Errorf("source lacks %q:\n%s", want, g.Source)
		}
	}
	if strings.Contains(g.Source, "acc2[j &") || strings.Contains(g.Source, "acc2[j + s]") {
		t.Errorf("the integer mean has one accumulator:\n%s", g.Source)
	}
}
