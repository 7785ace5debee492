package numeric

import (
	"context"
	"fmt"
	"math"
	"testing"
)

// The OpenCL backend's shaped evaluation and axis reductions on the device
// (docs/opencl.md, "Shapes"): N-d, broadcast and strided inputs read in place by the
// kernels, and reductions along an axis one work-item per result element in the CPU's
// order. Each test checks the device counters, so a silent fallback to the host
// gather (or to reducing lines on the CPU) fails, and compares with the simd backend
// bit for bit.

// resultBits is r's elements as bit patterns (bools as 0 and 1).
func resultBits(r Result) []uint64 {
	switch d := r.Data.(type) {
	case []float64:
		out := make([]uint64, len(d))
		for i, v := range d {
			out[i] = math.Float64bits(v)
		}
		return out
	case []float32:
		out := make([]uint64, len(d))
		for i, v := range d {
			out[i] = uint64(math.Float32bits(v))
		}
		return out
	case []int64:
		out := make([]uint64, len(d))
		for i, v := range d {
			out[i] = uint64(v)
		}
		return out
	case []int32:
		out := make([]uint64, len(d))
		for i, v := range d {
			out[i] = uint64(uint32(v))
		}
		return out
	case []bool:
		out := make([]uint64, len(d))
		for i, v := range d {
			if v {
				out[i] = 1
			}
		}
		return out
	case float64:
		return []uint64{math.Float64bits(d)}
	case float32:
		return []uint64{uint64(math.Float32bits(d))}
	case int64:
		return []uint64{uint64(d)}
	case int32:
		return []uint64{uint64(uint32(d))}
	case bool:
		if d {
			return []uint64{1}
		}
		return []uint64{0}
	}
	panic(fmt.Sprintf("resultBits: %T", r.Data))
}

// clSameBits reports how got differs from want in type, shape or bits ("" if not).
func clSameBits(want, got Result) string {
	if want.Type != got.Type || want.Scalar != got.Scalar || fmt.Sprint(want.Shape) != fmt.Sprint(got.Shape) {
		return fmt.Sprintf("got %s %v scalar=%v, want %s %v scalar=%v", got.Type, got.Shape, got.Scalar, want.Type, want.Shape, want.Scalar)
	}
	wb, gb := resultBits(want), resultBits(got)
	if len(wb) != len(gb) {
		return fmt.Sprintf("got %d elements, want %d", len(gb), len(wb))
	}
	for i := range wb {
		if wb[i] != gb[i] {
			return fmt.Sprintf("element %d of %d: got bits %#x, want %#x", i, len(wb), gb[i], wb[i])
		}
	}
	return ""
}

// evalBoth evaluates src over vars on simd (gonum in a noasm build) and opencl and returns both results and
// the device counters' increments.
func evalBoth(t *testing.T, src string, vars Vars) (cpu, dev Result, shaped, axis int64) {
	t.Helper()
	ctx := context.Background()
	ec, err := Compile(src, WithBackend(cpuBest()))
	if err != nil {
		t.Fatal(err)
	}
	ed, err := Compile(src, WithBackend(BackendOpenCL))
	if err != nil {
		t.Fatal(err)
	}
	if cpu, err = ec.Eval(ctx, vars); err != nil {
		t.Fatalf("%s on simd: %v", src, err)
	}
	s0, a0 := openclShapedRuns(), openclAxisRuns()
	if dev, err = ed.Eval(ctx, vars); err != nil {
		t.Fatalf("%s on opencl: %v", src, err)
	}
	return cpu, dev, openclShapedRuns() - s0, openclAxisRuns() - a0
}

// allLayouts are the shape patterns TestOpenCLShapedDevicePath runs in every layout
// (rows and flat kernels, 2-D and 3-D, row, column and 1-D stretches).
var allLayouts = map[string]bool{"row-long": true, "column": true, "3d": true, "rows-3d-long": true, "stretch-1d": true}

