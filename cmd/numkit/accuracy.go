package main

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/numkit/numkit/asm"
	"github.com/numkit/numkit/bench"
	"github.com/numkit/numkit/numeric"
)

// accuracyFlag is --accuracy MODE (default or fast: numeric.WithAccuracy). On numkit
// bench, --accuracy alone keeps its older meaning, the ULP table of the vector math
// (table is then set): a flag that is both boolean and valued, so bench's arguments go
// through joinAccuracy first.
type accuracyFlag struct {
	table *bool   // nil on numkit eval
	mode  *string // "", "default" or "fast"
}

func (f accuracyFlag) IsBoolFlag() bool { return f.table != nil }

func (f accuracyFlag) String() string {
	if f.mode == nil {
		return ""
	}
	return *f.mode
}

func (f accuracyFlag) Set(s string) error {
	if f.table != nil && (s == "true" || s == "false") {
		*f.table = s == "true"
		return nil
	}
	if s != "default" && s != "fast" {
		return fmt.Errorf("want default or fast")
	}
	*f.mode = s
	return nil
}

// joinAccuracy rewrites "--accuracy fast" and "--accuracy default" (one or two
// dashes) as "--accuracy=fast", so that the flag package hands the mode to a boolean
// flag; "--accuracy" before anything else stays the ULP table.
func joinAccuracy(args []string) []string {
	out := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(out, args[i:]...)
		}
		if (a == "--accuracy" || a == "-accuracy") && i+1 < len(args) && (args[i+1] == "fast" || args[i+1] == "default") {
			out = append(out, a+"="+args[i+1])
			i++
			continue
		}
		out = append(out, a)
	}
	return out
}

// accuracyOptions is the numeric option for mode ("": none, NUMKIT_ACCURACY decides).
func accuracyOptions(mode string) []numeric.Option {
	if mode == "" {
		return nil
	}
	return []numeric.Option{numeric.WithAccuracy(strings.TrimSpace(mode))}
}

// measureAccuracy measures the vector math of numkit bench --accuracy [MODE]: the
// default kernels, or with --accuracy fast the kernels the fast mode runs (its fast
// kernels where there are some, asm.FastModeMathFuncs).
func (c *benchCommand) measureAccuracy(refs fs.FS) ([]asm.MathAccuracy, error) {
	if c.accMode == "fast" {
		return asm.MeasureFastMathAccuracy(refs)
	}
	return asm.MeasureMathAccuracy(refs)
}

// accuracyBounds gives the rows of fast kernels their bound (asm.HasFastKernel) in
// the fast mode's table.
func (c *benchCommand) accuracyBounds(rows []bench.AccuracyRow) []bench.AccuracyRow {
	if c.accMode != "fast" {
		return rows
	}
	for i, r := range rows {
		typ := "f64"
		if r.DType == "float32" {
			typ = "f32"
		}
		if b, ok := asm.HasFastKernel(r.Func, typ); ok {
			rows[i].Bound = b
		}
	}
	return rows
}
