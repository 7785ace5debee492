package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/numkit/numkit/numeric"
)

// chunkFlags are eval's flags for chunked runs (job arrays):
//
//	numkit eval EXPR -i a=a.npy --chunk K/N --partial FILE [--carry FILE]
//
// evaluates chunk K (0 ≤ K < N) of the inputs and writes its partial; `numkit merge`
// joins the partials of all N chunks.
type chunkFlags struct {
	spec    string // K/N
	partial string
	carry   string
}

func (c *chunkFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.spec, "chunk", "", "evaluate chunk `K/N` of the inputs (K from 0 to N-1, cut at 4096-element blocks) and write its partial to --partial; numkit merge joins them")
	fs.StringVar(&c.partial, "partial", "", "with --chunk: write the chunk's partial result to this `file`")
	fs.StringVar(&c.carry, "carry", "", "with --chunk: the `file` numkit merge wrote for an expression's next pass (a - mean(a) takes two)")
}

// active reports whether any chunk flag was given.
func (c *chunkFlags) active() bool { return c.spec != "" || c.partial != "" || c.carry != "" }

// parseChunkSpec parses K/N.
func parseChunkSpec(spec string) (k, n int, err error) {
	ks, ns, ok := strings.Cut(spec, "/")
	if ok {
		k, err = strconv.Atoi(ks)
		if err == nil {
			n, err = strconv.Atoi(ns)
		}
	}
	if !ok || err != nil || n < 1 || k < 0 || k >= n {
		return 0, 0, fmt.Errorf("--chunk %q: want K/N with 0 ≤ K < N, e.g. 3/100", spec)
	}
	return k, n, nil
}

// run evaluates one chunk of vars with e and writes the partial; it returns the exit
// code.
func (c *chunkFlags) run(stderr io.Writer, e *numeric.Expr, vars numeric.Vars) int {
	fail := func(err error) int {
		fmt.Fprintf(stderr, "numkit eval: %v\n", err)
		return 1
	}
	if c.spec == "" || c.partial == "" {
		fmt.Fprintln(stderr, "numkit eval: --chunk K/N and --partial FILE go together (and --carry needs both)")
		return 2
	}
	k, n, err := parseChunkSpec(c.spec)
	if err != nil {
		fmt.Fprintf(stderr, "numkit eval: %v\n", err)
		return 2
	}
	total, first := -1, ""
	for _, name := range e.Names() {
		if a, ok := vars[name].(*numeric.Array); ok {
			// N-d inputs are read as Arrays: a chunk is a range of 1-d elements.
			return fail(fmt.Errorf("%s is an array of shape %v: --chunk cuts 1-d inputs only (evaluate an N-d input whole, or save its C-order data as a 1-d .npy)", name, a.Shape))
		}
		l, ok := arrayLen(vars[name])
		switch {
		case !ok:
		case total < 0:
			total, first = l, name
		case l != total:
			// Cutting would read past the shorter array: say so before slicing.
			return fail(fmt.Errorf("%s has length %d but %s has length %d: every array of a chunked run has the same length", first, total, name, l))
		}
	}
	if total < 0 {
		return fail(fmt.Errorf("%q has no array input to cut into chunks", e.Source()))
	}
	chunk, err := numeric.ChunkOf(k, n, total)
	if err != nil {
		return fail(err)
	}
	var carry *numeric.Carry
	if c.carry != "" {
		raw, err := os.ReadFile(c.carry)
		if err != nil {
			return fail(err)
		}
		carry = new(numeric.Carry)
		if err := carry.UnmarshalBinary(raw); err != nil {
			return fail(fmt.Errorf("%s: %w", c.carry, err))
		}
	}
	p, err := e.EvalPartial(context.Background(), chunk, sliceVars(vars, chunk.Offset, chunk.Offset+chunk.Len), carry)
	if err != nil {
		return fail(err)
	}
	raw, err := p.MarshalBinary()
	if err != nil {
		return fail(err)
	}
	if err := writeFileAtomic(c.partial, raw); err != nil {
		return fail(fmt.Errorf("writing %s: %w", c.partial, err))
	}
	return 0
}

// arrayLen returns the length of an array variable.
func arrayLen(v any) (int, bool) {
	switch s := v.(type) {
	case []float64:
		return len(s), true
	case []float32:
		return len(s), true
	case []int64:
		return len(s), true
	case []int32:
		return len(s), true
	case []bool:
		return len(s), true
	}
	return 0, false
}

// sliceVars returns vars with every array cut to elements [lo, hi) (without copying).
func sliceVars(vars numeric.Vars, lo, hi int) numeric.Vars {
	out := numeric.Vars{}
	for name, v := range vars {
		switch s := v.(type) {
		case []float64:
			v = s[lo:hi]
		case []float32:
			v = s[lo:hi]
		case []int64:
			v = s[lo:hi]
		case []int32:
			v = s[lo:hi]
		case []bool:
			v = s[lo:hi]
		}
		out[name] = v
	}
	return out
}

// writeFileAtomic writes data to path through a temporary file and a rename, so a job
// killed half-way never leaves a truncated partial under the final name.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".numkit-*.part")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
