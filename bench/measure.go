package bench

import (
	"math"
	"runtime"
	"runtime/metrics"
	"slices"
	"sync"
	"time"
)

// Timing says how each measurement is made. Every measurement follows one warm-up
// evaluation (whose result is checked): a calibration evaluation is timed, then each
// timed run repeats the evaluation Inner times so that a run lasts at least MinRun
// (timer resolution and call overhead stay small at 10^3 elements), and Repeat runs
// are timed; when Inner is 1 the calibration counts as the first run. With Repeat 0 the number of runs is chosen from the calibration so that
// the runs together last about Target, within [MinRepeats, MaxRepeats].
type Timing struct {
	Repeat int           // timed runs; 0 chooses them adaptively
	Target time.Duration // adaptive: the timed runs' total duration to aim for
	MinRun time.Duration // the shortest timed run
}

// The adaptive bounds and the noise threshold.
const (
	MinRepeats = 3
	MaxRepeats = 21
	maxInner   = 1 << 20
	// NoisySpread is the spread (max-min)/median above which a measurement is flagged
	// as noisy: on a quiet machine repeated runs stay within a few percent, so a
	// quarter means something else ran on the cores (or the CPU changed speed).
	NoisySpread = 0.25
)

// DefaultTiming aims at 0.1 s of timed runs per measurement, which keeps the default
// suite (about 380 measurements) within two minutes on a 2-core machine.
var DefaultTiming = Timing{Target: 100 * time.Millisecond, MinRun: time.Millisecond}

// stats are one measurement's per-evaluation times in seconds.
type stats struct {
	runs, inner      int
	min, median, max float64
	samples          []float64 // each run's time per evaluation, in the order run
}

// spread is (max-min)/median, 0 when the median is 0.
func (s stats) spread() float64 {
	if s.median <= 0 {
		return 0
	}
	return (s.max - s.min) / s.median
}

// measure times run (already warmed up) with clock under t.
func measure(run func() error, clock func() time.Time, t Timing) (stats, error) {
	timeOnce := func(inner int) (float64, error) {
		start := clock()
		for range inner {
			if err := run(); err != nil {
				return 0, err
			}
		}
		return clock().Sub(start).Seconds(), nil
	}
	one, err := timeOnce(1)
	if err != nil {
		return stats{}, err
	}
	inner := 1
	if one < t.MinRun.Seconds() {
		inner = int(math.Ceil(t.MinRun.Seconds() / max(one, 1e-9)))
		inner = min(inner, maxInner)
	}
	runs := t.Repeat
	if runs <= 0 {
		perRun := max(one*float64(inner), 1e-9)
		runs = int(math.Round(t.Target.Seconds() / perRun))
		runs = min(max(runs, MinRepeats), MaxRepeats)
	}
	times := make([]float64, runs)
	first := 0
	if inner == 1 {
		times[0], first = one, 1 // the calibration was a run like the others
	}
	for i := first; i < runs; i++ {
		d, err := timeOnce(inner)
		if err != nil {
			return stats{}, err
		}
		times[i] = d / float64(inner)
	}
	samples := slices.Clone(times)
	slices.Sort(times)
	return stats{runs: runs, inner: inner, min: times[0], median: median(times), max: times[runs-1], samples: samples}, nil
}

// median of sorted values.
func median(sorted []float64) float64 {
	n := len(sorted)
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}

// memoryUse is what --memory reports for one implementation.
type memoryUse struct {
	allocsPerEval float64 // heap allocations per evaluation, after the warm-up
	bytesPerEval  float64 // heap bytes allocated per evaluation, after the warm-up
	peakHeap      int64   // peak of the heap's object bytes above what was live before setup
}

// heapSampler samples the bytes of heap objects (live, or dead and not yet swept)
// every interval until stopped, keeping the largest value.
type heapSampler struct {
	base int64
	peak int64
	stop chan struct{}
	done sync.WaitGroup
}

const heapObjectsMetric = "/memory/classes/heap/objects:bytes"

func heapObjects() int64 {
	return readHeapObjects(make([]metrics.Sample, 1))
}

// readHeapObjects reads the metric into s (one sample), allocating nothing.
func readHeapObjects(s []metrics.Sample) int64 {
	s[0].Name = heapObjectsMetric
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(s[0].Value.Uint64())
}

// startHeapSampler collects garbage, takes the base and starts sampling.
func startHeapSampler() *heapSampler {
	runtime.GC()
	h := &heapSampler{base: heapObjects(), stop: make(chan struct{})}
	h.peak = h.base
	h.done.Add(1)
	go func() {
		defer h.done.Done()
		tick := time.NewTicker(200 * time.Microsecond)
		defer tick.Stop()
		sample := make([]metrics.Sample, 1)
		for {
			select {
			case <-h.stop:
				return
			case <-tick.C:
				h.peak = max(h.peak, readHeapObjects(sample))
			}
		}
	}()
	return h
}

// finish stops sampling and returns the peak above the base.
func (h *heapSampler) finish() int64 {
	close(h.stop)
	h.done.Wait()
	h.peak = max(h.peak, heapObjects())
	return h.peak - h.base
}

// countAllocs runs run evals times and returns allocations and bytes per evaluation.
// Like testing.AllocsPerRun it holds GOMAXPROCS at 1 meanwhile, so that the runtime's
// and other goroutines' allocations stay out of the count.
func countAllocs(run func() error, evals int) (allocs, bytes float64, err error) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range evals {
		if err := run(); err != nil {
			return 0, 0, err
		}
	}
	runtime.ReadMemStats(&after)
	n := float64(evals)
	return float64(after.Mallocs-before.Mallocs) / n, float64(after.TotalAlloc-before.TotalAlloc) / n, nil
}
