package bench

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"time"

	"github.com/numkit/numkit/numeric"
)

// Config says what Run measures and how.
type Config struct {
	Suite     string   // the suite's name, for the report
	Cases     []Case   // what to run, in the report's order
	Sizes     []int    // elements per input
	Backends  []string // numkit backends; nil: every backend the hardware report lists
	Baselines bool     // also time the Go baselines (and report speed-ups)
	Threads   int      // goroutines for numkit's CPU backends; 0: numkit's default
	Timing    Timing
	Memory    bool   // also measure allocations and the peak heap (a separate, untimed pass)
	Seed      uint64 // the inputs' random seed
	Version   string // numkit's version, for the report's machine record

	// Clock is time.Now unless a test fakes it; Hardware is numeric.Hardware.
	Clock    func() time.Time
	Hardware func() (numeric.HardwareReport, error)
	// Progress, when set, is called before each measurement with the number done,
	// the total, and what comes next.
	Progress func(done, total int, next string)
}

// impl is one implementation to time for a case: a numkit backend or a baseline.
type impl struct {
	name string
	kind string // "numkit" or "baseline"
	make func(in *inputs) (kernel, int, error)
}

// Run runs the configured cases at every size on every usable backend and baseline,
// checking each result against a reference before timing it. A backend that cannot
// run here (numeric.ErrBackend) is listed in Report.Backends with the reason, and a
// case a backend cannot run gets a row with status "unusable"; neither is an error.
// The error is ctx's when it ended the run early; the report then holds what was
// measured so far.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	if cfg.Hardware == nil {
		cfg.Hardware = numeric.Hardware
	}
	if cfg.Timing == (Timing{}) {
		cfg.Timing = DefaultTiming
	}
	start := cfg.Clock()
	hw, _ := cfg.Hardware() // configuration problems are the info command's business
	rep := &Report{Machine: MachineFor(hw, start, cfg.Suite)}
	rep.Machine.Version = cfg.Version
	backends := cfg.Backends
	if backends == nil {
		for _, b := range hw.Backends {
			backends = append(backends, b.Name)
		}
	}
	var usable []string
	for _, name := range backends {
		st := probeBackend(name, cfg.Threads, hw)
		rep.Machine.Backends = append(rep.Machine.Backends, st)
		if st.Usable {
			usable = append(usable, name)
		}
	}
	plan := cfg.plan(usable)
	names := make([][]string, len(cfg.Cases)) // each case's variables
	for ci, c := range cfg.Cases {
		if e, err := numeric.Compile(c.Expr); err == nil {
			names[ci] = e.Names()
		}
	}
	done := 0
	var stopped error
sizes:
	for _, n := range cfg.Sizes {
		data := map[string]*inputs{}
		for ci, c := range cfg.Cases {
			in := data[c.DType]
			if in == nil {
				in = newInputs(cfg.Seed, c.DType, n)
				data[c.DType] = in
			}
			in.vars(names[ci]) // made now, so no measurement counts them in its heap
			var ref any
			for _, im := range plan[ci] {
				if stopped = ctx.Err(); stopped != nil {
					break sizes
				}
				if cfg.Progress != nil {
					cfg.Progress(done, cfg.total(plan), fmt.Sprintf("%s n=%s %s", c.Name, FormatSize(n), im.name))
				}
				row := cfg.measureOne(c, n, len(names[ci]), im, in, &ref)
				rep.Rows = append(rep.Rows, row)
				done++
			}
		}
	}
	if cfg.Progress != nil && stopped == nil {
		cfg.Progress(done, done, "")
	}
	fillSpeedups(rep.Rows)
	sortRows(rep.Rows, cfg.Cases, cfg.Sizes)
	rep.Elapsed = cfg.Clock().Sub(start)
	rep.Machine.ElapsedS = rep.Elapsed.Seconds()
	return rep, stopped
}

