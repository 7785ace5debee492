package main

import (
	"math"
	"math/cmplx"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/numkit/numkit/numeric/npy"
)

// TestEvalComplex: complex .npy inputs (either byte order, N-d) evaluate, and the
// result is written as .npy, text (1.5-2j), CSV and JSON ([re, im] pairs, null for
// NaN and ±Inf parts); stats refuses complex data with a hint.
func TestEvalComplex(t *testing.T) {
	z := writeRawNpy(t, "z.npy", npy.Array{Shape: []int{3}, Data: []complex128{1 + 2i, 3 - 1i, complex(math.Inf(1), math.NaN())}})
	w := writeRawNpy(t, "w.npy", npy.Array{Shape: []int{2, 1}, Data: []complex64{0.5i, -2}})
	out := filepath.Join(t.TempDir(), "out.npy")
	if _, errOut, code := runCLI(t, "eval", "z*w + 1j", "-i", "z="+z, "-i", "w="+w, "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	a, err := npy.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := a.Data.([]complex128)
	if !ok || !slices.Equal(a.Shape, []int{2, 3}) || len(got) != 6 {
		t.Fatalf("z*w + 1j written as %T shape %v", a.Data, a.Shape)
	}
	for i, want := range []complex128{-1 + 1.5i, 0.5 + 2.5i, 0, -2 - 3i, -6 + 3i, 0} {
		if i%3 == 2 {
			if !cmplx.IsNaN(got[i]) {
				t.Errorf("element %d = %v, want NaN parts", i, got[i])
			}
			continue
		}
		if got[i] != want {
			t.Errorf("element %d = %v, want %v", i, got[i], want)
		}
	}
	// (Inf+NaNj)*(2+0j) is NaN+NaNj: the naive product, as NumPy computes it
	text, _, code := runCLI(t, "eval", "z*2", "-i", "z="+z, "--format", "text")
	if code != 0 || text != "2+4j\n6-2j\nNaN+NaNj\n" {
		t.Errorf("text: exit %d %q", code, text)
	}
	js, _, code := runCLI(t, "eval", "z*2", "-i", "z="+z, "--format", "json")
	if code != 0 || !strings.Contains(js, `"dtype":"complex128","shape":[3],"data":[[2,4],[6,-2],[null,null]]`) {
		t.Errorf("json: exit %d %q", code, js)
	}
	js, _, code = runCLI(t, "eval", "sum(w)", "-i", "w="+w, "--format", "json")
	if code != 0 || !strings.Contains(js, `"dtype":"complex64","shape":[],"data":[-2,0.5]`) {
		t.Errorf("json scalar: exit %d %q", code, js)
	}
	csv, _, code := runCLI(t, "eval", "conj(z)", "-i", "z="+z, "--format", "csv")
	if code != 0 || csv != "result\n1-2j\n3+1j\n+Inf+NaNj\n" {
		t.Errorf("csv: exit %d %q", code, csv)
	}
	summary, _, code := runCLI(t, "eval", "z - 1", "-i", "z="+z)
	if code != 0 || !strings.HasPrefix(summary, "complex128[3]: [0+2j 2-1j +Inf+NaNj]") || !strings.Contains(summary, "mean +Inf+NaNj") {
		t.Errorf("summary: exit %d %q", code, summary)
	}
	_, errOut, code := runCLI(t, "stats", z)
	if code != 1 || !strings.Contains(errOut, "moments of complex values are not defined") {
		t.Errorf("stats of complex: exit %d %q", code, errOut)
	}
}
