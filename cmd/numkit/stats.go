package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/numkit/numkit/numeric"
)

func init() {
	register(command{
		name:    "stats",
		summary: "moments of a .npy array or of an expression over it",
		run: func(stdout, stderr io.Writer, args []string) int {
			return (&statsCommand{stdin: os.Stdin}).run(stdout, stderr, args)
		},
	})
}

// statsCommand is `numkit stats FILE.npy [--expr EXPR] [-i name=file.npy] [--skip-nan] [--json]`.
type statsCommand struct {
	expr    string
	inputs  listFlag
	skipNaN bool
	json    bool
	threads int
	backend string
	axis    string    // --axis: moments of each line along this axis
	stdin   io.Reader // what FILE - reads
}

func (c *statsCommand) flags(stderr io.Writer) (*flag.FlagSet, func(io.Writer)) {
	fs := newFlagSet("numkit stats", stderr)
	fs.StringVar(&c.expr, "expr", "", "report the moments of this expression's result; FILE.npy is the variable x")
	fs.Var(&c.inputs, "i", "another input `name=file.npy` for --expr (repeatable)")
	fs.BoolVar(&c.skipNaN, "skip-nan", false, "leave NaNs out (default: a NaN makes the statistics NaN)")
	fs.BoolVar(&c.json, "json", false, "print JSON")
	fs.IntVar(&c.threads, "threads", 0, "goroutines (default: NUMKIT_THREADS, else GOMAXPROCS)")
	fs.StringVar(&c.backend, "backend", "", "backend for --expr: auto, gonum, simd or opencl")
	fs.StringVar(&c.axis, "axis", "", "the moments of each line along this `axis` (negative: from the end), an array of the other axes' shape")
	usage := func(w io.Writer) {
		fmt.Fprintln(w, "usage: numkit stats FILE.npy|- [--expr EXPR] [-i name=file.npy ...] [--axis K] [--skip-nan] [--json]")
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Prints the count, mean, standard deviation, variance, skewness, excess kurtosis,")
		fmt.Fprintln(w, "minimum and maximum of a .npy array (or of EXPR evaluated with the array as x),")
		fmt.Fprintln(w, "computed in one pass by numeric.Moments. std, var, skew and kurt are the population")
		fmt.Fprintln(w, "statistics (ddof=0); --json also gives the sample-adjusted ones. An N-d array is")
		fmt.Fprintln(w, "summarised whole (in C order) or, with --axis K, line by line along axis K.")
		fmt.Fprintln(w)
		printFlags(fs, w)
	}
	return fs, usage
}

func (c *statsCommand) run(stdout, stderr io.Writer, args []string) int {
	fs, usage := c.flags(stderr)
	file, code := parseWithPositional(fs, usage, stdout, stderr, args)
	if code >= 0 {
		return code
	}
	if file == "" {
		fmt.Fprintln(stderr, "numkit stats: missing the .npy file")
		usage(stderr)
		return 2
	}
	if c.threads < 0 {
		fmt.Fprintln(stderr, "numkit stats: --threads must not be negative")
		return 2
	}
	res, err := c.data(file)
	if err != nil {
		fmt.Fprintf(stderr, "numkit stats: %v\n", err)
		return 1
	}
	data, err := floats(res.Data)
	if err != nil {
		fmt.Fprintf(stderr, "numkit stats: %v\n", err)
		return 1
	}
	opts := []numeric.MomentsOption{numeric.MomentsThreads(c.threads)}
	if c.skipNaN {
		opts = append(opts, numeric.SkipNaN())
	}
	if c.axis != "" {
		return c.runAxis(stdout, stderr, res, data, opts)
	}
	var s numeric.MomentStats
	switch v := data.(type) {
	case []float32:
		s = numeric.Moments(v, opts...)
	case []float64:
		s = numeric.Moments(v, opts...)
	}
	if c.json {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(statsJSON(s, c.skipNaN)); err != nil {
			fmt.Fprintf(stderr, "numkit stats: %v\n", err)
			return 1
		}
		return 0
	}
	printStats(stdout, s, c.skipNaN)
	return 0
}

