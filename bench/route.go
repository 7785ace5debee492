package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"runtime"
	"slices"
	"strconv"
	"time"

	"github.com/numkit/numkit/numeric"
)

// RouteSizes are the sizes the routing table measures by default.
var RouteSizes = []int{1e3, 1e5, 2e7}

// RouteTolerance is how much slower than the fastest forced backend auto may be in a
// routing table row and still count as a good choice.
const RouteTolerance = 1.10

// RouteCases are the public cases' expressions in float64 and in float32, each once.
func RouteCases() []Case {
	var out []Case
	seen := map[string]bool{}
	for _, c := range publicCases {
		for _, dtype := range []string{"float64", "float32"} {
			key := c.Expr + "/" + dtype
			if seen[key] {
				continue
			}
			seen[key] = true
			name := c.Name
			if dtype != c.DType {
				if dtype == "float32" {
					name += "32"
				} else {
					name = name[:len(name)-2]
				}
			}
			out = append(out, Case{Name: name, Expr: c.Expr, DType: dtype, Public: true, Note: c.Note})
		}
	}
	return out
}

// RouteConfig says what RouteTable measures.
type RouteConfig struct {
	Cases    []Case   // default RouteCases()
	Sizes    []int    // default RouteSizes
	Backends []string // the forced backends to compare auto with; default all usable
	Rounds   int      // interleaved rounds per case and size; default 21
	Seed     uint64
	Progress func(done, total int, next string)
}

// RouteRow is one case at one size: each forced backend's and auto's median time per
// evaluation, where auto ran, and how it compares with the fastest forced backend.
type RouteRow struct {
	Schema  int                `json:"schema_version"` // LineSchemaVersion, set by WriteRouteJSON
	Version string             `json:"version"`        // numkit's version, set by WriteRouteJSON
	Case    string             `json:"case"`
	Expr    string             `json:"expr"`
	DType   string             `json:"dtype"`
	N       int                `json:"n"`
	Times   map[string]float64 `json:"times_s"` // backend (and "auto") -> median seconds
	Choice  string             `json:"auto_choice"`
	Fastest string             `json:"fastest"`
	Ratio   float64            `json:"auto_over_fastest"`
	Errors  map[string]string  `json:"errors,omitempty"`
}

// Good reports whether auto was within RouteTolerance of the fastest forced backend.
func (r RouteRow) Good() bool { return r.Ratio > 0 && r.Ratio <= RouteTolerance }

// RouteTable times every case at every size on each forced backend and on auto, in
// interleaved rounds (each round runs every backend once, so drifting load affects
// them alike), and records auto's choice.
func RouteTable(ctx context.Context, cfg RouteConfig) ([]RouteRow, error) {
	if cfg.Cases == nil {
		cfg.Cases = RouteCases()
	}
	if cfg.Sizes == nil {
		cfg.Sizes = RouteSizes
	}
	if cfg.Rounds <= 0 {
		cfg.Rounds = 21
	}
	if cfg.Backends == nil {
		hw, _ := numeric.Hardware()
		for _, b := range hw.Backends {
			if probeBackend(b.Name, 0, hw).Usable {
				cfg.Backends = append(cfg.Backends, b.Name)
			}
		}
	}
	var rows []RouteRow
	total := len(cfg.Cases) * len(cfg.Sizes)
	for _, n := range cfg.Sizes {
		data := map[string]*inputs{}
		for _, c := range cfg.Cases {
			if err := ctx.Err(); err != nil {
				return rows, err
			}
			if cfg.Progress != nil {
				cfg.Progress(len(rows), total, fmt.Sprintf("%s n=%s", c.Name, FormatSize(n)))
			}
			in := data[c.DType]
			if in == nil {
				in = newInputs(cfg.Seed, c.DType, n)
				data[c.DType] = in
			}
			row, err := routeRow(c, n, in, cfg)
			if err != nil {
				return rows, err
			}
			rows = append(rows, row)
		}
	}
	if cfg.Progress != nil {
		cfg.Progress(total, total, "")
	}
	return rows, nil
}

