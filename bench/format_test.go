package bench

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/numkit/numkit/numeric"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// fakeClock starts at a fixed date and advances on each call by 1 ms plus a few µs
// that vary with the call, and by 3 ms on every 97th call, so that timings differ
// between runs, some measurements come out noisy, and all are the same on every
// machine.
func fakeClock() func() time.Time {
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	i := 0
	return func() time.Time {
		i++
		step := time.Millisecond + time.Duration(i%5)*10*time.Microsecond
		if i%97 == 0 {
			step = 3 * time.Millisecond
		}
		now = now.Add(step)
		return now
	}
}

// fakeHardware is a fixed machine with an unusable OpenCL backend.
func fakeHardware() (numeric.HardwareReport, error) {
	hw := numeric.HardwareReport{OS: "linux", Arch: "amd64", GoVersion: "go1.26.0", GOMAXPROCS: 2}
	hw.CPU.Brand = "Example CPU @ 2.00GHz"
	hw.CPU.PhysicalCores, hw.CPU.LogicalCores, hw.CPU.Hypervisor = 2, 4, true
	hw.SIMD.Level = "avx2"
	hw.OpenCL.Platforms = []numeric.PlatformInfo{{Name: "Fake", Devices: []numeric.DeviceInfo{{Name: "Fake GPU", Type: "gpu"}}}}
	hw.Backends = []numeric.BackendInfo{
		{Name: "opencl", Reason: "fake: no OpenCL in this test"},
		{Name: "gonum", Usable: true, Reason: "portable pure Go"},
	}
	return hw, nil
}

// goldenReport runs a small suite under the fake clock and hardware on the gonum
// backend. The agreement errors depend on the platform (Go fuses x*y+z on some), so
// they are zeroed.
func goldenReport(t *testing.T) *Report {
	t.Helper()
	def, _ := SuiteByName("default")
	cases, err := Select(def.Cases, "^(triad|dot|int32ops|sin32)$", nil)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(context.Background(), Config{
		Suite: "golden", Cases: cases, Sizes: []int{1000, 1e4}, Backends: []string{"opencl", "gonum"},
		Baselines: true, Threads: 2, Timing: DefaultTiming, Seed: 1,
		Clock: fakeClock(), Hardware: fakeHardware,
	})
	if err != nil {
		t.Fatal(err)
	}
	for i := range rep.Rows {
		rep.Rows[i].MaxError = 0
	}
	return rep
}

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestGoldenTable(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteTable(&buf, goldenReport(t)); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "table.golden", buf.Bytes())
}

func TestGoldenJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, goldenReport(t)); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "report.jsonl.golden", buf.Bytes())
	// every line is an object with a record field; rows have the peers' fields
	peers := []string{"expr", "n", "dtype", "backend", "threads", "repeat", "min_s", "median_s", "gb_per_s", "gelem_per_s"}
	for i, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var obj map[string]any
		if err := json.Unmarshal([]byte(line), &obj); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		want := "row"
		if i == 0 {
			want = "machine"
		}
		if obj["record"] != want {
			t.Errorf("line %d: record %v, want %s", i+1, obj["record"], want)
		}
		if want == "row" {
			for _, f := range peers {
				if _, ok := obj[f]; !ok {
					t.Errorf("line %d lacks %s", i+1, f)
				}
			}
		}
	}
}

func TestGoldenCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, goldenReport(t)); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "report.csv.golden", buf.Bytes())
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range recs {
		if len(r) != len(CSVColumns) {
			t.Errorf("CSV line %d has %d fields, want %d", i+1, len(r), len(CSVColumns))
		}
	}
}

// TestCSVColumnsMatchJSON keeps the CSV header and the JSON row fields the same.
func TestCSVColumnsMatchJSON(t *testing.T) {
	one := 1.0
	var peak int64 = 1
	b, _ := json.Marshal(Row{AllocsPerEval: &one, BytesPerEval: &one, PeakHeapBytes: &peak, Error: "x"})
	var obj map[string]any
	json.Unmarshal(b, &obj)
	delete(obj, "record")
	if len(obj) != len(CSVColumns) {
		t.Errorf("JSON row has %d fields, CSV %d", len(obj), len(CSVColumns))
	}
	for _, c := range CSVColumns {
		if _, ok := obj[c]; !ok {
			t.Errorf("CSV column %s is no JSON field", c)
		}
	}
}

func TestFormatTime(t *testing.T) {
	for s, want := range map[float64]string{
		0: "0", 1.234e-9: "1.23ns", 12.34e-9: "12.3ns", 999.4e-9: "999ns", 2.5e-6: "2.50µs",
		0.1234: "123ms", 1.5: "1.50s", 123.4: "123s",
	} {
		if got := formatTime(s); got != want {
			t.Errorf("formatTime(%g) = %s, want %s", s, got, want)
		}
	}
}
