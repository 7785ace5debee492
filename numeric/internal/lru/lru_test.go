package lru

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
)

func TestEvictsLeastRecentlyUsed(t *testing.T) {
	c := New[string, int](2)
	calls := 0
	get := func(k string, v int) int {
		t.Helper()
		got, err := c.Get(k, func() (int, error) { calls++; return v, nil })
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	get("a", 1)
	get("b", 2)
	if get("a", 99) != 1 || calls != 2 { // a is now the most recent
		t.Fatalf("a recomputed or lost: calls %d", calls)
	}
	get("c", 3) // evicts b
	if c.Len() != 2 {
		t.Fatalf("Len %d, want 2", c.Len())
	}
	if get("b", 20) != 20 || calls != 4 {
		t.Errorf("b was not evicted: calls %d", calls)
	}
	if get("c", 30) != 3 {
		t.Error("c was evicted instead of a")
	}
}

func TestErrorsAreNotCached(t *testing.T) {
	c := New[int, string](4)
	boom := errors.New("boom")
	if _, err := c.Get(1, func() (string, error) { return "", boom }); !errors.Is(err, boom) {
		t.Fatalf("error %v, want boom", err)
	}
	if c.Len() != 0 {
		t.Errorf("a failure is held: Len %d", c.Len())
	}
	if v, err := c.Get(1, func() (string, error) { return "ok", nil }); err != nil || v != "ok" {
		t.Errorf("after a failure: %q, %v", v, err)
	}
}

func TestConcurrentCallersComputeOnce(t *testing.T) {
	c := New[string, int](4)
	var calls atomic.Int32
	release := make(chan struct{})
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, err := c.Get("k", func() (int, error) { calls.Add(1); <-release; return 7, nil })
			if err != nil || v != 7 {
				t.Errorf("Get = %d, %v", v, err)
			}
		}()
	}
	for c.Len() == 0 {
	}
	close(release)
	wg.Wait()
	if calls.Load() != 1 {
		t.Errorf("%d computations, want 1", calls.Load())
	}
}
