package route

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/internal/hw"
)

// Measured routing. A cost model cannot know a machine it has never seen (on a Zen 5
// VM with PoCL on the same cores the defaults sent memory-bound cases to PoCL at twice
// the SIMD backend's time, and a calibration did not fix all of them), so where a
// wrong choice costs milliseconds the router times the candidates on the real calls:
// the first evaluations of a size class alternate between the model's choice and the
// other backend (their results are the caller's results, nothing is wasted), and the
// class keeps the faster one per element. The decision is re-checked every
// RecheckEvery evaluations of the class and stored in the profile (Learned), so the
// next process starts from it. Small sizes stay with the model.

const (
	// MeasureMinNs is the smallest estimated time (of the faster candidate) for which
	// a size class is measured rather than modelled, unless the model picks the
	// device: a CPU OpenCL device sharing the cores with the SIMD backend is chosen
	// only when measured faster.
	MeasureMinNs = 1e6
	// MeasureSpread: the device is a candidate when its most favourable estimate is
	// within this factor of the CPU's (the model was off by up to 2x on new machines).
	MeasureSpread = 2.5
	// MeasureRuns is the number of timed evaluations per candidate; the fastest per
	// element counts.
	MeasureRuns = 3
	// RecheckEvery is how many evaluations of a measured class pass before it is
	// measured again.
	RecheckEvery = 1000
	// MeasureClear: a candidate more than this factor slower per element than the
	// other's best loses at once, without its remaining runs, so a device ten times
	// slower costs the caller one slow evaluation, not MeasureRuns. (The device
	// program is built before its first timed run: Auto.HostOnDevice compiles it.)
	MeasureClear = 2.0
	// MeasureDeviceMargin: the device wins a measurement only when its best time per
	// element is below this fraction of the CPU's. A CPU OpenCL device shares the
	// cores, and timings on a shared machine scatter by 10-20%: without a margin a
	// lucky device run kept PoCL at 1.3x the SIMD time (poly, 2e7, 15:58 UTC).
	MeasureDeviceMargin = 0.9
)

// Learned is a measured decision for one compiled signature and size class, as the
// profile stores it.
type Learned struct {
	Device  bool      `json:"device"`             // the OpenCL device won
	Threads int       `json:"threads"`            // the CPU candidate's threads
	CPUNs   float64   `json:"cpu_ns_per_elem"`    // the CPU candidate's fastest time per element
	DevNs   float64   `json:"device_ns_per_elem"` // the device's
	On      string    `json:"device_name,omitempty"`
	When    time.Time `json:"when"`
}

// measure is the state of one measured size class.
type measure struct {
	mu    sync.Mutex
	cands [2]ClassChoice // [0] the model's choice, [1] the other candidate
	best  [2]float64     // fastest ns per element seen, per candidate
	runs  [2]int
	uses  atomic.Uint64 // evaluations since the decision, for the re-check
	basis string        // what Explain says about the decision
	on    string        // the OpenCL device measured
}

// clock returns the sources' clock: a test's, else the monotonic time.
func (s *Sources) clock() time.Duration {
	if s.Clock != nil {
		return s.Clock()
	}
	return MachineClock()
}

var clockBase = time.Now()

// MachineClock is the real clock for Sources.Clock.
func MachineClock() time.Duration { return time.Since(clockBase) }

// learnKey identifies a's program, input types and size class k in the profile.
func (a *Auto) learnKey(k int) string {
	key := a.Prog.Source + "|"
	for _, in := range a.Prog.Inputs {
		if in.Scalar {
			key += "s"
		}
		key += in.Name + ":" + in.Type.String() + ","
	}
	return fmt.Sprintf("%s|%s|2^%d", key, a.CPU, k)
}

// startMeasure decides whether class k (n = 2^k) is measured: the model chose the
// device, or both candidates are close and slow enough to matter. It returns the
// choice to store: the stored measured decision, the first trial, or model (not
// measured).
func (a *Auto) startMeasure(k int, model ClassChoice, d Decision, device string) (ClassChoice, uint32) {
	if !a.worthMeasuring(d) || model.Share > 0 {
		return model, 0
	}
	other := ClassChoice{Device: !model.Device, Threads: model.Threads}
	m := &measure{cands: [2]ClassChoice{model, other}, on: device}
	if a.Src.Recall != nil {
		if l, ok := a.Src.Recall(a.learnKey(k)); ok && l.On == device {
			ch := ClassChoice{Device: l.Device, Threads: l.Threads}
			if ch.Threads < 1 {
				ch.Threads = model.Threads
			}
			m.basis = fmt.Sprintf("measured earlier (stored in the profile %s): %s", l.When.Format(time.RFC3339), l.describe(a.CPU))
			a.meas[k].Store(m)
			return ch, classMeasured
		}
	}
	a.meas[k].Store(m)
	return model, classMeasuring
}

// worthMeasuring reports whether decision d (for n = 2^k) is to be measured: the
// device is usable and chosen, or close enough to the CPU backend and both slow
// enough that a wrong choice costs milliseconds.
func (a *Auto) worthMeasuring(d Decision) bool {
	if !a.Device || a.Coexec || a.Src.Clock == nil {
		return false
	}
	cpu, dev := d.Estimate(a.CPU), d.Estimate(exec.BackendOpenCL)
	switch {
	case cpu == nil || dev == nil:
		return false
	case d.Chosen.Backend == exec.BackendOpenCL:
		return true
	}
	return float64(dev.Time) <= MeasureSpread*float64(cpu.Time) && float64(min(dev.Time, cpu.Time)) >= MeasureMinNs
}

