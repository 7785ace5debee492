package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/numkit/numkit/bench"
)

// TestBenchShape times a broadcast expression and reductions through --shape: the
// row counts the elements the evaluation visits (the inputs' broadcast size, not the
// result's), and the text line names the shapes.
func TestBenchShape(t *testing.T) {
	for _, tc := range []struct {
		expr   string
		shapes []string
		n      int // the elements visited
	}{
		{"(a - 3) * b + (a - 3)", []string{"a=20x30", "b=30"}, 600},
		{"a * b", []string{"a=20x1", "b=30"}, 600},
		{"sum(a, axis=0)", []string{"a=20x30"}, 600},
		{"sum(a, axis=1) + c", []string{"a=20x30", "c=20"}, 600},
		{"sum(a)", []string{"a=20x30"}, 600},
	} {
		args := []string{"--expr", tc.expr, "--repeat", "2", "--json"}
		for _, s := range tc.shapes {
			args = append(args, "--shape", s)
		}
		code, stdout, stderr := runBench(t, false, args...)
		if code != 0 {
			t.Errorf("%s: exit %d: %s", tc.expr, code, stderr)
			continue
		}
		lines := strings.Split(strings.TrimSpace(stdout), "\n")
		var r bench.Row
		if err := json.Unmarshal([]byte(lines[len(lines)-1]), &r); err != nil {
			t.Fatal(err)
		}
		if r.N != tc.n || r.Status != bench.StatusOK || len(r.Samples) != 2 {
			t.Errorf("%s: row %+v, want n=%d", tc.expr, r, tc.n)
		}
	}
	code, stdout, _ := runBench(t, false, "--expr", "a+b", "--shape", "a=4x5", "--shape", "b=5", "--repeat", "1")
	if code != 0 || !strings.Contains(stdout, "shapes a=4x5,b=5") || !strings.Contains(stdout, "n=20 ") {
		t.Errorf("text output %q (exit %d), want the shapes and n=20", stdout, code)
	}
}

func TestBenchShapeErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--expr", "a+b", "--shape", "c=3"}, 1, "the expression has no input c"},
		{[]string{"--expr", "a+b", "--shape", "a=3x4", "--shape", "b=5"}, 1, "do not broadcast"},
		{[]string{"--expr", "a+b", "--shape", "a=3x"}, 2, `dimension ""`},
		{[]string{"--expr", "a+b", "--shape", "a=-3"}, 2, `dimension "-3"`},
		{[]string{"--expr", "a+b", "--shape", "a"}, 2, "want NAME=D1xD2"},
		{[]string{"--expr", "a+b", "--shape", "a=3", "--shape", "a=4"}, 2, "shape given twice"},
		{[]string{"--suite", "quick", "--shape", "a=3"}, 2, "--shape"},
	} {
		code, _, stderr := runBench(t, true, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("bench %q: exit %d, stderr %q; want exit %d and %q", tc.args, code, stderr, tc.code, tc.want)
		}
	}
}
