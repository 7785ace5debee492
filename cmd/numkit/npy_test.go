package main

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/numkit/numkit/numeric/npy"
)

func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(&out, &errb, args)
	return out.String(), errb.String(), code
}

// writeRawNpy writes an npy.Array to a file in a temporary directory.
func writeRawNpy(t *testing.T, name string, a npy.Array) string {
	t.Helper()
	var buf bytes.Buffer
	if err := npy.Write(&buf, a); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestNpyEvalThenStats is issue #14's report: numkit must read its own output exactly.
// `numkit eval 'a' --n N -o a.npy` writes N uniform [0, 1) values; `numkit stats`
// gives their count and mean, and `sum((a<0)|(a>=1))` over the file is 0.
func TestNpyEvalThenStats(t *testing.T) {
	for _, n := range []int{1, 1000, 4097, 10000, 100000} {
		path := filepath.Join(t.TempDir(), "a.npy")
		if _, errOut, code := runCLI(t, "eval", "a", "--n", strconv.Itoa(n), "-o", path); code != 0 {
			t.Fatalf("eval --n %d: exit %d: %s", n, code, errOut)
		}
		a, err := npy.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		vals, ok := a.Data.([]float64)
		if !ok || len(vals) != n || len(a.Shape) != 1 {
			t.Fatalf("n=%d: the file holds %T of shape %v", n, a.Data, a.Shape)
		}
		sum := 0.0
		for _, v := range vals {
			if !(v >= 0 && v < 1) {
				t.Fatalf("n=%d: value %v outside [0, 1)", n, v)
			}
			sum += v
		}
		out, errOut, code := runCLI(t, "stats", path, "--json")
		if code != 0 {
			t.Fatalf("stats n=%d: exit %d: %s", n, code, errOut)
		}
		if !strings.Contains(out, fmt.Sprintf(`"count": %d`, n)) {
			t.Errorf("stats n=%d: %s; want count %d", n, out, n)
		}
		mean := jsonNumber(t, out, "mean")
		if math.IsNaN(mean) || math.Abs(mean-sum/float64(n)) > 1e-12 {
			t.Errorf("stats n=%d: mean %v; want %v", n, mean, sum/float64(n))
		}
		out, errOut, code = runCLI(t, "eval", "sum((a<0)|(a>=1))", "-i", "a="+path)
		if code != 0 || strings.TrimSpace(out) != "0 (int64)" {
			t.Errorf("eval sum((a<0)|(a>=1)) n=%d: exit %d, %q %s; want 0 (int64)", n, code, out, errOut)
		}
		out, _, code = runCLI(t, "eval", "sum(a)", "-i", "a="+path)
		if got, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(out), " (float64)"), 64); code != 0 || err != nil || math.Abs(got-sum) > 1e-9*float64(n) {
			t.Errorf("eval sum(a) n=%d: %q; want about %v", n, out, sum)
		}
	}
}

// jsonNumber finds "key": NUMBER in JSON text.
func jsonNumber(t *testing.T, text, key string) float64 {
	t.Helper()
	_, rest, ok := strings.Cut(text, `"`+key+`": `)
	if !ok {
		t.Fatalf("no %q in %s", key, text)
	}
	end := strings.IndexAny(rest, ",\n}")
	v, err := strconv.ParseFloat(strings.TrimSpace(rest[:end]), 64)
	if err != nil {
		t.Fatalf("%q in %s: %v", key, text, err)
	}
	return v
}

