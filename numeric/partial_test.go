package numeric

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"reflect"
	"testing"
)

// sliceVars returns vars with every array cut to elements [lo, hi).
func sliceVars(vars Vars, lo, hi int) Vars {
	out := Vars{}
	for k, v := range vars {
		switch s := v.(type) {
		case []float64:
			out[k] = s[lo:hi]
		case []float32:
			out[k] = s[lo:hi]
		case []int64:
			out[k] = s[lo:hi]
		case []int32:
			out[k] = s[lo:hi]
		case []bool:
			out[k] = s[lo:hi]
		default:
			out[k] = v
		}
	}
	return out
}

// partialBackends returns the backends partial evaluation is checked on: gonum, simd
// where the CPU has it, and opencl where a device is usable (its absence fails the
// test under NUMKIT_REQUIRE_OPENCL=1, as CI sets it).
func partialBackends(t *testing.T) []string {
	t.Helper()
	backends := []string{BackendGonum}
	if simdUsable() {
		backends = append(backends, BackendSIMD)
	}
	if r, _ := Hardware(); r.OpenCL.Available {
		backends = append(backends, BackendOpenCL)
	} else if os.Getenv("NUMKIT_REQUIRE_OPENCL") == "1" {
		t.Fatalf("NUMKIT_REQUIRE_OPENCL=1 but OpenCL is unavailable: %s", r.OpenCL.Reason)
	} else {
		t.Logf("the opencl backend is not checked: %s", r.OpenCL.Reason)
	}
	return backends
}

// evalChunked evaluates e over vars cut at cuts (chunk i is [cuts[i], cuts[i+1])),
// merging each pass's partials in the order perm gives, through MarshalBinary and
// UnmarshalBinary.
func evalChunked(t *testing.T, e *Expr, vars Vars, cuts []int, rng *rand.Rand) (Result, error) {
	t.Helper()
	ctx := context.Background()
	total := cuts[len(cuts)-1]
	var carry *Carry
	for pass := 0; ; pass++ {
		if pass > 4 {
			t.Fatalf("%q: more than 4 passes", e.Source())
		}
		var parts []*Partial
		for i := 0; i+1 < len(cuts); i++ {
			c := Chunk{Index: i, Count: len(cuts) - 1, Offset: cuts[i], Len: cuts[i+1] - cuts[i], Total: total}
			p, err := e.EvalPartial(ctx, c, sliceVars(vars, cuts[i], cuts[i+1]), carry)
			if err != nil {
				return Result{}, err
			}
			if want := e.opts.backendName(); want != BackendAuto && p.Backend() != want {
				t.Fatalf("%q %v: the partial was made on %s, the expression is compiled for %s", e.Source(), c, p.Backend(), want)
			}
			raw, err := p.MarshalBinary()
			if err != nil {
				t.Fatal(err)
			}
			var q Partial
			if err := q.UnmarshalBinary(raw); err != nil {
				t.Fatalf("%q %v: unmarshal: %v", e.Source(), c, err)
			}
			parts = append(parts, &q)
		}
		rng.Shuffle(len(parts), func(i, j int) { parts[i], parts[j] = parts[j], parts[i] })
		m, err := Merge(ctx, parts)
		if err != nil {
			return Result{}, err
		}
		if m.Result != nil {
			return *m.Result, nil
		}
		raw, err := m.Next.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		carry = new(Carry)
		if err := carry.UnmarshalBinary(raw); err != nil {
			t.Fatalf("%q: carry: %v", e.Source(), err)
		}
	}
}

// cutsFor returns chunk boundaries over n elements: k chunks at random places (some
// inside blocks, some empty, some smaller than a block).
func cutsFor(rng *rand.Rand, n, k int) []int {
	cuts := []int{0, n}
	for range k - 1 {
		cuts = append(cuts, rng.IntN(n+1))
	}
	for i := 1; i < len(cuts); i++ { // insertion sort, small
		for j := i; j > 0 && cuts[j] < cuts[j-1]; j-- {
			cuts[j], cuts[j-1] = cuts[j-1], cuts[j]
		}
	}
	return cuts
}

