package numeric

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"time"

	"github.com/numkit/numkit/numeric/internal/opencl"
	"github.com/numkit/numkit/numeric/internal/route"
	"github.com/numkit/numkit/numeric/ir"
)

// Calibrate measures this machine's costs for every usable backend (seconds; longer
// the first time the OpenCL kernels are built), stores them as the calibration
// profile at ProfilePath, and returns them. progress, if not nil, is called after each
// measurement. The router uses the profile from the next process on (or from now on,
// in a process that has not routed yet).
func Calibrate(progress func(CalibrationStep)) (Profile, error) {
	p := route.Profile{Version: route.ProfileVersion, Key: route.ProfileKey(), Created: time.Now().UTC(), Costs: map[string]route.Cost{}}
	backends := []string{BackendSIMD, BackendGonum}
	if opencl.Usable() == nil {
		backends = append(backends, BackendOpenCL)
	}
	cal := &calibration{sizes: defaultCalSizes, progress: progress, total: len(backends) * calibrationSteps}
	for _, name := range backends {
		c, err := cal.backend(name)
		if err != nil {
			return p, fmt.Errorf("numeric: calibrating %s: %w", name, err)
		}
		p.Costs[name] = c
	}
	path := route.ProfilePath()
	if path == "" {
		return p, fmt.Errorf("numeric: no cache directory to store the profile in (set NUMKIT_CACHE_DIR)")
	}
	if old, err := route.ReadProfile(path); err == nil && old.Version == p.Version && old.Key == p.Key {
		p.Learned = old.Learned // routing decisions measured on real evaluations stay valid
	}
	if err := route.WriteProfile(path, p); err != nil {
		return p, fmt.Errorf("numeric: storing the profile: %w", err)
	}
	return p, nil
}

// calibrationSteps is the number of measurements per backend, for the progress count
// (a device skips the two thread steps and takes two for host data instead).
var calibrationSteps = 4 + 2*len(route.FamilyExprs) + 5

// calSizes are a calibration's array lengths: in cache for per-element costs, and
// large enough to stream from memory for bandwidth.
type calSizes struct{ inCache, mid, stream int }

// defaultCalSizes: three arrays of 8 Mi float64 are 192 MiB, past any L3 cache.
var defaultCalSizes = calSizes{inCache: 4096, mid: 64 << 10, stream: 8 << 20}

// CalibrationStep is one measurement of a calibration, the Done-th of Total.
type CalibrationStep struct {
	Done, Total   int
	Backend, What string // "simd", "exp/float64 per element"
	Value         float64
	Unit          string // "ns", "GB/s", ...
}

// String formats the step as one line of a table: "[ 7/51] simd    ...".
func (s CalibrationStep) String() string {
	return fmt.Sprintf("[%2d/%d] %-7s %-34s %10.3f %s", s.Done, s.Total, s.Backend, s.What, s.Value, s.Unit)
}

// calibration measures backends, reporting progress.
type calibration struct {
	sizes    calSizes
	progress func(CalibrationStep)
	done     int
	total    int
}

func (cal *calibration) step(backend, what string, v float64, unit string) {
	cal.done++
	if cal.progress != nil {
		cal.progress(CalibrationStep{Done: cal.done, Total: cal.total, Backend: backend, What: what, Value: v, Unit: unit})
	}
}