// TestNpyScalarOutput: a scalar result is written as a 0-d array and read back as one.
func TestNpyScalarOutput(t *testing.T) {
	in := writeRawNpy(t, "a.npy", npy.Array{Shape: []int{4}, Data: []int32{1, 2, 3, 4}})
	out := filepath.Join(t.TempDir(), "s.npy")
	if _, errOut, code := runCLI(t, "eval", "sum(a)", "-i", "a="+in, "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	a, err := npy.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Shape) != 0 || a.Descr() != "<i8" || a.Data.([]int64)[0] != 10 {
		t.Fatalf("sum(a) written as shape %v %s %v; want a 0-d <i8 10", a.Shape, a.Descr(), a.Data)
	}
	if got, errOut, code := runCLI(t, "eval", "s * 2", "-i", "s="+out); code != 0 || strings.TrimSpace(got) != "20 (int64)" {
		t.Errorf("eval s*2 over the 0-d file: exit %d %q %s; want 20 (int64)", code, got, errOut)
	}
}

// TestNpyInputs: files NumPy may write that numkit reads (narrow integers widened as
// numexpr does, big-endian, Fortran-flagged 1-d), and the ones it refuses with a
// message naming the file and the problem.
func TestNpyInputs(t *testing.T) {
	i16 := writeRawNpy(t, "i16.npy", npy.Array{Shape: []int{3}, Data: []int16{-300, 2, 3}})
	u8 := writeRawNpy(t, "u8.npy", npy.Array{Shape: []int{3}, Data: []uint8{200, 2, 3}})
	u32 := writeRawNpy(t, "u32.npy", npy.Array{Shape: []int{2}, Data: []uint32{1<<32 - 1, 1}})
	u64 := writeRawNpy(t, "u64.npy", npy.Array{Shape: []int{2}, Data: []uint64{1, 2}})
	twoD := writeRawNpy(t, "m.npy", npy.Array{Shape: []int{2, 3}, Data: []float64{1, 2, 3, 4, 5, 6}})
	big := filepath.Join(t.TempDir(), "big.npy") // >f8 [1, -2], written by hand
	hdr := "{'descr': '>f8', 'fortran_order': True, 'shape': (2,), }"
	raw := append([]byte("\x93NUMPY\x01\x00"), byte(len(hdr)), 0)
	raw = append(append(raw, hdr...), 0x3f, 0xf0, 0, 0, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0)
	if err := os.WriteFile(big, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	trailing := filepath.Join(t.TempDir(), "trailing.npy")
	if err := os.WriteFile(trailing, append(raw, 1, 2, 3), 0o644); err != nil {
		t.Fatal(err)
	}
	truncated := filepath.Join(t.TempDir(), "truncated.npy")
	if err := os.WriteFile(truncated, raw[:len(raw)-3], 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		out  string
	}{
		{[]string{"eval", "a * 2", "-i", "a=" + i16}, "int32[3]: [-600 4 6]"},
		{[]string{"eval", "a * 2", "-i", "a=" + u8}, "int32[3]: [400 4 6]"},
		{[]string{"eval", "a + 1", "-i", "a=" + u32}, "int64[2]: [4294967296 2]"},
		{[]string{"eval", "a * 2", "-i", "a=" + big}, "float64[2]: [2 -4]"},
		{[]string{"eval", "a", "-i", "a=" + twoD}, "float64 (2, 3): [1 2 3 4 5 6]"},
		{[]string{"stats", twoD}, "count  6\nmean   3.5\n"},
	} {
		out, errOut, code := runCLI(t, tc.args...)
		if code != 0 || !strings.HasPrefix(out, tc.out) {
			t.Errorf("%q: exit %d, %q %s; want %q", tc.args, code, out, errOut, tc.out)
		}
	}
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"eval", "a", "-i", "a=" + u64}, u64 + ": dtype uint64 is not supported"},
		{[]string{"eval", "a", "-i", "a=" + trailing}, trailing + ": npy: data: byte 82: 3 bytes after the array's data"},
		{[]string{"stats", truncated}, truncated + ": npy: data: byte 66: shape (2,) of >f8 needs 16 bytes of data but the file has 13"},
	} {
		_, errOut, code := runCLI(t, tc.args...)
		if code != 1 || !strings.Contains(errOut, tc.msg) {
			t.Errorf("%q: exit %d, %q; want exit 1 and %q", tc.args, code, errOut, tc.msg)
		}
	}
}
