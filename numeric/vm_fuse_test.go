package numeric

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/numkit/numkit/numeric/internal/vm"
)

// fuseVars returns float64 arrays a, b, c, d and their float32 twins af, bf, cf, df
// over the conformance special values (±0, ±Inf, NaN, subnormals, the largest finite
// values, ...): a, b and c run through every triple of them; d is smooth. Scalars: sd
// (float64) and sf (float32), to take the place of constants.
func fuseVars(n int) Vars {
	l := len(confF64)
	v := Vars{"sd": -2.5, "sf": float32(1.5)}
	for k, name := range []string{"a", "b", "c", "d"} {
		x, xf := make([]float64, n), make([]float32, n)
		stride := []int{1, l, l * l}
		for i := range x {
			if k < 3 {
				x[i], xf[i] = confF64[(i/stride[k])%l], confF32[(i/stride[k])%l]
			} else {
				x[i] = math.Sin(float64(i)*0.37) * 3
				xf[i] = float32(x[i])
			}
		}
		v[name], v[name+"f"] = x, xf
	}
	return v
}

// fuseCases are expressions in A, B, C, D (arrays) and S (a scalar variable), written
// once for both float types, that exercise every row of the fusion table in the forms
// the front end emits (constants left or right, commuted, mirrored comparisons), and
// trees the pass must leave alone (shared temporaries, too many operands, mixed types).
var fuseCases = []string{
	"2*A + 3*B**2 - C/4", "2*A - 3*B**2 + C/4", "2*A - 3*B**2 - C/4", "2*A - 3*B**2 - C*S",
	"S*A - 3*B**2 - B*5", "3*B**2 - 2*A + C/4", "3*B**2 - 2*A - C/4", "C/4 + (2*A + 3*B**2)",
	"2*A + 3*B*C - D*5",
	"A*2 + B*3 + C*4", "A*2 + B*3 - C*4", "A*2 - B*3 + C*4", "A*2 - B*3 - C*5",
	"A*2 - B*3 - C*S", "A*S - B*3 - A*2", "A*S + B*S + C*S",
	"sqrt(A*A + B*B)", "sqrt(A*B + C*A)", "sqrt(A*B + C*D)",
	"A*0.5 + (B*C)*3", "(B*C)*3 - A*0.5", "A*0.5 - 3*(B*C)", "A*S + (B*B)*3",
	"A*2 + B*3", "A*2 - B*3", "A*S - B*3", "A*S + B*S",
	"A*B + C*A", "A*B - C*B", "A*B + C*D", "A*A - B*B",
	"A + B*3", "3*B + A", "A - B*3", "A - 3*B", "B*3 - A", "A - B*S", "S*B - A", "B*0.25 - C",
	"A + B*C", "B*C + A", "A - B*C", "B*C - A", "D*D - A",
	"where(A > 0.5, B, C)", "where(A < 0.5, B, C)", "where(A >= 0, B, C)",
	"where(A <= -1, B, C)", "where(A == 1, B, C)", "where(A != 1, B, C)",
	"where(0.5 < A, B, C)", "where(0 >= A, B, C)", "where(A > S, B, C)", "where(A > S, B, A)",
	"where(A >= 0.25, B, C)", "where(A <= -1.5, B, C)", "where(A == 0.5, B, C)",
	"where(A != 0.1, B, C)", "where(A == 0.1, B, C)", "where(A > 1e300, B, C)",
	"where(A < -1e-300, B, C)", "where(1e-45 <= A, B, C)", "where(AF > S, B, C)",
	"where(A > 0.5, B*2 + C, C)", "where(A + B*3 > 1, B, C*2 - A)",
	"(A*3 + B) * (A*3)", "A*3 + B > 1", "sum(A*3 + B)", "A*3 + B - mean(B*C + A)",
	"A*3 + B + (A*3 + B)", "AF*2 + B", "2*A + 3*B**2 - C/4 + sqrt(D*D + B*B)",
}