// TestOpenCLShapedDevicePath runs the conformance suite's shapes (every expression,
// pattern and dtype, in C order and for allLayouts' patterns in every layout) on the
// OpenCL backend, checks each against the reference interpreter, and requires the
// device path (inputs in place) for every non-empty evaluation whose inputs are not
// all contiguous over the result.
func TestOpenCLShapedDevicePath(t *testing.T) {
	requireOpenCL(t)
	ctx := context.Background()
	for _, ex := range confShapeExprs {
		e, err := Compile(ex.src, WithBackend(BackendOpenCL))
		if err != nil {
			t.Fatal(err)
		}
		for _, dt := range []DType{Float64, Float32, Int64, Int32} {
			if ex.floats && !dt.IsFloat() {
				continue
			}
			for _, p := range confShapePatterns {
				for li, layout := range confShapeLayouts {
					if li > 0 && !allLayouts[p.name] {
						continue // each program variant is a pocl build: C order for the rest
					}
					a := confShapeArray(dt, p.a, layout, 1)
					b := confShapeArray(dt, p.b, confShapeLayouts[(li+1)%len(confShapeLayouts)], 2)
					vars := Vars{"a": a, "b": b}
					where := fmt.Sprintf("%s %s %s %s", ex.src, dt, p.name, layout)
					want, werr := refEvaluate(ex.src, vars, false)
					before := openclShapedRuns()
					got, err := e.Eval(ctx, vars)
					if werr != nil || err != nil {
						if werr == nil && len(want.vals) > 0 {
							t.Errorf("%s: %v", where, err)
						}
						continue
					}
					if msg := confCompare(want, got, confTol{}); msg != "" {
						t.Errorf("%s: %s", where, msg)
					}
					shape, _ := broadcastShapes([]string{"a", "b"}, [][]int{p.a, p.b})
					if prod(shape) > 0 && openclShapedRuns() == before {
						t.Errorf("%s: evaluated without the device's shaped path", where)
					}
				}
			}
		}
	}
}

// shapedCase is an input pair of TestOpenCLShapedBits.
type shapedCase struct {
	name string
	a, b *Array
}

func shapedCases(dt DType) []shapedCase {
	arr := func(shape []int, layout string, seed int) *Array { return confShapeArray(dt, shape, layout, seed) }
	// odd strides: every third element of a larger buffer, rows 7 elements apart
	odd := arr([]int{4, 100}, "C", 3)
	odd.Data = confShapeArray(dt, []int{3*4*100 + 50}, "C", 3).Data
	odd.Strides, odd.Offset = []int{7, 3}, 5
	// negative strides on both axes
	neg := arr([]int{5, 70}, "C", 4)
	neg.Strides, neg.Offset = []int{-70, -1}, 5*70-1
	return []shapedCase{
		{"row", arr([]int{40, 300}, "C", 1), arr([]int{300}, "C", 2)},
		{"column", arr([]int{40, 300}, "C", 1), arr([]int{40, 1}, "C", 2)},
		{"scalar-like", arr([]int{40, 300}, "F", 1), arr([]int{1, 1}, "C", 2)},
		{"outer", arr([]int{37, 1}, "C", 1), arr([]int{1, 29}, "reversed", 2)},
		{"3d", arr([]int{3, 5, 70}, "F", 1), arr([]int{5, 1}, "strided", 2)},
		{"3d-middle", arr([]int{4, 1, 33}, "reversed", 1), arr([]int{4, 9, 1}, "F", 2)},
		{"fortran-both", arr([]int{17, 23}, "F", 1), arr([]int{17, 23}, "F", 2)},
		{"odd-strides", odd, arr([]int{100}, "strided", 2)},
		{"negative-strides", neg, arr([]int{5, 1}, "reversed", 2)},
		{"4d", arr([]int{2, 3, 4, 5}, "strided", 1), arr([]int{3, 1, 5}, "F", 2)},
	}
}

