package opencl

import (
	"context"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/numkit/numkit/numeric/internal/lru"
)

// withProgramCacheSize gives the device a fresh in-memory program cache of size
// programs for the rest of the test.
func withProgramCacheSize(t *testing.T, d *Device, size int) {
	t.Helper()
	old := d.programs
	c := &programCache{dev: d, programs: lru.New[string, *builtProgram](size), disk: old.disk}
	d.programs = c
	t.Cleanup(func() { d.programs = old })
}

// waitLive collects garbage until the live programs and kernels are at most the
// given numbers (cleanups run after a collection, on their own goroutine), or 5 s
// have passed; it returns the last counts.
func waitLive(programs, kernels int64) (int64, int64) {
	deadline := time.Now().Add(5 * time.Second)
	for {
		runtime.GC()
		p, k := Live()
		if p <= programs && k <= kernels || time.Now().After(deadline) {
			return p, k
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestProgramLifecycle: built programs and their kernels are released once the
// cache has evicted them and no compiled expression holds them (issue #14: RSS grew
// from 297 to 778 MB over 1,800 distinct expressions), and not before.
func TestProgramLifecycle(t *testing.T) {
	d := testDevice(t)
	const size, churn = 3, 10
	withProgramCacheSize(t, d, size)
	p0, k0 := waitLive(0, 0)
	a := []float64{1, 2, 3, 4}
	held := MustCompile("a*1000.25 - 7", WithBackend(BackendOpenCL))
	if _, err := held.Eval(context.Background(), Vars{"a": a}); err != nil {
		t.Fatal(err)
	}
	for i := range churn {
		e := MustCompile(fmt.Sprintf("a*%d.5 + %d", i, i), WithBackend(BackendOpenCL))
		if _, err := e.Eval(context.Background(), Vars{"a": a}); err != nil {
			t.Fatal(err)
		}
	}
	if p, k := Live(); p < p0+1 || k < k0+1 {
		t.Fatalf("after building %d programs, %d programs and %d kernels live (before: %d, %d)", churn+1, p, k, p0, k0)
	}
	// What is left: the cache's programs, and the held expression's program and its
	// idle kernel set.
	p, k := waitLive(p0+size+1, k0+1)
	if p > p0+size+1 || k > k0+1 {
		t.Errorf("after dropping %d expressions: %d programs and %d kernels live, want at most %d and %d", churn, p, k, p0+size+1, k0+1)
	}
	// The held expression, its program evicted long ago, still runs.
	r, err := held.Eval(context.Background(), Vars{"a": a})
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Float64s()[1]; got != 2*1000.25-7 {
		t.Errorf("the held expression gives %v, want %v", got, 2*1000.25-7)
	}
	runtime.KeepAlive(held)
	held = nil
	if p, k := waitLive(p0+size, k0); p > p0+size || k > k0 {
		t.Errorf("after dropping the held expression: %d programs and %d kernels live, want at most %d and %d", p, k, p0+size, k0)
	}
}
