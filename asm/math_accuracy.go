package asm

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"strconv"
	"strings"
)

// MathAccuracy is the measured error of one vector math function and type against
// reference values.
type MathAccuracy struct {
	Name    string // MathFunc.Name
	Type    string // "f64" or "f32"
	Level   Level  // the level in effect while measuring
	MaxULP  float64
	MeanULP float64
	Inputs  int
	WorstX  []float64 // the arguments with the largest error
}

// MeasureMathAccuracy runs every function of MathFuncs at the active level over the
// reference files in fsys (ulp/<name>_<type>.txt, as in this package's testdata
// directory, written by asm/_gen/mpgen/gen.py) and returns one row per file
// found, in MathFuncs order.
func MeasureMathAccuracy(fsys fs.FS) ([]MathAccuracy, error) {
	return measureMathAccuracy(fsys, MathFuncs())
}

// MeasureFastMathAccuracy is MeasureMathAccuracy for the fast accuracy mode: the
// functions of FastModeMathFuncs, whose fast kernels replace the default ones where
// they exist.
func MeasureFastMathAccuracy(fsys fs.FS) ([]MathAccuracy, error) {
	return measureMathAccuracy(fsys, FastModeMathFuncs())
}

func measureMathAccuracy(fsys fs.FS, funcs []MathFunc) ([]MathAccuracy, error) {
	var rows []MathAccuracy
	for _, f := range funcs {
		for _, typ := range []string{"f64", "f32"} {
			ref, err := readMathRef(fsys, refName(f.Name), typ, f.Arity)
			if err != nil {
				return nil, err
			}
			if ref == nil {
				continue
			}
			rows = append(rows, ref.measure(f, typ))
		}
	}
	return rows, nil
}

// refName maps a MathFunc name to its reference file's stem.
func refName(name string) string {
	if rest, ok := strings.CutPrefix(name, "arc"); ok {
		return "a" + rest
	}
	return name
}

// mathRef holds one reference file: args[j][i] is argument j of case i, as float64
// (float32 arguments convert exactly); hi and d describe the exact result.
type mathRef struct {
	args  [2][]float64
	hi, d []float64
}

func readMathRef(fsys fs.FS, stem, typ string, arity int) (*mathRef, error) {
	name := "ulp/" + stem + "_" + typ + ".txt"
	file, err := fsys.Open(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	defer file.Close()
	ref := &mathRef{}
	sc := bufio.NewScanner(file)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || text[0] == '#' {
			continue
		}
		fields := strings.Fields(text)
		if len(fields) != arity+2 {
			return nil, fmt.Errorf("%s:%d: %d fields, want %d", name, line, len(fields), arity+2)
		}
		var v [4]float64
		for i, s := range fields {
			b, err := strconv.ParseUint(s, 16, 64)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %v", name, line, err)
			}
			if typ == "f32" && i < len(fields)-1 {
				v[i] = float64(math.Float32frombits(uint32(b)))
			} else {
				v[i] = math.Float64frombits(b)
			}
		}
		for j := 0; j < arity; j++ {
			ref.args[j] = append(ref.args[j], v[j])
		}
		ref.hi = append(ref.hi, v[arity])
		ref.d = append(ref.d, v[arity+1])
	}
	return ref, sc.Err()
}

func (r *mathRef) measure(f MathFunc, typ string) MathAccuracy {
	n := len(r.hi)
	got := make([]float64, n)
	switch {
	case typ == "f64" && f.Arity == 1:
		f.F64(got, r.args[0])
	case typ == "f64":
		f.F64x2(got, r.args[0], r.args[1])
	default:
		a, b, d := make([]float32, n), make([]float32, n), make([]float32, n)
		for i := range a {
			a[i] = float32(r.args[0][i])
			if f.Arity == 2 {
				b[i] = float32(r.args[1][i])
			}
		}
		if f.Arity == 1 {
			f.F32(d, a)
		} else {
			f.F32x2(d, a, b)
		}
		for i, v := range d {
			got[i] = float64(v)
		}
	}
	acc := MathAccuracy{Name: f.Name, Type: typ, Level: active, Inputs: n}
	sum := 0.0
	for i, v := range got {
		e := ulpError(v, r.hi[i], r.d[i], typ == "f32")
		sum += e
		if e > acc.MaxULP || i == 0 {
			acc.MaxULP = e
			acc.WorstX = acc.WorstX[:0]
			for j := 0; j < f.Arity; j++ {
				acc.WorstX = append(acc.WorstX, r.args[j][i])
			}
		}
	}
	if n > 0 {
		acc.MeanULP = sum / float64(n)
	}
	return acc
}

// ulpError returns |v - exact| in ULPs of the result type, where hi is exact rounded
// to that type and d = (exact - hi) in ULPs. A NaN or an infinity counts as exact only when
// hi is the same; a finite v next to an infinite hi (or the reverse) counts 1 ULP.
func ulpError(v, hi, d float64, f32 bool) float64 {
	maxFinite := math.MaxFloat64
	if f32 {
		maxFinite = math.MaxFloat32
	}
	switch {
	case math.IsNaN(v) || math.IsNaN(hi):
		if math.IsNaN(v) && math.IsNaN(hi) {
			return 0
		}
		return math.Inf(1)
	case math.IsInf(hi, 0) || math.IsInf(v, 0):
		if v == hi {
			return 0
		}
		if math.Abs(v) == maxFinite && math.Signbit(v) == math.Signbit(hi) ||
			math.Abs(hi) == maxFinite && math.Signbit(v) == math.Signbit(hi) {
			return 1
		}
		return math.Inf(1)
	}
	return math.Abs((v-hi)/ulpOf(hi, d, f32) - d)
}

// ulpOf returns the ULP in the binade of the exact value, which is hi + d ULPs.
func ulpOf(hi, d float64, f32 bool) float64 {
	prec, minExp := 53, -1074
	if f32 {
		prec, minExp = 24, -149
	}
	if hi == 0 {
		return math.Ldexp(1, minExp)
	}
	frac, exp := math.Frexp(math.Abs(hi)) // |hi| = frac * 2^exp, frac in [0.5, 1)
	if frac == 0.5 && d != 0 && math.Signbit(d) != math.Signbit(hi) {
		exp-- // the exact value lies just below a power of two
	}
	return math.Ldexp(1, max(exp-prec, minExp))
}
