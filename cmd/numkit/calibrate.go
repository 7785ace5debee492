package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/schollz/progressbar/v3"

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
	fs := flag.NewFlagSet("numkit calibrate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	progress := fs.String("progress", "auto", "progress bar on stderr: auto (when stderr is a terminal), on or off")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: numkit calibrate [--progress auto|on|off]")
		fmt.Fprintln(stderr)
		fmt.Fprintln(stderr, "Measures each usable backend (fixed cost, per-element cost by kind of operation,")
		fmt.Fprintln(stderr, "memory bandwidth, cost of an extra thread) and stores the profile the router uses")
		fmt.Fprintln(stderr, "under NUMKIT_CACHE_DIR. Takes a few seconds.")
		fmt.Fprintln(stderr)
		fs.PrintDefaults()
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
	if !slices.Contains([]string{"auto", "on", "off"}, *progress) {
		fmt.Fprintf(stderr, "numkit calibrate: --progress %q: want auto, on or off\n", *progress)
		return 2
	}
	var lines []numeric.CalibrationStep
	report := func(s numeric.CalibrationStep) { fmt.Fprintln(stdout, s) }
	if *progress == "on" || *progress == "auto" && terminal {
		var bar *progressbar.ProgressBar
		report = func(s numeric.CalibrationStep) {
			if bar == nil {
				bar = progressbar.NewOptions(s.Total, progressbar.OptionSetWriter(stderr),
					progressbar.OptionShowCount(), progressbar.OptionSetElapsedTime(true),
					progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100*time.Millisecond),
					progressbar.OptionSetWidth(30))
			}
			lines = append(lines, s)
			bar.Describe(fmt.Sprintf("%-7s %-34s", s.Backend, s.What))
			bar.Set(s.Done)
			if s.Done == s.Total {
				bar.Finish()
			}
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
