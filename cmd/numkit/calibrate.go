package main

import (
	"fmt"
	"io"
	"slices"

	"github.com/numkit/numkit/numeric"
)

func init() {
	register(command{
		name:    "calibrate",
		summary: "measure this machine's backends for the router and store the profile",
		run: func(stdout, stderr io.Writer, args []string) int {
			return runCalibrate(stdout, stderr, args, isTerminal(stderr))
		},
	})
}

// runCalibrate is `numkit calibrate`. Each measurement is printed on stdout as it is
// taken; with a progress bar (on stderr, by default when stderr is a terminal) the
// lines are printed when it is done instead, so that the two do not mix.
func runCalibrate(stdout, stderr io.Writer, args []string, terminal bool) int {
	fs := newFlagSet("numkit calibrate", stderr)
	mode := fs.String("progress", "auto", "progress bar on stderr: auto (when stderr is a terminal), on or off")
	usage := func(w io.Writer) {
		fmt.Fprintln(w, "usage: numkit calibrate [--progress auto|on|off]")
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Measures each usable backend (fixed cost, per-element cost by kind of operation,")
		fmt.Fprintln(w, "memory bandwidth, cost of an extra thread) and stores the profile the router uses")
		fmt.Fprintln(w, "under NUMKIT_CACHE_DIR. Takes a few seconds.")
		fmt.Fprintln(w)
		printFlags(fs, w)
	}
	if code := parseFlags(fs, usage, stdout, stderr, args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "numkit calibrate: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if !slices.Contains([]string{"auto", "on", "off"}, *mode) {
		fmt.Fprintf(stderr, "numkit calibrate: --progress %q: want auto, on or off\n", *mode)
		return 2
	}
	var lines []numeric.CalibrationStep
	report := func(s numeric.CalibrationStep) { fmt.Fprintln(stdout, s) }
	var bar progress
	if draw := bar.start(*mode, terminal, stderr); draw != nil {
		report = func(s numeric.CalibrationStep) {
			lines = append(lines, s)
			draw(s.Done, s.Total, fmt.Sprintf("%-7s %s", s.Backend, s.What))
		}
	}
	_, err := numeric.Calibrate(report)
	for _, s := range lines {
		fmt.Fprintln(stdout, s)
	}
	if err != nil {
		fmt.Fprintf(stderr, "numkit calibrate: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "stored %s\n", numeric.ProfilePath())
	return 0
}
