package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/numkit/numkit/numeric"
)

func init() {
	register(command{
		name:    "merge",
		summary: "merge the partials of a chunked eval (--chunk K/N) into its result",
		run: func(stdout, stderr io.Writer, args []string) int {
			return (&mergeCommand{}).run(stdout, stderr, args)
		},
	})
}

// mergeCommand is `numkit merge FILE... [-o out.npy] [--carry FILE]`.
type mergeCommand struct {
	out   string
	carry string
}

func (c *mergeCommand) flags(stderr io.Writer) (*flag.FlagSet, func(io.Writer)) {
	fs := newFlagSet("numkit merge", stderr)
	fs.StringVar(&c.out, "o", "", "write the result to this .npy `file` (a 0-d array for a scalar)")
	fs.StringVar(&c.carry, "carry", "", "when the expression needs another pass, write what it needs to this `file` (give it to eval --carry)")
	usage := func(w io.Writer) {
		fmt.Fprintln(w, "usage: numkit merge PARTIAL... [-o out.npy] [--carry FILE]")
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Merges the partials of every chunk of `numkit eval EXPR --chunk K/N --partial FILE`,")
		fmt.Fprintln(w, "in any order, into the result numkit eval gives on the whole input (bit for bit, on")
		fmt.Fprintln(w, "the same CPU backend), written to -o or summarised. An expression that needs a")
		fmt.Fprintln(w, "reduction before its element-wise work (a - mean(a)) takes two passes: merge writes")
		fmt.Fprintln(w, "--carry FILE, and the chunks run again with eval --carry FILE.")
		fmt.Fprintln(w)
		printFlags(fs, w)
	}
	return fs, usage
}

func (c *mergeCommand) run(stdout, stderr io.Writer, args []string) int {
	fs, usage := c.flags(stderr)
	// Flags may come before or after the files.
	var files []string
	for {
		if code := parseFlags(fs, usage, stdout, stderr, args); code >= 0 {
			return code
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "numkit merge: no partial files")
		usage(stderr)
		return 2
	}
	parts := make([]*numeric.Partial, len(files))
	for i, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintf(stderr, "numkit merge: %v\n", err)
			return 1
		}
		parts[i] = new(numeric.Partial)
		if err := parts[i].UnmarshalBinary(raw); err != nil {
			fmt.Fprintf(stderr, "numkit merge: %s: %v\n", f, err)
			return 1
		}
	}
	m, err := numeric.Merge(context.Background(), parts)
	if err != nil {
		fmt.Fprintf(stderr, "numkit merge: %v\n", err)
		return 1
	}
	if m.Next != nil {
		if c.carry == "" {
			fmt.Fprintf(stderr, "numkit merge: %q needs another pass over the chunks: give --carry FILE, then run each chunk again with eval --carry FILE\n", parts[0].Source())
			return 1
		}
		raw, err := m.Next.MarshalBinary()
		if err == nil {
			err = writeFileAtomic(c.carry, raw)
		}
		if err != nil {
			fmt.Fprintf(stderr, "numkit merge: writing %s: %v\n", c.carry, err)
			return 1
		}
		fmt.Fprintf(stderr, "numkit merge: wrote %s; run the chunks of %q again with --carry %s\n", c.carry, parts[0].Source(), c.carry)
		return 0
	}
	if c.out != "" {
		if err := writeNpy(c.out, m.Result.Data); err != nil {
			fmt.Fprintf(stderr, "numkit merge: writing %s: %v\n", c.out, err)
			return 1
		}
		return 0
	}
	printSummary(stdout, *m.Result)
	return 0
}
