package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/numkit/numkit/bench"
)

// bench --expr times complex inputs (--dtype complex128 or complex64): the row counts
// 16 (8) bytes per input and result element, and a complex scalar result works.
func TestBenchExprComplex(t *testing.T) {
	for _, c := range []struct {
		dtype, expr string
		bytes       int64
	}{{"complex128", "z*w + 1j", 3 * 16 * 1000}, {"complex64", "z*w", 3 * 8 * 1000}, {"complex128", "sum(z)", 16 * 1000}} {
		code, stdout, stderr := runBench(t, false, "--expr", c.expr, "--n", "1000", "--repeat", "2", "--dtype", c.dtype, "--json")
		if code != 0 {
			t.Fatalf("%s %s: exit %d: %s", c.dtype, c.expr, code, stderr)
		}
		lines := strings.Split(strings.TrimSpace(stdout), "\n")
		var r bench.Row
		if err := json.Unmarshal([]byte(lines[len(lines)-1]), &r); err != nil {
			t.Fatal(err)
		}
		if r.DType != c.dtype || r.BytesMoved != c.bytes || r.Status != bench.StatusOK || r.MedianS <= 0 {
			t.Errorf("%s %s: row %+v, want %d bytes", c.dtype, c.expr, r, c.bytes)
		}
	}
	if code, _, stderr := runBench(t, false, "--expr", "z+1", "--dtype", "complex32"); code == 0 || !strings.Contains(stderr, "complex128 or complex64") {
		t.Errorf("--dtype complex32: exit %d, %s", code, stderr)
	}
}