// TestOpenCLShapedBits compares shaped evaluations on the device with simd bit for
// bit (arithmetic only: correctly rounded on both), element-wise and reductions, and
// checks that each took the device's shaped path.
func TestOpenCLShapedBits(t *testing.T) {
	requireOpenCL(t)
	for _, dt := range []DType{Float64, Float32, Int64, Int32} {
		for _, c := range shapedCases(dt) {
			for _, src := range []string{"(a - 3) * b + (a - 3)", "where(a > b, a * 2, b - a)", "sum(a * b)", "a - max(a) + b"} {
				cpu, dev, shaped, _ := evalBoth(t, src, Vars{"a": c.a, "b": c.b})
				where := fmt.Sprintf("%s %s %s", src, dt, c.name)
				if msg := clSameBits(cpu, dev); msg != "" {
					t.Errorf("%s: %s", where, msg)
				}
				if shaped == 0 {
					t.Errorf("%s: the device's shaped path did not run", where)
				}
			}
		}
	}
}

// TestOpenCLShapedInto writes shaped results into strided destinations (Fortran
// order, every other element) on the device, and evaluates zero-size shapes.
func TestOpenCLShapedInto(t *testing.T) {
	requireOpenCL(t)
	ctx := context.Background()
	a := confShapeArray(Float64, []int{30, 70}, "C", 1)
	b := confShapeArray(Float64, []int{70}, "reversed", 2)
	want, err := MustCompile("(a - 3) * b + a", WithBackend(cpuBest())).Eval(ctx, Vars{"a": a, "b": b})
	if err != nil {
		t.Fatal(err)
	}
	e := MustCompile("(a - 3) * b + a", WithBackend(BackendOpenCL))
	for _, layout := range []string{"F", "strided", "reversed"} {
		dst := confShapeArray(Float64, []int{30, 70}, layout, 9)
		before := openclShapedRuns()
		if err := e.EvalInto(ctx, dst, Vars{"a": a, "b": b}); err != nil {
			t.Fatalf("%s: %v", layout, err)
		}
		if openclShapedRuns() == before {
			t.Errorf("%s: the device's shaped path did not run", layout)
		}
		for i := range 30 * 70 {
			r, c := i/70, i%70
			got := dst.Data.([]float64)[dst.Offset+r*dst.Strides[0]+c*dst.Strides[1]]
			if w := want.Data.([]float64)[i]; math.Float64bits(got) != math.Float64bits(w) {
				t.Fatalf("%s: element (%d, %d) is %v, want %v", layout, r, c, got, w)
			}
		}
	}
	for _, shape := range [][]int{{0, 5}, {3, 0}, {2, 0, 4}} {
		z := confShapeArray(Float64, shape, "F", 1)
		r, err := e.Eval(ctx, Vars{"a": z, "b": 2.0})
		if err != nil || fmt.Sprint(r.Shape) != fmt.Sprint(shape) || len(r.Data.([]float64)) != 0 {
			t.Errorf("shape %v: %v %v", shape, r.Shape, err)
		}
		s, err := MustCompile("sum(a)", WithBackend(BackendOpenCL)).Eval(ctx, Vars{"a": z})
		if err != nil || s.Data.(float64) != 0 {
			t.Errorf("sum of shape %v: %v %v", shape, s.Data, err)
		}
	}
}

// TestOpenCLShapedChunks runs shaped evaluations over many small chunks (one
// reduction tile each): rows kernels over several rows per chunk and over rows longer
// than a chunk, the flat kernel's chunk offsets, and reductions (moments included)
// whose tiles start inside a row.
func TestOpenCLShapedChunks(t *testing.T) {
	requireOpenCL(t)
	d := clTestDevice(t)
	clWithChunkLen(t, d, d.Tile())
	cases := []shapedCase{
		{"rows", confShapeArray(Float64, []int{100, 300}, "C", 1), confShapeArray(Float64, []int{300}, "reversed", 2)},
		{"long-rows", confShapeArray(Float64, []int{3, 5000}, "F", 1), confShapeArray(Float64, []int{3, 1}, "C", 2)},
		{"flat", confShapeArray(Float64, []int{700, 10}, "strided", 1), confShapeArray(Float64, []int{10}, "C", 2)},
		{"3d-rows", confShapeArray(Float64, []int{4, 30, 70}, "F", 1), confShapeArray(Float64, []int{30, 1}, "C", 2)},
	}
	for _, c := range cases {
		for _, src := range []string{"(a - 3) * b + (a - 3)", "sum(a * b)", "a - mean(a) * b", "var(a * b)"} {
			cpu, dev, shaped, _ := evalBoth(t, src, Vars{"a": c.a, "b": c.b})
			if msg := clSameBits(cpu, dev); msg != "" && src != "var(a * b)" {
				t.Errorf("%s %s: %s", src, c.name, msg)
			} else if msg != "" && math.Abs(dev.Data.(float64)-cpu.Data.(float64)) > 1e-12*math.Abs(cpu.Data.(float64)) {
				t.Errorf("%s %s: %v, simd %v", src, c.name, dev.Data, cpu.Data)
			}
			if shaped == 0 {
				t.Errorf("%s %s: the device's shaped path did not run", src, c.name)
			}
		}
	}
}

