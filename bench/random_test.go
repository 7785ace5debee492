package bench

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/numkit/numkit/numeric"
)

func TestRandomCases(t *testing.T) {
	rc, err := RandomCases(11, 40)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := RandomCases(11, 40)
	names, f32 := map[string]bool{}, 0
	for i, c := range rc {
		if names[c.Name] {
			t.Errorf("case name %s twice", c.Name)
		}
		names[c.Name] = true
		if c.DType == "float32" {
			f32++
		}
		if c.Expr != again[i].Expr {
			t.Errorf("seed 11 case %d: %q then %q", i, c.Expr, again[i].Expr)
		}
		if baselineFor(c.Name).loop == nil {
			t.Errorf("%s: no go-loop baseline registered", c.Name)
		}
		if c.C == "" || c.NumPy == "" || strings.Contains(c.C, "**") {
			t.Errorf("%s: C %q, NumPy %q", c.Name, c.C, c.NumPy)
		}
		if _, err := numeric.Compile(c.Expr); err != nil {
			t.Errorf("%s: %q does not compile: %v", c.Name, c.Expr, err)
		}
	}
	if len(rc) != 40 || f32 != 20 {
		t.Errorf("%d cases, %d float32; want 40 and 20", len(rc), f32)
	}
	if _, err := RandomCases(1, 0); err == nil {
		t.Error("RandomCases(1, 0): no error")
	}
}

// TestRandomSuiteAgrees runs a random suite on the CPU backends at a small size: every
// backend's result must agree with exprgen's evaluator (the go-loop baseline).
func TestRandomSuiteAgrees(t *testing.T) {
	rc, err := RandomCases(5, 12)
	if err != nil {
		t.Fatal(err)
	}
	backends := []string{numeric.BackendGonum}
	if hw, _ := numeric.Hardware(); probeBackend(numeric.BackendSIMD, 0, hw).Usable { // not in -tags noasm builds
		backends = append(backends, numeric.BackendSIMD)
	}
	rep, err := Run(context.Background(), Config{Suite: "random", Cases: Cases(rc), Sizes: []int{1000, 4097},
		Backends: backends, Baselines: true, Seed: 5,
		Timing: Timing{Repeat: 1, MinRun: time.Microsecond}})
	if err != nil {
		t.Fatal(err)
	}
	if want := 12 * 2 * (len(backends) + 1); len(rep.Rows) != want {
		t.Fatalf("%d rows, want %d", len(rep.Rows), want)
	}
	for _, r := range rep.Rows {
		if r.Status != StatusOK {
			t.Errorf("%s n=%d %s: %s %s (%s)", r.Case, r.N, r.Backend, r.Status, r.Error, r.Expr)
		}
	}
}

func TestWritePeersCases(t *testing.T) {
	rc, err := RandomCases(3, 6)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WritePeersCases(&buf, 3, rc); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(buf.String(), "\n"), "\n")
	if len(lines) != 7 || !strings.HasPrefix(lines[0], "# ") {
		t.Fatalf("%d lines, first %q; want a comment and 6 cases", len(lines), lines[0])
	}
	for i, l := range lines[1:] {
		f := strings.Split(l, "\t")
		if len(f) != 5 || f[0] != rc[i].Name || f[1] != rc[i].DType || f[2] != rc[i].Expr || f[3] != rc[i].C || f[4] != rc[i].NumPy {
			t.Errorf("line %d: %q", i+2, l)
		}
	}
}

func TestCompareEnvelope(t *testing.T) {
	ref := []float64{1, 2, 3, 4}
	env := [2]any{[]float64{1, 2.01, 3, 4}, []float64{1, 1.99, 3, 4.001}}
	if _, err := compareEnvelope([]float64{1, 2.005, 3, 4.003}, ref, env, 1e-12); err != nil {
		t.Errorf("inside the envelope or 4x its spread: %v", err)
	}
	if _, err := compareEnvelope([]float64{1, 2, 3.5, 4}, ref, env, 1e-12); err == nil || !strings.Contains(err.Error(), "element 2") {
		t.Errorf("3.5 for 3 with no spread there: error %v, want one naming element 2", err)
	}
	if _, err := compareEnvelope([]float64{1, 2, 3, 4.01}, ref, env, 1e-12); err == nil {
		t.Error("4.01 for 4, spread 0.001: no error")
	}
}