// plan lists each case's implementations: the baselines first (the go-loop is the
// reference), then the usable backends.
func (cfg *Config) plan(usable []string) [][]impl {
	plan := make([][]impl, len(cfg.Cases))
	for ci, c := range cfg.Cases {
		if cfg.Baselines {
			b := baselineFor(c.Name)
			for _, bl := range []struct {
				name string
				mk   baselineMaker
			}{{BaselineLoop, b.loop}, {BaselineFloats, b.floats}} {
				if bl.mk == nil {
					continue
				}
				mk := bl.mk
				plan[ci] = append(plan[ci], impl{name: bl.name, kind: "baseline",
					make: func(in *inputs) (kernel, int, error) { return mk(in), 1, nil }})
			}
		}
		for _, name := range usable {
			var e *numeric.Expr // compiled once, reused at every size
			plan[ci] = append(plan[ci], impl{name: name, kind: "numkit",
				make: func(in *inputs) (kernel, int, error) {
					if e == nil {
						var err error
						if e, err = compileFor(c, name, cfg.Threads); err != nil {
							return kernel{}, 0, err
						}
					}
					return numkitKernel(e, in), e.Threads(), nil
				}})
		}
	}
	return plan
}

func (cfg *Config) total(plan [][]impl) int {
	t := 0
	for _, p := range plan {
		t += len(p)
	}
	return t * len(cfg.Sizes)
}

// measureOne sets up, warms up, checks and times one implementation of c at size n.
// The first implementation that runs sets *ref, the reference the others must match;
// variables is the number of the expression's variables.
func (cfg *Config) measureOne(c Case, n, variables int, im impl, in *inputs, ref *any) Row {
	row := Row{Record: "row", Case: c.Name, Expr: c.Expr, DType: c.DType, N: n, Backend: im.name, Kind: im.kind}
	fail := func(err error) Row {
		row.Status, row.Error = StatusError, err.Error()
		if errors.Is(err, numeric.ErrBackend) {
			row.Status = StatusUnusable
		}
		return row
	}
	var sampler *heapSampler
	if cfg.Memory {
		sampler = startHeapSampler()
	} else {
		runtime.GC() // the garbage of earlier measurements and inputs is not this one's
	}
	k, threads, err := im.make(in)
	if err == nil {
		err = k.run() // the warm-up; its result is checked
	}
	if err != nil {
		if sampler != nil {
			sampler.finish()
		}
		return fail(err)
	}
	row.Threads = threads
	if sampler != nil {
		// memory first, so that the check's copies and conversions are not counted
		if err := memoryPass(&row, k, n, sampler); err != nil {
			return fail(err)
		}
	}
	got := k.result() // the warm-up's values (evaluations are deterministic)
	if *ref == nil {
		*ref = cloneResult(got) // this implementation is the reference
	}
	row.MaxError, err = checkResult(c, got, *ref, tolerance(c.DType, isScalar(got)))
	if math.IsInf(row.MaxError, 0) || math.IsNaN(row.MaxError) {
		row.MaxError = math.MaxFloat64 // a NaN or infinity where the reference has none; JSON has no Inf
	}
	if err != nil {
		row.Status, row.Error = StatusMismatch, err.Error()
		return row
	}
	runtime.GC()
	st, err := measure(k.run, cfg.Clock, cfg.Timing)
	if err != nil {
		return fail(err)
	}
	row.Status = StatusOK
	row.Repeat, row.Inner = st.runs, st.inner
	row.MinS, row.MedianS, row.MaxS = st.min, st.median, st.max
	row.Samples = st.samples
	row.Spread = st.spread()
	row.Noisy = row.Spread > NoisySpread
	row.BytesMoved = bytesMoved(c, n, variables, got)
	if row.MedianS > 0 {
		row.GElemPerS = float64(n) / row.MedianS / 1e9
		row.GBPerS = float64(row.BytesMoved) / row.MedianS / 1e9
	}
	return row
}

