package kernels

import (
	"fmt"
	"math"
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
	for _, want := range []string{"__constant long* geo", "long r_ = start + i;", "const double gi2_ = as_double(geo[5]);", "long q2_ = (long)((double)r_ * gi2_);", "const long gb0_ = geo[6];", "const long gb2_ = geo[14];", "const long g2_1_ = geo[16];", "in0[o0]", "in1[o1]", "in2[o2]"} {
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

// TestGeometry checks the geometry's layout and that the reciprocal division the
// kernels do (truncate, then correct by one) gives the exact quotient and remainder
// near multiples of the divisor, up to MaxShapedIndex.
func TestGeometry(t *testing.T) {
	geo := Geometry([]int{3, 7}, []int{0, 5}, [][]int{nil, {-7, 1}})
	want := []int64{3, 7, int64(math.Float64bits(1.0 / 3)), int64(math.Float64bits(1.0 / 7)), 0, 0, 0, 5, -7, 1}
	if fmt.Sprint(geo) != fmt.Sprint(want) {
		t.Errorf("Geometry = %v, want %v", geo, want)
	}
	for _, d := range []int64{1, 3, 7, 10000, 65537, 1<<31 - 1, 1<<40 + 3} {
		inv := 1 / float64(d)
		for _, base := range []int64{0, d, 1000 * d, MaxShapedIndex / d * d, MaxShapedIndex - 1 - d} {
			for r := max(0, base-2); r <= base+2 && r < MaxShapedIndex; r++ {
				q := int64(float64(r) * inv)
				x := r - q*d
				if x < 0 {
					q, x = q-1, x+d
				}
				if x >= d {
					q, x = q+1, x-d
				}
				if q != r/d || x != r%d {
					t.Fatalf("%d / %d: got %d rem %d, want %d rem %d", r, d, q, x, r/d, r%d)
				}
			}
		}
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
		{ir.ReduceVar, ir.Float64, ir.Float64, true, "var"},
		{ir.ReduceKurt, ir.Float32, ir.Float32, true, "kurt f32"},
		{ir.ReduceStd, ir.Int32, ir.Float64, true, "std i32"},
		{ir.ReduceSkew, ir.Bool, 0, false, "skew bool"},
		{ir.ReduceVar, ir.Complex128, 0, false, "var complex"},
		{ir.ReduceMax, ir.Complex64, 0, false, "max complex"},
		{ir.ReduceSum, ir.Complex128, ir.Complex128, true, "sum complex"},
		{ir.ReduceMean, ir.Complex64, ir.Complex64, true, "mean complex64"},
	} {
		res, ok := AxisResult(c.op, c.arg)
		if ok != c.ok || ok && res != c.res {
			t.Errorf("%s: %s %v, want %s %v", c.name, res, ok, c.res, c.ok)
		}
	}
	if _, err := GenerateAxis(ir.ReduceSum, ir.Float32, Target{}, 1, AxisOptions{Stepped: true}); err == nil {
		t.Error("a float axis sum without fp64: no error")
	}
	if _, err := GenerateAxis(ir.ReduceSum, ir.Int64, Target{}, 1, AxisOptions{}); err != nil {
		t.Errorf("an integer axis sum without fp64: %v", err)
	}
}
