package numeric

import (
	"context"
	"math"
	"strconv"
	"testing"
)

// TestDotReductions checks that the SIMD backend (and gonum, float64) reduces sum and mean of a product
// without the multiply pass, to the reference within the sum's error bound, with the
// same bits for 1 and 3 threads, and leaves alone products that something else reads.
func TestDotReductions(t *testing.T) {
	if !simdUsable() {
		t.Skip("no SIMD backend here")
	}
	ctx := context.Background()
	tests := []struct {
		src  string
		dots int // reductions that fuse the multiply
	}{
		{"sum(a*b)", 1},
		{"mean(a*b)", 1},
		{"sum(a*b) + sum(a*c)", 2},
		{"sum(a*a)", 1},
		{"sum(f*g)", 1},
		{"sum(a*b) * b", 1},
		{"sum(a*2)", 0},     // a scalar factor: the sum of a broadcast is not a dot
		{"max(a*b)", 0},     // not a sum
		{"sum(a*b + c)", 0}, // not a product
	}
	for _, n := range []int{0, 1, 31, blockSize + 5, 3*blockSize + 1, minParallel + 77} {
		vars := Vars{}
		for i, name := range []string{"a", "b", "c"} {
			x := make([]float64, n)
			for j := range x {
				x[j] = math.Cos(float64(j*(i+3))) * 3
			}
			vars[name] = x
		}
		f, g := make([]float32, n), make([]float32, n)
		for j := range f {
			f[j], g[j] = float32(j%13)/7, float32(j%5)-2
		}
		vars["f"], vars["g"] = f, g
		for _, tt := range tests {
			one := MustCompile(tt.src, WithBackend(BackendSIMD), WithThreads(1))
			three := MustCompile(tt.src, WithBackend(BackendSIMD), WithThreads(3))
			ref := MustCompile(tt.src, WithBackend(BackendGonum))
			r1, err1 := one.Eval(ctx, vars)
			r3, err3 := three.Eval(ctx, vars)
			rr, errR := ref.Eval(ctx, vars)
			if errR != nil {
				if err1 == nil || err3 == nil {
					t.Fatalf("%s n=%d: gonum fails (%v) but simd does not", tt.src, n, errR)
				}
				continue
			}
			if err1 != nil || err3 != nil {
				t.Fatalf("%s n=%d: %v, %v", tt.src, n, err1, err3)
			}
			if !sameResult(r1.Data, r3.Data) {
				t.Errorf("%s n=%d: 1 and 3 threads differ", tt.src, n)
			}
			if err := closeResult(r1.Data, rr.Data, 1e-12*float64(n+1)); err != "" {
				t.Errorf("%s n=%d: %s", tt.src, n, err)
			}
			_, perStage := cpuProgram(one, 0).Steps()
			dots := 0
			for _, k := range perStage {
				dots += k
			}
			if dots != tt.dots {
				t.Errorf("%s: %d dot reductions in the plan, want %d", tt.src, dots, tt.dots)
			}
			if tt.src == "sum(a*b)" {
				if steps, dots := cpuProgram(ref, 0).Steps(); dots[0] != 1 || steps[0] != 0 {
					t.Errorf("gonum's plan for sum(a*b) does not reduce with floats.Dot")
				}
			}
		}
	}
}

func sameResult(a, b any) bool {
	switch a := a.(type) {
	case float64:
		return math.Float64bits(a) == math.Float64bits(b.(float64)) || a != a && b.(float64) != b.(float64)
	case float32:
		return math.Float32bits(a) == math.Float32bits(b.(float32))
	case []float64:
		return sameValues(a, b)
	}
	return false
}

// closeResult says how a differs from b beyond a relative error tol (for scalars; and
// element-wise for []float64), or "".
func closeResult(a, b any, tol float64) string {
	near := func(x, y float64) bool {
		return x == y || x != x && y != y || math.Abs(x-y) <= tol*math.Max(1, math.Max(math.Abs(x), math.Abs(y)))
	}
	switch a := a.(type) {
	case float64:
		if !near(a, b.(float64)) {
			return "got " + ftoa(a) + ", reference " + ftoa(b.(float64))
		}
	case float32:
		if !near(float64(a), float64(b.(float32))) && math.Abs(float64(a-b.(float32))) > 1e-4*math.Max(1, math.Abs(float64(a))) {
			return "got " + ftoa(float64(a)) + ", reference " + ftoa(float64(b.(float32)))
		}
	case []float64:
		for i := range a {
			if !near(a[i], b.([]float64)[i]) {
				return "element " + ftoa(float64(i)) + ": got " + ftoa(a[i]) + ", reference " + ftoa(b.([]float64)[i])
			}
		}
	}
	return ""
}

func ftoa(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
