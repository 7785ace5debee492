package numeric

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"testing"
)

// TestChunkMomentsBitIdentical checks that MergeMoments over chunks cut anywhere, in a
// random order and through MarshalBinary, gives the bits of Moments on all the values.
func TestChunkMomentsBitIdentical(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	for _, n := range []int{0, 1, 4096, 3*4096 + 5, 40_000} {
		x := make([]float32, n)
		for i := range x {
			x[i] = float32(1e4 + rng.NormFloat64())
		}
		if n > 3 {
			x[n/3] = float32(math.NaN())
		}
		for _, skip := range []bool{false, true} {
			var opts []MomentsOption
			if skip {
				opts = append(opts, SkipNaN())
			}
			want := Moments(x, opts...)
			for _, k := range []int{1, 2, 5, 33} {
				cuts := cutsFor(rng, n, k)
				var parts []*MomentsPartial
				for i := 0; i+1 < len(cuts); i++ {
					c := Chunk{Index: i, Count: len(cuts) - 1, Offset: cuts[i], Len: cuts[i+1] - cuts[i], Total: n}
					p, err := ChunkMoments(c, x[cuts[i]:cuts[i+1]], opts...)
					if err != nil {
						t.Fatal(err)
					}
					raw, _ := p.MarshalBinary()
					var q MomentsPartial
					if err := q.UnmarshalBinary(raw); err != nil {
						t.Fatalf("%v: %v", c, err)
					}
					parts = append(parts, &q)
				}
				rng.Shuffle(len(parts), func(i, j int) { parts[i], parts[j] = parts[j], parts[i] })
				got, err := MergeMoments(parts)
				if err != nil {
					t.Fatalf("n=%d cuts %v: %v", n, cuts, err)
				}
				if !sameBits(got, want) {
					t.Errorf("n=%d skip=%v cuts %v:\n got %v\nwant %v", n, skip, cuts, got, want)
				}
				if len(parts) > 1 {
					if _, err := MergeMoments(parts[1:]); !errors.Is(err, ErrPartial) {
						t.Errorf("a chunk missing: %v, want ErrPartial", err)
					}
				}
			}
		}
	}
}

// TestPartialResultAndPasses checks Partial.Result and Expr.Passes.
func TestPartialResultAndPasses(t *testing.T) {
	for src, want := range map[string]int{"a*2": 1, "sum(a)": 1, "a - mean(a)": 2, "var(a - mean(a)) + 1": 2, "a - mean(a - mean(a))": 3} {
		got, err := MustCompile(src).Passes(Vars{"a": []float64{}})
		if err != nil || got != want {
			t.Errorf("%q: %d passes (%v), want %d", src, got, err, want)
		}
	}
	a := []float64{1, 2, 3}
	p, err := MustCompile("a*2", WithBackend(BackendGonum)).EvalPartial(context.Background(), Chunk{Index: 1, Count: 2, Offset: 5, Len: 3, Total: 8}, Vars{"a": a}, nil)
	if err != nil {
		t.Fatal(err)
	}
	r, ok := p.Result()
	if s := r.Float64s(); !ok || len(s) != 3 || s[2] != 6 {
		t.Errorf("Result() = %v, %v", r, ok)
	}
	q, err := MustCompile("sum(a)", WithBackend(BackendGonum)).EvalPartial(context.Background(), Chunk{Count: 1, Len: 3, Total: 3}, Vars{"a": a}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := q.Result(); ok {
		t.Error("a reduction's partial has an element-wise Result")
	}
}
