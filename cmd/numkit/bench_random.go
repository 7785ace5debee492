package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/numkit/numkit/bench"
	"github.com/numkit/numkit/numeric"
)

// randomFlags are the flags of `numkit bench --suite random`.
type randomFlags struct {
	count    int
	casesOut string
}

// randomDefaultN is the random suite's size when neither --n nor --sizes is given.
const randomDefaultN = 1_000_000

func (c *benchCommand) randomFlagSet(fs *flag.FlagSet) {
	fs.IntVar(&c.random.count, "count", 40, "with --suite random: how many expressions to generate from --seed")
	fs.StringVar(&c.random.casesOut, "cases-out", "", "with --suite random: also write the expressions as a peers cases `file`\n(../shared/peers/run.sh --cases FILE --numkit BIN)")
}

// runRandom is `numkit bench --suite random --seed S [--count 40] [--n N] [--cases-out
// FILE]`: --count expressions generated from the seed (bench.RandomCases), each
// checked against exprgen's evaluator and timed on auto and every backend against it
// as the go-loop baseline, at --n elements (or --sizes).
func (c *benchCommand) runRandom(stdout, stderr io.Writer) int {
	if f := c.given("refdata", "shape", "explain", "coexec", "plot", "memory"); f != "" {
		return usageError(stderr, "--%s does not apply with --suite random", f)
	}
	switch {
	case c.json && c.csv:
		return usageError(stderr, "--json and --csv exclude each other")
	case c.threads < 0:
		return usageError(stderr, "--threads must be ≥ 0")
	case c.random.count < 1 || c.random.count > 1000:
		return usageError(stderr, "--count %d: want 1 to 1000", c.random.count)
	case c.set["n"] && c.n < 1:
		return usageError(stderr, "--n %d: want at least 1", c.n)
	case c.set["n"] && c.set["sizes"]:
		return usageError(stderr, "--n and --sizes exclude each other")
	}
	rc, err := bench.RandomCases(c.seed, c.random.count)
	if err != nil {
		fmt.Fprintf(stderr, "numkit bench: %v\n", err)
		return 1
	}
	sizes, cases, backends, code := c.selection(stderr, "suite random", bench.Cases(rc))
	if code >= 0 {
		return code
	}
	switch {
	case c.set["n"]:
		sizes = []int{c.n}
	case sizes == nil:
		sizes = []int{randomDefaultN}
	}
	if backends == nil {
		backends = []string{numeric.BackendAuto, numeric.BackendGonum, numeric.BackendSIMD, numeric.BackendOpenCL}
	}
	if c.random.casesOut != "" {
		if err := writeCasesFile(c.random.casesOut, c.seed, rc); err != nil {
			fmt.Fprintf(stderr, "numkit bench: --cases-out: %v\n", err)
			return 1
		}
	}
	cfg := bench.Config{Suite: fmt.Sprintf("random (seed %d)", c.seed), Cases: cases, Sizes: sizes, Backends: backends,
		Baselines: !c.noBaseline, Threads: c.threads, Timing: bench.DefaultTiming, Seed: c.seed,
		Clock: c.now, Hardware: c.hardware}
	if c.set["repeat"] {
		cfg.Timing.Repeat = c.repeat
	}
	var bar progress
	cfg.Progress = bar.start(c.progress, c.isTerminal(stderr), stderr)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	rep, runErr := bench.Run(ctx, cfg)
	bar.exit()
	switch {
	case c.json:
		err = bench.WriteJSON(stdout, rep)
	case c.csv:
		err = bench.WriteCSV(stdout, rep)
	default:
		err = bench.WriteTable(stdout, rep)
	}
	if err != nil {
		fmt.Fprintf(stderr, "numkit bench: writing the report: %v\n", err)
		return 1
	}
	if runErr != nil {
		fmt.Fprintf(stderr, "numkit bench: stopped early: %v\n", runErr)
		return 1
	}
	failed := 0
	for _, r := range rep.Rows {
		if r.Status == bench.StatusMismatch || r.Status == bench.StatusError {
			fmt.Fprintf(stderr, "numkit bench: %s n=%d %s: %s: %s\n  expression: %s\n", r.Case, r.N, r.Backend, r.Status, r.Error, r.Expr)
			failed++
		}
	}
	if failed > 0 {
		return 1
	}
	return 0
}

func writeCasesFile(path string, seed uint64, rc []bench.RandomCase) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := bench.WritePeersCases(f, seed, rc); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
