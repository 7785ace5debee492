package numeric

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/numkit/numkit/numeric/internal/route"
)

// fakeClock times evaluations for measured routing without the wall clock: the
// router reads it before and after each timed run, and the run between took devNs per
// element if the fake device ran, else cpuNs.
type fakeClock struct {
	mu           sync.Mutex
	dev          *fakeDevice
	n            int
	devNs, cpuNs float64
	reads        int
	now          time.Duration
	devRuns      int32
}

func (c *fakeClock) read() time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.reads++
	if c.reads%2 == 1 {
		c.devRuns = c.dev.runs.Load()
		return c.now
	}
	per := c.cpuNs
	if c.dev.runs.Load() != c.devRuns {
		per = c.devNs
	}
	c.now += time.Duration(per * float64(c.n))
	return c.now
}

// TestAutoMeasuresLargeEvaluations: the model prefers the device at n = 2^20, but the
// CPU is measured faster on the real calls, so auto keeps the CPU, says so in Explain,
// and stores what it learned.
func TestAutoMeasuresLargeEvaluations(t *testing.T) {
	for _, tc := range []struct {
		name         string
		devNs, cpuNs float64
		wantDevice   bool
	}{{"cpu measured faster", 2, 1, false}, {"device measured faster", 1, 1.5, true}} {
		t.Run(tc.name, func(t *testing.T) {
			const n = 1 << 20
			dev := &fakeDevice{mark: -7}
			fake, src := withFakeDevice(t, dev, nil)
			clock := &fakeClock{dev: dev, n: n, devNs: tc.devNs, cpuNs: tc.cpuNs}
			learned := map[string]route.Learned{}
			src.Clock = clock.read
			src.Learn = func(key string, l route.Learned) { learned[key] = l }
			e := MustCompile("2*a+3*b**2-c/4", WithThreads(2), fake)
			vars, dst := polyVars(n)
			cpuRuns := 0
			for i := 0; i < 2*route.MeasureRuns; i++ {
				before := dev.runs.Load()
				dst[10] = 0
				if err := e.EvalInto(context.Background(), dst, vars); err != nil {
					t.Fatal(err)
				}
				if dev.runs.Load() == before {
					cpuRuns++
					if want := 2*10 + 0.75 - 1.0; dst[10] != want {
						t.Fatalf("a measured CPU run gave dst[10] = %v, want %v", dst[10], want)
					}
				} else if dst[10] != -7 {
					t.Fatalf("a measured device run's result was not kept: dst[10] = %v", dst[10])
				}
			}
			if cpuRuns != route.MeasureRuns || dev.runs.Load() != route.MeasureRuns {
				t.Fatalf("measuring ran %d CPU and %d device evaluations, want %d each", cpuRuns, dev.runs.Load(), route.MeasureRuns)
			}
			if clock.reads != 4*route.MeasureRuns {
				t.Errorf("the clock was read %d times, want %d (twice per measured run)", clock.reads, 4*route.MeasureRuns)
			}
			before := dev.runs.Load()
			if err := e.EvalInto(context.Background(), dst, vars); err != nil {
				t.Fatal(err)
			}
			if onDevice := dev.runs.Load() != before; onDevice != tc.wantDevice {
				t.Fatalf("after measuring: ran on the device %v, want %v", onDevice, tc.wantDevice)
			}
			if len(learned) != 1 {
				t.Fatalf("learned %v, want one decision", learned)
			}
			for key, l := range learned {
				if l.Device != tc.wantDevice || l.CPUNs != tc.cpuNs || l.DevNs != tc.devNs || !strings.Contains(key, "2*a+3*b**2-c/4") {
					t.Errorf("learned %q: %+v", key, l)
				}
			}
			text, err := e.Explain(vars)
			if err != nil || !strings.Contains(text, "basis: measured on this process's evaluations") {
				t.Errorf("Explain: %v\n%s", err, text)
			}
			small, dst := polyVars(1000)
			if err := e.EvalInto(context.Background(), dst, small); err != nil {
				t.Fatal(err)
			}
			if text, _ := e.Explain(small); !strings.Contains(text, "basis: modelled") {
				t.Errorf("Explain at n=1000 does not say modelled:\n%s", text)
			}
		})
	}
}

// TestMachineRoutingIsModelledInTests: the package's tests run with the machine's
// sources stripped of the clock and the profile store (export_test.go), so a large
// evaluation that auto would otherwise time is modelled, whatever the machine.
func TestMachineRoutingIsModelledInTests(t *testing.T) {
	if machine.Clock != nil || machine.Recall != nil || machine.Learn != nil {
		t.Fatal("the machine's routing sources have a clock or a profile store in tests; routing would depend on the wall clock")
	}
	const n = 1 << 20
	e := MustCompile("2*a+3*b**2-c/4")
	vars, dst := polyVars(n)
	if err := e.EvalInto(context.Background(), dst, vars); err != nil {
		t.Fatal(err)
	}
	text, err := e.Explain(vars)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(text, "basis: measured") {
		t.Errorf("Explain at n=2^20 says measured in a test:\n%s", text)
	}
}
