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
// []int64, []int32, []bool, []complex128 or []complex64 arrays, *mat.VecDense,
// *mat.Dense or *mat.CDense (read through their raw data in place, honouring a
// VecDense's increment and a Dense's or CDense's row stride, so a Slice of a larger
// matrix is read without copying), *Array (an N-d view of a Go slice), or float64,
// float32, int, int64, int32, bool, complex128 or complex64 scalars. A []T is 1-D, a
// *mat.Dense or *mat.CDense rows×cols. The arrays' shapes broadcast as NumPy's do (aligned from the
// right; a dimension of 1 stretches); shapes that do not are ErrShape.
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
	case []complex128:
		return sliceBinding(ir.Complex128, v), nil
	case []complex64:
		return sliceBinding(ir.Complex64, v), nil
	case complex128:
		return scalarBinding(ir.ComplexValue(ir.Complex128, v)), nil
	case complex64:
		return scalarBinding(ir.ComplexValue(ir.Complex64, complex128(v))), nil
	case *mat.CDense:
		if v == nil {
			return binding{}, fmt.Errorf("numeric: variable %s is a nil *mat.CDense: %w", name, ErrType)
		}
		return cdenseBinding(v), nil
	case *mat.VecDense:
		if v == nil {
			return binding{}, fmt.Errorf("numeric: variable %s is a nil *mat.VecDense: %w", name, ErrType)
		}
		raw := v.RawVector()
		if raw.Inc == 1 || raw.N <= 1 {
			return sliceBinding(ir.Float64, raw.Data[:raw.N]), nil
		}
		b := binding{Type: ir.Float64, N: raw.N, Shape: []int{raw.N}, Strides: []int{raw.Inc}}
		b.Ptr = unsafe.Pointer(&raw.Data[0])
		return b, nil
	case *mat.Dense:
		if v == nil {
			return binding{}, fmt.Errorf("numeric: variable %s is a nil *mat.Dense: %w", name, ErrType)
		}
		return denseBinding(v), nil
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
	case *Array:
		t, p, n, strides, err := v.view("variable " + name)
		if err != nil {
			return binding{}, err
		}
		if len(v.Shape) == 0 { // a 0-d array is a scalar
			b := binding{Type: t, Scalar: true, Word: loadWord(p, t)}
			if t == ir.Complex128 {
				b.Hi = *(*uint64)(unsafe.Add(p, 8))
			}
			return b, nil
		}
		return binding{Type: t, Ptr: p, N: n, Shape: v.Shape, Strides: strides}, nil
	case nil:
		return binding{}, fmt.Errorf("numeric: variable %s is nil: %w", name, ErrType)
	}
	return binding{}, fmt.Errorf("numeric: variable %s has unsupported type %T (want []float64, []float32, []int64, []int32, []bool, []complex128, []complex64, *mat.VecDense, *mat.Dense, *mat.CDense or a scalar of those types): %w", name, v, ErrType)
}

// denseBinding reads a *mat.Dense in place as a rows×cols array with its row stride
// (a Slice of a larger matrix included).
func denseBinding(m *mat.Dense) binding {
	raw := m.RawMatrix()
	b := binding{Type: ir.Float64, N: raw.Rows * raw.Cols, Shape: []int{raw.Rows, raw.Cols}, Strides: []int{raw.Stride, 1}}
	if b.N > 0 {
		b.Ptr = unsafe.Pointer(&raw.Data[0])
	}
	return b
}

// cdenseBinding reads a *mat.CDense in place as a rows×cols complex128 array with its
// row stride.
func cdenseBinding(m *mat.CDense) binding {
	raw := m.RawCMatrix()
	b := binding{Type: ir.Complex128, N: raw.Rows * raw.Cols, Shape: []int{raw.Rows, raw.Cols}, Strides: []int{raw.Stride, 1}}
	if b.N > 0 {
		b.Ptr = unsafe.Pointer(&raw.Data[0])
	}
	return b
}

// loadWord reads the element at p, of type t, as a scalar register's word.
func loadWord(p unsafe.Pointer, t ir.DType) uint64 {
	var w uint64
	switch t.Size() {
	case 1:
		*(*byte)(unsafe.Pointer(&w)) = *(*byte)(p)
	case 4:
		*(*uint32)(unsafe.Pointer(&w)) = *(*uint32)(p)
	default:
		w = *(*uint64)(p)
	}
	return w
}

func sliceBinding[T any](t ir.DType, s []T) binding {
	b := binding{Type: t, N: len(s)}
	if len(s) > 0 {
		b.Ptr = unsafe.Pointer(&s[0])
	}
	return b
}

func scalarBinding(v ir.Value) binding {
	w := v.Words()
	return binding{Type: v.Type, Scalar: true, Word: w[0], Hi: w[1]}
}