// fuseExprs instantiates the cases for float64 and float32.
func fuseExprs() []string {
	var out []string
	for _, c := range fuseCases {
		r := strings.NewReplacer("AF", "af", "A", "a", "B", "b", "C", "c", "D", "d", "S", "sd")
		out = append(out, r.Replace(c))
		r = strings.NewReplacer("AF", "a", "A", "af", "B", "bf", "C", "cf", "D", "df", "S", "sf")
		out = append(out, r.Replace(c))
	}
	return out
}

// TestFusionSameBits checks that the fused gonum plans give the same bits as the
// unfused ones (NaN equals NaN, ±0 distinguished) over every triple of special values,
// at several lengths and thread counts, and that every row of the table is exercised.
func TestFusionSameBits(t *testing.T) {
	ctx := context.Background()
	used := map[string]bool{}
	for _, n := range []int{0, 1, 3, 6, blockSize + 5, len(confF64)*len(confF64)*len(confF64) + 7} {
		vars := fuseVars(n)
		for _, src := range fuseExprs() {
			for _, threads := range []int{1, 3} {
				opts := []Option{WithBackend(BackendGonum), WithThreads(threads)}
				want, err := MustCompile(src, append(opts, withoutFusion())...).Eval(ctx, vars)
				if err != nil {
					if n == 0 && strings.Contains(err.Error(), "empty") {
						continue
					}
					t.Fatalf("%s n=%d: %v", src, n, err)
				}
				e := MustCompile(src, opts...)
				got, err := e.Eval(ctx, vars)
				if err != nil {
					t.Fatalf("%s n=%d: %v", src, n, err)
				}
				if i := firstBitDiff(got.Data, want.Data); i >= 0 {
					t.Fatalf("%s n=%d threads=%d: element %d differs: fused %v, unfused %v\n%s",
						src, n, threads, i, index(got.Data, i), index(want.Data, i), e)
				}
				for _, f := range planFusions(e) {
					used[f] = true
				}
			}
		}
	}
	for _, f := range vm.FusionPatterns() {
		if !used[f] {
			t.Errorf("no case fuses %q", f)
		}
	}
}

// planFusions lists the patterns fused in e's most recent plan.
func planFusions(e *Expr) []string { return cpuProgram(e, -1).Fusions() }

func firstBitDiff(a, b any) int {
	switch a := a.(type) {
	case []float64:
		b := b.([]float64)
		for i := range a {
			if math.Float64bits(a[i]) != math.Float64bits(b[i]) && !(a[i] != a[i] && b[i] != b[i]) {
				return i
			}
		}
		return -1
	case []float32:
		b := b.([]float32)
		for i := range a {
			if math.Float32bits(a[i]) != math.Float32bits(b[i]) && !(a[i] != a[i] && b[i] != b[i]) {
				return i
			}
		}
		return -1
	case []bool:
		b := b.([]bool)
		for i := range a {
			if a[i] != b[i] {
				return i
			}
		}
		return -1
	}
	if fmt.Sprint(a) != fmt.Sprint(b) {
		return 0
	}
	return -1
}

func index(v any, i int) any {
	switch v := v.(type) {
	case []float64:
		return v[i]
	case []float32:
		return v[i]
	case []bool:
		return v[i]
	}
	return v
}

