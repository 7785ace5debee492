package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/numkit/numkit/numeric"
)

func init() {
	register(command{
		name:    "calibrate",
		summary: "measure this machine's backends for the router and store the profile",
		run:     runCalibrate,
	})
}

// runCalibrate is `numkit calibrate`.
func runCalibrate(stdout, stderr io.Writer, args []string) int {
	fs := flag.NewFlagSet("numkit calibrate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: numkit calibrate")
		fmt.Fprintln(stderr)
		fmt.Fprintln(stderr, "Measures each usable backend (fixed cost, per-element cost by kind of operation,")
		fmt.Fprintln(stderr, "memory bandwidth, cost of an extra thread) and stores the profile the router uses")
		fmt.Fprintln(stderr, "under NUMKIT_CACHE_DIR. Takes a few seconds.")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "numkit calibrate: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if _, err := numeric.Calibrate(stdout); err != nil {
		fmt.Fprintf(stderr, "numkit calibrate: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "stored %s\n", numeric.ProfilePath())
	return 0
}
