// Package bench holds numkit's benchmark suites, the Go baselines they are compared
// with, and the table, JSON, CSV and plot reports of the numkit bench command
// (docs/bench.md describes the command and every output field).
//
// Conventions:
//
//   - A Case is an expression and the element type of its inputs; Suites lists the
//     named suites. Inputs are generated from a fixed seed, per variable name, so every
//     implementation of a case sees the same arrays.
//   - Every case has a go-loop baseline (a hand-written loop over package math) and,
//     where gonum's floats package can express it, a gonum-floats baseline; both are
//     keyed by the case's name in baselines.go.
//   - Run checks each implementation's warm-up result against the go-loop reference
//     before timing it; a disagreement is a "mismatch" row, never a timing.
//   - Times are seconds per evaluation: the median of repeated runs, with min and max.
//     A spread (max-min)/median above NoisySpread marks the measurement noisy.
//   - Run takes its clock and hardware report from Config, so tests use fakes and the
//     reports can be compared with golden files.
//   - bench imports numeric (and asm for the accuracy table), never the reverse.
package bench
