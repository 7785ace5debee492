package kernels

import (
	"strings"
	"testing"

	"github.com/numkit/numkit/numeric/ir"
)

// TestShapedKernelIndexing checks the shaped variant's arguments and that every
// input read goes through its offset (none through the flat index i).
func TestShapedKernelIndexing(t *testing.T) {
	b := &progBuilder{p: ir.Program{Source: "a * b + c", Stages: make([]ir.Stage, 1)}}
	x, y, z := b.input("a", ir.Float64, false), b.input("b", ir.Float64, false), b.input("c", ir.Float64, false)
	b.p.Result = b.op(ir.OpAdd, ir.Float64, b.op(ir.OpMul, ir.Float64, x, y), z)
	p := &b.p
	g, err := Generate(p, Target{FP64: true, Dims: 3})
	if err != nil {
		t.Fatal(err)
	}
	kern := g.Kernels[len(g.Kernels)-1]
	if kern.Args[1].Kind != ArgStart || kern.Args[2].Kind != ArgGeometry {
		t.Fatalf("shaped kernel arguments %v: want the count, start and geometry first", kern.Args)
	}
	for _, want := range []string{"__constant long* geo", "long r_ = start + i;", "const long q2_ = r_ / geo[2];", "in0[o0]", "in1[o1]", "in2[o2]"} {
		if !strings.Contains(g.Source, want) {
			t.Errorf("shaped source lacks %q:\n%s", want, g.Source)
		}
	}
	if strings.Contains(g.Source, "in0[i]") || strings.Contains(g.Source, "in1[i]") || strings.Contains(g.Source, "in2[i]") {
		t.Errorf("an input read by the flat index:\n%s", g.Source)
	}
	flat, err := Generate(p, Target{FP64: true})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(flat.Source, "geo") || !strings.Contains(flat.Source, "in0[i]") {
		t.Errorf("the 1-D kernel changed:\n%s", flat.Source)
	}
}

func TestAxisResult(t *testing.T) {
	for _, c := range []struct {
		op   ir.ReduceOp
		arg  ir.DType
		res  ir.DType
		ok   bool
		name string
	}{
		{ir.ReduceSum, ir.Float32, ir.Float32, true, "sum f32"},
		{ir.ReduceSum, ir.Int32, ir.Int64, true, "sum i32"},
		{ir.ReduceProd, ir.Bool, ir.Int64, true, "prod bool"},
		{ir.ReduceMean, ir.Int32, ir.Float64, true, "mean i32"},
		{ir.ReduceMin, ir.Int32, ir.Int32, true, "min i32"},
		{ir.ReduceMin, ir.Bool, 0, false, "min bool"},
		{ir.ReduceVar, ir.Float64, 0, false, "var"},
		{ir.ReduceSum, ir.Complex128, 0, false, "sum complex"},
	} {
		res, ok := AxisResult(c.op, c.arg)
		if ok != c.ok || ok && res != c.res {
			t.Errorf("%s: %s %v, want %s %v", c.name, res, ok, c.res, c.ok)
		}
	}
	if _, err := GenerateAxis(ir.ReduceSum, ir.Float32, Target{}, 1); err == nil {
		t.Error("a float axis sum without fp64: no error")
	}
	if _, err := GenerateAxis(ir.ReduceSum, ir.Int64, Target{}, 1); err != nil {
		t.Errorf("an integer axis sum without fp64: %v", err)
	}
}
