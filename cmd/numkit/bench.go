package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/numkit/numkit/bench"
	"github.com/numkit/numkit/numeric"
)

func init() {
	register(command{
		name:    "bench",
		summary: "benchmark suites against Go baselines, or one expression (--expr)",
		run: func(stdout, stderr io.Writer, args []string) int {
			return (&benchCommand{now: time.Now, hardware: numeric.Hardware, isTerminal: isTerminal}).run(stdout, stderr, args)
		},
	})
}

// benchCommand is `numkit bench`: with --expr it times one expression (the peers
// table's interface); without, it runs a suite (bench_suite.go); with --accuracy it
// prints the vector math ULP table.
type benchCommand struct {
	expr    string
	n       int
	dtype   string
	backend string
	threads int
	repeat  int
	json    bool
	format  string
	seed    uint64
	shapes  shapeFlags       // --shape NAME=D1xD2 (bench_shape.go)
	now     func() time.Time // time.Now; tests pass a fake clock
	stderr  io.Writer

	suite      string
	sizes      string
	filter     string
	csv        bool
	plot       string
	memory     bool
	accuracy   bool
	accMode    string // --accuracy fast|default with --expr (cmd/numkit/accuracy.go)
	refdata    string
	noBaseline bool
	route      bool
	explain    bool
	coexec     bool
	progress   string
	set        map[string]bool // the flags given on the command line
	random     randomFlags     // --suite random (bench_random.go)

	// Tests replace these: numeric.Hardware, and whether a writer is a terminal.
	hardware   func() (numeric.HardwareReport, error)
	isTerminal func(w io.Writer) bool
}

func (c *benchCommand) run(stdout, stderr io.Writer, args []string) int {
	c.stderr = stderr
	fs, usage := c.flags(stderr)
	positional, code := parseWithPositional(fs, usage, stdout, stderr, joinAccuracy(args))
	if code >= 0 {
		return code
	}
	if positional != "" {
		return usageError(stderr, "unexpected argument %q (an expression goes after --expr)", positional)
	}
	c.set = map[string]bool{}
	fs.Visit(func(f *flag.Flag) { c.set[f.Name] = true })
	if code := c.resolveFormat(stderr); code >= 0 {
		return code
	}
	switch {
	case c.accuracy || c.accMode != "" && c.expr == "":
		return c.runAccuracy(stdout, stderr)
	case c.route:
		return c.runRoute(stdout, stderr)
	case c.suite == "random" && c.expr == "":
		return c.runRandom(stdout, stderr)
	case c.expr == "":
		return c.runSuite(stdout, stderr)
	}
	return c.runExpr(stdout, stderr)
}