func partialTestVars(n int, rng *rand.Rand) Vars {
	a, b := make([]float64, n), make([]float64, n)
	f := make([]float32, n)
	i32, i64 := make([]int32, n), make([]int64, n)
	mask := make([]bool, n)
	for i := range n {
		a[i] = 1e6 + rng.NormFloat64()
		b[i] = rng.ExpFloat64()
		f[i] = float32(rng.NormFloat64())
		i32[i] = int32(rng.IntN(2000) - 1000)
		i64[i] = int64(rng.IntN(1 << 40))
		mask[i] = rng.IntN(3) == 0
	}
	return Vars{"a": a, "b": b, "f": f, "i": i32, "j": i64, "m": mask, "s": 2.5}
}

var partialExprs = []string{
	"2*a + 3*b**2 - sin(b)",
	"where(m, f, -f) * s",
	"i * 3 + j",
	"sum(a)", "sum(a*b)", "prod(1 + b/1e6)", "min(a)", "max(f)", "mean(a)", "mean(i)",
	"sum(i)", "sum(m)", "min(j)", "var(a)", "std(f)", "skew(b)", "kurt(a*b)",
	"a - mean(a)", "var(a - mean(a)) + 1", "(b - mean(b)) / std(b) * s",
	"sum(a) * 2 + max(b)", "a - mean(a - mean(a))",
}

// TestPartialBitIdentical checks that chunked evaluation merged in a random order gives
// the bits of a whole-array evaluation on the same backend, for element-wise results,
// every reduction, moments and multi-pass expressions, over chunk counts 1 to 40 cut
// anywhere (inside blocks, smaller than a block, empty).
func TestPartialBitIdentical(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 1))
	backends := partialBackends(t)
	for _, n := range []int{1, 4095, 4096, 3*4096 + 17, 50_000} {
		vars := partialTestVars(n, rng)
		for _, backend := range backends {
			for _, src := range partialExprs {
				e := MustCompile(src, WithBackend(backend), WithThreads(3))
				want, err := e.Eval(context.Background(), vars)
				if err != nil {
					t.Fatalf("%s %q: %v", backend, src, err)
				}
				for _, k := range []int{1, 2, 3, 7, 40} {
					cuts := cutsFor(rng, n, k)
					got, err := evalChunked(t, e, vars, cuts, rng)
					if err != nil {
						t.Fatalf("%s %q n=%d cuts %v: %v", backend, src, n, cuts, err)
					}
					if !sameResultBits(got, want) {
						t.Errorf("%s %q n=%d cuts %v: chunked %v, whole %v", backend, src, n, cuts, brief(got), brief(want))
					}
				}
			}
		}
	}
}

// TestPartialFusedWhole checks arrays large enough that the whole-array run takes the
// fused plan for streaming working sets while small chunks take the plain one.
func TestPartialFusedWhole(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	n := 600_000
	vars := partialTestVars(n, rng)
	backends := partialBackends(t)
	for _, backend := range backends {
		for _, src := range []string{"2*a + 3*b**2 - sin(b)", "sum(a*b + 1)", "(b - mean(b)) / std(b) * s", "kurt(exp(-b) * a)"} {
			e := MustCompile(src, WithBackend(backend))
			want, err := e.Eval(context.Background(), vars)
			if err != nil {
				t.Fatal(err)
			}
			cuts := []int{0, 1000, 5000, 77_777, 300_001, 450_000, n}
			got, err := evalChunked(t, e, vars, cuts, rng)
			if err != nil {
				t.Fatal(err)
			}
			if !sameResultBits(got, want) {
				t.Errorf("%s %q cuts %v: chunked %v, whole %v", backend, src, cuts, brief(got), brief(want))
			}
		}
	}
}

