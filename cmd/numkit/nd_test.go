package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/numkit/numkit/numeric/npy"
)

// TestNdNpy: N-d .npy files in C and Fortran order are read with their shape,
// broadcast, written with the result's shape, and summarised with it.
func TestNdNpy(t *testing.T) {
	c := writeRawNpy(t, "c.npy", npy.Array{Shape: []int{2, 3}, Data: []float64{1, 2, 3, 4, 5, 6}})
	// the same 2×3 array, stored column by column
	f := writeRawNpy(t, "f.npy", npy.Array{Shape: []int{2, 3}, Fortran: true, Data: []float64{1, 4, 2, 5, 3, 6}})
	row := writeRawNpy(t, "row.npy", npy.Array{Shape: []int{3}, Data: []int32{10, 20, 30}})
	col := writeRawNpy(t, "col.npy", npy.Array{Shape: []int{2, 1}, Data: []float64{100, 200}})
	out := filepath.Join(t.TempDir(), "out.npy")
	if _, errOut, code := runCLI(t, "eval", "c + f + r + k", "-i", "c="+c, "-i", "f="+f, "-i", "r="+row, "-i", "k="+col, "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	a, err := npy.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{112, 124, 136, 218, 230, 242}
	if !slices.Equal(a.Shape, []int{2, 3}) || a.Fortran || !slices.Equal(a.Data.([]float64), want) {
		t.Fatalf("c + f + r + k written as shape %v fortran %v %v, want (2, 3) C %v", a.Shape, a.Fortran, a.Data, want)
	}
	got, errOut, code := runCLI(t, "eval", "c - f", "-i", "c="+c, "-i", "f="+f)
	if code != 0 || !strings.HasPrefix(got, "float64 (2, 3): [0 0 0 0 0 0]") {
		t.Errorf("summary: exit %d %q %s", code, got, errOut)
	}
	got, _, code = runCLI(t, "eval", "sum(f, axis=0)", "-i", "f="+f, "--format", "json")
	if code != 0 || !strings.Contains(got, `"shape":[3],"data":[5,7,9]`) {
		t.Errorf("sum(f, axis=0) as JSON: exit %d %q", code, got)
	}
	_, errOut, code = runCLI(t, "eval", "c + k", "-i", "c="+c, "-i", "k="+writeRawNpy(t, "k3.npy", npy.Array{Shape: []int{3, 1}, Data: []float64{1, 2, 3}}))
	if code != 1 || !strings.Contains(errOut, "c has shape (2, 3) but k has shape (3, 1)") {
		t.Errorf("incompatible shapes: exit %d %q", code, errOut)
	}
}

func TestStatsAxis(t *testing.T) {
	f := writeRawNpy(t, "f.npy", npy.Array{Shape: []int{2, 3}, Fortran: true, Data: []float64{1, 4, 2, 5, 3, 6}})
	for _, tc := range []struct {
		axis string
		want []string
	}{
		{"0", []string{"axis   0 of (2, 3): shape (3,)", "count  [2 2 2]", "mean   [2.5 3.5 4.5]", "min    [1 2 3]", "max    [4 5 6]", "var    [2.25 2.25 2.25]"}},
		{"-1", []string{"axis   1 of (2, 3): shape (2,)", "count  [3 3]", "mean   [2 5]", "min    [1 4]", "max    [3 6]"}},
	} {
		got, errOut, code := runCLI(t, "stats", f, "--axis", tc.axis)
		if code != 0 {
			t.Fatalf("--axis %s: exit %d %s", tc.axis, code, errOut)
		}
		for _, w := range tc.want {
			if !strings.Contains(got, w+"\n") {
				t.Errorf("--axis %s: %q lacks %q", tc.axis, got, w)
			}
		}
	}
	_, errOut, code := runCLI(t, "stats", f, "--axis", "2")
	if code != 2 || !strings.Contains(errOut, "--axis 2: want an integer axis of the array, whose shape is (2, 3)") {
		t.Errorf("--axis 2: exit %d %q", code, errOut)
	}
}
