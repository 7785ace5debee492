package bench

import (
	"fmt"
	"io"
	"strings"

	"golang.org/x/perf/benchfmt"
)

// WriteGobench writes the report in the Go benchmark format
// (https://go.dev/design/14313-benchmark-format), which benchstat compares:
//
//	benchstat old.txt new.txt
//
// Configuration lines come first (goos, goarch, cpu, numkit, simd, gomaxprocs,
// opencl, suite; expr for --expr), then one line per timed run of each measured row:
//
//	BenchmarkPoly/dtype=float64/n=1000000/backend=simd-2  1  812345 ns/op  3.9e10 B/s  1.2e9 elem/s
//
// The name holds the case and its sub-benchmark keys (dtype, n, backend) and ends
// in the row's goroutines; the iteration count is the evaluations averaged over in
// that run (Row.Inner); ns/op is the run's time per evaluation, B/s and elem/s the
// throughput it gives (bytes moved and elements per input, per second). Rows that
// were not timed (a mismatch, an error, a backend that cannot run the case) have no
// lines: the table and --json report them.
func WriteGobench(w io.Writer, rep *Report) error {
	bw := benchfmt.NewWriter(w)
	m := rep.Machine
	res := &benchfmt.Result{}
	file := func(key, value string) {
		res.Config = append(res.Config, benchfmt.Config{Key: key, Value: []byte(value), File: true})
	}
	file("goos", m.OS)
	file("goarch", m.Arch)
	file("cpu", orUnknown(m.CPU))
	file("numkit", orUnknown(m.Version))
	file("simd", orUnknown(m.SIMD))
	file("gomaxprocs", fmt.Sprint(m.GOMAXPROCS))
	file("opencl", orNone(strings.Join(m.Devices, "; ")))
	file("suite", m.Suite)
	fixed := len(res.Config)
	for _, r := range rep.Rows {
		if r.Status != StatusOK || len(r.Samples) == 0 {
			continue
		}
		res.Config = res.Config[:fixed]
		if m.Suite == "expr" {
			file("expr", r.Expr)
		}
		res.Name = benchfmt.Name(fmt.Sprintf("%s/dtype=%s/n=%d/backend=%s-%d", benchName(r.Case), r.DType, r.N, r.Backend, max(r.Threads, 1)))
		res.Iters = max(r.Inner, 1)
		for _, s := range r.Samples {
			if s <= 0 {
				continue // below the clock's resolution: no finite throughput
			}
			res.Values = append(res.Values[:0],
				benchfmt.Value{Value: s * 1e9, Unit: "ns/op"},
				benchfmt.Value{Value: float64(r.BytesMoved) / s, Unit: "B/s"},
				benchfmt.Value{Value: float64(r.N) / s, Unit: "elem/s"})
			if err := bw.Write(res); err != nil {
				return err
			}
		}
	}
	return nil
}

// benchName turns a case name into a benchmark name: its first letter upper case (as
// Go's BenchmarkXxx), and no spaces or slashes, which the format reserves.
func benchName(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '/':
			return '_'
		}
		return r
	}, s)
	if s == "" {
		return "Unnamed"
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}
