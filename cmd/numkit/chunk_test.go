package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/numkit/numkit/numeric"
)

// chunkedEval runs `numkit eval --chunk k/n --partial` for every chunk, then `numkit
// merge` on the partials in reverse order, with a second pass through --carry when
// merge asks for one; it returns merge's stdout.
func chunkedEval(t *testing.T, dir, expr string, n int, inputs []string, mergeArgs ...string) string {
	t.Helper()
	var carry []string
	for pass := 0; pass < 3; pass++ {
		var parts []string
		for k := range n {
			p := filepath.Join(dir, fmt.Sprintf("pass%d.part%d", pass, k))
			args := append([]string{"eval", expr, "--backend", "gonum", "--chunk", fmt.Sprintf("%d/%d", k, n), "--partial", p}, inputs...)
			if _, stderr, code := runCLI(t, append(args, carry...)...); code != 0 {
				t.Fatalf("%v: exit %d: %s", args, code, stderr)
			}
			parts = append([]string{p}, parts...) // reverse order
		}
		cf := filepath.Join(dir, fmt.Sprintf("carry%d", pass))
		args := append(append([]string{"merge"}, parts...), append(mergeArgs, "--carry", cf)...)
		stdout, stderr, code := runCLI(t, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		if _, err := os.Stat(cf); err != nil {
			return stdout // no next pass: this was the result
		}
		carry = []string{"--carry", cf}
	}
	t.Fatalf("%q: more than 3 passes", expr)
	return ""
}

// TestChunkMergeMatchesEval checks that eval --chunk over 1, 3 and 7 chunks, merged in
// reverse order, writes the same .npy bytes and prints the same summary as eval over
// the whole input, for element-wise, reduction and two-pass expressions.
func TestChunkMergeMatchesEval(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	a, b := make([]float64, 20_000), make([]float32, 20_000)
	for i := range a {
		a[i], b[i] = 1e3+rng.NormFloat64(), float32(rng.ExpFloat64())
	}
	inputs := []string{"-i", "a=" + writeTestNpy(t, "a.npy", a), "-i", "b=" + writeTestNpy(t, "b.npy", b), "-s", "k=2.5"}
	for _, expr := range []string{"k*a + b**2", "sum(a*b)", "var(a) + skew(b)", "a - mean(a)", "(b - mean(b)) / std(b)"} {
		for _, n := range []int{1, 3, 7} {
			dir := t.TempDir()
			whole := filepath.Join(dir, "whole.npy")
			if _, stderr, code := runCLI(t, append([]string{"eval", expr, "--backend", "gonum", "-o", whole}, inputs...)...); code != 0 {
				t.Fatalf("eval %q: %s", expr, stderr)
			}
			merged := filepath.Join(dir, "merged.npy")
			chunkedEval(t, dir, expr, n, inputs, "-o", merged)
			w, _ := os.ReadFile(whole)
			m, err := os.ReadFile(merged)
			if err != nil || !bytes.Equal(w, m) {
				t.Errorf("%q in %d chunks: merged .npy differs from eval's (%v)", expr, n, err)
			}
			wantSummary, _, _ := runCLI(t, append([]string{"eval", expr, "--backend", "gonum"}, inputs...)...)
			if got := chunkedEval(t, dir, expr, n, inputs); got != wantSummary {
				t.Errorf("%q in %d chunks: merge printed %q, eval %q", expr, n, got, wantSummary)
			}
		}
	}
}

// TestChunkErrors checks the messages for bad flags and bad partials.
func TestChunkErrors(t *testing.T) {
	dir := t.TempDir()
	a := writeTestNpy(t, "a.npy", []float64{1, 2, 3, 4, 5})
	short := writeTestNpy(t, "short.npy", []float64{1, 2})
	grid := writeTestNpy(t, "grid.npy", numeric.NewArray([]float64{1, 2, 3, 4, 5, 6}, 2, 3))
	p0, p1 := filepath.Join(dir, "p0"), filepath.Join(dir, "p1")
	for k, p := range []string{p0, p1} {
		if _, stderr, code := runCLI(t, "eval", "sum(a)", "-i", "a="+a, "--chunk", fmt.Sprintf("%d/2", k), "--partial", p); code != 0 {
			t.Fatal(stderr)
		}
	}
	other := filepath.Join(dir, "other")
	if _, stderr, code := runCLI(t, "eval", "max(a)", "-i", "a="+a, "--chunk", "1/2", "--partial", other); code != 0 {
		t.Fatal(stderr)
	}
	raw, _ := os.ReadFile(p1)
	corrupt := filepath.Join(dir, "corrupt")
	raw[len(raw)/2] ^= 1
	if err := os.WriteFile(corrupt, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"eval", "sum(a)", "-i", "a=" + a, "--chunk", "2/2", "--partial", p0}, 2, "0 ≤ K < N"},
		{[]string{"eval", "sum(a)", "-i", "a=" + a, "--chunk", "x", "--partial", p0}, 2, "want K/N"},
		{[]string{"eval", "sum(a)", "-i", "a=" + a, "--chunk", "0/2"}, 2, "go together"},
		{[]string{"eval", "a + b", "-i", "a=" + a, "-i", "b=" + short, "--chunk", "1/2", "--partial", p0}, 1, "a has length 5 but b has length 2"},
		{[]string{"eval", "a + g", "-i", "a=" + a, "-i", "g=" + grid, "--chunk", "0/2", "--partial", p0}, 1, "g is an array of shape [2 3]: --chunk cuts 1-d inputs only"},
		{[]string{"merge", p0}, 1, "missing (chunk 1)"},
		{[]string{"merge", p0, p0, p1}, 1, "given twice"},
		{[]string{"merge", p0, corrupt}, 1, "corrupt: numeric: decoding a partial: checksum"},
		{[]string{"merge", p0, other}, 1, `"max(a)"`},
		{[]string{"merge", a}, 1, "magic"},
		{[]string{"merge"}, 2, "no partial files"},
	} {
		_, stderr, code := runCLI(t, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d mentioning %q", tc.args, code, stderr, tc.code, tc.want)
		}
	}
	stdout, stderr, code := runCLI(t, "merge", p1, p0)
	if code != 0 || stdout != "15 (float64)\n" {
		t.Errorf("merge p1 p0: exit %d, %q %q", code, stdout, stderr)
	}
}