func (c *benchCommand) flags(stderr io.Writer) (*flag.FlagSet, func(io.Writer)) {
	fs := newFlagSet("numkit bench", stderr)
	fs.StringVar(&c.expr, "expr", "", "time this one `expression` instead of a suite")
	fs.IntVar(&c.n, "n", 10_000_000, "with --expr: elements per input")
	fs.StringVar(&c.dtype, "dtype", "", "with --expr: the inputs' type, float64 (default), float32, complex128 or complex64;\nfor a suite: keep the cases of these comma-separated types (float64, float32, int32)")
	fs.StringVar(&c.backend, "backend", "", "with --expr: force a backend (auto, gonum, simd or opencl);\nfor a suite: the comma-separated backends to run, of auto, gonum, simd, opencl (default: those usable;\n--suite random adds auto)")
	fs.IntVar(&c.threads, "threads", 0, "goroutines for the CPU backends (default: NUMKIT_THREADS, else GOMAXPROCS)")
	fs.IntVar(&c.repeat, "repeat", 7, "timed runs after one warm-up (a suite chooses 3-21 from the size unless given)")
	fs.StringVar(&c.format, "format", "", "the output's `format`: table, csv, json (JSON lines, one schema for a suite and --expr)\n"+
		"or gobench (the Go benchmark format, one line per timed run, for benchstat); docs/bench.md")
	fs.BoolVar(&c.json, "json", false, "print JSON, the same as --format json")
	fs.Uint64Var(&c.seed, "seed", 1, "random seed for the inputs")
	fs.Var(&c.shapes, "shape", "with --expr: `NAME=D1xD2...` makes input NAME an N-d array of that shape (C order)\ninstead of 1-D of --n elements; repeat for several inputs")
	fs.StringVar(&c.suite, "suite", "default", "the `suite` to run: default, public, quick, or random (generated from --seed)")
	c.randomFlagSet(fs)
	fs.StringVar(&c.sizes, "sizes", "", "comma-separated `sizes` (elements per input), e.g. 1e3,1e5,10M (default: the suite's)")
	fs.StringVar(&c.filter, "filter", "", "keep the cases whose name matches this `regexp`")
	fs.BoolVar(&c.csv, "csv", false, "print CSV, the same as --format csv")
	fs.StringVar(&c.plot, "plot", "", "also draw throughput against size into this `file` (.png or .svg)")
	fs.BoolVar(&c.memory, "memory", false, "also measure allocations per evaluation and the peak heap (an untimed pass)")
	fs.BoolVar(&c.noBaseline, "no-baselines", false, "skip the Go baselines (and the speed-ups)")
	fs.StringVar(&c.progress, "progress", "auto", "progress bar on stderr: auto (when stderr is a terminal), on or off")
	fs.BoolVar(&c.route, "route", false, "print the routing table: the public cases in float64 and float32 at 1e3, 1e5, 2e7\n(or --sizes) on each backend and on auto, with auto's choice (--repeat: rounds)")
	fs.BoolVar(&c.explain, "explain", false, "with --expr: print the router's choice and estimates to stderr first")
	fs.BoolVar(&c.coexec, "coexec", false, "with --expr: let auto split the evaluation between the OpenCL device and the CPU (WithCoexecution)")
	fs.Var(accuracyFlag{table: &c.accuracy, mode: &c.accMode}, "accuracy", "alone: print the ULP error of numkit's vector math functions instead of timing;\n--accuracy `mode` (default or fast): the same for that accuracy mode, or with --expr: time in it")
	fs.StringVar(&c.refdata, "refdata", "", "with --accuracy: the `directory` holding ulp/*.txt (default: the tables embedded in the binary, asm/testdata/ulp)")
	usage := func(w io.Writer) {
		fmt.Fprintln(w, "usage: numkit bench [--suite S] [--sizes LIST] [--backend LIST] [--dtype LIST] [--filter RE]")
		fmt.Fprintln(w, "                    [--format table|csv|json|gobench] [--plot FILE.png|.svg] [--memory] [--repeat R] [--threads T]")
		fmt.Fprintln(w, "       numkit bench --expr EXPR [--n N] [--shape NAME=D1xD2...] [--dtype float64|float32] [--backend B] [--repeat R] [--format F]")
		fmt.Fprintln(w, "       numkit bench --expr EXPR --explain ...")
		fmt.Fprintln(w, "       numkit bench --route [--sizes LIST] [--filter RE] [--dtype LIST] [--backend LIST] [--repeat R] [--json]")
		fmt.Fprintln(w, "       numkit bench --accuracy [--json | --csv] [--refdata DIR]")
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Without --expr, runs a suite of expressions at several sizes on every usable backend")
		fmt.Fprintln(w, "and two Go baselines (a plain loop over math, gonum floats calls), checks that all")
		fmt.Fprintln(w, "compute the same numbers, and prints median times, throughput and speed-ups.")
		fmt.Fprintln(w, "With --expr, times EXPR over inputs uniform in [0, 1) from a fixed seed: compiled")
		fmt.Fprintln(w, "once, one warm-up, then R evaluations into a preallocated output. docs/bench.md has more.")
		fmt.Fprintln(w)
		printFlags(fs, w)
	}
	return fs, usage
}