// TestFusionPlans checks how many steps the gonum backend runs for the issue's
// benchmark expressions, and that the other backends do not fuse.
func TestFusionPlans(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		src        string
		steps, f32 int // steps over float64 and over float32 arrays
	}{
		{"2*A + 3*B**2 - C/4", 1, 1},
		{"sqrt(A*A + B*B)", 1, 1}, // one loop
		// No bool temporary; over float32, A is compared in float64 (the constant's
		// type), and the cast goes too.
		{"where(A > 0.5, B, C)", 1, 1},
		{"B + 3*C", 1, 1},
		{"(A*3 + B) * (A*3)", 3, 3}, // A*3 is shared, so the add cannot take it
	} {
		for _, typ := range []string{"", "f"} {
			want := c.steps
			if typ == "f" {
				want = c.f32
			}
			src := strings.NewReplacer("A", "a"+typ, "B", "b"+typ, "C", "c"+typ).Replace(c.src)
			e := MustCompile(src, WithBackend(BackendGonum))
			if _, err := e.Eval(ctx, fuseVars(10)); err != nil {
				t.Fatal(err)
			}
			if steps, _ := cpuProgram(e, 0).Steps(); steps[0] != want {
				got := steps[0]
				t.Errorf("%s: %d steps, want %d\n%s", src, got, want, e)
			}
		}
	}
	if simdUsable() {
		e := MustCompile("2*a + 3*b**2 - c/4", WithBackend(BackendSIMD))
		if _, err := e.Eval(ctx, fuseVars(10)); err != nil {
			t.Fatal(err)
		}
		if steps, _ := cpuProgram(e, 0).Steps(); steps[0] != 1 {
			got := steps[0]
			t.Errorf("simd backend: %d steps, want 1 (the fusion table's asm loop, also in cache)", got)
		}
		e = MustCompile("a*b + c*b", WithBackend(BackendSIMD)) // a row without an asm loop
		if _, err := e.Eval(ctx, fuseVars(10)); err != nil {
			t.Fatal(err)
		}
		if steps, _ := cpuProgram(e, 0).Steps(); steps[0] != 3 {
			got := steps[0]
			t.Errorf("simd backend, a*b + c*b: %d steps, want 3 (portable fused loops stay out of the in-cache plan)\n%s", got, e)
		}
	}
}

// TestFusionPatterns checks that the table's patterns print as the IR prints
// operations, once each.
func TestFusionPatterns(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range vm.FusionPatterns() {
		if seen[f] || !strings.Contains(f, "(x") && !strings.Contains(f, "(y") && !strings.Contains(f, "(z") {
			t.Errorf("pattern %q repeated or without a vector leaf", f)
		}
		seen[f] = true
	}
	if want := "add(add(mul(x, s), mul(mul(y, z), t)), mul(w, u))"; vm.FusionPatterns()[0] != want {
		t.Errorf("first row %q, want %q", vm.FusionPatterns()[0], want)
	}
}

// BenchmarkFusion times the gonum backend on one thread over arrays that stay in the
// L2 cache, with and without fusion: the compute the pass saves, without the memory
// traffic of the 2e7-element runs.
func BenchmarkFusion(b *testing.B) {
	const n = 32 * 1024
	exprs := []struct{ name, src string }{
		{"poly", "2*A+3*B**2-C/4"}, {"hypot", "sqrt(A*A+B*B)"}, {"where", "where(A>0.5,B,C)"},
		{"triad", "B+3*C"},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	vars := Vars{}
	for _, name := range []string{"a", "b", "c"} {
		x, xf := make([]float64, n), make([]float32, n)
		for i := range x {
			x[i] = rng.Float64()
			xf[i] = float32(x[i])
		}
		vars[name], vars[name+"f"] = x, xf
	}
	ctx := context.Background()
	for _, ex := range exprs {
		for _, typ := range []string{"float64", "float32"} {
			suffix := map[string]string{"float64": "", "float32": "f"}[typ]
			src := strings.NewReplacer("A", "a"+suffix, "B", "b"+suffix, "C", "c"+suffix).Replace(ex.src)
			for _, fused := range []bool{false, true} {
				b.Run(fmt.Sprintf("expr=%s/dtype=%s/fused=%v", ex.name, typ, fused), func(b *testing.B) {
					opts := []Option{WithBackend(BackendGonum), WithThreads(1)}
					if !fused {
						opts = append(opts, withoutFusion())
					}
					e := MustCompile(src, opts...)
					res, err := e.Eval(ctx, vars)
					if err != nil {
						b.Fatal(err)
					}
					dst := res.Data
					for b.Loop() {
						if err := e.EvalInto(ctx, dst, vars); err != nil {
							b.Fatal(err)
						}
					}
					b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/elem")
				})
			}
		}
	}
}
