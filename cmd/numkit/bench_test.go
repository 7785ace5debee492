package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/perf/benchfmt"
	"time"

	"github.com/numkit/numkit/bench"
	"github.com/numkit/numkit/numeric"
)

// benchFakeClock starts at a fixed date and advances 1 ms plus a few µs that vary by
// call, so timings are the same on every machine.
func benchFakeClock() func() time.Time {
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	i := 0
	return func() time.Time {
		i++
		now = now.Add(time.Millisecond + time.Duration(i%3)*20*time.Microsecond)
		return now
	}
}

// runBench runs `numkit bench args...` with the real hardware report (or a fake
// clock and report when fake is set) and stderr not a terminal.
func runBench(t *testing.T, fake bool, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	c := &benchCommand{now: time.Now, hardware: numeric.Hardware, isTerminal: func(io.Writer) bool { return false }}
	if fake {
		c.now = benchFakeClock()
		c.hardware = func() (numeric.HardwareReport, error) { return fakeReport(), nil }
	}
	var out, errOut bytes.Buffer
	code = c.run(&out, &errOut, args)
	return code, out.String(), errOut.String()
}

func TestBenchBadUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string // in stderr
	}{
		{[]string{"--suite", "nope"}, `unknown suite "nope"`},
		{[]string{"--sizes", "0"}, "--sizes"},
		{[]string{"--sizes", "1e3,ten"}, `size "ten"`},
		{[]string{"--dtype", "float16"}, `dtype "float16"`},
		{[]string{"--backend", "cuda"}, `--backend "cuda"`},
		{[]string{"--backend", "cuda"}, `--backend "cuda"`},
		{[]string{"--filter", "("}, "filter"},
		{[]string{"--filter", "^nothing$"}, "no case of suite default matches"},
		{[]string{"--json", "--csv"}, "exclude each other"},
		{[]string{"--plot", "out.jpg"}, ".png or .svg"},
		{[]string{"--n", "1000"}, "--n applies only with --expr"},
		{[]string{"--repeat", "0"}, "--repeat must be ≥ 1"},
		{[]string{"--threads", "-1"}, "--threads"},
		{[]string{"--progress", "maybe"}, `--progress "maybe"`},
		{[]string{"--refdata", "x"}, "--refdata applies only with --accuracy"},
		{[]string{"--expr", "a+1", "--sizes", "1e3"}, "--sizes does not apply with --expr"},
		{[]string{"--expr", "a+1", "--dtype", "int32"}, `--dtype "int32"`},
		{[]string{"--expr", "a+1", "--repeat", "0"}, "--repeat ≥ 1"},
		{[]string{"--accuracy", "--suite", "quick"}, "--suite does not apply with --accuracy"},
		{[]string{"--accuracy", "--json", "--csv"}, "exclude each other"},
		{[]string{"stray"}, `unexpected argument "stray"`},
		{[]string{"--no-such-flag"}, "flag provided but not defined"},
	} {
		code, stdout, stderr := runBench(t, true, tc.args...)
		if code != 2 || !strings.Contains(stderr, tc.want) || stdout != "" {
			t.Errorf("bench %q: exit %d, stderr %q, stdout %q; want exit 2 and %q", tc.args, code, stderr, stdout, tc.want)
		}
	}
}

// TestBenchExprJSON checks that `numkit bench --expr ... --json` writes the suite's
// schema (a machine record, then a row with every sample) and that its last line has
// what ../shared/peers reads (median_s, backend).
func TestBenchExprJSON(t *testing.T) {
	code, stdout, stderr := runBench(t, false, "--expr", "b+3*c", "--n", "1000", "--repeat", "3", "--dtype", "float32", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2: %q", len(lines), stdout)
	}
	var m bench.Machine
	if err := json.Unmarshal([]byte(lines[0]), &m); err != nil || m.Record != "machine" || m.Suite != "expr" ||
		m.SchemaVersion != bench.SchemaVersion || m.Version != numkitVersion() || m.GoVersion == "" {
		t.Errorf("machine %+v (%v)", m, err)
	}
	var r bench.Row
	if err := json.Unmarshal([]byte(lines[1]), &r); err != nil {
		t.Fatal(err)
	}
	if r.Record != "row" || r.Expr != "b+3*c" || r.N != 1000 || r.DType != "float32" || r.Repeat != 3 || len(r.Samples) != 3 ||
		r.Status != bench.StatusOK || r.MedianS <= 0 || r.Backend == "" {
		t.Errorf("row %+v", r)
	}
	if lo, hi := slices.Min(r.Samples), slices.Max(r.Samples); lo != r.MinS || hi != r.MaxS {
		t.Errorf("samples %v, min %g max %g", r.Samples, r.MinS, r.MaxS)
	}
	var obj map[string]any
	if err := json.Unmarshal([]byte(lines[1]), &obj); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"expr", "n", "dtype", "backend", "threads", "repeat", "min_s", "median_s", "gb_per_s", "gelem_per_s"} {
		if _, ok := obj[k]; !ok {
			t.Errorf("the row lacks %q, which ../shared/peers reads", k)
		}
	}
}

