package sketch

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// zipfStream returns n keys drawn from a Zipf distribution over [0, imax] (a few heavy
// keys and a long tail, the case sketches are for) and their true counts.
func zipfStream(n int, imax uint64, seed uint64) ([]uint64, map[uint64]uint64) {
	rng := rand.New(rand.NewPCG(seed, 1))
	z := rand.NewZipf(rng, 1.2, 1, imax)
	keys := make([]uint64, n)
	truth := map[uint64]uint64{}
	for i := range keys {
		keys[i] = z.Uint64()
		truth[keys[i]]++
	}
	return keys, truth
}

func mustNew(t testing.TB, eps, delta float64, opts ...Option) *CountMin {
	t.Helper()
	c, err := New(eps, delta, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestNewShape(t *testing.T) {
	c := mustNew(t, 0.01, 0.01)
	if c.Width() != 272 || c.Depth() != 5 {
		t.Errorf("New(0.01, 0.01): %d×%d; want 272×5 (⌈e/ε⌉ × ⌈ln 1/δ⌉)", c.Width(), c.Depth())
	}
	if c.Epsilon() > 0.01 || c.Delta() > 0.01 {
		t.Errorf("Epsilon, Delta = %v, %v; want at most 0.01", c.Epsilon(), c.Delta())
	}
	if c := mustNew(t, 0.5, 0.9); c.Depth() != 1 {
		t.Errorf("New(0.5, 0.9): depth %d; want 1", c.Depth())
	}
	for _, bad := range [][2]float64{{0, 0.1}, {1, 0.1}, {-1, 0.1}, {math.NaN(), 0.1}, {0.1, 0}, {0.1, 1}, {0.1, math.NaN()}, {1e-12, 0.1}} {
		if _, err := New(bad[0], bad[1]); err == nil {
			t.Errorf("New(%v, %v): no error", bad[0], bad[1])
		}
	}
	for _, bad := range [][2]int{{0, 1}, {1, 0}, {-1, 3}, {MaxCounters, 2}} {
		if _, err := NewSize(bad[0], bad[1]); err == nil {
			t.Errorf("NewSize(%d, %d): no error", bad[0], bad[1])
		}
	}
}

// TestNeverUnderCounts is a property test: over many streams, seeds and both update
// rules, no estimate is below the true count, and absent keys are estimated at least 0.
func TestNeverUnderCounts(t *testing.T) {
	for seed := uint64(0); seed < 20; seed++ {
		for _, conservative := range []bool{false, true} {
			opts := []Option{WithSeed(seed)}
			if conservative {
				opts = append(opts, Conservative())
			}
			c := mustNew(t, 0.05, 0.1, opts...)
			keys, _ := zipfStream(5000, 1<<20, seed)
			truth := map[uint64]uint64{}
			rng := rand.New(rand.NewPCG(seed, 2))
			for _, k := range keys {
				n := uint64(rng.IntN(3)) // counts 0, 1 and 2
				c.AddUint64(k, n)
				truth[k] += n
			}
			for k, n := range truth {
				if got := c.CountUint64(k); got < n {
					t.Fatalf("seed %d conservative=%v: key %d estimated %d < true %d", seed, conservative, k, got, n)
				}
			}
		}
	}
}

// TestErrorBound checks the guarantee statistically: over 200 seeds, the fraction of
// queries whose estimate exceeds the true count by more than ε·N must stay below δ.
// (The bound is loose — Markov's inequality — so the observed fraction is far below
// δ; the test is deterministic, its streams and seeds fixed.)
func TestErrorBound(t *testing.T) {
	const eps, delta, seeds = 0.01, 0.05, 200
	var queries, failures int
	var worst float64
	for seed := uint64(0); seed < seeds; seed++ {
		c := mustNew(t, eps, delta, WithSeed(seed*7919+1))
		keys, truth := zipfStream(20_000, 1<<16, 1000+seed)
		c.AddBatch(keys)
		bound := eps * float64(c.Total())
		// query every key seen and as many unseen ones
		for k, n := range truth {
			for _, q := range [][2]uint64{{k, n}, {k + 1<<40, 0}} {
				over := float64(c.CountUint64(q[0]) - q[1])
				worst = max(worst, over/float64(c.Total()))
				queries++
				if over > bound {
					failures++
				}
			}
		}
	}
	frac := float64(failures) / float64(queries)
	t.Logf("%d queries, %d over ε·N (%.4f; δ = %v); worst over-count %.4f·N", queries, failures, frac, delta, worst)
	if frac > delta {
		t.Errorf("%.4f of estimates exceed ε·N; the sketch promises at most δ = %v", frac, delta)
	}
}

func TestConservativeIsTighter(t *testing.T) {
	keys, truth := zipfStream(50_000, 1<<18, 3)
	plain := mustNew(t, 0.01, 0.01)
	cons := mustNew(t, 0.01, 0.01, Conservative())
	plain.AddBatch(keys)
	cons.AddBatch(keys)
	var errPlain, errCons uint64
	for k, n := range truth {
		p, c := plain.CountUint64(k), cons.CountUint64(k)
		if c > p {
			t.Fatalf("key %d: conservative estimate %d above plain %d", k, c, p)
		}
		errPlain += p - n
		errCons += c - n
	}
	if errCons > errPlain {
		t.Errorf("conservative total over-count %d > plain %d", errCons, errPlain)
	}
}

func TestMergeEqualsConcatenation(t *testing.T) {
	keysA, _ := zipfStream(7000, 1<<12, 10)
	keysB, _ := zipfStream(5000, 1<<12, 11)
	a, b, all := mustNew(t, 0.02, 0.02, WithSeed(5)), mustNew(t, 0.02, 0.02, WithSeed(5)), mustNew(t, 0.02, 0.02, WithSeed(5))
	a.AddBatch(keysA)
	b.AddBatch(keysB)
	all.AddBatch(append(slices.Clone(keysA), keysB...))
	a.AddString("x", 3)
	all.AddString("x", 3)
	if err := a.Merge(b); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(a.counts, all.counts) || a.total != all.total {
		t.Error("merged sketch differs from the sketch of the concatenated stream")
	}
	for _, other := range []*CountMin{
		mustNew(t, 0.02, 0.02, WithSeed(6)),
		mustNew(t, 0.01, 0.02, WithSeed(5)),
		mustNew(t, 0.02, 0.2, WithSeed(5)),
		mustNew(t, 0.02, 0.02, WithSeed(5), Conservative()),
		nil,
	} {
		if err := a.Merge(other); !errors.Is(err, ErrIncompatible) {
			t.Errorf("Merge(%v): %v; want ErrIncompatible", other, err)
		}
	}
}

func TestKeysAndBatch(t *testing.T) {
	c := mustNew(t, 0.001, 0.01)
	c.AddString("apple", 2)
	c.Add([]byte("apple"), 3)
	c.AddInt64(-5, 4)
	c.AddUint64(7, 1)
	long := bytes.Repeat([]byte("0123456789abcdef"), 5) // several 16-byte steps and no tail
	c.Add(long, 9)
	if got := c.CountString("apple"); got != 5 {
		t.Errorf("apple: %d; want 5 (AddString and Add are the same key)", got)
	}
	if got := c.CountInt64(-5); got != 4 || c.CountUint64(uint64(1<<64-5)) != 4 {
		t.Errorf("-5: %d; want 4", got)
	}
	if got := c.CountString(string(long)); got != 9 {
		t.Errorf("long key: %d; want 9", got)
	}
	if got := c.Count([]byte("pear")); got != 0 {
		t.Errorf("pear: %d; want 0 in a nearly empty wide sketch", got)
	}
	if c.Total() != 19 {
		t.Errorf("Total %d; want 19", c.Total())
	}
	keys, _ := zipfStream(3000, 1<<10, 4)
	one, batch := mustNew(t, 0.01, 0.01), mustNew(t, 0.01, 0.01)
	for _, k := range keys {
		one.AddUint64(k, 1)
	}
	batch.AddBatch(keys)
	if !slices.Equal(one.counts, batch.counts) || one.total != batch.total {
		t.Error("AddBatch differs from AddUint64 of each key")
	}
}

func TestSaturation(t *testing.T) {
	c := mustNew(t, 0.1, 0.1)
	c.AddUint64(1, math.MaxUint64-1)
	c.AddUint64(1, 5)
	if got := c.CountUint64(1); got != math.MaxUint64 || c.Total() != math.MaxUint64 {
		t.Errorf("count %d, total %d; want both saturated at MaxUint64", got, c.Total())
	}
	data, _ := c.MarshalBinary()
	var back CountMin
	if err := back.UnmarshalBinary(data); err != nil {
		t.Errorf("saturated sketch: %v", err)
	}
}

// TestHashSpread checks that the row hashes of consecutive integer and string keys
// fill a row's columns evenly (a chi-squared test at a generous threshold).
func TestHashSpread(t *testing.T) {
	const width, n = 64, 64_000
	for _, kind := range []string{"uint64", "string"} {
		c, _ := NewSize(width, 4)
		for i := range n {
			if kind == "uint64" {
				c.AddUint64(uint64(i), 1)
			} else {
				c.AddString("key-"+strconv.Itoa(i), 1)
			}
		}
		for r := range 4 {
			var chi2 float64
			want := float64(n) / width
			for _, v := range c.counts[r*width : (r+1)*width] {
				chi2 += (float64(v) - want) * (float64(v) - want) / want
			}
			// 63 degrees of freedom: mean 63, sd ≈ 11; 150 is > 7 sd out
			if chi2 > 150 {
				t.Errorf("%s keys, row %d: χ² = %.1f; the columns are not evenly used", kind, r, chi2)
			}
		}
	}
}

func BenchmarkAddBatch(b *testing.B) {
	keys, _ := zipfStream(1<<16, 1<<30, 1)
	for _, conservative := range []bool{false, true} {
		b.Run(fmt.Sprintf("conservative=%v", conservative), func(b *testing.B) {
			var opts []Option
			if conservative {
				opts = append(opts, Conservative())
			}
			c := mustNew(b, 0.001, 0.001, opts...)
			b.ReportAllocs()
			for b.Loop() {
				c.AddBatch(keys)
			}
			b.ReportMetric(float64(len(keys))*float64(b.N)/b.Elapsed().Seconds()/1e6, "Mkeys/s")
		})
	}
}

// TestRowIndependence checks that a key sharing a column with another in some rows is
// not thereby likely to share it in the others: with width 64 two keys should share
// all of three rows with probability 1/64³; linear double hashing would make it about
// 1/64², some 60 times as often.
func TestRowIndependence(t *testing.T) {
	const width, pairs = 64, 1 << 21
	var all int
	for i := range uint64(pairs) {
		a, b := hashUint64(2*i, 9), hashUint64(2*i+1, 9)
		same := true
		for r := range uint64(3) {
			same = same && column(rowHash(a, r), width) == column(rowHash(b, r), width)
		}
		if same {
			all++
		}
	}
	want := float64(pairs) / (width * width * width) // 8
	if float64(all) > 5*want+10 {
		t.Errorf("%d of %d key pairs share all three rows; want about %.0f", all, pairs, want)
	}
}
