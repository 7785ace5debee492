package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/numkit/numkit/bench"
	"github.com/numkit/numkit/numeric"
)

// runRoute is `numkit bench --route`: the routing table. Every public case in float64
// and float32 at each size, on each forced backend and on auto, in interleaved rounds;
// it prints each time, auto's choice, and auto over the fastest forced backend.
func (c *benchCommand) runRoute(stdout, stderr io.Writer) int {
	if f := c.given("suite", "csv", "plot", "memory", "no-baselines", "refdata", "threads", "n", "shape", "explain", "expr", "coexec"); f != "" {
		return usageError(stderr, "--%s does not apply with --route", f)
	}
	sizes, cases, backends, code := c.selection(stderr, "the routing table", bench.RouteCases())
	if code >= 0 {
		return code
	}
	cfg := bench.RouteConfig{Cases: cases, Sizes: sizes, Backends: backends, Seed: c.seed}
	if c.set["repeat"] {
		cfg.Rounds = c.repeat
	}
	var bar progress
	cfg.Progress = bar.start(c.progress, c.isTerminal(stderr), stderr)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	rows, runErr := bench.RouteTable(ctx, cfg)
	bar.exit()
	if backends == nil {
		for _, b := range suiteBackends {
			for _, r := range rows {
				if _, ok := r.Times[b]; ok {
					backends = append(backends, b)
					break
				}
			}
		}
	}
	var err error
	if c.json {
		err = bench.WriteRouteJSON(stdout, rows, numkitVersion())
	} else {
		if hw, herr := numeric.Hardware(); herr == nil {
			fmt.Fprintf(stdout, "%s, %d logical cores; %s\n\n", hw.CPU.Brand, hw.CPU.LogicalCores, routeDevice(hw))
		}
		err = bench.WriteRouteTable(stdout, rows, backends)
	}
	if err != nil {
		fmt.Fprintf(stderr, "numkit bench: writing the table: %v\n", err)
		return 1
	}
	if runErr != nil {
		fmt.Fprintf(stderr, "numkit bench: stopped early: %v\n", runErr)
		return 1
	}
	return 0
}

// routeDevice names the OpenCL device the opencl backend uses, if any.
func routeDevice(hw numeric.HardwareReport) string {
	for _, b := range hw.Backends {
		if b.Name == numeric.BackendOpenCL {
			return "opencl: " + b.Reason
		}
	}
	return "no opencl backend"
}
