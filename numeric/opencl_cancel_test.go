package numeric

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestOpenCLCancel: a cancelled OpenCL evaluation returns the context's error well
// before the whole run's time (issue #14: a 10⁸-element evaluation cancelled at 100 ms
// returned 2 s later with a nil error). The launches are chunked and the context is
// checked between chunks, both for an element-wise result and for a reduction.
func TestOpenCLCancel(t *testing.T) {
	clTestDevice(t)
	if testing.Short() {
		t.Skip("evaluates 8·10⁶ elements")
	}
	const n = 8_000_000
	a := make([]float32, n)
	for i := range a {
		a[i] = float32(i%1000) / 1000
	}
	dst := make([]float32, n)
	for _, src := range []string{"sin(a)*cos(a) + exp(a)*sqrt(a) + tanh(a)", "sum(sin(a)*cos(a) + exp(a)*sqrt(a) + tanh(a))"} {
		e := MustCompile(src, WithBackend(BackendOpenCL))
		reduction := src[:3] == "sum"
		eval := func(ctx context.Context) error {
			if reduction {
				var s float32
				return e.EvalInto(ctx, &s, Vars{"a": a})
			}
			return e.EvalInto(ctx, dst, Vars{"a": a})
		}
		if err := eval(context.Background()); err != nil { // builds the program
			t.Fatal(err)
		}
		// The machine is shared: a slow return is measured again (up to three times)
		// before it counts, against a fresh whole-run time each time.
		var full, took time.Duration
		for attempt := 0; ; attempt++ {
			start := time.Now()
			if err := eval(context.Background()); err != nil {
				t.Fatal(err)
			}
			full = time.Since(start)
			if full < 200*time.Millisecond {
				break
			}
			ctx, cancel := context.WithTimeout(context.Background(), full/10)
			start = time.Now()
			err := eval(ctx)
			took = time.Since(start)
			cancel()
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("%s: cancelled at %v of a %v run: error %v, want the context's", src, full/10, full, err)
			}
			// Generous: the cancellation at a tenth must not wait for most of the run.
			if took <= full*6/10 {
				break
			}
			if attempt == 2 {
				t.Errorf("%s: cancelled at %v, returned after %v; the whole run takes %v", src, full/10, took, full)
				break
			}
		}
		if full < 200*time.Millisecond {
			t.Logf("%s: the whole run took only %v; cancellation is not measurable here", src, full)
			continue
		}
		t.Logf("%s: whole run %v; cancelled at %v, returned after %v", src, full, full/10, took)
	}
}