// backend measures one backend: fixed cost, per-op costs in cache (by class and by
// function family, float64 and float32), bandwidth with one and all threads, the cost
// of an extra thread, a reduction's extra cost, and for a device the extra cost of
// host data (buffers over host memory, or transfers).
func (cal *calibration) backend(name string) (route.Cost, error) {
	c := route.Cost{FuncNs: map[string]float64{}}
	device := name == BackendOpenCL
	threads := runtime.GOMAXPROCS(0)
	if device {
		threads = 1
	}
	timeIt := func(src, dtype string, n, threads int, resident bool) (float64, error) {
		return medianEvalNs(name, src, dtype, n, threads, resident)
	}
	var err error
	if c.FixedNs, err = timeIt("a+b", "float64", 1, 1, device); err != nil {
		return c, err
	}
	cal.step(name, "fixed cost", c.FixedNs, "ns")
	// Per-element costs in cache; a device's at a larger size, where the launch of
	// more work-groups does not hide them.
	inCache := cal.sizes.inCache
	if device {
		inCache = cal.sizes.mid
	}
	perElem := func(src, dtype string) (float64, error) {
		t, err := timeIt(src, dtype, inCache, 1, device)
		return max(0, (t-c.FixedNs)/float64(inCache)), err
	}
	// a+b's time is moving its elements plus one operation: an operation costs what
	// four more of them add, moving costs the rest (the cache bandwidth), and each other
	// measurement is its own bytes' moving time plus its operation.
	base, err := perElem("a+b", "float64")
	if err != nil {
		return c, err
	}
	chain, err := perElem("((a+b)*a+b)*a+b", "float64")
	if err != nil {
		return c, err
	}
	op := max(0, chain-base) / 4
	perByte := max(0, base-op) / 24 // moving one byte, from a+b's 24 per element
	c.CacheGBs = 1 / max(perByte, 1.0/2400)
	cal.step(name, "per element, one more a+b", op, "ns")
	cal.step(name, "cache bandwidth, 1 thread", c.CacheGBs, "GB/s")
	// opCost is one operation's cost from src's per-element time, src moving moved
	// bytes per element.
	opCost := func(src, dtype string, moved float64) (float64, error) {
		t, err := perElem(src, dtype)
		return max(op, t-perByte*moved), err
	}
	c.NsPerOp[ir.ClassCheap] = op
	if c.NsPerOp[ir.ClassDivide], err = opCost("a/b", "float64", 24); err != nil {
		return c, err
	}
	cal.step(name, "per element, a/b", c.NsPerOp[ir.ClassDivide], "ns")
	for _, dtype := range []string{"float64", "float32"} {
		size := 8.0
		if dtype == "float32" {
			size = 4
		}
		for _, f := range route.FamilyExprs {
			key := f.Family + "/" + dtype
			if c.FuncNs[key], err = opCost(f.Src, dtype, float64(f.Inputs+1)*size); err != nil {
				return c, err
			}
			cal.step(name, fmt.Sprintf("per element, %s %s", f.Src, dtype), c.FuncNs[key], "ns")
		}
	}
	c.NsPerOp[ir.ClassTranscend] = c.FuncNs["exp/float64"]
	c.NsPerOp[ir.ClassMove] = c.NsPerOp[ir.ClassCheap]
	stream := float64(cal.sizes.stream) // elements
	bytes := 24 * stream
	t1, err := timeIt("a+b", "float64", cal.sizes.stream, 1, device)
	if err != nil {
		return c, err
	}
	c.BandwidthGBs1 = bytes / max(t1-c.FixedNs-stream*c.NsPerOp[ir.ClassCheap], t1/4)
	c.BandwidthGBs = c.BandwidthGBs1
	if device {
		cal.step(name, "bandwidth", c.BandwidthGBs, "GB/s")
	} else {
		cal.step(name, "bandwidth, 1 thread", c.BandwidthGBs1, "GB/s")
	}
	tn := t1
	if threads > 1 {
		if tn, err = timeIt("a+b", "float64", cal.sizes.stream, threads, false); err != nil {
			return c, err
		}
		c.BandwidthGBs = bytes / max(tn-c.FixedNs-stream*c.NsPerOp[ir.ClassCheap]/float64(threads), tn/4)
		m1, err := timeIt("a+b", "float64", cal.sizes.mid, 1, false)
		if err != nil {
			return c, err
		}
		mn, err := timeIt("a+b", "float64", cal.sizes.mid, threads, false)
		if err != nil {
			return c, err
		}
		// mn = fixed + (threads-1)*ThreadNs + (m1-fixed)/threads
		c.ThreadNs = max(0, (mn-c.FixedNs-(m1-c.FixedNs)/float64(threads))/float64(threads-1))
	}
	if !device {
		cal.step(name, fmt.Sprintf("bandwidth, %d thread%s", threads, plural(threads)), c.BandwidthGBs, "GB/s")
		cal.step(name, "cost of an extra thread", c.ThreadNs, "ns")
	}
	// More cheap instructions over the same streamed bytes (4 more than a+b).
	tl, err := timeIt("((a+b)*a+b)*a+b", "float64", cal.sizes.stream, threads, device)
	if err != nil {
		return c, err
	}
	c.StreamNsPerOp = max(0, (tl-tn)*float64(threads)/(4*stream))
	cal.step(name, "streaming, per extra operation", c.StreamNsPerOp, "ns")
	// A reduction: sum(a*b) against the model's time for an element-wise pass that
	// reads the same bytes.
	ts, err := timeIt("sum(a*b)", "float64", cal.sizes.stream, threads, device)
	if err != nil {
		return c, err
	}
	pass := c.FixedNs + stream*(16/c.BandwidthGBs+c.NsPerOp[ir.ClassCheap]/float64(threads))
	c.ReduceNs = max(0, (ts-pass)/stream)
	cal.step(name, "reduction, extra per element", c.ReduceNs, "ns")
	if device {
		if err := cal.hostData(&c, t1); err != nil {
			return c, err
		}
	}
	return c, nil
}

