package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/numkit/numkit/numeric"
)

func init() {
	register(command{
		name:    "eval",
		summary: "evaluate an expression over .npy inputs (or random data)",
		run: func(stdout, stderr io.Writer, args []string) int {
			return (&evalCommand{stdin: os.Stdin}).run(stdout, stderr, args)
		},
	})
}

// evalCommand is `numkit eval EXPR -i a=a.npy [-s k=2.5] [-o out.npy] ...`.
type evalCommand struct {
	expr    string
	inputs  listFlag
	scalars listFlag
	out     string
	format  string
	backend string
	threads int
	n       int
	seed    uint64
	dtype   string
	explain bool
	acc     string     // --accuracy: default or fast (accuracy.go)
	stdin   io.Reader  // what -i name=- reads
	chunk   chunkFlags // chunk.go: --chunk, --partial, --carry
}

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

func (c *evalCommand) flags(stderr io.Writer) (*flag.FlagSet, func(io.Writer)) {
	fs := newFlagSet("numkit eval", stderr)
	fs.StringVar(&c.expr, "e", "", "the `expression` (instead of the argument; for one that begins with -)")
	fs.Var(&c.inputs, "i", "an input `name=file.npy` (repeatable); file - is stdin")
	fs.Var(&c.scalars, "s", "a scalar input `name=value` (repeatable): an integer, a float, True or False")
	fs.StringVar(&c.out, "o", "", "write the result to this `file` (- for stdout) instead of printing a summary")
	fs.StringVar(&c.format, "format", "", "the result's format: npy, csv, json or text (values, one a line);\n"+
		"default: from -o's extension (.csv, .json, .txt, else npy), or a summary without -o")
	fs.StringVar(&c.backend, "backend", "", "force a backend: auto, gonum, simd or opencl (default: NUMKIT_BACKEND, else auto)")
	fs.Var(accuracyFlag{mode: &c.acc}, "accuracy", "the accuracy `mode`: default or fast (default: NUMKIT_ACCURACY, else default)")
	fs.IntVar(&c.threads, "threads", 0, "goroutines for the CPU backends (default: NUMKIT_THREADS, else GOMAXPROCS)")
	fs.IntVar(&c.n, "n", 0, "with no -i: fill every variable with `N` uniform random values in [0, 1)")
	fs.Uint64Var(&c.seed, "seed", 1, "random seed for --n")
	fs.StringVar(&c.dtype, "dtype", "float64", "element type of the random data for --n: float64 or float32")
	fs.BoolVar(&c.explain, "explain", false, "print the router's choice and estimates to stderr before evaluating")
	c.chunk.register(fs)
	usage := func(w io.Writer) {
		fmt.Fprintln(w, "usage: numkit eval EXPR [-i name=file.npy ...] [-s name=value ...] [-o FILE] [--format F] [--n N]")
		fmt.Fprintln(w, "       numkit eval [flags] -e EXPR")
		fmt.Fprintln(w, "       numkit eval [flags] -- EXPR")
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Evaluates EXPR (numexpr syntax, see docs/language.md) and prints a summary of the")
		fmt.Fprintln(w, "result, or writes it to -o (a .npy file by default) or, with --format, to stdout.")
		fmt.Fprintln(w, "An EXPR that begins with - goes after -e, or last after --:")
		fmt.Fprintln(w, "  numkit eval -e '-a' -i a=a.npy     numkit eval -i a=a.npy -- '-a'")
		fmt.Fprintln(w, "A file - is stdin for -i and stdout for -o:")
		fmt.Fprintln(w, "  numkit eval -i a=- -o - -- 'a*2' < a.npy > b.npy")
		fmt.Fprintln(w)
		printFlags(fs, w)
	}
	return fs, usage
}

