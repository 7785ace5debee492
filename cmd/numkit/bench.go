package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/numkit/numkit/numeric"
)

func init() {
	register(command{
		name:    "bench",
		summary: "time an expression (--expr) on this machine",
		run: func(stdout, stderr io.Writer, args []string) int {
			return (&benchCommand{now: time.Now}).run(stdout, stderr, args)
		},
	})
}

// benchCommand is `numkit bench --expr EXPR --n N ...`.
type benchCommand struct {
	expr    string
	n       int
	dtype   string
	backend string
	threads int
	repeat  int
	json    bool
	seed    uint64
	now     func() time.Time // time.Now; tests pass a fake clock
}

// exprResult is one timed expression; its JSON fields are what
// ../shared/peers/run.sh --numkit reads.
type exprResult struct {
	Expr       string  `json:"expr"`
	N          int     `json:"n"`
	DType      string  `json:"dtype"`
	Backend    string  `json:"backend"`
	Threads    int     `json:"threads"`
	Repeat     int     `json:"repeat"`
	MinS       float64 `json:"min_s"`
	MedianS    float64 `json:"median_s"`
	MaxS       float64 `json:"max_s"`
	GBPerS     float64 `json:"gb_per_s"`
	GElemPerS  float64 `json:"gelem_per_s"`
	BytesMoved int64   `json:"bytes_moved"`
}

func (c *benchCommand) run(stdout, stderr io.Writer, args []string) int {
	fs := flag.NewFlagSet("numkit bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.expr, "expr", "", "the `expression` to time")
	fs.IntVar(&c.n, "n", 10_000_000, "elements per input")
	fs.StringVar(&c.dtype, "dtype", "float64", "element type of the inputs: float64 or float32")
	fs.StringVar(&c.backend, "backend", "", "force a backend: auto, gonum, simd or opencl")
	fs.IntVar(&c.threads, "threads", 0, "goroutines for the CPU backends (default: NUMKIT_THREADS, else GOMAXPROCS)")
	fs.IntVar(&c.repeat, "repeat", 7, "timed evaluations after one warm-up")
	fs.BoolVar(&c.json, "json", false, "print one JSON object")
	fs.Uint64Var(&c.seed, "seed", 1, "random seed for the inputs")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: numkit bench --expr EXPR [--n N] [--dtype float64|float32] [--backend B] [--threads T] [--repeat R] [--json]")
		fmt.Fprintln(stderr)
		fmt.Fprintln(stderr, "Times EXPR over inputs uniform in [0, 1) from a fixed seed: compiled once, one")
		fmt.Fprintln(stderr, "warm-up, then R evaluations into a preallocated output; reports min and median.")
		fmt.Fprintln(stderr)
		fs.PrintDefaults()
	}
	_, code := parseWithPositional(fs, args)
	if code >= 0 {
		return code
	}
	switch {
	case c.expr == "":
		fmt.Fprintln(stderr, "numkit bench: --expr is required")
		return 2
	case c.n < 0 || c.repeat < 1 || c.threads < 0:
		fmt.Fprintln(stderr, "numkit bench: --n must be ≥ 0, --repeat ≥ 1, --threads ≥ 0")
		return 2
	case c.dtype != "float64" && c.dtype != "float32":
		fmt.Fprintf(stderr, "numkit bench: --dtype %q: want float64 or float32\n", c.dtype)
		return 2
	}
	res, err := c.time()
	if err != nil {
		fmt.Fprintf(stderr, "numkit bench: %v\n", err)
		return 1
	}
	if c.json {
		enc := json.NewEncoder(stdout)
		if err := enc.Encode(res); err != nil {
			fmt.Fprintf(stderr, "numkit bench: %v\n", err)
			return 1
		}
		return 0
	}
	fmt.Fprintf(stdout, "%s  n=%d %s  backend=%s threads=%d\n", res.Expr, res.N, res.DType, res.Backend, res.Threads)
	fmt.Fprintf(stdout, "median %s  min %s  max %s  (%d runs)  %.2f GB/s  %.3f Gelem/s\n",
		fmtSeconds(res.MedianS), fmtSeconds(res.MinS), fmtSeconds(res.MaxS), res.Repeat, res.GBPerS, res.GElemPerS)
	return 0
}

// time compiles the expression, makes its inputs and times it.
func (c *benchCommand) time() (exprResult, error) {
	e, err := numeric.Compile(c.expr, exprOptions(c.backend, c.threads)...)
	if err != nil {
		return exprResult{}, err
	}
	rng := rand.New(rand.NewPCG(c.seed, 0))
	vars := numeric.Vars{}
	var bytes int64
	for _, name := range e.Names() {
		vars[name] = randomArray(rng, c.n, c.dtype)
		bytes += int64(c.n) * int64(dtypeSize(c.dtype))
	}
	ctx := context.Background()
	first, err := e.Eval(ctx, vars) // the warm-up, and the destination's type
	if err != nil {
		return exprResult{}, err
	}
	dst := first.Data
	if first.Scalar {
		dst = scalarPointer(first.Type)
	} else {
		bytes += int64(c.n) * int64(first.Type.Size())
	}
	times := make([]float64, c.repeat)
	for i := range times {
		start := c.now()
		if err := e.EvalInto(ctx, dst, vars); err != nil {
			return exprResult{}, err
		}
		times[i] = c.now().Sub(start).Seconds()
	}
	slices.Sort(times)
	res := exprResult{
		Expr: c.expr, N: c.n, DType: c.dtype, Backend: e.Backend(), Threads: e.Threads(),
		Repeat: c.repeat, MinS: times[0], MedianS: median(times), MaxS: times[len(times)-1],
		BytesMoved: bytes,
	}
	if res.MedianS > 0 {
		res.GBPerS = float64(bytes) / res.MedianS / 1e9
		res.GElemPerS = float64(c.n) / res.MedianS / 1e9
	}
	return res, nil
}

func median(sorted []float64) float64 {
	n := len(sorted)
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}

func dtypeSize(dtype string) int {
	if dtype == "float32" {
		return 4
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
	}
	return new(float64)
}

func fmtSeconds(s float64) string {
	return time.Duration(s * float64(time.Second)).Round(time.Microsecond / 10).String()
}
