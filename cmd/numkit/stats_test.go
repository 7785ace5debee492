package main

import (
	"bytes"
	"math"
	"path/filepath"
	"strings"
	"testing"
)

// writeTestNpy writes v to a .npy file in a temporary directory and returns its path.
func writeTestNpy(t *testing.T, name string, v any) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := writeNpy(path, v); err != nil {
		t.Fatal(err)
	}
	return path
}

func runStats(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(&out, &errb, append([]string{"stats"}, args...))
	return out.String(), errb.String(), code
}

func TestStatsGolden(t *testing.T) {
	x := writeTestNpy(t, "x.npy", []float64{2, 4, 4, 4, 5, 5, 7, 9})
	withNaN := writeTestNpy(t, "n.npy", []float32{1, float32(math.NaN()), 3})
	ints := writeTestNpy(t, "i.npy", []int32{1, 2, 3, 4})
	y := writeTestNpy(t, "y.npy", []float64{1, 1, 1, 1, 1, 1, 1, 1})
	for _, tc := range []struct {
		golden string
		args   []string
	}{
		{"stats.golden", []string{x}},
		{"stats.json.golden", []string{x, "--json"}},
		{"stats_expr.golden", []string{x, "--expr", "(x - mean(x)) / std(x) + y", "-i", "y=" + y}},
		{"stats_nan.golden", []string{withNaN}},
		{"stats_skipnan.golden", []string{"--skip-nan", withNaN}},
		{"stats_skipnan.json.golden", []string{withNaN, "--skip-nan", "--json"}},
		{"stats_int.golden", []string{ints, "--threads", "2"}},
		{"stats_scalar_expr.golden", []string{x, "--expr", "var(x)"}},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			out, errOut, code := runStats(t, tc.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			// the version depends on the build: the golden files say VERSION
			out = strings.ReplaceAll(out, `"version": "`+numkitVersion()+`"`, `"version": "VERSION"`)
			checkGolden(t, tc.golden, []byte(out))
		})
	}
}

func TestStatsErrors(t *testing.T) {
	x := writeTestNpy(t, "x.npy", []float64{1, 2})
	b := writeTestNpy(t, "b.npy", []bool{true, false})
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{nil, 2, "missing the .npy file"},
		{[]string{"/nonexistent/a.npy"}, 1, "no such file"},
		{[]string{x, "--expr", "x +"}, 1, "numkit stats:"},
		{[]string{x, "--expr", "x > 1"}, 1, "bool"},
		{[]string{b}, 1, "bool"},
		{[]string{x, "-i", "y=" + x}, 1, "-i needs --expr"},
		{[]string{x, "--expr", "x + y", "-i", "y"}, 1, "want name=file.npy"},
		{[]string{x, "--threads", "-1"}, 2, "must not be negative"},
		{[]string{x, "extra"}, 2, "unexpected argument"},
	} {
		_, errOut, code := runStats(t, tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.msg) {
			t.Errorf("stats %q: exit %d, %q; want exit %d and %q", tc.args, code, errOut, tc.code, tc.msg)
		}
	}
	if _, _, code := runStats(t, "-h"); code != 0 {
		t.Errorf("stats -h: exit %d; want 0", code)
	}
}
