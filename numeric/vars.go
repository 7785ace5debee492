package numeric

import (
	"fmt"
	"math"
	"unsafe"

	"gonum.org/v1/gonum/mat"

	"github.com/numkit/numkit/numeric/internal/exec"
	"github.com/numkit/numkit/numeric/ir"
)

// Vars maps an expression's variable names to their values: []float64, []float32,
// []int64, []int32 or []bool arrays, *mat.VecDense or *mat.Dense (read through their
// raw data, without copying), or float64, float32, int, int64, int32 or bool scalars.
// All arrays of one evaluation must have the same length.
type Vars map[string]any

// binding is one variable's value as the backends see it.
type binding = exec.Binding

// bind reads a variable's value. The error names the variable and its Go type.
func bind(name string, v any) (binding, error) {
	switch v := v.(type) {
	case []float64:
		return sliceBinding(ir.Float64, v), nil
	case []float32:
		return sliceBinding(ir.Float32, v), nil
	case []int64:
		return sliceBinding(ir.Int64, v), nil
	case []int32:
		return sliceBinding(ir.Int32, v), nil
	case []bool:
		return sliceBinding(ir.Bool, v), nil
	case *mat.VecDense:
		if v == nil {
			return binding{}, fmt.Errorf("numeric: variable %s is a nil *mat.VecDense: %w", name, ErrType)
		}
		raw := v.RawVector()
		if raw.Inc != 1 && raw.N > 1 {
			return binding{}, fmt.Errorf("numeric: variable %s is a *mat.VecDense with increment %d: only contiguous vectors (increment 1) are read without copying: %w", name, raw.Inc, ErrType)
		}
		return sliceBinding(ir.Float64, raw.Data[:raw.N]), nil
	case *mat.Dense:
		if v == nil {
			return binding{}, fmt.Errorf("numeric: variable %s is a nil *mat.Dense: %w", name, ErrType)
		}
		raw := v.RawMatrix()
		if raw.Stride != raw.Cols && raw.Rows > 1 {
			return binding{}, fmt.Errorf("numeric: variable %s is a %d×%d *mat.Dense view with stride %d: only contiguous matrices are read without copying: %w", name, raw.Rows, raw.Cols, raw.Stride, ErrType)
		}
		return sliceBinding(ir.Float64, raw.Data[:raw.Rows*raw.Cols]), nil
	case float64:
		return scalarBinding(ir.FloatValue(ir.Float64, v)), nil
	case float32:
		return scalarBinding(ir.FloatValue(ir.Float32, float64(v))), nil
	case int64:
		return scalarBinding(ir.IntValue(ir.Int64, v)), nil
	case int32:
		return scalarBinding(ir.IntValue(ir.Int32, int64(v))), nil
	case int: // like a literal: int32 when it fits
		if v >= math.MinInt32 && v <= math.MaxInt32 {
			return scalarBinding(ir.IntValue(ir.Int32, int64(v))), nil
		}
		return scalarBinding(ir.IntValue(ir.Int64, int64(v))), nil
	case bool:
		return scalarBinding(ir.BoolValue(v)), nil
	case *DeviceArray:
		if v == nil {
			return binding{}, fmt.Errorf("numeric: variable %s is a nil *DeviceArray: %w", name, ErrType)
		}
		if v.a == nil {
			return binding{}, fmt.Errorf("numeric: variable %s is a *DeviceArray not made by Upload or NewDeviceArray: %w", name, ErrType)
		}
		return binding{Type: v.a.DType(), N: v.a.Len(), Dev: v.a}, nil
	case nil:
		return binding{}, fmt.Errorf("numeric: variable %s is nil: %w", name, ErrType)
	}
	return binding{}, fmt.Errorf("numeric: variable %s has unsupported type %T (want []float64, []float32, []int64, []int32, []bool, *mat.VecDense, *mat.Dense or a scalar of those types): %w", name, v, ErrType)
}

func sliceBinding[T any](t ir.DType, s []T) binding {
	b := binding{Type: t, N: len(s)}
	if len(s) > 0 {
		b.Ptr = unsafe.Pointer(&s[0])
	}
	return b
}

func scalarBinding(v ir.Value) binding {
	return binding{Type: v.Type, Scalar: true, Word: v.Word()}
}