// data reads the file (and evaluates --expr over it) and returns the values in C
// order with their shape.
func (c *statsCommand) data(file string) (numeric.Result, error) {
	var v any
	var err error
	stdin := c.stdin
	if file == "-" {
		v, err = readNpyStream(stdin, "stdin")
		stdin = nil // read
	} else {
		v, err = readNpy(file)
	}
	if err != nil {
		return numeric.Result{}, err
	}
	expr := c.expr
	if expr == "" {
		if len(c.inputs) > 0 {
			return numeric.Result{}, fmt.Errorf("-i needs --expr")
		}
		if _, nd := v.(*numeric.Array); !nd {
			return numeric.Result{Data: v, Scalar: !isSlice(v)}, nil
		}
		expr = "x" // the N-d array itself, in C order
	}
	vars := numeric.Vars{"x": v}
	if err := readInputSpecs(vars, c.inputs, stdin); err != nil {
		return numeric.Result{}, err
	}
	return numeric.Evaluate(expr, vars, exprOptions(c.backend, c.threads)...)
}

// floats returns v as []float64 or []float32.
func floats(v any) (any, error) {
	switch s := v.(type) {
	case []float64, []float32:
		return s, nil
	case float64:
		return []float64{s}, nil
	case float32:
		return []float32{s}, nil
	case []int64:
		return convert(s), nil
	case []int32:
		return convert(s), nil
	case int64:
		return []float64{float64(s)}, nil
	case int32:
		return []float64{float64(s)}, nil
	case []bool, bool:
		return nil, fmt.Errorf("moments of bool values are not defined (count them with sum)")
	case []complex128, []complex64, complex128, complex64:
		return nil, fmt.Errorf("moments of complex values are not defined (take the parts first: numkit eval 'real(z)' -i z=FILE -o re.npy)")
	}
	return nil, fmt.Errorf("moments of %T are not supported", v)
}

func convert[T int32 | int64](s []T) []float64 {
	out := make([]float64, len(s))
	for i, v := range s {
		out[i] = float64(v)
	}
	return out
}

func printStats(w io.Writer, s numeric.MomentStats, skipNaN bool) {
	fmt.Fprintf(w, "count  %d\n", s.Count)
	if skipNaN {
		fmt.Fprintf(w, "nans   %d\n", s.NaNs)
	}
	for _, f := range []struct {
		name string
		v    float64
	}{
		{"mean", s.Mean}, {"std", s.Std}, {"var", s.Var}, {"skew", s.Skew},
		{"kurt", s.Kurt}, {"min", s.Min}, {"max", s.Max},
	} {
		fmt.Fprintf(w, "%-6s %s\n", f.name, strconv.FormatFloat(f.v, 'g', -1, 64))
	}
}

// jsonFloat is a float that encodes NaN and ±Inf, which JSON lacks, as null.
type jsonFloat float64

func (f jsonFloat) MarshalJSON() ([]byte, error) {
	v := float64(f)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, v, 'g', -1, 64), nil
}

type statsOutput struct {
	SchemaVersion int       `json:"schema_version"` // 1
	Version       string    `json:"version"`        // numkit's version
	Count         int       `json:"count"`
	NaNs          *int      `json:"nans,omitempty"`
	Mean          jsonFloat `json:"mean"`
	Std           jsonFloat `json:"std"`
	Var           jsonFloat `json:"var"`
	Skew          jsonFloat `json:"skew"`
	Kurt          jsonFloat `json:"kurt"`
	Min           jsonFloat `json:"min"`
	Max           jsonFloat `json:"max"`
	SampleStd     jsonFloat `json:"sample_std"`
	SampleVar     jsonFloat `json:"sample_var"`
	SampleSkew    jsonFloat `json:"sample_skew"`
	SampleKurt    jsonFloat `json:"sample_kurt"`
}

func statsJSON(s numeric.MomentStats, skipNaN bool) statsOutput {
	out := statsOutput{
		SchemaVersion: 1, Version: numkitVersion(),
		Count: s.Count, Mean: jsonFloat(s.Mean), Std: jsonFloat(s.Std), Var: jsonFloat(s.Var),
		Skew: jsonFloat(s.Skew), Kurt: jsonFloat(s.Kurt), Min: jsonFloat(s.Min), Max: jsonFloat(s.Max),
		SampleStd: jsonFloat(s.SampleStd), SampleVar: jsonFloat(s.SampleVar),
		SampleSkew: jsonFloat(s.SampleSkew), SampleKurt: jsonFloat(s.SampleKurt),
	}
	if skipNaN {
		out.NaNs = &s.NaNs
	}
	return out
}

