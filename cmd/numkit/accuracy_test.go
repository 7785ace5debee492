package main

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/numkit/numkit/numeric"
)

func TestJoinAccuracy(t *testing.T) {
	for _, tc := range []struct{ in, want []string }{
		{[]string{"--accuracy", "fast", "--expr", "exp(a)"}, []string{"--accuracy=fast", "--expr", "exp(a)"}},
		{[]string{"-accuracy", "default"}, []string{"-accuracy=default"}},
		{[]string{"--accuracy", "--json"}, []string{"--accuracy", "--json"}},
		{[]string{"--accuracy"}, []string{"--accuracy"}},
		{[]string{"--", "--accuracy", "fast"}, []string{"--", "--accuracy", "fast"}},
	} {
		if got := joinAccuracy(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("joinAccuracy(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// simdUsable reports whether the simd backend runs here (not in -tags noasm builds).
func simdUsable() bool {
	_, err := numeric.Compile("a", numeric.WithBackend(numeric.BackendSIMD))
	return err == nil
}

// TestEvalAccuracyFlag: numkit eval --accuracy fast evaluates (exp through the fast
// kernel on simd: the values differ from the default mode's somewhere; without simd,
// on gonum, the two modes agree), and a bad mode is a usage error naming the flag and
// the modes.
func TestEvalAccuracyFlag(t *testing.T) {
	run := func(args ...string) string {
		t.Helper()
		out, errb, code := runEval(nil, args...)
		if code != 0 {
			t.Fatalf("numkit eval %q: exit %d: %s", args, code, errb)
		}
		return string(out)
	}
	backend, differ := "simd", true
	if !simdUsable() {
		backend, differ = "gonum", false
	}
	args := []string{"--backend", backend, "--n", "2000", "--format", "text", "exp(40*a - 20)"}
	fast := run(append([]string{"--accuracy", "fast"}, args...)...)
	def := run(append([]string{"--accuracy", "default"}, args...)...)
	if (fast != def) != differ || strings.Count(fast, "\n") != 2000 {
		t.Errorf("eval --backend %s --accuracy fast and default: %d and %d lines, differ = %v; want 2000 values each, differ = %v",
			backend, strings.Count(fast, "\n"), strings.Count(def, "\n"), fast != def, differ)
	}
	_, errb, code := runEval(nil, "--accuracy", "fastest", "--n", "3", "exp(a)")
	if code != 2 || !bytes.Contains(errb, []byte(`invalid value "fastest" for flag -accuracy: want default or fast`)) {
		t.Errorf("eval --accuracy fastest: exit %d, stderr %s; want 2 and the flag's error", code, errb)
	}
}

func TestBenchAccuracyFlag(t *testing.T) {
	backend := "simd"
	if !simdUsable() {
		backend = "auto"
	}
	code, stdout, stderr := runBench(t, true, "--accuracy", "fast", "--expr", "exp(a)", "--n", "1000", "--repeat", "1", "--backend", backend)
	if code != 0 || !strings.Contains(stdout, "exp(a)") {
		t.Errorf("bench --accuracy fast --expr: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	// Without --expr: the fast mode's ULP table, the fast kernels' rows with their
	// 4-ULP bound and the other rows the default kernels' (bound 1).
	code, fastOut, stderr := runBench(t, true, "--accuracy", "fast", "--json")
	if code != 0 {
		t.Fatalf("bench --accuracy fast: exit %d, stderr %q", code, stderr)
	}
	_, defOut, _ := runBench(t, true, "--accuracy", "--json")
	bounds := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(fastOut), "\n") {
		switch {
		case strings.Contains(line, `"bound":4`):
			bounds["4"]++
			if !strings.Contains(line, `"func":"exp"`) && !strings.Contains(line, `"func":"sin"`) &&
				!strings.Contains(line, `"func":"cos"`) && !strings.Contains(line, `"func":"log","dtype":"float32"`) {
				t.Errorf("a fast-mode row with bound 4 for a function without a fast kernel: %s", line)
			}
		case strings.Contains(line, `"bound":1`):
			bounds["1"]++
		}
	}
	if bounds["4"] != 7 || bounds["1"] < 30 || fastOut == defOut {
		t.Errorf("bench --accuracy fast: %d rows bound 4 (want 7), %d bound 1; same output as the default table: %v", bounds["4"], bounds["1"], fastOut == defOut)
	}
	code, stdout, stderr = runBench(t, false, "--accuracy", "--json")
	if code != 0 || !strings.Contains(stdout, `"record":"accuracy"`) {
		t.Errorf("bench --accuracy (the ULP table): exit %d, stderr %q", code, stderr)
	}
}
