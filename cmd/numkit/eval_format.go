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
// strconv does: the shortest text that reads back to the same value (NaN, +Inf, -Inf);
// a complex value as Python writes one without its parentheses, 1.5-2j (Python's
// complex() and NumPy's loadtxt(dtype=complex) read it back).
func eachValue(data any, f func(string)) {
	switch s := data.(type) {
	case []complex128:
		for _, v := range s {
			f(formatComplex(v, -1, 64))
		}
	case []complex64:
		for _, v := range s {
			f(formatComplex(complex128(v), -1, 32))
		}
	case complex128:
		f(formatComplex(s, -1, 64))
	case complex64:
		f(formatComplex(complex128(s), -1, 32))
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

// formatComplex writes c as re±imj with prec digits (-1: the shortest that reads back
// in bits-size floats): 1.5-2j, NaN+Infj.
func formatComplex(c complex128, prec, bits int) string {
	re := strconv.FormatFloat(real(c), 'g', prec, bits)
	im := strconv.FormatFloat(imag(c), 'g', prec, bits)
	if im[0] != '-' && im[0] != '+' {
		im = "+" + im
	}
	return re + im + "j"
}

// jsonNum is a formatted number as JSON: null for NaN and ±Inf, which JSON lacks.
func jsonNum(s string) string {
	if f, err := strconv.ParseFloat(s, 64); err == nil && (math.IsNaN(f) || math.IsInf(f, 0)) {
		return "null"
	}
	return s
}

// evalJSON is eval's JSON output.
type evalJSON struct {
	SchemaVersion int    `json:"schema_version"`
	Version       string `json:"version"` // numkit's version
	Expr          string `json:"expr"`
	DType         string `json:"dtype"`
	Shape         []int  `json:"shape"` // [] for a scalar, the result's shape for an array
	// Data is the value (a scalar) or the values (an array); NaN and ±Inf, which JSON
	// lacks, are null. A complex value is a pair [re, im].
	Data json.RawMessage `json:"data"`
}

func writeResultJSON(w io.Writer, expr string, res numeric.Result) error {
	var b strings.Builder
	var n int
	each := eachValue
	if res.Type == numeric.Complex128 || res.Type == numeric.Complex64 {
		each = eachComplexPair
	}
	each(res.Data, func(s string) {
		if n > 0 {
			b.WriteByte(',')
		}
		n++
		if !strings.HasPrefix(s, "[") {
			s = jsonNum(s)
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

// eachComplexPair calls f with each complex value of data as a JSON pair [re, im]
// (null for NaN and ±Inf parts).
func eachComplexPair(data any, f func(string)) {
	pair := func(c complex128, bits int) string {
		re := jsonNum(strconv.FormatFloat(real(c), 'g', -1, bits))
		im := jsonNum(strconv.FormatFloat(imag(c), 'g', -1, bits))
		return "[" + re + "," + im + "]"
	}
	switch s := data.(type) {
	case []complex128:
		for _, v := range s {
			f(pair(v, 64))
		}
	case []complex64:
		for _, v := range s {
			f(pair(complex128(v), 32))
		}
	case complex128:
		f(pair(s, 64))
	case complex64:
		f(pair(complex128(s), 32))
	}
}