func (l Learned) describe(cpu string) string {
	return fmt.Sprintf("the OpenCL device %.3g ns/element, %s with %d thread%s %.3g ns/element",
		l.DevNs, cpu, l.Threads, plural(l.Threads), l.CPUNs)
}

// next is the candidate the next evaluation of a measuring class runs: the one with
// the fewest timed runs (the model's choice first).
func (m *measure) next() ClassChoice {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.runs[1] < m.runs[0] {
		return m.cands[1]
	}
	return m.cands[0]
}

// decided returns the winning candidate once every candidate has MeasureRuns runs,
// or earlier when one is clearly slower (MeasureClear).
func (m *measure) decided() (win int, done bool) {
	for i := range 2 {
		j := 1 - i
		if m.runs[i] >= 1 && m.runs[j] >= 1 && m.best[i] > MeasureClear*m.best[j] {
			return j, true
		}
	}
	if m.runs[0] < MeasureRuns || m.runs[1] < MeasureRuns {
		return 0, false
	}
	dev := boolIndex(m.cands[1].Device)
	if m.best[dev] < MeasureDeviceMargin*m.best[1-dev] {
		return dev, true
	}
	return 1 - dev, true
}

// Measuring reports whether an evaluation of n elements is timed (its size class is
// being measured); the caller then passes the time to Observe.
func (a *Auto) Measuring(n int) bool {
	return a.classes[SizeClass(n)].Load()&classMeasuring != 0
}

// Now is the router's clock, for timing an evaluation Measuring asked for.
func (a *Auto) Now() time.Duration { return a.Src.clock() }

// Observe records that an evaluation of n elements took d on the device or on the CPU
// backend with threads. Once every candidate has MeasureRuns runs, the faster per
// element becomes the class's decision, stored in the profile.
func (a *Auto) Observe(n int, device bool, threads int, d time.Duration, err error) {
	k := SizeClass(n)
	m := a.meas[k].Load()
	if m == nil || err != nil || n <= 0 || a.classes[k].Load()&classMeasuring == 0 {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	i := 0
	if m.cands[1].Device == device {
		i = 1
	}
	per := float64(d) / float64(n)
	if m.runs[i] == 0 || per < m.best[i] {
		m.best[i] = per
	}
	m.runs[i]++
	win, done := m.decided()
	if !done || a.classes[k].Load()&classMeasuring == 0 {
		return
	}
	l := Learned{Device: m.cands[win].Device, Threads: m.cands[0].Threads, When: time.Now().UTC(), On: m.on}
	for j, c := range m.cands {
		if c.Device {
			l.DevNs = m.best[j]
		} else {
			l.CPUNs = m.best[j]
		}
	}
	m.basis = fmt.Sprintf("measured on this process's evaluations (%d and %d): %s", m.runs[0], m.runs[1], l.describe(a.CPU))
	m.uses.Store(0)
	a.classes[k].Store(m.cands[win].encode() | classMeasured)
	if hw.Debugging() {
		hw.Logger().Debug(fmt.Sprintf("numkit: auto route for %q at n=2^%d measured: %s", a.Prog.Source, k, l.describe(a.CPU)))
	}
	if a.Src.Learn != nil {
		a.Src.Learn(a.learnKey(k), l)
	}
}

// recheck counts an evaluation of measured class k and starts measuring it again
// every RecheckEvery evaluations.
func (a *Auto) recheck(k int, v uint32) {
	m := a.meas[k].Load()
	if m == nil || m.uses.Add(1)%RecheckEvery != 0 {
		return
	}
	m.mu.Lock()
	m.runs, m.best = [2]int{}, [2]float64{}
	m.mu.Unlock()
	a.classes[k].CompareAndSwap(v, m.cands[0].encode()|classMeasuring)
}

// Basis says whether the decision for n was measured or modelled, and on what.
func (a *Auto) Basis(n int) string {
	k := SizeClass(n)
	v := a.classes[k].Load()
	m := a.meas[k].Load()
	switch {
	case v&classMeasuring != 0 && m != nil:
		m.mu.Lock()
		defer m.mu.Unlock()
		dev := boolIndex(m.cands[1].Device)
		return fmt.Sprintf("measuring: this size class's evaluations are timed on the OpenCL device and on %s (%d and %d of %d runs so far); the faster is kept",
			a.CPU, m.runs[dev], m.runs[1-dev], MeasureRuns)
	case v&classMeasured != 0 && m != nil:
		m.mu.Lock()
		defer m.mu.Unlock()
		return m.basis + fmt.Sprintf("; re-checked every %d evaluations", RecheckEvery)
	case v == 0:
		return "modelled (decided at the first evaluation of this size class)"
	}
	return "modelled: the cost model's estimates below (measured only where a wrong choice costs milliseconds, or where it would pick the device)"
}

func boolIndex(b bool) int {
	if b {
		return 1
	}
	return 0
}

// timedDevice wraps the device program for host data so that evaluations of a
// measuring size class are timed.
type timedDevice struct {
	a *Auto
	p exec.Program
}

func (t *timedDevice) Backend() string { return t.p.Backend() }

func (t *timedDevice) Run(ctx context.Context, inputs []exec.Binding, lo, n int, out exec.Output, threads int) (uint64, error) {
	if lo != 0 || !t.a.Measuring(n) {
		return t.p.Run(ctx, inputs, lo, n, out, threads)
	}
	start := t.a.Now()
	w, err := t.p.Run(ctx, inputs, lo, n, out, threads)
	t.a.Observe(n, true, 1, t.a.Now()-start, err)
	return w, err
}
