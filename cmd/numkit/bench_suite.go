package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/numkit/numkit/asm"
	"github.com/numkit/numkit/bench"
	"github.com/numkit/numkit/numeric"
)

// suiteBackends are the backends --backend accepts in suite mode.
var suiteBackends = []string{numeric.BackendAuto, numeric.BackendGonum, numeric.BackendSIMD, numeric.BackendOpenCL}

// runSuite is `numkit bench` without --expr: a suite over sizes, backends and the Go
// baselines. It exits 1 when a result disagreed with the reference or failed (a
// backend that cannot run a case is not a failure).
func (c *benchCommand) runSuite(stdout, stderr io.Writer) int {
	cfg, code := c.suiteConfig(stderr)
	if code >= 0 {
		return code
	}
	var bar progress
	cfg.Progress = bar.start(c.progress, c.isTerminal(stderr), stderr)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	rep, runErr := bench.Run(ctx, cfg)
	bar.exit()
	var err error
	switch c.format {
	case "json":
		err = bench.WriteJSON(stdout, rep)
	case "csv":
		err = bench.WriteCSV(stdout, rep)
	case "gobench":
		err = bench.WriteGobench(stdout, rep)
	default:
		err = bench.WriteTable(stdout, rep)
	}
	if err != nil {
		fmt.Fprintf(stderr, "numkit bench: writing the report: %v\n", err)
		return 1
	}
	if c.plot != "" {
		if err := writePlotFile(c.plot, rep); err != nil {
			fmt.Fprintf(stderr, "numkit bench: %v\n", err)
			return 1
		}
	}
	if runErr != nil {
		fmt.Fprintf(stderr, "numkit bench: stopped early: %v\n", runErr)
		return 1
	}
	failed := 0
	for _, r := range rep.Rows {
		if r.Status == bench.StatusMismatch || r.Status == bench.StatusError {
			fmt.Fprintf(stderr, "numkit bench: %s n=%d %s: %s: %s\n", r.Case, r.N, r.Backend, r.Status, r.Error)
			failed++
		}
	}
	if failed > 0 {
		return 1
	}
	return 0
}

// suiteConfig checks the suite mode's flags and turns them into a bench.Config; code
// is -1 to go on, else the exit code.
func (c *benchCommand) suiteConfig(stderr io.Writer) (cfg bench.Config, code int) {
	if f := c.given("n", "shape", "refdata", "explain", "coexec"); f != "" {
		return cfg, usageError(stderr, "--%s applies only with --%s", f, map[string]string{"n": "expr (a suite takes --sizes)", "refdata": "accuracy"}[f])
	}
	if c.threads < 0 {
		return cfg, usageError(stderr, "--threads must be ≥ 0")
	}
	suite, err := bench.SuiteByName(c.suite)
	if err != nil {
		return cfg, usageError(stderr, "--suite: %v", err)
	}
	sizes, cases, backends, code := c.selection(stderr, "suite "+suite.Name, suite.Cases)
	if code >= 0 {
		return cfg, code
	}
	if sizes == nil {
		sizes = suite.Sizes
	}
	if c.plot != "" {
		if _, err := plotFormat(c.plot); err != nil {
			return cfg, usageError(stderr, "--plot: %v", err)
		}
	}
	cfg = bench.Config{
		Suite: suite.Name, Cases: cases, Sizes: sizes, Backends: backends, Baselines: !c.noBaseline,
		Threads: c.threads, Timing: bench.DefaultTiming, Memory: c.memory, Seed: c.seed,
		Clock: c.now, Hardware: c.hardware, Version: numkitVersion(),
	}
	if c.set["repeat"] {
		cfg.Timing.Repeat = c.repeat
	}
	return cfg, -1
}

