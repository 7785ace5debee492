package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// newFlagSet returns a FlagSet for a command whose parse errors go to stderr. Its
// usage is printed by parseFlags, not by the flag package, so that --help can go to
// stdout and a parse error to stderr.
func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {}
	return fs
}

// printFlags writes the flags' defaults to w.
func printFlags(fs *flag.FlagSet, w io.Writer) {
	out := fs.Output()
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(out)
}

// parseFlags parses args with fs. On -h or --help it prints usage to stdout and
// returns 0; on a bad flag (already reported on stderr by fs) it prints usage to
// stderr and returns 2; otherwise it returns -1: go on.
func parseFlags(fs *flag.FlagSet, usage func(io.Writer), stdout, stderr io.Writer, args []string) int {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(stdout)
			return 0
		}
		fmt.Fprintln(stderr)
		usage(stderr)
		return 2
	}
	return -1
}

// parseWithPositional parses flags given before and after one positional argument
// and returns it; code is -1 to go on, else the exit code. After "--" every argument
// is positional, so an expression such as "-a" can be given as `-- -a`.
func parseWithPositional(fs *flag.FlagSet, usage func(io.Writer), stdout, stderr io.Writer, args []string) (positional string, code int) {
	if len(args) > 0 && (args[0] == "-" || !strings.HasPrefix(args[0], "-")) {
		positional, args = args[0], args[1:]
	}
	if code := parseFlags(fs, usage, stdout, stderr, args); code >= 0 {
		return "", code
	}
	rest := fs.Args()
	afterDashes := len(rest) < len(args) && args[len(args)-len(rest)-1] == "--"
	if positional == "" && len(rest) > 0 {
		positional, rest = rest[0], rest[1:]
		if !afterDashes { // flags may follow the positional argument
			if code := parseFlags(fs, usage, stdout, stderr, rest); code >= 0 {
				return "", code
			}
			rest = fs.Args()
		}
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "%s: unexpected argument %q (one argument at most; put it after -- if it begins with -)\n", fs.Name(), rest[0])
		return "", 2
	}
	return positional, -1
}
