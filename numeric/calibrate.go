package numeric

import (
	"context"
	"fmt"
	"io"
	"slices"
	"time"
)

// Calibrate measures this machine's costs for every usable backend (a few seconds),
// stores them as the calibration profile at ProfilePath, and returns them. progress,
// if not nil, receives a line per measurement. The router uses the profile from the
// next process on (or from now on, in a process that has not routed yet).
func Calibrate(progress io.Writer) (Profile, error) {
	p := Profile{Version: profileVersion, Key: profileKey(), Created: time.Now().UTC(), Costs: map[string]backendCost{}}
	backends := []string{BackendSIMD, BackendGonum}
	if openclUsable() == nil {
		backends = append(backends, BackendOpenCL)
	}
	for _, name := range backends {
		if name == BackendSIMD && simdBackend() == nil {
			continue
		}
		c, err := calibrateBackend(name, progress)
		if err != nil {
			return p, fmt.Errorf("numeric: calibrating %s: %w", name, err)
		}
		p.Costs[name] = c
	}
	path := ProfilePath()
	if path == "" {
		return p, fmt.Errorf("numeric: no cache directory to store the profile in (set NUMKIT_CACHE_DIR)")
	}
	if err := writeProfile(path, p); err != nil {
		return p, fmt.Errorf("numeric: storing the profile: %w", err)
	}
	return p, nil
}

// calibrateBackend measures one backend's fixed cost, per-op costs in cache,
// bandwidth with one and all threads, and the cost of an extra thread.
func calibrateBackend(name string, progress io.Writer) (backendCost, error) {
	var c backendCost
	threads := defaultThreads()
	step := func(what string, v float64, unit string) {
		if progress != nil {
			fmt.Fprintf(progress, "%-7s %-28s %10.3f %s\n", name, what, v, unit)
		}
	}
	timeIt := func(src string, n, threads int) (float64, error) {
		return medianEvalNs(name, src, n, threads)
	}
	fixed, err := timeIt("a+b", 1, 1)
	if err != nil {
		return c, err
	}
	c.FixedNs = fixed
	step("fixed cost", fixed, "ns")
	const inCache = 4096
	for class, src := range [4]string{1: "a+b", 2: "a/b", 3: "exp(a)"} {
		if src == "" {
			continue
		}
		t, err := timeIt(src, inCache, 1)
		if err != nil {
			return c, err
		}
		c.NsPerOp[class] = max(0, (t-fixed)/inCache)
		step(fmt.Sprintf("per element, class %d (%s)", class, src), c.NsPerOp[class], "ns")
	}
	c.NsPerOp[0] = c.NsPerOp[1]
	const big = 4_000_000
	bytes := float64(24 * big)
	t1, err := timeIt("a+b", big, 1)
	if err != nil {
		return c, err
	}
	c.BandwidthGBs1 = bytes / max(t1-fixed-big*c.NsPerOp[1], t1/4)
	step("bandwidth, 1 thread", c.BandwidthGBs1, "GB/s")
	c.BandwidthGBs = c.BandwidthGBs1
	if threads > 1 && name != BackendOpenCL {
		tn, err := timeIt("a+b", big, threads)
		if err != nil {
			return c, err
		}
		c.BandwidthGBs = bytes / max(tn-fixed-big*c.NsPerOp[1]/float64(threads), tn/4)
		step(fmt.Sprintf("bandwidth, %d threads", threads), c.BandwidthGBs, "GB/s")
		const mid = 64 * 1024
		m1, err := timeIt("a+b", mid, 1)
		if err != nil {
			return c, err
		}
		mn, err := timeIt("a+b", mid, threads)
		if err != nil {
			return c, err
		}
		// mn = fixed + (threads-1)*ThreadNs + m1-fixed shared by threads
		c.ThreadNs = max(0, (mn-fixed-(m1-fixed)/float64(threads))/float64(threads-1))
		step("cost of an extra thread", c.ThreadNs, "ns")
	}
	return c, nil
}

// medianEvalNs is the median time of EvalInto for src over float64 inputs of n
// elements on one backend with the given threads.
func medianEvalNs(backend, src string, n, threads int) (float64, error) {
	e, err := Compile(src, WithBackend(backend), WithThreads(threads))
	if err != nil {
		return 0, err
	}
	vars := Vars{}
	for _, name := range e.Names() {
		x := make([]float64, n)
		for i := range x {
			x[i] = 0.5 + float64(i%97)/97
		}
		vars[name] = x
	}
	dst := make([]float64, n)
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
