package bench

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/numkit/numkit/asm"
)

// AccuracyRow is one vector math function's measured error (asm.MathAccuracy) as
// `numkit bench --accuracy` reports it.
type AccuracyRow struct {
	Record  string    `json:"record"`         // always "accuracy"
	Schema  int       `json:"schema_version"` // LineSchemaVersion, set by WriteAccuracyJSON
	Version string    `json:"version"`        // numkit's version, set by WriteAccuracyJSON
	Func    string    `json:"func"`           // the function's name in the language, e.g. "exp"
	DType   string    `json:"dtype"`          // "float64" or "float32"
	Level   string    `json:"level"`          // the SIMD level measured: avx512, avx2, neon or none
	MaxULP  float64   `json:"max_ulp"`        // the largest error in ULPs of the result type
	MeanULP float64   `json:"mean_ulp"`       // the mean error in ULPs
	Bound   float64   `json:"bound"`          // the bound numkit's tests assert, ULPs
	Inputs  int       `json:"inputs"`         // reference points
	WorstX  []float64 `json:"worst_x"`        // the arguments of the largest error
}

// Accuracy converts asm's measurements, adding each function's asserted bound.
func Accuracy(measured []asm.MathAccuracy) []AccuracyRow {
	bounds := map[string]float64{}
	for _, f := range asm.MathFuncs() {
		bounds[f.Name] = f.MaxULP
	}
	rows := make([]AccuracyRow, 0, len(measured))
	for _, m := range measured {
		dtype := "float64"
		if m.Type == "f32" {
			dtype = "float32"
		}
		rows = append(rows, AccuracyRow{Record: "accuracy", Func: m.Name, DType: dtype, Level: m.Level.String(),
			MaxULP: m.MaxULP, MeanULP: m.MeanULP, Bound: bounds[m.Name], Inputs: m.Inputs, WorstX: m.WorstX})
	}
	return rows
}

// WriteAccuracyTable writes the ULP table.
func WriteAccuracyTable(w io.Writer, rows []AccuracyRow) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "function\tdtype\tlevel\tmax ULP\tmean ULP\tbound\tinputs\tworst at\t")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%.3f\t%s\t%d\t%s\t\n", r.Func, r.DType, r.Level,
			formatULP(r.MaxULP), r.MeanULP, formatULP(r.Bound), r.Inputs, formatArgs(r.WorstX))
	}
	return tw.Flush()
}

// WriteAccuracyJSON writes one JSON object per row, each with the schema version and
// numkit's version.
func WriteAccuracyJSON(w io.Writer, rows []AccuracyRow, version string) error {
	enc := json.NewEncoder(w)
	for _, r := range rows {
		r.Schema, r.Version = LineSchemaVersion, version
		if math.IsInf(r.MaxULP, 0) || math.IsNaN(r.MaxULP) {
			r.MaxULP, r.MeanULP = -1, -1 // JSON has no infinity; -1 means "a special value was wrong"
		}
		if r.WorstX == nil {
			r.WorstX = []float64{}
		}
		if err := enc.Encode(r); err != nil {
			return fmt.Errorf("%s %s: %v", r.Func, r.DType, err)
		}
	}
	return nil
}

// WriteAccuracyCSV writes a header line and one line per row; worst_x holds the
// arguments separated by spaces.
func WriteAccuracyCSV(w io.Writer, rows []AccuracyRow) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"func", "dtype", "level", "max_ulp", "mean_ulp", "bound", "inputs", "worst_x"})
	for _, r := range rows {
		cw.Write([]string{r.Func, r.DType, r.Level, fmtFloat(r.MaxULP), fmtFloat(r.MeanULP), fmtFloat(r.Bound),
			strconv.Itoa(r.Inputs), formatArgs(r.WorstX)})
	}
	cw.Flush()
	return cw.Error()
}

func formatULP(v float64) string {
	if math.IsInf(v, 1) {
		return "inf"
	}
	return strconv.FormatFloat(v, 'f', 3, 64)
}

func formatArgs(xs []float64) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = strconv.FormatFloat(x, 'g', -1, 64)
	}
	return strings.Join(parts, " ")
}