func (c *evalCommand) run(stdout, stderr io.Writer, args []string) int {
	fs, usage := c.flags(stderr)
	src, code := parseWithPositional(fs, usage, stdout, stderr, args)
	if code >= 0 {
		return code
	}
	switch {
	case src != "" && c.expr != "":
		fmt.Fprintf(stderr, "numkit eval: two expressions, -e %q and %q\n", c.expr, src)
		return 2
	case c.expr != "":
		src = c.expr
	}
	if src == "" {
		fmt.Fprintln(stderr, "numkit eval: missing the expression")
		usage(stderr)
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
	if c.format != "" && !slices.Contains(evalFormats, c.format) {
		fmt.Fprintf(stderr, "numkit eval: --format %q: want %s\n", c.format, strings.Join(evalFormats, ", "))
		return 2
	}
	e, err := numeric.Compile(src, append(exprOptions(c.backend, c.threads), accuracyOptions(c.acc)...)...)
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
	if c.out == "" && c.format == "" {
		printSummary(stdout, res)
		return 0
	}
	out := c.out
	if out == "" {
		out = "-"
	}
	format := formatFor(c.format, out)
	if out == "-" && format == "npy" && isTerminal(stdout) {
		fmt.Fprintln(stderr, "numkit eval: not writing a binary .npy to a terminal: redirect stdout, or use --format text")
		return 2
	}
	if err := writeOutput(out, stdout, func(w io.Writer) error { return writeResult(w, format, src, res) }); err != nil {
		fmt.Fprintf(stderr, "numkit eval: writing %s: %v\n", outName(out), err)
		return 1
	}
	return 0
}

// outName names an output in messages.
func outName(path string) string {
	if path == "-" {
		return "stdout"
	}
	return path
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
	if err := readInputSpecs(vars, c.inputs, c.stdin); err != nil {
		return nil, err
	}
	for _, s := range c.scalars {
		name, text, ok := strings.Cut(s, "=")
		if !ok || name == "" || text == "" {
			return nil, fmt.Errorf("-s %q: want name=value", s)
		}
		if _, dup := vars[name]; dup {
			return nil, fmt.Errorf("-s %s: %s is given twice", s, name)
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
	if shape := resultShape(r); len(shape) != 1 {
		fmt.Fprintf(w, "%s %s: %s\n", r.Type, shapeText(shape), preview(r.Data, n))
	} else {
		fmt.Fprintf(w, "%s[%d]: %s\n", r.Type, n, preview(r.Data, n))
	}
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
	fs := []string{"min", "max", "mean"}
	if r.Type == numeric.Complex128 || r.Type == numeric.Complex64 {
		fs = []string{"mean"} // complex numbers have no order
	}
	for _, f := range fs {
		v, err := numeric.Evaluate(f+"(x)", numeric.Vars{"x": r.Data})
		if err != nil {
			stats = append(stats, f+" ?")
			continue
		}
		text := fmt.Sprint(v.Data)
		eachValue(v.Data, func(s string) { text = s }) // complex as 1.5-2j
		stats = append(stats, f+" "+text)
	}
	fmt.Fprintln(w, strings.Join(stats, "  "))
}

// resultShape is an array result's shape ((n,) when it carries none).
func resultShape(r numeric.Result) []int {
	if r.Shape != nil {
		return r.Shape
	}
	return []int{r.Len()}
}

// resultValue is what .npy output writes for a result: its data, or for an N-d
// result the C-order array with its shape.
func resultValue(r numeric.Result) any {
	if !r.Scalar && len(r.Shape) != 1 && r.Shape != nil {
		return r.Array()
	}
	return r.Data
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
		case []complex128:
			return formatComplex(s[i], 6, 64)
		case []complex64:
			return formatComplex(complex128(s[i]), 6, 32)
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

// readInputSpecs reads each -i spec, name=file.npy, into vars; file "-" reads stdin
// (once). A name given twice is an error, as is a second "-".
func readInputSpecs(vars numeric.Vars, specs []string, stdin io.Reader) error {
	stdinBy := ""
	for _, in := range specs {
		name, file, ok := strings.Cut(in, "=")
		if !ok || name == "" || file == "" {
			return fmt.Errorf("-i %q: want name=file.npy (file - for stdin)", in)
		}
		if _, dup := vars[name]; dup {
			return fmt.Errorf("-i %s: input %s is given twice", in, name)
		}
		var v any
		var err error
		if file == "-" {
			if stdinBy != "" {
				return fmt.Errorf("-i %s: stdin is already read by -i %s", in, stdinBy)
			}
			stdinBy = in
			if stdin == nil {
				return fmt.Errorf("-i %s: stdin is already read (or there is none)", in)
			}
			v, err = readNpyStream(stdin, "stdin")
		} else {
			v, err = readNpy(file)
		}
		if err != nil {
			return fmt.Errorf("-i %s: %w", in, err)
		}
		vars[name] = v
	}
	return nil
}
