package bench

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/numkit/numkit/numeric"
)

// TestBaselinesAgreeWithNumkit checks, for every case of the default suite, that both
// Go baselines and numkit's CPU backends compute the same numbers (within the
// tolerance the runner uses) before anything is timed: at a size that fills several
// blocks and has a ragged tail.
func TestBaselinesAgreeWithNumkit(t *testing.T) {
	def, _ := SuiteByName("default")
	for _, n := range []int{1, 777, 20_011} {
		for _, c := range def.Cases {
			in := newInputs(3, c.DType, n)
			b := baselines[c.Name]
			ref := b.loop(in)
			if err := ref.run(); err != nil {
				t.Fatal(err)
			}
			want := cloneResult(ref.result())
			tol := tolerance(c.DType, isScalar(want))
			if b.floats != nil {
				k := b.floats(in)
				k.run()
				if _, err := compareResults(k.result(), want, tol); err != nil {
					t.Errorf("%s n=%d: gonum-floats vs go-loop: %v", c.Name, n, err)
				}
			}
			for _, backend := range []string{numeric.BackendGonum, numeric.BackendSIMD} {
				e, err := compileFor(c, backend, 2)
				var k kernel
				if err == nil {
					k = numkitKernel(e, in)
					err = k.run()
				}
				if errors.Is(err, numeric.ErrBackend) {
					continue // no SIMD in this build
				}
				if err != nil {
					t.Fatalf("%s n=%d %s: %v", c.Name, n, backend, err)
				}
				if _, err := compareResults(k.result(), want, tol); err != nil {
					t.Errorf("%s n=%d: numkit %s vs go-loop: %v", c.Name, n, backend, err)
				}
				// a second evaluation, into the kept destination, agrees too
				if err := k.run(); err != nil {
					t.Fatal(err)
				}
				if _, err := compareResults(k.result(), want, tol); err != nil {
					t.Errorf("%s n=%d: numkit %s, second evaluation: %v", c.Name, n, backend, err)
				}
			}
		}
	}
}

// TestCompareResults checks that the agreement check fails where it should.
func TestCompareResults(t *testing.T) {
	nan := func() float64 { var z float64; return z / z }()
	for _, tc := range []struct {
		got, want any
		tol       float64
		fail      string // a substring of the error, "" for agreement
	}{
		{[]float64{1, 2, 3}, []float64{1, 2, 3}, 0, ""},
		{[]float64{1, 2, 3 + 1e-13}, []float64{1, 2, 3}, 1e-12, ""},
		{[]float64{1, 2, 3.001}, []float64{1, 2, 3}, 1e-12, "element 2"},
		{[]float64{1e-20}, []float64{0}, 1e-12, ""}, // absolute near zero
		{[]float64{nan}, []float64{nan}, 0, ""},
		{[]float64{nan}, []float64{1}, 1, "element 0"},
		{[]float32{1, 2}, []float64{1, 2}, 1, "result is []float32"},
		{[]float64{1}, []float64{1, 2}, 1, "1 elements"},
		{[]int32{4, 5}, []int32{4, 6}, 0, "element 1"},
		{float64(10), float64(10.5), 1e-9, "got 10, reference 10.5"},
		{float32(2), float32(2), 0, ""},
		{"x", float64(1), 0, "unexpected result type string"},
	} {
		_, err := compareResults(tc.got, tc.want, tc.tol)
		switch {
		case tc.fail == "" && err != nil:
			t.Errorf("compare(%v, %v): %v", tc.got, tc.want, err)
		case tc.fail != "" && (err == nil || !strings.Contains(err.Error(), tc.fail)):
			t.Errorf("compare(%v, %v) = %v, want an error with %q", tc.got, tc.want, err, tc.fail)
		}
	}
}

// TestRunReportsMismatch makes a backend disagree (a baseline that is wrong on
// purpose) and checks that the row says so and is not timed.
func TestRunReportsMismatch(t *testing.T) {
	saved := baselines["triad"]
	defer func() { baselines["triad"] = saved }()
	wrong := saved
	wrong.loop = func(in *inputs) kernel {
		dst := make([]float64, in.n)
		return sliceKernel(dst, func() {
			b, c := in.f64("b"), in.f64("c")
			for i := range dst {
				dst[i] = b[i] + 3*c[i]
			}
			dst[len(dst)-1] += 1 // off in the last element
		})
	}
	baselines["triad"] = wrong
	def, _ := SuiteByName("default")
	cases, _ := Select(def.Cases, "^triad$", nil)
	rep, err := Run(context.Background(), Config{Cases: cases, Sizes: []int{100}, Backends: []string{"gonum"},
		Baselines: true, Timing: Timing{Repeat: 1, MinRun: 1}})
	if err != nil {
		t.Fatal(err)
	}
	var statuses []string
	for _, r := range rep.Rows {
		statuses = append(statuses, r.Backend+":"+r.Status)
		if r.Status == StatusMismatch && (r.MedianS != 0 || !strings.Contains(r.Error, "element 99")) {
			t.Errorf("mismatch row %+v: want no timing and the element in the error", r)
		}
	}
	if got := strings.Join(statuses, " "); got != "gonum:mismatch go-loop:ok gonum-floats:mismatch" {
		t.Errorf("statuses %s", got)
	}
}

// TestRunCancelled checks that a cancelled run returns the rows measured so far.
func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	def, _ := SuiteByName("quick")
	rep, err := Run(ctx, Config{Cases: def.Cases, Sizes: []int{100}, Backends: []string{"gonum"}, Baselines: true,
		Timing: Timing{Repeat: 1, MinRun: 1},
		Progress: func(done, total int, next string) {
			if done == 2 {
				cancel()
			}
		}})
	// cancelled as the third measurement starts: it finishes, and the run stops
	if !errors.Is(err, context.Canceled) || len(rep.Rows) != 3 {
		t.Errorf("cancelled run: %v and %d rows, want context.Canceled and 3", err, len(rep.Rows))
	}
}
