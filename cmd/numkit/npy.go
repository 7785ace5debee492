package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/numkit/numkit/numeric"
	"github.com/numkit/numkit/numeric/npy"
)

// readNpy reads a .npy file into a value numeric evaluates: a Go scalar (0-d), a slice
// (1-d) or a *numeric.Array viewing the data in the file's order, C or Fortran (two or
// more dimensions), of float64, float32, int64, int32, bool, complex128 or complex64. Narrower integers are
// widened as numexpr does (int8, int16, uint8 and uint16 to int32, uint32 to int64);
// uint64 is refused.
func readNpy(path string) (any, error) {
	a, err := npy.ReadFile(path)
	if err != nil {
		return nil, err
	}
	data, err := widen(a.Data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	switch {
	case len(a.Shape) == 0: // 0-d: a scalar
		return scalarOf(data), nil
	case len(a.Shape) == 1:
		return data, nil
	case a.Fortran:
		return numeric.NewFortranArray(data, a.Shape...), nil
	}
	return numeric.NewArray(data, a.Shape...), nil
}

// widen converts integer slices numeric does not take to the type numexpr uses for them.
func widen(v any) (any, error) {
	switch s := v.(type) {
	case []float64, []float32, []int64, []int32, []bool, []complex128, []complex64:
		return s, nil
	case []int16:
		return convertInts[int32](s), nil
	case []int8:
		return convertInts[int32](s), nil
	case []uint16:
		return convertInts[int32](s), nil
	case []uint8:
		return convertInts[int32](s), nil
	case []uint32:
		return convertInts[int64](s), nil
	case []uint64:
		return nil, fmt.Errorf("dtype uint64 is not supported (as in numexpr): convert it to int64 or float64")
	}
	return nil, fmt.Errorf("data of type %T is not supported", v)
}

func convertInts[T int32 | int64, S int8 | int16 | uint8 | uint16 | uint32](s []S) []T {
	out := make([]T, len(s))
	for i, v := range s {
		out[i] = T(v)
	}
	return out
}

func scalarOf(v any) any {
	switch s := v.(type) {
	case []float64:
		return s[0]
	case []float32:
		return s[0]
	case []int64:
		return s[0]
	case []int32:
		return s[0]
	case []bool:
		return s[0]
	case []complex128:
		return s[0]
	case []complex64:
		return s[0]
	}
	return v
}

// shapeText writes a shape as NumPy prints it: (2, 3).
func shapeText(shape []int) string {
	parts := make([]string, len(shape))
	for i, d := range shape {
		parts[i] = fmt.Sprint(d)
	}
	if len(parts) == 1 {
		return "(" + parts[0] + ",)"
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// arrayOf wraps a result (a slice, a scalar as a 0-d array, or a C-order
// *numeric.Array as Result.Array makes) for npy.Write.
func arrayOf(v any) (npy.Array, error) {
	switch s := v.(type) {
	case *numeric.Array:
		if s.Strides != nil || s.Offset != 0 {
			return npy.Array{}, fmt.Errorf("only C-order arrays are written")
		}
		return npy.Array{Shape: append([]int{}, s.Shape...), Data: s.Data}, nil
	case float64:
		return npy.Array{Shape: []int{}, Data: []float64{s}}, nil
	case float32:
		return npy.Array{Shape: []int{}, Data: []float32{s}}, nil
	case int64:
		return npy.Array{Shape: []int{}, Data: []int64{s}}, nil
	case int32:
		return npy.Array{Shape: []int{}, Data: []int32{s}}, nil
	case bool:
		return npy.Array{Shape: []int{}, Data: []bool{s}}, nil
	case complex128:
		return npy.Array{Shape: []int{}, Data: []complex128{s}}, nil
	case complex64:
		return npy.Array{Shape: []int{}, Data: []complex64{s}}, nil
	case []complex128:
		return npy.Array{Shape: []int{len(s)}, Data: s}, nil
	case []complex64:
		return npy.Array{Shape: []int{len(s)}, Data: s}, nil
	case []float64:
		return npy.Array{Shape: []int{len(s)}, Data: s}, nil
	case []float32:
		return npy.Array{Shape: []int{len(s)}, Data: s}, nil
	case []int64:
		return npy.Array{Shape: []int{len(s)}, Data: s}, nil
	case []int32:
		return npy.Array{Shape: []int{len(s)}, Data: s}, nil
	case []bool:
		return npy.Array{Shape: []int{len(s)}, Data: s}, nil
	}
	return npy.Array{}, fmt.Errorf("result of type %T cannot be written as .npy", v)
}

// writeNpy writes v (a slice, or a scalar as a 0-d array) to path, atomically, laid out
// as NumPy's np.save lays it out.
func writeNpy(path string, v any) error {
	a, err := arrayOf(v)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".numkit-*.npy")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriter(tmp)
	if err := npy.Write(w, a); err != nil {
		tmp.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// readInputs reads each -i spec, name=file.npy, into vars.
func readInputs(vars numeric.Vars, specs []string) error {
	for _, in := range specs {
		name, file, ok := strings.Cut(in, "=")
		if !ok || name == "" || file == "" {
			return fmt.Errorf("-i %q: want name=file.npy", in)
		}
		v, err := readNpy(file)
		if err != nil {
			return err
		}
		vars[name] = v
	}
	return nil
}
