package numeric

import (
	"strings"
	"testing"
)

func TestExplain(t *testing.T) {
	e := MustCompile("2*a + 3*b**2 - sin(c)")
	vars := Vars{"a": make([]float64, 1000), "b": make([]float64, 1000), "c": make([]float64, 1000)}
	s, err := e.Explain(vars)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"chosen: ", "n=1000", "gonum", "bytes read", "costs: "} {
		if !strings.Contains(s, want) {
			t.Errorf("Explain lacks %q:\n%s", want, s)
		}
	}
	if _, err := e.Explain(Vars{"a": []float64{1}}); err == nil {
		t.Error("Explain with a missing variable: no error")
	}
	t.Log("\n" + s)
}

// TestExplainAxis: an expression that reduces along an axis of an N-d input is
// explained and chosen for the rest of the expression, its variables shown as the
// calls' sources; a bad axis is the same error Eval gives.
func TestExplainAxis(t *testing.T) {
	a := NewArray(make([]float64, 600), 20, 30)
	vars := Vars{"a": a, "c": make([]float64, 20)}
	e := MustCompile("sum(a, axis=1) + c")
	s, err := e.Explain(vars)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"expression: sum(a, axis=1) + c", "n=20", "chosen: ", "along an axis (evaluated first"} {
		if !strings.Contains(s, want) {
			t.Errorf("Explain lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, axisVar) {
		t.Errorf("Explain shows an internal variable:\n%s", s)
	}
	if ch, err := e.Choose(vars); err != nil || ch.Backend == "" {
		t.Errorf("Choose: %+v, %v", ch, err)
	}
	bad := MustCompile("sum(a, axis=2) + c")
	_, evalErr := bad.Eval(t.Context(), vars)
	_, explainErr := bad.Explain(vars)
	_, chooseErr := bad.Choose(vars)
	if evalErr == nil || explainErr == nil || chooseErr == nil || explainErr.Error() != evalErr.Error() || chooseErr.Error() != evalErr.Error() {
		t.Errorf("axis 2 of a 2-d input: Eval %v, Explain %v, Choose %v; want the same error", evalErr, explainErr, chooseErr)
	}
}

// TestChooseAxisCountsTheReductionThreads: an axis reduction runs its lines (or
// columns) on the CPU with the options' threads, whatever the outer expression over
// the short reduced array gets, and Choose says so (it said one thread).
func TestChooseAxisCountsTheReductionThreads(t *testing.T) {
	e := MustCompile("sum(a, axis=0)", WithThreads(3), WithBackend(BackendGonum))
	ch, err := e.Choose(Vars{"a": NewArray(make([]float64, 200*300), 200, 300)})
	if err != nil || ch.Backend != BackendGonum || ch.Threads != 3 {
		t.Fatalf("Choose = %+v, %v; want gonum with 3 threads", ch, err)
	}
}
