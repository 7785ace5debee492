package numeric

import (
	"fmt"
	"testing"
)

func TestEvaluateCache(t *testing.T) {
	c := newLRU(3)
	for i := range 5 {
		if _, err := c.get(fmt.Sprintf("a + %d", i), nil); err != nil {
			t.Fatal(err)
		}
	}
	if c.len() != 3 {
		t.Fatalf("cache holds %d expressions, want 3", c.len())
	}
	e1, _ := c.get("a + 4", nil)
	e2, _ := c.get("a + 4", nil)
	if e1 != e2 {
		t.Error("a cached expression was compiled again")
	}
	e3, _ := c.get("a + 4", []Option{WithThreads(1)})
	if e3 == e1 {
		t.Error("different options share a cache entry")
	}
	if _, err := c.get("a +", nil); err == nil {
		t.Error("a bad expression was accepted")
	}
}

func TestEvaluate(t *testing.T) {
	r, err := Evaluate("sum(a*b)", Vars{"a": []float64{1, 2, 3}, "b": []float64{4, 5, 6}})
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := r.Float64(); !ok || v != 32 || !r.Scalar || r.Type != Float64 {
		t.Errorf("sum(a*b) = %+v, want scalar float64 32", r)
	}
}
