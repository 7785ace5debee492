package kernels

import (
	"errors"
	"strings"
	"testing"

	"github.com/numkit/numkit/numeric/ir"
)

// Complex programs: arrays of parts through vload2/vstore2, the product and Smith's
// quotient as helpers, complex64 exp in double precision, constants as vector
// literals; complex reductions, complex scalar inputs and functions without code are
// ErrComplex errors naming what.
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

	refused := func(name string, build func(b *progBuilder), want string) {
		t.Helper()
		b := &progBuilder{p: ir.Program{Source: name, Stages: make([]ir.Stage, 1)}}
		build(b)
		_, err := Generate(&b.p, Target{FP64: true})
		if !errors.Is(err, ErrComplex) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want ErrComplex containing %q", name, err, want)
		}
	}
	refused("arcsin(z)", func(b *progBuilder) {
		b.p.Result = b.op(ir.OpAsin, ir.Complex128, b.input("z", ir.Complex128, false))
	}, "arcsin")
	refused("z * s", func(b *progBuilder) {
		b.p.Result = b.op(ir.OpMul, ir.Complex128, b.input("z", ir.Complex128, false), b.input("s", ir.Complex128, true))
	}, "a complex scalar")
	refused("1j*2", func(b *progBuilder) {
		b.p.Result = b.constant(ir.ComplexValue(ir.Complex128, 2i))
	}, "a complex scalar result")
	refused("sum(z)", func(b *progBuilder) {
		z := b.input("z", ir.Complex128, false)
		out := b.reg(ir.RegInfo{Type: ir.Complex128, Scalar: true, Kind: ir.RegReduce})
		b.p.Stages[0].Reductions = []ir.Reduction{{Op: ir.ReduceSum, Arg: z, Out: out}}
		b.p.Result = out
	}, "a complex scalar result")
}