// splitList splits a comma-separated list, dropping empty items; "" gives nil.
// selection applies --sizes (nil when not given), --filter, --dtype and --backend to
// the cases of what (a suite, the routing table), after checking --repeat and
// --progress; code is -1, or the exit code of a usage error.
func (c *benchCommand) selection(stderr io.Writer, what string, all []bench.Case) (sizes []int, cases []bench.Case, backends []string, code int) {
	switch {
	case c.set["repeat"] && c.repeat < 1:
		return nil, nil, nil, usageError(stderr, "--repeat must be ≥ 1")
	case !slices.Contains([]string{"auto", "on", "off"}, c.progress):
		return nil, nil, nil, usageError(stderr, "--progress %q: want auto, on or off", c.progress)
	}
	var err error
	if c.sizes != "" {
		if sizes, err = bench.ParseSizes(c.sizes); err != nil {
			return nil, nil, nil, usageError(stderr, "--sizes: %v", err)
		}
	}
	if cases, err = bench.Select(all, c.filter, splitList(c.dtype)); err != nil {
		return nil, nil, nil, usageError(stderr, "%v", err)
	}
	if len(cases) == 0 {
		return nil, nil, nil, usageError(stderr, "no case of %s matches --filter %q and --dtype %q", what, c.filter, c.dtype)
	}
	backends = splitList(c.backend)
	for _, b := range backends {
		if !slices.Contains(suiteBackends, b) {
			return nil, nil, nil, usageError(stderr, "--backend %q: want a comma-separated list of %s", b, strings.Join(suiteBackends, ", "))
		}
	}
	return sizes, cases, backends, -1
}

func splitList(s string) []string {
	var out []string
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// plotFormat is the format a plot file's extension names.
func plotFormat(path string) (string, error) {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(path), "."))
	if !slices.Contains(bench.PlotFormats, ext) {
		return "", fmt.Errorf("%s: want a file name ending in .png or .svg", path)
	}
	return ext, nil
}

// writePlotFile draws the report's plot into path (as -o writes files: atomically,
// or in place into a symlink's target or a special file).
func writePlotFile(path string, rep *bench.Report) error {
	format, err := plotFormat(path)
	if err != nil {
		return err
	}
	if err := writeOutput(path, nil, func(w io.Writer) error { return bench.WritePlot(w, rep, format) }); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// runAccuracy is `numkit bench --accuracy`: the ULP error of every vector math
// function at the SIMD level numkit uses, against the mpmath reference files.
func (c *benchCommand) runAccuracy(stdout, stderr io.Writer) int {
	if f := c.given("expr", "n", "shape", "suite", "sizes", "filter", "plot", "memory", "backend", "dtype",
		"repeat", "threads", "no-baselines", "seed", "progress"); f != "" {
		return usageError(stderr, "--%s does not apply with --accuracy", f)
	}
	refs, where := asm.MathRefData(), "embedded in this build"
	if c.refdata != "" {
		refs, where = os.DirFS(c.refdata), "in "+c.refdata
	}
	hw, _ := c.hardware() // applies numkit's SIMD policy to the kernels measured
	measured, err := c.measureAccuracy(refs)
	if err == nil && len(measured) == 0 {
		err = fmt.Errorf("no reference files %s", "ulp/*_f64.txt "+where)
	}
	if err != nil {
		fmt.Fprintf(stderr, "numkit bench --accuracy: %v\n", err)
		return 1
	}
	rows := c.accuracyBounds(bench.Accuracy(measured))
	switch {
	case c.json:
		err = bench.WriteAccuracyJSON(stdout, rows, numkitVersion())
	case c.csv:
		err = bench.WriteAccuracyCSV(stdout, rows)
	default:
		fmt.Fprintf(stdout, "vector math error in ULPs at SIMD level %s, against the mpmath references %s\n\n", hw.SIMD.Level, where)
		err = bench.WriteAccuracyTable(stdout, rows)
	}
	if err != nil {
		fmt.Fprintf(stderr, "numkit bench --accuracy: %v\n", err)
		return 1
	}
	return 0
}

// progress is a progress bar on stderr, shown when --progress asks for it.
type progress struct{ bar *progressbar.ProgressBar }

// start returns the callback that draws the bar for --progress mode (auto: when
// stderr is a terminal), nil when it is not shown.
func (p *progress) start(mode string, terminal bool, stderr io.Writer) func(done, total int, next string) {
	if mode != "on" && (mode != "auto" || !terminal) {
		return nil
	}
	return func(done, total int, next string) {
		if p.bar == nil {
			p.bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(stderr),
				progressbar.OptionShowCount(), progressbar.OptionSetPredictTime(true),
				progressbar.OptionSetElapsedTime(true), progressbar.OptionClearOnFinish(),
				progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionSetWidth(30))
		}
		p.bar.Describe(fmt.Sprintf("%-28s", next))
		p.bar.Set(done)
		if done == total {
			p.bar.Finish()
		}
	}
}

func (p *progress) exit() {
	if p.bar != nil {
		p.bar.Exit()
	}
}