// TestBenchSuiteRun is a quick real run: every row checked and timed, memory measured.
func TestBenchSuiteRun(t *testing.T) {
	code, stdout, stderr := runBench(t, false, "--suite", "quick", "--sizes", "1000,3000", "--backend", "gonum,simd", "--json", "--memory")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if stderr != "" {
		t.Errorf("stderr %q, want nothing (no terminal, no progress bar)", stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	var machine bench.Machine
	if err := json.Unmarshal([]byte(lines[0]), &machine); err != nil || machine.Record != "machine" || machine.Suite != "quick" {
		t.Fatalf("first line %q: %v", lines[0], err)
	}
	speedups := 0
	for _, line := range lines[1:] {
		var r bench.Row
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		if r.Status == bench.StatusUnusable && r.Backend == "simd" {
			continue // a build without SIMD
		}
		if r.Status != bench.StatusOK || r.MedianS <= 0 || r.MinS > r.MedianS || r.MedianS > r.MaxS || r.GElemPerS <= 0 {
			t.Errorf("row %+v", r)
		}
		if r.AllocsPerEval == nil || r.PeakHeapBytes == nil {
			t.Errorf("%s %s: no memory figures with --memory", r.Case, r.Backend)
		}
		if r.Kind == "baseline" && *r.AllocsPerEval != 0 {
			t.Errorf("%s %s allocates %g times per evaluation", r.Case, r.Backend, *r.AllocsPerEval)
		}
		if r.SpeedupLoop != nil {
			speedups++
		}
	}
	if speedups == 0 {
		t.Error("no numkit row has a speed-up over the go-loop")
	}
}

// TestBenchTableGolden runs the quick suite on the gonum backend under a fake clock
// and hardware report and compares the table.
func TestBenchTableGolden(t *testing.T) {
	code, stdout, stderr := runBench(t, true, "--suite", "quick", "--sizes", "100,1e3", "--backend", "gonum")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	checkGolden(t, "bench_table.golden", []byte(stdout))
}

func TestBenchCSVAndPlot(t *testing.T) {
	dir := t.TempDir()
	plotFile := filepath.Join(dir, "bench.png")
	code, stdout, stderr := runBench(t, true, "--suite", "quick", "--sizes", "100,1e3", "--backend", "gonum", "--csv", "--plot", plotFile)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	recs, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(recs[0], bench.CSVColumns) || len(recs) != 1+2*(3+2+3+2) {
		t.Errorf("CSV header %v and %d lines", recs[0], len(recs))
	}
	f, err := os.Open(plotFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := png.Decode(f); err != nil {
		t.Errorf("%s: %v", plotFile, err)
	}
	// a plot file that cannot be written is an error, after the report
	code, _, stderr = runBench(t, true, "--suite", "quick", "--sizes", "100", "--backend", "gonum", "--plot", filepath.Join(dir, "no", "such", "dir.svg"))
	if code != 1 || !strings.Contains(stderr, "dir.svg") {
		t.Errorf("unwritable plot: exit %d, stderr %q", code, stderr)
	}
}

func TestBenchProgress(t *testing.T) {
	code, _, stderr := runBench(t, true, "--suite", "quick", "--sizes", "100", "--backend", "gonum", "--progress", "on")
	if code != 0 || !strings.Contains(stderr, "/10") {
		t.Errorf("--progress on: exit %d, stderr %q; want a bar counting to 10", code, stderr)
	}
}

func TestBenchAccuracy(t *testing.T) {
	t.Chdir(t.TempDir()) // outside the checkout: the tables embedded in the binary
	code, stdout, stderr := runBench(t, false, "--accuracy")
	if code != 0 || !strings.Contains(stdout, "against the mpmath references embedded in this build") || !strings.Contains(stdout, "exp") {
		t.Fatalf("outside a checkout: exit %d, stderr %s, stdout\n%s", code, stderr, stdout)
	}
	code, stdout, stderr = runBench(t, false, "--accuracy", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rows := 0
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var r bench.AccuracyRow
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		if r.Record != "accuracy" || r.Schema != bench.LineSchemaVersion || r.Version != numkitVersion() || r.Inputs == 0 || r.MaxULP < 0 || r.Bound <= 0 {
			t.Errorf("row %+v", r)
		}
		rows++
	}
	if rows < 10 {
		t.Errorf("%d rows, want one per function and type", rows)
	}
	code, _, stderr = runBench(t, false, "--accuracy", "--refdata", t.TempDir())
	if code != 1 || !strings.Contains(stderr, "no reference files") {
		t.Errorf("empty --refdata: exit %d, stderr %q", code, stderr)
	}
}

func TestBenchRoute(t *testing.T) {
	code, stdout, stderr := runBench(t, false, "--route", "--sizes", "1000", "--filter", "^triad", "--repeat", "2", "--backend", "gonum,simd")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"| case | dtype | n | gonum | simd | auto | auto's choice | auto / fastest |",
		"| triad | float64 | 1e3 |", "| triad32 | float32 | 1e3 |", "rows (median times per evaluation)"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	code, stdout, stderr = runBench(t, false, "--route", "--sizes", "1000", "--filter", "^triad$", "--repeat", "1", "--backend", "gonum", "--json")
	var row bench.RouteRow
	if err := json.Unmarshal([]byte(strings.TrimSpace(stdout)), &row); code != 0 || err != nil ||
		row.Schema != bench.LineSchemaVersion || row.Version != numkitVersion() || row.Case != "triad" || row.N != 1000 {
		t.Errorf("--route --json: exit %d (%s), row %+v, %v", code, stderr, row, err)
	}
	for _, tt := range []struct{ args, want string }{
		{"--n 5", "--n does not apply with --route"},
		{"--filter zzz", `no case of the routing table matches --filter "zzz"`},
		{"--repeat 0", "--repeat must be ≥ 1"},
		{"--backend cuda", `--backend "cuda": want a comma-separated list of`},
	} {
		args := append([]string{"--route"}, strings.Fields(tt.args)...)
		if code, _, stderr := runBench(t, false, args...); code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("--route %s: exit %d, %s; want 2 and %q", tt.args, code, stderr, tt.want)
		}
	}
}

func TestCalibrateFlags(t *testing.T) {
	for _, args := range [][]string{{"--progress", "sometimes"}, {"extra"}, {"--nope"}} {
		var stdout, stderr strings.Builder
		if code := runCalibrate(&stdout, &stderr, args, false); code != 2 || stderr.Len() == 0 || stdout.Len() != 0 {
			t.Errorf("calibrate %q: exit %d, stdout %q, stderr %q; want 2 and a message on stderr", args, code, stdout.String(), stderr.String())
		}
	}
}

// TestBenchGobench runs a small suite and --expr with --format gobench and reads the
// output back with benchfmt's reader, as benchstat does.
func TestBenchGobench(t *testing.T) {
	for _, args := range [][]string{
		{"--suite", "quick", "--sizes", "1000", "--backend", "gonum", "--filter", "^triad$", "--repeat", "3", "--format", "gobench"},
		{"--expr", "a*2", "--n", "1000", "--repeat", "4", "--format", "gobench"},
	} {
		code, stdout, stderr := runBench(t, false, args...)
		if code != 0 {
			t.Fatalf("bench %q: exit %d: %s", args, code, stderr)
		}
		r := benchfmt.NewReader(strings.NewReader(stdout), "run.txt")
		results := 0
		for r.Scan() {
			switch rec := r.Result().(type) {
			case *benchfmt.SyntaxError:
				t.Fatalf("bench %q: %v in\n%s", args, rec, stdout)
			case *benchfmt.Result:
				results++
				for _, unit := range []string{"sec/op", "B/s", "elem/s"} {
					if v, ok := rec.Value(unit); !ok || v <= 0 {
						t.Errorf("%s: %s = %g, %v", rec.Name, unit, v, ok)
					}
				}
				for _, key := range []string{"goos", "goarch", "cpu", "numkit", "simd"} {
					if rec.GetConfig(key) == "" {
						t.Errorf("%s: no %s configuration", rec.Name, key)
					}
				}
			}
		}
		if err := r.Err(); err != nil {
			t.Fatal(err)
		}
		// one line per timed run: the quick triad has gonum and two baselines, 3 runs each
		if want := map[bool]int{true: 9, false: 4}[args[0] == "--suite"]; results != want {
			t.Errorf("bench %q: %d results, want %d:\n%s", args, results, want, stdout)
		}
	}
}