// usageError reports bad usage and returns exit code 2.
func usageError(stderr io.Writer, format string, args ...any) int {
	fmt.Fprintf(stderr, "numkit bench: "+format+"\n", args...)
	return 2
}

// given returns the first of flags that was given on the command line, or "".
func (c *benchCommand) given(flags ...string) string {
	for _, f := range flags {
		if c.set[f] {
			return f
		}
	}
	return ""
}

// runExpr is `numkit bench --expr EXPR`: one expression, one size.
func (c *benchCommand) runExpr(stdout, stderr io.Writer) int {
	if f := c.given("suite", "sizes", "filter", "plot", "memory", "no-baselines", "progress", "refdata", "route"); f != "" {
		return usageError(stderr, "--%s does not apply with --expr", f)
	}
	if c.dtype == "" {
		c.dtype = "float64"
	}
	switch {
	case c.n < 0 || c.repeat < 1 || c.threads < 0:
		return usageError(stderr, "--n must be ≥ 0, --repeat ≥ 1, --threads ≥ 0")
	case c.dtype != "float64" && c.dtype != "float32" && !isComplexDType(c.dtype):
		return usageError(stderr, "--dtype %q: want float64, float32, complex128 or complex64", c.dtype)
	}
	rep, err := c.time()
	if err != nil {
		fmt.Fprintf(stderr, "numkit bench: %v\n", err)
		return 1
	}
	switch c.format {
	case "json":
		err = bench.WriteJSON(stdout, rep)
	case "gobench":
		err = bench.WriteGobench(stdout, rep)
	case "csv":
		err = bench.WriteCSV(stdout, rep)
	default:
		r := rep.Rows[0]
		shapes := ""
		if len(c.shapes) > 0 {
			shapes = "  shapes " + c.shapes.String()
		}
		fmt.Fprintf(stdout, "%s  n=%d %s%s  backend=%s threads=%d\n", r.Expr, r.N, r.DType, shapes, r.Backend, r.Threads)
		fmt.Fprintf(stdout, "median %s  min %s  max %s  (%d runs)  %.2f GB/s  %.3f Gelem/s\n",
			fmtSeconds(r.MedianS), fmtSeconds(r.MinS), fmtSeconds(r.MaxS), r.Repeat, r.GBPerS, r.GElemPerS)
	}
	if err != nil {
		fmt.Fprintf(stderr, "numkit bench: %v\n", err)
		return 1
	}
	return 0
}

// resolveFormat folds --json and --csv into --format and checks it against the mode;
// code is -1 to go on, else the exit code.
func (c *benchCommand) resolveFormat(stderr io.Writer) int {
	given := 0
	for _, f := range []string{"json", "csv", "format"} {
		if c.set[f] {
			given++
		}
	}
	if given > 1 {
		return usageError(stderr, "--json, --csv and --format exclude each other")
	}
	switch {
	case c.json:
		c.format = "json"
	case c.csv:
		c.format = "csv"
	case c.format == "":
		c.format = "table"
	}
	want := []string{"table", "csv", "json", "gobench"}
	if c.accuracy || c.route {
		want = []string{"table", "csv", "json"}
		if c.route {
			want = []string{"table", "json"}
		}
	}
	if !slices.Contains(want, c.format) {
		return usageError(stderr, "--format %q: want %s here", c.format, strings.Join(want, ", "))
	}
	c.json, c.csv = c.format == "json", c.format == "csv"
	return -1
}

