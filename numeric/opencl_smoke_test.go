package numeric

import (
	"context"
	"testing"
)

func TestOpenCLSmoke(t *testing.T) {
	requireOpenCL(t)
	a := []float64{1, 2, 3, 4, 5}
	b := []float64{10, 20, 30, 40, 50}
	for _, src := range []string{"2*a + 3*b**2 - sin(a)", "sum(a*b)", "a - mean(a)", "where(a>2.5, a, b)", "a // 2 + a % 3"} {
		e := MustCompile(src, WithBackend("opencl"))
		r, err := e.Eval(context.Background(), Vars{"a": a, "b": b})
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		g := MustCompile(src, WithBackend("gonum"))
		want, _ := g.Eval(context.Background(), Vars{"a": a, "b": b})
		t.Logf("%s: %v want %v", src, r.Data, want.Data)
	}
}
