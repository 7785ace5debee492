package numeric

import (
	"fmt"
	"testing"
)

func TestEvaluateCache(t *testing.T) {
	n0 := exprCache.Len()
	for i := range 5 {
		if _, err := cachedExpr(fmt.Sprintf("a + %d + 0.%d25", i, n0), nil); err != nil {
			t.Fatal(err)
		}
	}
	if got := exprCache.Len(); got != min(n0+5, cacheSize) {
		t.Fatalf("cache holds %d expressions, want %d", got, min(n0+5, cacheSize))
	}
	e1, _ := cachedExpr("a + 4", nil)
	e2, _ := cachedExpr("a + 4", nil)
	if e1 != e2 {
		t.Error("a cached expression was compiled again")
	}
	e3, _ := cachedExpr("a + 4", []Option{WithThreads(1)})
	if e3 == e1 {
		t.Error("different options share a cache entry")
	}
	if _, err := cachedExpr("a +", nil); err == nil {
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