// runAxis prints the moments of each line of res along --axis: arrays of the shape of
// the other axes, in C order.
func (c *statsCommand) runAxis(stdout, stderr io.Writer, res numeric.Result, data any, opts []numeric.MomentsOption) int {
	axis, err := strconv.Atoi(c.axis)
	shape := res.Shape
	if shape == nil && !res.Scalar {
		shape = []int{res.Len()}
	}
	if err == nil && axis < 0 {
		axis += len(shape)
	}
	if err != nil || res.Scalar || axis < 0 || axis >= len(shape) {
		fmt.Fprintf(stderr, "numkit stats: --axis %s: want an integer axis of the array, whose shape is %s\n", c.axis, shapeText(shape))
		return 2
	}
	outShape := append(append([]int{}, shape[:axis]...), shape[axis+1:]...)
	n := 1
	for _, d := range outShape {
		n *= d
	}
	inner := 1 // the distance between neighbours along axis, in C order
	for _, d := range shape[axis+1:] {
		inner *= d
	}
	all := make([]numeric.MomentStats, n)
	for i := range n {
		start := i/inner*inner*shape[axis] + i%inner // line i's first element
		switch s := data.(type) {
		case []float64:
			all[i] = numeric.Moments(line(s, start, inner, shape[axis]), opts...)
		case []float32:
			all[i] = numeric.Moments(line(s, start, inner, shape[axis]), opts...)
		}
	}
	cols := statsColumns(all, c.skipNaN)
	if c.json {
		out := map[string]any{"schema_version": 1, "version": numkitVersion(), "axis": axis, "shape": outShape}
		for _, col := range cols {
			out[col.name] = col.values
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			fmt.Fprintf(stderr, "numkit stats: %v\n", err)
			return 1
		}
		return 0
	}
	fmt.Fprintf(stdout, "axis   %d of %s: shape %s\n", axis, shapeText(shape), shapeText(outShape))
	for _, col := range cols {
		parts := make([]string, len(col.values))
		for i, v := range col.values {
			parts[i] = strconv.FormatFloat(float64(v), 'g', -1, 64)
		}
		fmt.Fprintf(stdout, "%-6s [%s]\n", col.name, strings.Join(parts, " "))
	}
	return 0
}

// line copies the n elements of s from start, stride apart.
func line[T float32 | float64](s []T, start, stride, n int) []T {
	out := make([]T, n)
	for k := range out {
		out[k] = s[start+k*stride]
	}
	return out
}

type statsColumn struct {
	name   string
	values []jsonFloat
}

// statsColumns is each statistic of every line.
func statsColumns(all []numeric.MomentStats, skipNaN bool) []statsColumn {
	pick := []struct {
		name string
		f    func(numeric.MomentStats) float64
	}{
		{"count", func(s numeric.MomentStats) float64 { return float64(s.Count) }},
		{"nans", func(s numeric.MomentStats) float64 { return float64(s.NaNs) }},
		{"mean", func(s numeric.MomentStats) float64 { return s.Mean }},
		{"std", func(s numeric.MomentStats) float64 { return s.Std }},
		{"var", func(s numeric.MomentStats) float64 { return s.Var }},
		{"skew", func(s numeric.MomentStats) float64 { return s.Skew }},
		{"kurt", func(s numeric.MomentStats) float64 { return s.Kurt }},
		{"min", func(s numeric.MomentStats) float64 { return s.Min }},
		{"max", func(s numeric.MomentStats) float64 { return s.Max }},
	}
	var cols []statsColumn
	for _, p := range pick {
		if p.name == "nans" && !skipNaN {
			continue
		}
		col := statsColumn{name: p.name, values: make([]jsonFloat, len(all))}
		for i, s := range all {
			col.values[i] = jsonFloat(p.f(s))
		}
		cols = append(cols, col)
	}
	return cols
}

// isSlice reports whether v, a value readNpy returned, is a 1-d array.
func isSlice(v any) bool {
	switch v.(type) {
	case []float64, []float32, []int64, []int32, []bool:
		return true
	}
	return false
}
