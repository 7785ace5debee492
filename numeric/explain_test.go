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
