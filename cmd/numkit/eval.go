package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/numkit/numkit/numeric"
)

func init() {
	register(command{
		name:    "eval",
		summary: "evaluate an expression over .npy inputs (or random data)",
		run: func(stdout, stderr io.Writer, args []string) int {
			return (&evalCommand{}).run(stdout, stderr, args)
		},
	})
}

// evalCommand is `numkit eval EXPR -i a=a.npy [-s k=2.5] [-o out.npy] ...`.
type evalCommand struct {
	inputs  listFlag
	scalars listFlag
	out     string
	backend string
	threads int
	n       int
	seed    uint64
	dtype   string
	explain bool
	chunk   chunkFlags // chunk.go: --chunk, --partial, --carry
}

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

func (c *evalCommand) flags(stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("numkit eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Var(&c.inputs, "i", "an input `name=file.npy` (repeatable)")
	fs.Var(&c.scalars, "s", "a scalar input `name=value` (repeatable): an integer, a float, True or False")
	fs.StringVar(&c.out, "o", "", "write the result to this .npy `file` (a 0-d array for a scalar)")
	fs.StringVar(&c.backend, "backend", "", "force a backend: auto, gonum, simd or opencl (default: NUMKIT_BACKEND, else auto)")
	fs.IntVar(&c.threads, "threads", 0, "goroutines for the CPU backends (default: NUMKIT_THREADS, else GOMAXPROCS)")
	fs.IntVar(&c.n, "n", 0, "with no -i: fill every variable with `N` uniform random values in [0, 1)")
	fs.Uint64Var(&c.seed, "seed", 1, "random seed for --n")
	fs.StringVar(&c.dtype, "dtype", "float64", "element type of the random data for --n: float64 or float32")
	fs.BoolVar(&c.explain, "explain", false, "print the router's choice and estimates to stderr before evaluating")
	c.chunk.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: numkit eval EXPR [-i name=file.npy ...] [-s name=value ...] [-o out.npy] [--n N]")
		fmt.Fprintln(stderr)
		fmt.Fprintln(stderr, "Evaluates EXPR (numexpr syntax, see docs/language.md) and writes the result to -o,")
		fmt.Fprintln(stderr, "or prints a summary.")
		fmt.Fprintln(stderr)
		fs.PrintDefaults()
	}
	return fs
}

func (c *evalCommand) run(stdout, stderr io.Writer, args []string) int {
	fs := c.flags(stderr)
	src, code := parseWithPositional(fs, args)
	if code >= 0 {
		return code
	}
	if src == "" {
		fmt.Fprintln(stderr, "numkit eval: missing the expression")
		fs.Usage()
		return 2
	}
	if c.threads < 0 || c.n < 0 {
		fmt.Fprintln(stderr, "numkit eval: --threads and --n must not be negative")
		return 2
	}
	if c.dtype != "float64" && c.dtype != "float32" {
		fmt.Fprintf(stderr, "numkit eval: --dtype %q: want float64 or float32\n", c.dtype)
		return 2
	}
	e, err := numeric.Compile(src, exprOptions(c.backend, c.threads)...)
	if err != nil {
		fmt.Fprintf(stderr, "numkit eval: %v\n", err)
		return 1
	}
	vars, err := c.vars(e)
	if err != nil {
		fmt.Fprintf(stderr, "numkit eval: %v\n", err)
		return 1
	}
	if c.explain {
		text, err := e.Explain(vars)
		if err != nil {
			fmt.Fprintf(stderr, "numkit eval: %v\n", err)
			return 1
		}
		fmt.Fprint(stderr, text)
	}
	if c.chunk.active() {
		return c.chunk.run(stderr, e, vars)
	}
	res, err := e.Eval(context.Background(), vars)
	if err != nil {
		fmt.Fprintf(stderr, "numkit eval: %v\n", err)
		return 1
	}
	if c.out != "" {
		if err := writeNpy(c.out, res.Data); err != nil {
			fmt.Fprintf(stderr, "numkit eval: writing %s: %v\n", c.out, err)
			return 1
		}
		return 0
	}
	printSummary(stdout, res)
	return 0
}

