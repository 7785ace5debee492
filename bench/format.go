package bench

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// WriteTable writes the report for people: the machine, then one line per case, size
// and numkit backend with the median time per evaluation, the spread, Gelem/s, GB/s,
// and each Go baseline's median with numkit's speed-up over it. A measurement whose
// spread exceeds NoisySpread is marked "!", and a note under the table counts them.
func WriteTable(w io.Writer, rep *Report) error {
	ew := &errWriter{w: w}
	writeHeader(ew, rep.Machine)
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "case\tdtype\tn\tbackend\ttime\tspread\tGelem/s\tGB/s\tgo-loop\t×loop\tgonum-floats\t×floats\t")
	var notes []string
	for _, g := range groupRows(rep.Rows) {
		loop, floats := g.baseline(BaselineLoop), g.baseline(BaselineFloats)
		lines := g.numkit
		if len(lines) == 0 {
			lines = []Row{{Case: g.first.Case, DType: g.first.DType, N: g.first.N, Backend: "—", Status: "none"}}
		}
		for _, r := range lines {
			cells := []string{r.Case, r.DType, FormatSize(r.N), r.Backend}
			switch r.Status {
			case StatusOK:
				cells = append(cells, formatTime(r.MedianS), formatSpread(r), fmt.Sprintf("%.3f", r.GElemPerS), fmt.Sprintf("%.2f", r.GBPerS))
			case "none":
				cells = append(cells, "—", "", "", "")
			default:
				cells = append(cells, r.Status, "", "", "")
				notes = append(notes, fmt.Sprintf("%s n=%s %s: %s: %s", r.Case, FormatSize(r.N), r.Backend, r.Status, r.Error))
			}
			cells = append(cells, baselineCells(loop, r.SpeedupLoop)...)
			cells = append(cells, baselineCells(floats, r.SpeedupFloats)...)
			fmt.Fprintln(tw, strings.Join(cells, "\t")+"\t")
		}
		for _, b := range []*Row{loop, floats} {
			if b != nil && b.Status != StatusOK {
				notes = append(notes, fmt.Sprintf("%s n=%s %s: %s: %s", b.Case, FormatSize(b.N), b.Backend, b.Status, b.Error))
			}
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	noisy, timed := 0, 0
	for _, r := range rep.Rows {
		if r.Status == StatusOK {
			timed++
			if r.Noisy {
				noisy++
			}
		}
	}
	fmt.Fprintln(ew)
	if noisy > 0 {
		fmt.Fprintf(ew, "noisy: %d of %d measurements (numkit and baselines) had a spread over %.0f%% (marked !):\n", noisy, timed, NoisySpread*100)
		fmt.Fprintln(ew, "       something else was running; compare medians with care, or rerun on a quiet machine.")
	}
	for _, n := range notes {
		fmt.Fprintf(ew, "note: %s\n", n)
	}
	fmt.Fprintf(ew, "%d measurements in %s\n", timed, rep.Elapsed.Round(time.Millisecond))
	return ew.err
}

// writeHeader writes the machine and method lines that head the table.
func writeHeader(w io.Writer, m Machine) {
	fmt.Fprintf(w, "numkit bench: suite %s, %s\n", m.Suite, m.Date)
	hyper := ""
	if m.Hypervisor {
		hyper = ", under a hypervisor"
	}
	fmt.Fprintf(w, "cpu       %s: %d cores, %d threads%s; SIMD %s\n", m.CPU, m.Cores, m.Threads, hyper, m.SIMD)
	devices := "none"
	if len(m.Devices) > 0 {
		devices = strings.Join(m.Devices, "; ")
	}
	fmt.Fprintf(w, "opencl    %s\n", devices)
	fmt.Fprintf(w, "go        %s %s/%s, GOMAXPROCS %d\n", m.GoVersion, m.OS, m.Arch, m.GOMAXPROCS)
	var usable, not []string
	for _, b := range m.Backends {
		if b.Usable {
			usable = append(usable, b.Name)
		} else {
			not = append(not, fmt.Sprintf("%s (%s)", b.Name, b.Reason))
		}
	}
	fmt.Fprintf(w, "backends  %s\n", orNone(strings.Join(usable, ", ")))
	for _, n := range not {
		fmt.Fprintf(w, "          not usable: %s\n", n)
	}
	fmt.Fprintf(w, "method    median time per evaluation of %d-%d timed runs after a warm-up whose result was\n", MinRepeats, MaxRepeats)
	fmt.Fprintln(w, "          checked against the go-loop baseline (without baselines: the first backend);")
	fmt.Fprintf(w, "          spread = (max-min)/median, ! above %.0f%%;\n", NoisySpread*100)
	fmt.Fprintln(w, "          ×loop and ×floats: the baseline's median over numkit's (above 1: numkit is faster)")
	fmt.Fprintln(w)
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// baselineCells are a baseline's time and numkit's speed-up over it.
func baselineCells(b *Row, speedup *float64) []string {
	if b == nil {
		return []string{"—", "—"}
	}
	if b.Status != StatusOK {
		return []string{b.Status, "—"}
	}
	t := formatTime(b.MedianS) + noiseMark(b.Noisy)
	s := "—"
	if speedup != nil {
		s = fmt.Sprintf("%.2f", *speedup)
	}
	return []string{t, s}
}

func formatSpread(r Row) string {
	return fmt.Sprintf("%.0f%%", r.Spread*100) + noiseMark(r.Noisy)
}

// noiseMark is "!" for a noisy measurement, else a space that keeps the digits of
// right-aligned columns in line.
func noiseMark(noisy bool) string {
	if noisy {
		return "!"
	}
	return " "
}

// formatTime writes seconds with three significant digits in ns, µs, ms or s.
func formatTime(s float64) string {
	switch {
	case s <= 0 || math.IsNaN(s):
		return "0"
	case s < 1e-6:
		return strconv.FormatFloat(s*1e9, 'f', digits(s*1e9), 64) + "ns"
	case s < 1e-3:
		return strconv.FormatFloat(s*1e6, 'f', digits(s*1e6), 64) + "µs"
	case s < 1:
		return strconv.FormatFloat(s*1e3, 'f', digits(s*1e3), 64) + "ms"
	}
	return strconv.FormatFloat(s, 'f', digits(s), 64) + "s"
}

// digits is the number of decimals that leave three significant digits for v in [1, 1000).
func digits(v float64) int {
	switch {
	case v >= 99.95:
		return 0
	case v >= 9.995:
		return 1
	}
	return 2
}

// rowGroup is one case and size: its numkit rows and its baselines.
type rowGroup struct {
	first     Row
	numkit    []Row
	baselines []Row
}

func (g *rowGroup) baseline(name string) *Row {
	for i := range g.baselines {
		if g.baselines[i].Backend == name {
			return &g.baselines[i]
		}
	}
	return nil
}

// groupRows groups consecutive rows of one case and size.
func groupRows(rows []Row) []*rowGroup {
	var groups []*rowGroup
	for _, r := range rows {
		if len(groups) == 0 || groups[len(groups)-1].first.Case != r.Case || groups[len(groups)-1].first.N != r.N {
			groups = append(groups, &rowGroup{first: r})
		}
		g := groups[len(groups)-1]
		if r.Kind == "baseline" {
			g.baselines = append(g.baselines, r)
		} else {
			g.numkit = append(g.numkit, r)
		}
	}
	return groups
}

// WriteJSON writes JSON lines: the machine (record "machine") and then one object per
// row (record "row"), with the fields documented in docs/bench.md.
func WriteJSON(w io.Writer, rep *Report) error {
	enc := json.NewEncoder(w)
	if err := enc.Encode(rep.Machine); err != nil {
		return err
	}
	for _, r := range rep.Rows {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return nil
}

// CSVColumns are the columns of WriteCSV, named as the JSON row fields.
var CSVColumns = []string{"case", "expr", "dtype", "n", "backend", "kind", "threads", "repeat", "inner",
	"min_s", "median_s", "max_s", "spread", "noisy", "gelem_per_s", "gb_per_s", "bytes_moved",
	"speedup_loop", "speedup_floats", "max_error", "allocs_per_eval", "bytes_per_eval", "peak_heap_bytes",
	"samples_s", "status", "error"}

// WriteCSV writes one header line (CSVColumns) and one line per row; a value that does
// not apply is empty, and samples_s holds the samples separated by spaces. The machine is not in the CSV: use --json or the table for it.
func WriteCSV(w io.Writer, rep *Report) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVColumns); err != nil {
		return err
	}
	for _, r := range rep.Rows {
		rec := []string{r.Case, r.Expr, r.DType, strconv.Itoa(r.N), r.Backend, r.Kind,
			strconv.Itoa(r.Threads), strconv.Itoa(r.Repeat), strconv.Itoa(r.Inner),
			fmtFloat(r.MinS), fmtFloat(r.MedianS), fmtFloat(r.MaxS), fmtFloat(r.Spread),
			strconv.FormatBool(r.Noisy), fmtFloat(r.GElemPerS), fmtFloat(r.GBPerS),
			strconv.FormatInt(r.BytesMoved, 10), fmtFloatPtr(r.SpeedupLoop), fmtFloatPtr(r.SpeedupFloats),
			fmtFloat(r.MaxError), fmtFloatPtr(r.AllocsPerEval), fmtFloatPtr(r.BytesPerEval), "",
			fmtFloats(r.Samples), r.Status, r.Error}
		if r.PeakHeapBytes != nil {
			rec[22] = strconv.FormatInt(*r.PeakHeapBytes, 10)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func fmtFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

func fmtFloats(v []float64) string {
	s := make([]string, len(v))
	for i, f := range v {
		s[i] = fmtFloat(f)
	}
	return strings.Join(s, " ")
}

func fmtFloatPtr(v *float64) string {
	if v == nil {
		return ""
	}
	return fmtFloat(*v)
}

// errWriter keeps the first write error so a long report checks it once.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}
