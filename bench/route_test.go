package bench

import "testing"

func TestRouteSize(t *testing.T) {
	for n, want := range map[int]string{1000: "1e3", 100000: "1e5", 20_000_000: "2e7", 2500: "2500", 7: "7"} {
		if got := routeSize(n); got != want {
			t.Errorf("routeSize(%d) = %s, want %s", n, got, want)
		}
	}
}

func TestRouteCases(t *testing.T) {
	cases := RouteCases()
	seen := map[string]bool{}
	for _, c := range cases {
		if seen[c.Name] {
			t.Errorf("case %s twice", c.Name)
		}
		seen[c.Name] = true
	}
	for _, name := range []string{"triad", "triad32", "poly", "poly32", "exp", "exp32", "dot", "dot32"} {
		if !seen[name] {
			t.Errorf("no case %s in %v", name, cases)
		}
	}
	if len(cases) != 14 {
		t.Errorf("%d cases, want 14 (7 expressions in float64 and float32)", len(cases))
	}
}

func TestRouteRowGood(t *testing.T) {
	for _, tt := range []struct {
		ratio float64
		want  bool
	}{{0.9, true}, {1.1, true}, {1.11, false}, {0, false}} {
		if got := (RouteRow{Ratio: tt.ratio}).Good(); got != tt.want {
			t.Errorf("Good() with ratio %v = %v", tt.ratio, got)
		}
	}
}