// TestPartialBlockCuts uses ChunkOf's cuts at block boundaries, with more chunks than blocks.
func TestPartialBlockCuts(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	n := 5*4096 + 100
	vars := partialTestVars(n, rng)
	for _, backend := range partialBackends(t) {
		for _, src := range []string{"sum(a*b)", "a - mean(a)", "kurt(b)"} {
			e := MustCompile(src, WithBackend(backend))
			want, err := e.Eval(context.Background(), vars)
			if err != nil {
				t.Fatal(err)
			}
			for _, k := range []int{1, 2, 6, 9} {
				cuts := []int{0}
				for i := range k {
					c, err := ChunkOf(i, k, n)
					if err != nil {
						t.Fatal(err)
					}
					if c.Offset != cuts[len(cuts)-1] || c.Offset%4096 != 0 {
						t.Fatalf("ChunkOf(%d, %d, %d) = %v", i, k, n, c)
					}
					cuts = append(cuts, c.Offset+c.Len)
				}
				got, err := evalChunked(t, e, vars, cuts, rng)
				if err != nil {
					t.Fatal(err)
				}
				if !sameResultBits(got, want) {
					t.Errorf("%s %q with %d chunks: %v, whole %v", backend, src, k, brief(got), brief(want))
				}
			}
		}
	}
}

func sameResultBits(a, b Result) bool {
	if a.Type != b.Type || a.Scalar != b.Scalar || !reflect.DeepEqual(a.Shape, b.Shape) {
		return false
	}
	switch x := a.Data.(type) {
	case float64:
		return math.Float64bits(x) == math.Float64bits(b.Data.(float64))
	case float32:
		return math.Float32bits(x) == math.Float32bits(b.Data.(float32))
	case []float64:
		y := b.Data.([]float64)
		if len(x) != len(y) {
			return false
		}
		for i := range x {
			if math.Float64bits(x[i]) != math.Float64bits(y[i]) {
				return false
			}
		}
		return true
	case []float32:
		y := b.Data.([]float32)
		if len(x) != len(y) {
			return false
		}
		for i := range x {
			if math.Float32bits(x[i]) != math.Float32bits(y[i]) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a.Data, b.Data)
}

func brief(r Result) string {
	if r.Scalar {
		return fmt.Sprintf("%v (%T)", r.Data, r.Data)
	}
	return fmt.Sprintf("%s of shape %v", r.Type, r.Shape)
}

// TestPartialMergeRejects checks that merging the wrong set of partials fails with
// ErrPartial and a message that says what is wrong.
func TestPartialMergeRejects(t *testing.T) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(5, 6))
	n := 3 * 4096
	vars := partialTestVars(n, rng)
	e := MustCompile("sum(a*b)", WithBackend(BackendGonum))
	part := func(e *Expr, k, count int, total int) *Partial {
		c, err := ChunkOf(k, count, total)
		if err != nil {
			t.Fatal(err)
		}
		p, err := e.EvalPartial(ctx, c, sliceVars(vars, c.Offset, c.Offset+c.Len), nil)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	p0, p1, p2 := part(e, 0, 3, n), part(e, 1, 3, n), part(e, 2, 3, n)
	other := part(MustCompile("sum(a+b)", WithBackend(BackendGonum)), 1, 3, n)
	short := part(e, 1, 3, n-1)
	two := part(e, 1, 2, n)
	for _, tc := range []struct {
		name  string
		parts []*Partial
		want  string
	}{
		{"none", nil, "no partials"},
		{"missing", []*Partial{p0, p2}, "chunk 1"},
		{"twice", []*Partial{p0, p1, p1, p2}, "given twice"},
		{"other expression", []*Partial{p0, other, p2}, `"sum(a+b)"`},
		{"other total", []*Partial{p0, short, p2}, "elements"},
		{"other count", []*Partial{p0, two, p2}, "chunks"},
	} {
		_, err := Merge(ctx, tc.parts)
		if !errors.Is(err, ErrPartial) || !contains(err.Error(), tc.want) {
			t.Errorf("%s: Merge error %v, want ErrPartial mentioning %q", tc.name, err, tc.want)
		}
	}
	if _, err := Merge(ctx, []*Partial{p2, p0, p1}); err != nil {
		t.Errorf("the right partials in another order: %v", err)
	}
	if _, err := e.EvalPartial(ctx, Chunk{Index: 0, Count: 1, Len: 10, Total: n}, vars, nil); !errors.Is(err, ErrShape) {
		t.Errorf("a chunk whose length is not the inputs': %v, want ErrShape", err)
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}
