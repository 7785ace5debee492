// Package bench holds numkit's benchmark suites, the Go baselines they are compared
// with, and the table, JSON, CSV and plot reports of the numkit bench command.
package bench