// hostData measures a device's extra costs for host inputs and output: the fixed part
// (buffers over host memory, a map of the result) and the transfers, whose bandwidth
// is the link's; none on a device that works on host memory in place. resident is
// the streaming time with device arrays.
func (cal *calibration) hostData(c *route.Cost, resident float64) error {
	fixed, err := medianEvalNs(BackendOpenCL, "a+b", "float64", 1, 1, false)
	if err != nil {
		return err
	}
	c.HostFixedNs = max(0, fixed-c.FixedNs)
	c.Device = opencl.DeviceID()
	cal.step(BackendOpenCL, "host data, extra fixed cost", c.HostFixedNs, "ns")
	t, err := medianEvalNs(BackendOpenCL, "a+b", "float64", cal.sizes.stream, 1, false)
	if err != nil {
		return err
	}
	extra := t - c.HostFixedNs - resident
	c.LinkGBs = 0
	if !opencl.ZeroCopy() && extra > 0 {
		c.LinkGBs = 24 * float64(cal.sizes.stream) / extra
	}
	cal.step(BackendOpenCL, "host data, link bandwidth (0: in place)", c.LinkGBs, "GB/s")
	return nil
}

// medianEvalNs is the median time of EvalInto for src over inputs of n elements of
// dtype in [0.5, 1.5) on one backend with the given threads; with resident, the inputs
// and output are device arrays.
func medianEvalNs(backend, src, dtype string, n, threads int, resident bool) (float64, error) {
	e, err := Compile(src, WithBackend(backend), WithThreads(threads))
	if err != nil {
		return 0, err
	}
	vars := Vars{}
	var release []*DeviceArray
	defer func() {
		for _, a := range release {
			a.Release()
		}
	}()
	for _, name := range e.Names() {
		x := make([]float64, n)
		for i := range x {
			x[i] = 0.5 + float64(i%97)/97
		}
		var v any = x
		if dtype == "float32" {
			v = float32s(x)
		}
		if resident {
			a, err := Upload(v)
			if err != nil {
				return 0, err
			}
			release = append(release, a)
			v = a
		}
		vars[name] = v
	}
	dst, err := calibrationDst(e, vars, n, resident)
	if err != nil {
		return 0, err
	}
	if a, ok := dst.(*DeviceArray); ok {
		release = append(release, a)
	}
	ctx := context.Background()
	if err := e.EvalInto(ctx, dst, vars); err != nil {
		return 0, err
	}
	reps := max(5, min(2001, int(2e7/float64(n+1000))))
	times := make([]float64, reps)
	for i := range times {
		start := time.Now()
		if err := e.EvalInto(ctx, dst, vars); err != nil {
			return 0, err
		}
		times[i] = float64(time.Since(start).Nanoseconds())
	}
	slices.Sort(times)
	return times[len(times)/2], nil
}

// calibrationDst makes a destination for e over vars: a pointer for a reduction, else
// an array of n elements of the result type, on the device when resident.
func calibrationDst(e *Expr, vars Vars, n int, resident bool) (any, error) {
	r, err := e.Eval(context.Background(), vars) // once, for the result's type
	if err != nil {
		return nil, err
	}
	switch {
	case r.Scalar && r.Type == Float64:
		return new(float64), nil
	case r.Scalar && r.Type == Float32:
		return new(float32), nil
	case resident:
		return NewDeviceArray(r.Type, n)
	}
	return r.Data, nil
}

func float32s(x []float64) []float32 {
	y := make([]float32, len(x))
	for i, v := range x {
		y[i] = float32(v)
	}
	return y
}
