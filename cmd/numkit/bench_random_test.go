package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBenchRandom(t *testing.T) {
	out := filepath.Join(t.TempDir(), "cases.tsv")
	code, stdout, stderr := runBench(t, true, "--suite", "random", "--seed", "9", "--count", "4", "--n", "600",
		"--backend", "gonum,simd", "--repeat", "1", "--cases-out", out)
	if code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	for _, want := range []string{"suite random (seed 9)", "r9_01", "r9_04", "go-loop", "simd"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the table lacks %q:\n%s", want, stdout)
		}
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	if len(lines) != 5 {
		t.Fatalf("cases file has %d lines, want a comment and 4 cases:\n%s", len(lines), data)
	}
	for _, l := range lines[1:] {
		if f := strings.Split(l, "\t"); len(f) != 5 || !strings.HasPrefix(f[0], "r9_") {
			t.Errorf("cases line %q: want 5 tab-separated fields named r9_*", l)
		}
	}
}

func TestBenchRandomBadUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--suite", "random", "--count", "0"}, "--count 0"},
		{[]string{"--suite", "random", "--n", "0"}, "--n 0"},
		{[]string{"--suite", "random", "--n", "10", "--sizes", "1e3"}, "exclude each other"},
		{[]string{"--suite", "random", "--memory"}, "--memory does not apply"},
		{[]string{"--suite", "random", "--backend", "cuda"}, `--backend "cuda"`},
	} {
		code, _, stderr := runBench(t, true, tc.args...)
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
	dir := filepath.Join(t.TempDir(), "missing", "x.tsv")
	if code, _, stderr := runBench(t, true, "--suite", "random", "--count", "1", "--n", "10", "--cases-out", dir); code != 1 || !strings.Contains(stderr, "--cases-out") {
		t.Errorf("unwritable --cases-out: exit %d, stderr %q", code, stderr)
	}
}
