// Command numkit evaluates and benchmarks array expressions and reports the hardware
// numkit found.
//
//	numkit info [--json]           the hardware capability report
//	numkit eval EXPR [flags]       evaluate an expression over .npy inputs
//	numkit bench [flags]           benchmark suites and single expressions
//
// Run numkit COMMAND -h for each command's flags.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Stdout, os.Stderr, os.Args[1:]))
}

// command is one subcommand: it parses its own flags and returns the exit code
// (0 success, 1 failure, 2 bad usage).
type command struct {
	name    string
	summary string
	run     func(stdout, stderr io.Writer, args []string) int
}

// commands is filled by each subcommand's file in its init function.
var commands []command

func register(c command) { commands = append(commands, c) }

func run(stdout, stderr io.Writer, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(stdout, stderr, args[1:])
		}
	}
	fmt.Fprintf(stderr, "numkit: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: numkit COMMAND [flags]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "commands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
}
