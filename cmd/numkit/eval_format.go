package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/numkit/numkit/numeric"
)

// evalFormats are the result formats of numkit eval --format.
var evalFormats = []string{"npy", "csv", "json", "text"}

// evalSchemaVersion is the version of eval's JSON output (docs: README, Run it).
const evalSchemaVersion = 1

// formatFor picks the output format: --format if given, else from -o's extension
// (.csv, .json, .txt; anything else, and "-", is npy).
func formatFor(format, out string) string {
	if format != "" {
		return format
	}
	switch strings.ToLower(filepath.Ext(out)) {
	case ".csv":
		return "csv"
	case ".json":
		return "json"
	case ".txt":
		return "text"
	}
	return "npy"
}

// writeResult writes res to w in format.
func writeResult(w io.Writer, format, expr string, res numeric.Result) error {
	switch format {
	case "npy":
		return writeNpyStream(w, resultValue(res))
	case "json":
		return writeResultJSON(w, expr, res)
	}
	bw := bufio.NewWriter(w)
	if format == "csv" {
		fmt.Fprintln(bw, "result")
	}
	eachValue(res.Data, func(s string) { bw.WriteString(s); bw.WriteByte('\n') })
	return bw.Flush()
}

// eachValue calls f with each value of a result (one for a scalar), formatted as Go's
// strconv does: the shortest text that reads back to the same value (NaN, +Inf, -Inf).
func eachValue(data any, f func(string)) {
	switch s := data.(type) {
	case []float64:
		for _, v := range s {
			f(strconv.FormatFloat(v, 'g', -1, 64))
		}
	case []float32:
		for _, v := range s {
			f(strconv.FormatFloat(float64(v), 'g', -1, 32))
		}
	case []int64:
		for _, v := range s {
			f(strconv.FormatInt(v, 10))
		}
	case []int32:
		for _, v := range s {
			f(strconv.FormatInt(int64(v), 10))
		}
	case []bool:
		for _, v := range s {
			f(strconv.FormatBool(v))
		}
	case float64:
		f(strconv.FormatFloat(s, 'g', -1, 64))
	case float32:
		f(strconv.FormatFloat(float64(s), 'g', -1, 32))
	case int64:
		f(strconv.FormatInt(s, 10))
	case int32:
		f(strconv.FormatInt(int64(s), 10))
	case bool:
		f(strconv.FormatBool(s))
	}
}

// evalJSON is eval's JSON output.
type evalJSON struct {
	SchemaVersion int    `json:"schema_version"`
	Version       string `json:"version"` // numkit's version
	Expr          string `json:"expr"`
	DType         string `json:"dtype"`
	Shape         []int  `json:"shape"` // [] for a scalar, the result's shape for an array
	// Data is the value (a scalar) or the values (an array); NaN and ±Inf, which JSON
	// lacks, are null.
	Data json.RawMessage `json:"data"`
}

func writeResultJSON(w io.Writer, expr string, res numeric.Result) error {
	var b strings.Builder
	var n int
	eachValue(res.Data, func(s string) {
		if n > 0 {
			b.WriteByte(',')
		}
		n++
		if f, err := strconv.ParseFloat(s, 64); err == nil && (math.IsNaN(f) || math.IsInf(f, 0)) {
			s = "null"
		}
		b.WriteString(s)
	})
	out := evalJSON{SchemaVersion: evalSchemaVersion, Version: numkitVersion(), Expr: expr, DType: res.Type.String(), Shape: []int{}}
	if res.Scalar {
		out.Data = json.RawMessage(b.String())
	} else {
		out.Shape = resultShape(res)
		out.Data = json.RawMessage("[" + b.String() + "]")
	}
	enc := json.NewEncoder(w)
	return enc.Encode(out)
}