// time compiles the expression, makes its inputs and times it: a report with the
// machine (suite "expr") and one row, in the suite's schema.
func (c *benchCommand) time() (*bench.Report, error) {
	start := c.now()
	opts := append(exprOptions(c.backend, c.threads), accuracyOptions(c.accMode)...)
	if c.coexec {
		opts = append(opts, numeric.WithCoexecution())
	}
	e, err := numeric.Compile(c.expr, opts...)
	if err != nil {
		return nil, err
	}
	if name := c.shapes.unknown(e.Names()); name != "" {
		return nil, fmt.Errorf("--shape %s: the expression has no input %s (inputs: %s)", name, name, strings.Join(e.Names(), ", "))
	}
	rng := rand.New(rand.NewPCG(c.seed, 0))
	vars := numeric.Vars{}
	var bytes int64
	fill := func(n int) any { return randomBenchArray(rng, n, c.dtype) }
	for _, name := range e.Names() {
		v, count, err := c.shapes.input(name, c.n, fill)
		if err != nil {
			return nil, err
		}
		vars[name] = v
		bytes += int64(count) * int64(dtypeSize(c.dtype))
	}
	if c.explain {
		text, err := e.Explain(vars)
		if err != nil {
			return nil, err
		}
		fmt.Fprint(c.stderr, text)
	}
	ctx := context.Background()
	first, err := e.Eval(ctx, vars) // the warm-up, and the destination's type
	if err != nil {
		return nil, err
	}
	dst, n := first.Data, c.n
	switch {
	case first.Scalar:
		dst = scalarPointer(first.Type)
		if len(c.shapes) > 0 {
			n = c.shapes.elements(e.Names(), c.n)
		}
	case len(c.shapes) > 0:
		out := 1
		for _, d := range first.Shape {
			out *= d
		}
		dst = numeric.NewArray(first.Data, first.Shape...)
		bytes += int64(out) * int64(first.Type.Size())
		n = max(out, c.shapes.elements(e.Names(), c.n))
	default:
		bytes += int64(n) * int64(first.Type.Size())
	}
	samples := make([]float64, c.repeat)
	for i := range samples {
		t0 := c.now()
		if err := e.EvalInto(ctx, dst, vars); err != nil {
			return nil, err
		}
		samples[i] = c.now().Sub(t0).Seconds()
	}
	times := slices.Sorted(slices.Values(samples))
	choice, err := e.Choose(vars)
	if err != nil {
		return nil, err
	}
	r := bench.Row{
		Record: "row", Case: "expr", Expr: c.expr, N: n, DType: c.dtype, Backend: e.Backend(), Kind: "numkit",
		Threads: choice.Threads, // where it ran
		Repeat:  c.repeat, Inner: 1, MinS: times[0], MedianS: median(times), MaxS: times[len(times)-1],
		BytesMoved: bytes, Samples: samples, Status: bench.StatusOK,
	}
	if r.MedianS > 0 {
		r.Spread = (r.MaxS - r.MinS) / r.MedianS
		r.GBPerS = float64(bytes) / r.MedianS / 1e9
		r.GElemPerS = float64(n) / r.MedianS / 1e9
	}
	r.Noisy = r.Spread > bench.NoisySpread
	hw, _ := c.hardware()
	m := bench.MachineFor(hw, start, "expr")
	m.Version = numkitVersion()
	m.Backends = []bench.BackendStatus{{Name: r.Backend, Usable: true}}
	end := c.now()
	m.ElapsedS = end.Sub(start).Seconds()
	return &bench.Report{Machine: m, Rows: []bench.Row{r}, Elapsed: end.Sub(start)}, nil
}

func median(sorted []float64) float64 {
	n := len(sorted)
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}

func dtypeSize(dtype string) int {
	switch dtype {
	case "float32":
		return 4
	case "complex128":
		return 16
	}
	return 8
}

func scalarPointer(t numeric.DType) any {
	switch t {
	case numeric.Float32:
		return new(float32)
	case numeric.Int64:
		return new(int64)
	case numeric.Int32:
		return new(int32)
	case numeric.Bool:
		return new(bool)
	case numeric.Complex128:
		return new(complex128)
	case numeric.Complex64:
		return new(complex64)
	}
	return new(float64)
}

func fmtSeconds(s float64) string {
	return time.Duration(s * float64(time.Second)).Round(time.Microsecond / 10).String()
}