// memoryPass fills row's memory figures: the heap's peak through setup, warm-up and
// some evaluations (sampler runs since before setup), then the allocations per
// evaluation, counted once the sampler has stopped.
func memoryPass(row *Row, k kernel, n int, sampler *heapSampler) error {
	for range memoryEvals(n) {
		if err := k.run(); err != nil {
			sampler.finish()
			return err
		}
	}
	peak := sampler.finish()
	allocs, bytes, err := countAllocs(k.run, memoryEvals(n))
	if err != nil {
		return err
	}
	row.AllocsPerEval, row.BytesPerEval, row.PeakHeapBytes = &allocs, &bytes, &peak
	return nil
}

// memoryEvals is how many evaluations the allocation count averages over.
func memoryEvals(n int) int {
	return max(1, min(100, 1_000_000/max(n, 1)))
}

// compileFor compiles c's expression for a backend.
func compileFor(c Case, backend string, threads int) (*numeric.Expr, error) {
	opts := []numeric.Option{numeric.WithBackend(backend)}
	if threads > 0 {
		opts = append(opts, numeric.WithThreads(threads))
	}
	return numeric.Compile(c.Expr, opts...)
}

// numkitKernel evaluates e over in: the kernel's first run evaluates with Eval to
// learn the result's type and keep it as the destination, later runs use EvalInto.
func numkitKernel(e *numeric.Expr, in *inputs) kernel {
	ctx := context.Background()
	vars := in.vars(e.Names())
	var dst any
	var scalar bool
	k := kernel{
		run: func() error {
			if dst != nil {
				return e.EvalInto(ctx, dst, vars)
			}
			res, err := e.Eval(ctx, vars)
			if err != nil {
				return err
			}
			dst, scalar = res.Data, res.Scalar
			if scalar {
				dst = scalarPointer(res.Data)
				setScalar(dst, res.Data)
			}
			return nil
		},
		result: func() any {
			if scalar {
				return derefScalar(dst)
			}
			return dst
		},
	}
	return k
}

// bytesMoved is the inputs' bytes (each of the expression's variables read once)
// plus the output's (0 for a scalar).
func bytesMoved(c Case, n, variables int, result any) int64 {
	size, _ := dtypeSize(c.DType)
	total := int64(variables) * int64(n) * int64(size)
	if !isScalar(result) {
		total += int64(n) * int64(elemSize(result))
	}
	return total
}

// sortRows orders rows by case, then size, then numkit backends before baselines,
// keeping the run's order within each.
func sortRows(rows []Row, cases []Case, sizes []int) {
	caseIndex := map[string]int{}
	for i, c := range cases {
		caseIndex[c.Name] = i
	}
	sizeIndex := map[int]int{}
	for i, n := range sizes {
		if _, ok := sizeIndex[n]; !ok {
			sizeIndex[n] = i
		}
	}
	kindIndex := map[string]int{"numkit": 0, "baseline": 1}
	slices.SortStableFunc(rows, func(a, b Row) int {
		if d := caseIndex[a.Case] - caseIndex[b.Case]; d != 0 {
			return d
		}
		if d := sizeIndex[a.N] - sizeIndex[b.N]; d != 0 {
			return d
		}
		return kindIndex[a.Kind] - kindIndex[b.Kind]
	})
}

// probeBackend reports whether backend can evaluate here: the hardware report says so,
// and a tiny expression compiles and evaluates on it.
func probeBackend(name string, threads int, hw numeric.HardwareReport) BackendStatus {
	for _, b := range hw.Backends {
		if b.Name == name && !b.Usable {
			return BackendStatus{Name: name, Reason: b.Reason}
		}
	}
	e, err := compileFor(Case{Expr: "a+1", DType: "float64"}, name, threads)
	if err == nil {
		err = numkitKernel(e, newInputs(1, "float64", 4)).run()
	}
	if err != nil {
		return BackendStatus{Name: name, Reason: err.Error()}
	}
	for _, b := range hw.Backends {
		if b.Name == name {
			return BackendStatus{Name: name, Usable: true, Reason: b.Reason}
		}
	}
	return BackendStatus{Name: name, Usable: true}
}