// TestOpenCLShapedBoolComplex reads bool and complex inputs in place: a broadcast
// bool condition, and complex128 and complex64 arrays (vload2 at the input's offset)
// in Fortran order against a reversed row.
func TestOpenCLShapedBoolComplex(t *testing.T) {
	requireOpenCL(t)
	a := confShapeArray(Float64, []int{40, 90}, "F", 1)
	c := confShapeArray(Bool, []int{40, 1}, "strided", 2)
	cpu, dev, shaped, _ := evalBoth(t, "where(c, a, -a)", Vars{"a": a, "c": c})
	if msg := clSameBits(cpu, dev); msg != "" || shaped == 0 {
		t.Errorf("where(c, a, -a): %s (shaped runs %d)", msg, shaped)
	}
	z := make([]complex128, 30*90)
	w := make([]complex128, 90)
	for i := range z {
		z[i] = complex(float64(i%17)/3, float64(i%5)-2)
	}
	for i := range w {
		w[i] = complex(float64(i%7)/5, 1/float64(i+1))
	}
	z64 := make([]complex64, len(z))
	for i, v := range z {
		z64[i] = complex64(v)
	}
	wr := &Array{Data: w, Shape: []int{90}, Strides: []int{-1}, Offset: 89}
	for _, zs := range []*Array{NewFortranArray(z, 30, 90), NewFortranArray(z64, 30, 90)} {
		cpu, dev, shaped, _ := evalBoth(t, "z * w + z", Vars{"z": zs, "w": wr})
		if cpu.Type != Complex128 && cpu.Type != Complex64 {
			t.Fatalf("z * w + z is %s", cpu.Type)
		}
		got, want := fmt.Sprint(dev.Data), fmt.Sprint(cpu.Data)
		if got != want || fmt.Sprint(dev.Shape) != fmt.Sprint(cpu.Shape) || shaped == 0 {
			t.Errorf("z * w + z (%T): the device differs from simd or did not run shaped (%d)", zs.Data, shaped)
		}
	}
}

// TestOpenCLShapedConcurrent evaluates one shaped expression and one axis reduction
// from several goroutines at once (the shaped variants are compiled once, each run
// has its own buffers and geometry).
func TestOpenCLShapedConcurrent(t *testing.T) {
	requireOpenCL(t)
	a := confShapeArray(Float64, []int{60, 200}, "F", 1)
	b := confShapeArray(Float64, []int{200}, "strided", 2)
	vars := Vars{"a": a, "b": b}
	srcs := []string{"(a - 3) * b + (a - 3)", "sum(a, axis=0) + b"}
	want := make([]Result, len(srcs))
	exprs := make([]*Expr, len(srcs))
	for k, src := range srcs {
		var err error
		if want[k], err = MustCompile(src, WithBackend(cpuBest())).Eval(context.Background(), vars); err != nil {
			t.Fatal(err)
		}
		exprs[k] = MustCompile(src, WithBackend(BackendOpenCL))
	}
	errs := make(chan string, 64)
	done := make(chan bool)
	for g := range 4 {
		go func() {
			defer func() { done <- true }()
			for r := range 6 {
				k := (g + r) % len(srcs)
				got, err := exprs[k].Eval(context.Background(), vars)
				if err != nil {
					errs <- err.Error()
					return
				}
				if msg := clSameBits(want[k], got); msg != "" {
					errs <- srcs[k] + ": " + msg
				}
			}
		}()
	}
	for range 4 {
		<-done
	}
	close(errs)
	for msg := range errs {
		t.Error(msg)
	}
}
