package bench

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/perf/benchfmt"
)

func TestWriteGobench(t *testing.T) {
	rep := &Report{
		Machine: Machine{OS: "linux", Arch: "amd64", CPU: "Test CPU @ 3.0GHz", Version: "v0.1.0", SIMD: "avx2",
			GOMAXPROCS: 2, Devices: []string{"pthread (CPU)"}, Suite: "quick"},
		Rows: []Row{
			{Case: "poly", DType: "float64", N: 1000, Backend: "simd", Threads: 2, Inner: 10, BytesMoved: 32000,
				Samples: []float64{2e-6, 4e-6}, Status: StatusOK},
			{Case: "poly", DType: "float64", N: 1000, Backend: "opencl", Status: StatusUnusable, Error: "no device"},
			{Case: "poly", DType: "float64", N: 1000, Backend: "go-loop", Kind: "baseline", Threads: 1, Inner: 5,
				BytesMoved: 32000, Samples: []float64{8e-6}, Status: StatusOK},
		},
	}
	var buf bytes.Buffer
	if err := WriteGobench(&buf, rep); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	type line struct {
		name  string
		iters int
		ns    float64
		bps   float64
		eps   float64
	}
	var got []line
	r := benchfmt.NewReader(&buf, "test.txt")
	for r.Scan() {
		switch rec := r.Result().(type) {
		case *benchfmt.SyntaxError:
			t.Fatalf("syntax error: %v\n%s", rec, text)
		case *benchfmt.Result:
			for key, want := range map[string]string{"goos": "linux", "goarch": "amd64", "cpu": "Test CPU @ 3.0GHz",
				"numkit": "v0.1.0", "simd": "avx2", "suite": "quick", "opencl": "pthread (CPU)"} {
				if v := rec.GetConfig(key); v != want {
					t.Errorf("config %s = %q, want %q", key, v, want)
				}
			}
			ns, _ := rec.Value("sec/op") // the reader normalizes ns/op to sec/op
			bps, _ := rec.Value("B/s")
			eps, _ := rec.Value("elem/s")
			got = append(got, line{rec.Name.String(), rec.Iters, ns, bps, eps})
		}
	}
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	want := []line{
		{"Poly/dtype=float64/n=1000/backend=simd-2", 10, 2e-6, 32000 / 2e-6, 1000 / 2e-6},
		{"Poly/dtype=float64/n=1000/backend=simd-2", 10, 4e-6, 32000 / 4e-6, 1000 / 4e-6},
		{"Poly/dtype=float64/n=1000/backend=go-loop-1", 5, 8e-6, 32000 / 8e-6, 1000 / 8e-6},
	}
	if len(got) != len(want) {
		t.Fatalf("%d results, want %d:\n%s", len(got), len(want), text)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.name != w.name || g.iters != w.iters || !near(g.ns, w.ns) || !near(g.bps, w.bps) || !near(g.eps, w.eps) {
			t.Errorf("result %d = %+v, want %+v", i, g, w)
		}
	}
	if !strings.Contains(text, " ns/op ") {
		t.Errorf("no ns/op unit in\n%s", text)
	}
}

func near(a, b float64) bool { return a == b || (a-b)/b < 1e-9 && (b-a)/b < 1e-9 }

func TestBenchName(t *testing.T) {
	for in, want := range map[string]string{"poly": "Poly", "a/b c": "A_b_c", "": "Unnamed", "Int32ops": "Int32ops"} {
		if got := benchName(in); got != want {
			t.Errorf("benchName(%q) = %q, want %q", in, got, want)
		}
	}
}