// parseWithPositional parses flags given before or after one positional argument and
// returns it; code is -1 to go on, else the exit code.
func parseWithPositional(fs *flag.FlagSet, args []string) (positional string, code int) {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		positional, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return "", 0
		}
		return "", 2
	}
	rest := fs.Args()
	if positional == "" && len(rest) > 0 {
		positional, rest = rest[0], rest[1:]
	}
	if len(rest) > 0 {
		fmt.Fprintf(fs.Output(), "%s: unexpected argument %q\n", fs.Name(), rest[0])
		return "", 2
	}
	return positional, -1
}

func exprOptions(backend string, threads int) []numeric.Option {
	var opts []numeric.Option
	if backend != "" {
		opts = append(opts, numeric.WithBackend(backend))
	}
	if threads > 0 {
		opts = append(opts, numeric.WithThreads(threads))
	}
	return opts
}

// vars reads the -i and -s inputs, or makes random ones for --n.
func (c *evalCommand) vars(e *numeric.Expr) (numeric.Vars, error) {
	vars := numeric.Vars{}
	if err := readInputs(vars, c.inputs); err != nil {
		return nil, err
	}
	for _, s := range c.scalars {
		name, text, ok := strings.Cut(s, "=")
		if !ok || name == "" || text == "" {
			return nil, fmt.Errorf("-s %q: want name=value", s)
		}
		v, err := parseScalar(text)
		if err != nil {
			return nil, fmt.Errorf("-s %s: %w", s, err)
		}
		vars[name] = v
	}
	if c.n > 0 {
		rng := rand.New(rand.NewPCG(c.seed, 0))
		for _, name := range e.Names() {
			if _, ok := vars[name]; !ok {
				vars[name] = randomArray(rng, c.n, c.dtype)
			}
		}
	}
	return vars, nil
}

func parseScalar(text string) (any, error) {
	switch text {
	case "True", "true":
		return true, nil
	case "False", "false":
		return false, nil
	}
	if i, err := strconv.ParseInt(text, 0, 64); err == nil {
		if i >= math.MinInt32 && i <= math.MaxInt32 {
			return int32(i), nil
		}
		return i, nil
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil {
		return nil, fmt.Errorf("%q is not an integer, a float, True or False", text)
	}
	return f, nil
}

// randomArray returns n uniform values in [0, 1) of the given dtype.
func randomArray(rng *rand.Rand, n int, dtype string) any {
	if dtype == "float32" {
		s := make([]float32, n)
		for i := range s {
			s[i] = rng.Float32()
		}
		return s
	}
	s := make([]float64, n)
	for i := range s {
		s[i] = rng.Float64()
	}
	return s
}

// printSummary prints a scalar, or an array's type, length, first and last values and
// simple statistics.
func printSummary(w io.Writer, r numeric.Result) {
	if r.Scalar {
		fmt.Fprintf(w, "%v (%s)\n", r.Data, r.Type)
		return
	}
	n := r.Len()
	fmt.Fprintf(w, "%s[%d]: %s\n", r.Type, n, preview(r.Data, n))
	if n == 0 || r.Type == numeric.Bool {
		if b, ok := r.Data.([]bool); ok {
			count := 0
			for _, v := range b {
				if v {
					count++
				}
			}
			fmt.Fprintf(w, "true: %d of %d\n", count, n)
		}
		return
	}
	var stats []string
	for _, f := range []string{"min", "max", "mean"} {
		v, err := numeric.Evaluate(f+"(x)", numeric.Vars{"x": r.Data})
		if err != nil {
			stats = append(stats, f+" ?")
			continue
		}
		stats = append(stats, fmt.Sprintf("%s %v", f, v.Data))
	}
	fmt.Fprintln(w, strings.Join(stats, "  "))
}

// preview shows the first and last three values of an array.
func preview(data any, n int) string {
	show := func(i int) string {
		switch s := data.(type) {
		case []float64:
			return strconv.FormatFloat(s[i], 'g', 6, 64)
		case []float32:
			return strconv.FormatFloat(float64(s[i]), 'g', 6, 32)
		case []int64:
			return strconv.FormatInt(s[i], 10)
		case []int32:
			return strconv.FormatInt(int64(s[i]), 10)
		case []bool:
			return strconv.FormatBool(s[i])
		}
		return "?"
	}
	var parts []string
	for i := 0; i < n; i++ {
		if n > 6 && i == 3 {
			parts = append(parts, "...")
			i = n - 4
			continue
		}
		parts = append(parts, show(i))
	}
	return "[" + strings.Join(parts, " ") + "]"
}
