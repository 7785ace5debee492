package bench

import (
	"fmt"
	"runtime"
	"strings"
	"time"

	"github.com/numkit/numkit/numeric"
)

// Report is one run of a suite: the machine, the backends, and one row per case,
// size and implementation.
type Report struct {
	Machine Machine
	Rows    []Row
	Elapsed time.Duration
}

// Machine heads a report: what the figures were measured on.
type Machine struct {
	Record string `json:"record"` // always "machine" in --json output
	// SchemaVersion is the version of the JSON lines' layout (SchemaVersion).
	SchemaVersion int `json:"schema_version"`
	// Version is numkit's version (numkit version), "" when unknown.
	Version    string   `json:"version"`
	Date       string   `json:"date"`        // when the run started, RFC 3339
	CPU        string   `json:"cpu"`         // the CPU's brand string
	Cores      int      `json:"cores"`       // physical cores
	Threads    int      `json:"threads"`     // hardware threads
	Hypervisor bool     `json:"hypervisor"`  // running under a hypervisor
	SIMD       string   `json:"simd"`        // the SIMD level numkit's kernels use
	Devices    []string `json:"devices"`     // OpenCL devices, "name (type)"
	GoVersion  string   `json:"go_version"`  // runtime.Version()
	OS         string   `json:"os"`          // runtime.GOOS
	Arch       string   `json:"arch"`        // runtime.GOARCH
	GOMAXPROCS int      `json:"gomaxprocs"`  // runtime.GOMAXPROCS(0)
	Suite      string   `json:"suite"`       // the suite's name, or "expr"
	ElapsedS   float64  `json:"elapsed_s"`   // how long the whole run took
	NoisyAbove float64  `json:"noisy_above"` // NoisySpread
	// Backends are the numkit backends asked for, each usable or not and why.
	Backends []BackendStatus `json:"backends"`
}

// BackendStatus says whether a requested numkit backend ran, and why not.
type BackendStatus struct {
	Name   string `json:"name"`
	Usable bool   `json:"usable"`
	Reason string `json:"reason"`
}

// Row statuses.
const (
	StatusOK       = "ok"       // timed
	StatusMismatch = "mismatch" // disagreed with the reference before timing: not timed
	StatusUnusable = "unusable" // the backend cannot run this case (an error wrapping numeric.ErrBackend)
	StatusError    = "error"    // another error
)

// Row is one measurement. Its JSON and CSV field names are stable (docs/bench.md);
// the fields of `numkit bench --expr --json` that ../shared/peers reads (expr, n,
// dtype, backend, threads, repeat, min_s, median_s, gb_per_s, gelem_per_s) have the
// same names and meanings.
type Row struct {
	Record        string   `json:"record"`         // always "row" in --json output
	Case          string   `json:"case"`           // the case's name
	Expr          string   `json:"expr"`           // the expression
	DType         string   `json:"dtype"`          // the inputs' element type
	N             int      `json:"n"`              // elements per input
	Backend       string   `json:"backend"`        // a numkit backend, or go-loop / gonum-floats
	Kind          string   `json:"kind"`           // "numkit" or "baseline"
	Threads       int      `json:"threads"`        // goroutines (1 for the baselines)
	Repeat        int      `json:"repeat"`         // timed runs
	Inner         int      `json:"inner"`          // evaluations per timed run
	MinS          float64  `json:"min_s"`          // fastest run, seconds per evaluation
	MedianS       float64  `json:"median_s"`       // median run, seconds per evaluation
	MaxS          float64  `json:"max_s"`          // slowest run, seconds per evaluation
	Spread        float64  `json:"spread"`         // (max_s-min_s)/median_s
	Noisy         bool     `json:"noisy"`          // spread > noisy_above
	GElemPerS     float64  `json:"gelem_per_s"`    // n / median_s / 1e9
	GBPerS        float64  `json:"gb_per_s"`       // bytes_moved / median_s / 1e9
	BytesMoved    int64    `json:"bytes_moved"`    // inputs read plus output written, bytes
	SpeedupLoop   *float64 `json:"speedup_loop"`   // go-loop median / this median; null if none
	SpeedupFloats *float64 `json:"speedup_floats"` // gonum-floats median / this median; null if none
	MaxError      float64  `json:"max_error"`      // largest scaled difference from the reference
	AllocsPerEval *float64 `json:"allocs_per_eval,omitempty"`
	BytesPerEval  *float64 `json:"bytes_per_eval,omitempty"`
	PeakHeapBytes *int64   `json:"peak_heap_bytes,omitempty"`
	// Samples are the timed runs' seconds per evaluation, in the order run: Repeat of
	// them, each the mean of Inner evaluations; min_s, median_s and max_s sum them up.
	Samples []float64 `json:"samples_s"`
	Status  string    `json:"status"`          // ok, mismatch, unusable or error
	Error   string    `json:"error,omitempty"` // why the status is not ok
}

// SchemaVersion is the version of the JSON lines WriteJSON writes (docs/bench.md):
// 2 added schema_version, version and samples_s, and made --expr write them too.
const SchemaVersion = 2

// LineSchemaVersion is the version of the one-object-per-line JSON of
// `numkit bench --accuracy --json` and `--route --json` (docs/bench.md).
const LineSchemaVersion = 1

// MachineFor fills a Machine from a hardware report, for a run of suite (or "expr")
// that started at date.
func MachineFor(hw numeric.HardwareReport, date time.Time, suite string) Machine {
	m := Machine{
		Record: "machine", SchemaVersion: SchemaVersion, Date: date.Format(time.RFC3339), CPU: strings.TrimSpace(hw.CPU.Brand),
		Cores: hw.CPU.PhysicalCores, Threads: hw.CPU.LogicalCores, Hypervisor: hw.CPU.Hypervisor,
		SIMD: hw.SIMD.Level, GoVersion: hw.GoVersion, OS: hw.OS, Arch: hw.Arch,
		GOMAXPROCS: hw.GOMAXPROCS, Suite: suite, NoisyAbove: NoisySpread, Devices: []string{},
	}
	if m.GoVersion == "" {
		m.GoVersion = runtime.Version()
	}
	for _, p := range hw.OpenCL.Platforms {
		for _, d := range p.Devices {
			m.Devices = append(m.Devices, fmt.Sprintf("%s (%s)", d.Name, d.Type))
		}
	}
	return m
}

// fillSpeedups sets each numkit row's speed-ups over the baselines of its case and size.
func fillSpeedups(rows []Row) {
	type key struct {
		c string
		n int
	}
	base := map[key]map[string]float64{}
	for _, r := range rows {
		if r.Kind == "baseline" && r.Status == StatusOK && r.MedianS > 0 {
			k := key{r.Case, r.N}
			if base[k] == nil {
				base[k] = map[string]float64{}
			}
			base[k][r.Backend] = r.MedianS
		}
	}
	for i := range rows {
		r := &rows[i]
		if r.Kind != "numkit" || r.Status != StatusOK || r.MedianS <= 0 {
			continue
		}
		b := base[key{r.Case, r.N}]
		if t, ok := b[BaselineLoop]; ok {
			v := t / r.MedianS
			r.SpeedupLoop = &v
		}
		if t, ok := b[BaselineFloats]; ok {
			v := t / r.MedianS
			r.SpeedupFloats = &v
		}
	}
}
