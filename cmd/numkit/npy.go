package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/sbinet/npyio/npy"

	"github.com/numkit/numkit/numeric"
)

// readNpy reads a 0-d or 1-d .npy file of float64, float32, int64, int32 or bool into
// the matching Go slice or scalar.
func readNpy(path string) (any, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := npy.NewReader(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("%s: not a .npy file: %w", path, err)
	}
	d := r.Header.Descr
	if d.Fortran {
		return nil, fmt.Errorf("%s: Fortran-ordered arrays are not supported", path)
	}
	if len(d.Shape) > 1 {
		return nil, fmt.Errorf("%s: array of shape %v: only 0-d and 1-d arrays are supported", path, d.Shape)
	}
	var v any
	switch d.Type {
	case "<f8":
		v, err = readAs[float64](r)
	case "<f4":
		v, err = readAs[float32](r)
	case "<i8":
		v, err = readAs[int64](r)
	case "<i4":
		v, err = readAs[int32](r)
	case "|b1":
		v, err = readAs[bool](r)
	default:
		return nil, fmt.Errorf("%s: dtype %q is not supported (want float64 <f8, float32 <f4, int64 <i8, int32 <i4 or bool |b1)", path, d.Type)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(d.Shape) == 0 { // 0-d: a scalar
		return scalarOf(v), nil
	}
	return v, nil
}

func readAs[T any](r *npy.Reader) ([]T, error) {
	var s []T
	err := r.Read(&s)
	return s, err
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
	}
	return v
}

// writeNpy writes v (a slice, or a scalar as a 0-d array) to path, atomically.
func writeNpy(path string, v any) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".numkit-*.npy")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriter(tmp)
	if err := npy.Write(w, v); err != nil {
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
