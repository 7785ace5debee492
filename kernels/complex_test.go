package kernels

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/numkit/numkit/numeric/ir"
)

// Complex programs: arrays of parts through vload2/vstore2, the product and Smith's
// quotient as helpers, the functions in double precision, constants as vector
// literals, complex scalars as two arguments, complex reductions.
func TestGenerateComplex(t *testing.T) {
	b := &progBuilder{p: ir.Program{Source: "z*w/(1+2j) + exp(w)", Stages: make([]ir.Stage, 1)}}
	z := b.input("z", ir.Complex128, false)
	w := b.input("w", ir.Complex64, false)
	w128 := b.op(ir.OpCast, ir.Complex128, w)
	m := b.op(ir.OpMul, ir.Complex128, z, w128)
	d := b.op(ir.OpDiv, ir.Complex128, m, b.constant(ir.ComplexValue(ir.Complex128, 1+2i)))
	e := b.op(ir.OpExp, ir.Complex64, w)
	e128 := b.op(ir.OpCast, ir.Complex128, e)
	b.p.Result = b.op(ir.OpAdd, ir.Complex128, d, e128)
	g, err := Generate(&b.p, Target{FP64: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"__global const double* in0, __global const float* in1, __global double* out",
		"vload2(i, in0)", "vload2(i, in1)", "convert_double2_rte(vload2(i, in1))",
		"double2 nk_cmul_f64(double2 a, double2 b)", "double2 nk_cdiv_f64(double2 a, double2 b)",
		"((double2)(0x1p+00, 0x1p+01))",
		"convert_float2_rte(nk_cexp_f64(convert_double2(vload2(i, in1))))",
		"vstore2(r8, i, out);",
	} {
		if !strings.Contains(g.Source, want) {
			t.Errorf("source lacks %q:\n%s", want, g.Source)
		}
	}
	if !g.FP64 {
		t.Error("complex128 program without fp64")
	}
	if _, err := Generate(&b.p, Target{}); !errors.Is(err, ErrNoFP64) {
		t.Errorf("without fp64: %v", err)
	}

	// Every complex function has a helper, complex64 through double precision.
	for _, op := range []ir.Op{ir.OpSqrt, ir.OpExp, ir.OpLog, ir.OpLog10, ir.OpLog1p, ir.OpExpm1, ir.OpSin, ir.OpCos,
		ir.OpTan, ir.OpSinh, ir.OpCosh, ir.OpTanh, ir.OpAsin, ir.OpAcos, ir.OpAtan, ir.OpAsinh, ir.OpAcosh, ir.OpAtanh} {
		b := &progBuilder{p: ir.Program{Source: op.String() + "(z)", Stages: make([]ir.Stage, 1)}}
		b.p.Result = b.op(op, ir.Complex64, b.input("z", ir.Complex64, false))
		g, err := Generate(&b.p, Target{FP64: true})
		if err != nil {
			t.Errorf("%s: %v", b.p.Source, err)
			continue
		}
		call := "convert_float2_rte(nk_" + complexFuncOps[op.String()] + "_f64(convert_double2(vload2(i, in0))))"
		if !strings.Contains(g.Source, call) || !strings.Contains(g.Source, "double2 nk_"+complexFuncOps[op.String()]+"_f64(") {
			t.Errorf("%s: source lacks %s or its helper:\n%s", b.p.Source, call, g.Source)
		}
	}
	// A complex scalar is two arguments; a complex constant with a NaN part one too.
	b = &progBuilder{p: ir.Program{Source: "z ** s + nan*1j", Stages: make([]ir.Stage, 1)}}
	z = b.input("z", ir.Complex128, false)
	s := b.input("s", ir.Complex128, true)
	nan := b.constant(ir.ComplexValue(ir.Complex128, complex(0, math.NaN())))
	b.p.Result = b.op(ir.OpAdd, ir.Complex128, b.op(ir.OpPow, ir.Complex128, z, s), nan)
	g, err = Generate(&b.p, Target{FP64: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"const long n, __global const double* in0, const double s1, const double s1i, const double s2, const double s2i, __global double* out",
		"nk_cpow_f64(vload2(i, in0), ((double2)(s1, s1i)))", "((double2)(s2, s2i))", "double2 nk_cmul_f64(", "double nk_logabs_f64(",
	} {
		if !strings.Contains(g.Source, want) {
			t.Errorf("source lacks %q:\n%s", want, g.Source)
		}
	}
	if args := g.Kernels[0].Args; len(args) != 7 || !args[3].Imag || args[2].Imag || args[2].Reg != s || args[4].Reg != nan || !args[5].Imag {
		t.Errorf("arguments %+v", args)
	}
	if strings.Contains(g.Source, "0x7ff8") {
		t.Errorf("a NaN literal in the source:\n%s", g.Source)
	}
	// Complex reductions: 16 accumulators for complex128 (32 for complex64) in the CPU
	// shape, the product through the helper, starting at 1+0j.
	for _, tc := range []struct {
		t     ir.DType
		lanes string
	}{{ir.Complex128, "double2 acc0[16];"}, {ir.Complex64, "float2 acc0[32];"}} {
		b := &progBuilder{p: ir.Program{Source: "prod(z)", Stages: make([]ir.Stage, 1)}}
		z := b.input("z", tc.t, false)
		out := b.reg(ir.RegInfo{Type: tc.t, Scalar: true, Kind: ir.RegReduce})
		b.p.Stages[0].Reductions = []ir.Reduction{{Op: ir.ReduceProd, Arg: z, Out: out}}
		b.p.Result = out
		g, err := Generate(&b.p, Target{FP64: true, CPU: true})
		if err != nil {
			t.Fatal(err)
		}
		c := ctype(tc.t)
		for _, want := range []string{tc.lanes, "acc0[j] = ((" + c + ")(1, 0));", "nk_cmul_" + suffix(ir.RealOf(tc.t)) + "(acc0[", "__global " + c + "* part0"} {
			if !strings.Contains(g.Source, want) {
				t.Errorf("%s of %s: source lacks %q:\n%s", b.p.Source, tc.t, want, g.Source)
			}
		}
		if PartialType(ir.ReduceMean, tc.t) != tc.t || PartialType(ir.ReduceSum, tc.t) != tc.t {
			t.Errorf("partial types of %s: %s, %s", tc.t, PartialType(ir.ReduceMean, tc.t), PartialType(ir.ReduceSum, tc.t))
		}
	}
}

// Float constants that are not finite are kernel arguments, never literals (pocl
// folds exp of a NaN literal to 0); finite ones stay literals.
func TestGenerateNonFiniteConstants(t *testing.T) {
	for _, v := range []ir.Value{ir.FloatValue(ir.Float64, math.NaN()), ir.FloatValue(ir.Float32, math.Inf(-1)),
		ir.ComplexValue(ir.Complex64, complex(math.Inf(1), 0))} {
		b := &progBuilder{p: ir.Program{Source: "exp(a + c)", Stages: make([]ir.Stage, 1)}}
		a := b.input("a", v.Type, false)
		c := b.constant(v)
		b.p.Result = b.op(ir.OpExp, v.Type, b.op(ir.OpAdd, v.Type, a, c))
		g, err := Generate(&b.p, Target{FP64: true})
		if err != nil {
			t.Fatal(err)
		}
		args := g.Kernels[0].Args
		if len(args) < 3 || args[2].Kind != ArgScalar || args[2].Reg != c || strings.Contains(g.Source, "as_") {
			t.Errorf("%v: arguments %+v, source:\n%s", v, args, g.Source)
		}
	}
	// An instruction whose operands are all constants (arccosh of a vector of zeros,
	// a32.imag) takes them as arguments: the device's compiler would derive the NaN.
	b := &progBuilder{p: ir.Program{Source: "exp(arccosh(a32.imag))", Stages: make([]ir.Stage, 1)}}
	zero := b.constant(ir.FloatValue(ir.Float32, 0))
	b.p.Result = b.op(ir.OpExp, ir.Float32, b.op(ir.OpAcosh, ir.Float32, b.op(ir.OpCopy, ir.Float32, zero)))
	g, err := Generate(&b.p, Target{})
	if err != nil {
		t.Fatal(err)
	}
	if args := g.Kernels[0].Args; len(args) != 3 || args[1].Kind != ArgScalar || args[1].Reg != zero || strings.Contains(g.Source, "0x0p+00f") {
		t.Errorf("all-constant operands: arguments %+v, source:\n%s", args, g.Source)
	}
	b = &progBuilder{p: ir.Program{Source: "a + 0.5", Stages: make([]ir.Stage, 1)}}
	a := b.input("a", ir.Float64, false)
	b.p.Result = b.op(ir.OpAdd, ir.Float64, a, b.constant(ir.FloatValue(ir.Float64, 0.5)))
	g, err = Generate(&b.p, Target{FP64: true})
	if err != nil || len(g.Kernels[0].Args) != 3 || !strings.Contains(g.Source, "(0x1p-01)") {
		t.Errorf("a finite constant: %v %+v", err, g)
	}
}