// routeRow measures one case at one size.
func routeRow(c Case, n int, in *inputs, cfg RouteConfig) (RouteRow, error) {
	row := RouteRow{Case: c.Name, Expr: c.Expr, DType: c.DType, N: n, Times: map[string]float64{}, Errors: map[string]string{}}
	names := append(slices.Clone(cfg.Backends), numeric.BackendAuto)
	var ks []kernel
	var kept []string
	var ref any
	var dst any // one destination for all: their timings must not depend on where each one's lies
	for _, name := range names {
		e, err := compileFor(c, name, 0)
		if err != nil {
			row.Errors[name] = err.Error()
			continue
		}
		k := numkitKernel(e, in)
		if dst != nil {
			k = intoKernel(e, in, dst)
		}
		if err := k.run(); err != nil {
			row.Errors[name] = err.Error()
			continue
		}
		got := k.result()
		if dst == nil && !isScalar(got) {
			dst = got
		}
		if ref == nil {
			ref = cloneResult(got)
		} else if _, err := compareResults(got, ref, tolerance(c.DType, isScalar(got))); err != nil {
			row.Errors[name] = "result differs: " + err.Error()
			continue
		}
		if name == numeric.BackendAuto {
			ch, err := e.Choose(in.vars(e.Names()))
			if err != nil {
				return row, err
			}
			row.Choice = ch.Backend
			if ch.Backend != numeric.BackendOpenCL {
				row.Choice = fmt.Sprintf("%s/%d", ch.Backend, ch.Threads)
			}
		}
		ks = append(ks, k)
		kept = append(kept, name)
	}
	samples := make([][]float64, len(ks))
	inner := make([]int, len(ks))
	for i, k := range ks {
		// Evaluations per sample: enough for 3 ms, so the timer's resolution is moot.
		start := time.Now()
		if err := k.run(); err != nil {
			return row, err
		}
		inner[i] = max(1, min(100000, int(3e-3/max(time.Since(start).Seconds(), 1e-9))))
	}
	for round := range cfg.Rounds {
		// Each round starts with another backend, so that whatever running after
		// another one does to the caches and clocks falls on each alike.
		for j := range ks {
			i := (j + round) % len(ks)
			k := ks[i]
			runtime.GC()
			start := time.Now()
			for range inner[i] {
				if err := k.run(); err != nil {
					return row, err
				}
			}
			samples[i] = append(samples[i], time.Since(start).Seconds()/float64(inner[i]))
			if kept[i] == numeric.BackendOpenCL {
				// PoCL's worker threads stay busy a moment after the last kernel:
				// let them settle before the next backend's sample.
				time.Sleep(5 * time.Millisecond)
			}
		}
	}
	best := math.Inf(1)
	for i, name := range kept {
		slices.Sort(samples[i])
		t := median(samples[i])
		row.Times[name] = t
		if name != numeric.BackendAuto && t < best {
			best, row.Fastest = t, name
		}
	}
	if a, ok := row.Times[numeric.BackendAuto]; ok && best > 0 && !math.IsInf(best, 1) {
		row.Ratio = a / best
	}
	if len(row.Errors) == 0 {
		row.Errors = nil
	}
	return row, nil
}

// WriteRouteTable prints rows as a Markdown table: each backend's median time, auto's
// time and choice, auto over the fastest forced backend, and a summary line.
func WriteRouteTable(w io.Writer, rows []RouteRow, backends []string) error {
	ew := &errWriter{w: w}
	fmt.Fprintf(ew, "| case | dtype | n |")
	for _, b := range backends {
		fmt.Fprintf(ew, " %s |", b)
	}
	fmt.Fprintf(ew, " auto | auto's choice | auto / fastest |\n|---|---|---|")
	for range backends {
		fmt.Fprint(ew, "---|")
	}
	fmt.Fprintln(ew, "---|---|---|")
	good := 0
	for _, r := range rows {
		fmt.Fprintf(ew, "| %s | %s | %s |", r.Case, r.DType, routeSize(r.N))
		for _, b := range backends {
			fmt.Fprintf(ew, " %s |", routeCell(r, b))
		}
		mark := ""
		if r.Good() {
			good++
		} else {
			mark = " ✗"
		}
		fmt.Fprintf(ew, " %s | %s | %.2f%s |\n", routeCell(r, numeric.BackendAuto), r.Choice, r.Ratio, mark)
	}
	fmt.Fprintf(ew, "\nauto within %.0f%% of the fastest forced backend in %d of %d rows (median times per evaluation)\n",
		(RouteTolerance-1)*100, good, len(rows))
	return ew.err
}

func routeCell(r RouteRow, backend string) string {
	if t, ok := r.Times[backend]; ok {
		s := formatTime(t)
		if backend == r.Fastest {
			s = "**" + s + "**"
		}
		return s
	}
	if _, failed := r.Errors[backend]; failed {
		return "error"
	}
	return "–"
}

// WriteRouteJSON prints one JSON object per row, each with the schema version and
// numkit's version.
func WriteRouteJSON(w io.Writer, rows []RouteRow, version string) error {
	enc := json.NewEncoder(w)
	for _, r := range rows {
		r.Schema, r.Version = LineSchemaVersion, version
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	return nil
}

// intoKernel evaluates e over in into dst, an array from another kernel.
func intoKernel(e *numeric.Expr, in *inputs, dst any) kernel {
	ctx := context.Background()
	vars := in.vars(e.Names())
	return kernel{
		run:    func() error { return e.EvalInto(ctx, dst, vars) },
		result: func() any { return dst },
	}
}

// routeSize writes n as d·10^k compactly ("2e7") where it is one, else as FormatSize.
func routeSize(n int) string {
	for k, p := 3, 1000; p <= n && k <= 9; k, p = k+1, p*10 {
		if n%p == 0 && n/p < 10 {
			return strconv.Itoa(n/p) + "e" + strconv.Itoa(k)
		}
	}
	return FormatSize(n)
}
