// Command numkit evaluates and benchmarks array expressions and reports the hardware
// numkit found.
//
//	numkit info [--json]           the hardware capability report
//	numkit eval EXPR [flags]       evaluate an expression over .npy inputs
//	numkit stats FILE.npy [flags]  moments of an array
//	numkit bench [flags]           benchmark suites and single expressions
//	numkit calibrate               measure the backends for the router
//	numkit merge PARTIAL...        merge the partial results of chunked runs
//	numkit version                 the build's version, revision and Go version
//
// Run numkit help COMMAND (or numkit COMMAND --help) for each command's flags.
package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/numkit/numkit/numeric"
)

func main() {
	logToStderr()
	os.Exit(run(os.Stdout, os.Stderr, os.Args[1:]))
}

// logToStderr sends numkit's log to standard error at the level NUMKIT_DEBUG=1 or
// NUMKIT_OPENCL_DUMP=1 asks for; otherwise the library's messages are dropped.
func logToStderr() {
	if level, ok := numeric.Verbosity(); ok {
		numeric.SetLogger(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level})))
	}
}

// command is one subcommand: it parses its own flags and returns the exit code
// (0 success, 1 failure, 2 bad usage). Its --help prints to stdout and exits 0.
type command struct {
	name    string
	summary string
	run     func(stdout, stderr io.Writer, args []string) int
}

// commands is filled by each subcommand's file in its init function.
var commands []command

func register(c command) { commands = append(commands, c) }

func run(stdout, stderr io.Writer, args []string) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	switch args[0] {
	case "-h", "-help", "--help":
		usage(stdout)
		return 0
	case "help":
		return runHelp(stdout, stderr, args[1:])
	}
	if c := lookup(args[0]); c != nil {
		if code := checkConfig(c.name, stderr, args[1:]); code >= 0 {
			return code
		}
		return c.run(stdout, stderr, args[1:])
	}
	fmt.Fprintf(stderr, "numkit: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

// runHelp is `numkit help [COMMAND]`.
func runHelp(stdout, stderr io.Writer, args []string) int {
	switch {
	case len(args) == 0:
		usage(stdout)
		return 0
	case len(args) > 1:
		fmt.Fprintf(stderr, "numkit help: want one command, got %d arguments\n", len(args))
		return 2
	}
	c := lookup(args[0])
	if c == nil {
		fmt.Fprintf(stderr, "numkit help: unknown command %q\n\n", args[0])
		usage(stderr)
		return 2
	}
	return c.run(stdout, stderr, []string{"--help"})
}

// checkConfig fails a command that evaluates (eval, stats, bench, calibrate) on a bad
// NUMKIT_* configuration: it prints each problem, naming the variable and what it
// accepts, and returns 1; -1 to go on. info reports the configuration itself; version
// and --help need none.
func checkConfig(name string, stderr io.Writer, args []string) int {
	switch name {
	case "eval", "stats", "bench", "calibrate":
	default:
		return -1
	}
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "-help" || a == "--help" {
			return -1
		}
	}
	err := numeric.CheckConfig()
	if err == nil {
		return -1
	}
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Fprintf(stderr, "numkit %s: %s\n", name, strings.TrimPrefix(line, "numeric: "))
	}
	return 1
}

func lookup(name string) *command {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i]
		}
	}
	return nil
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: numkit COMMAND [flags]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "commands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "  %-10s %s\n", "help", "print a command's usage: numkit help COMMAND")
}
