package numeric

import (
	"context"
	"fmt"
	"reflect"
	"unsafe"

	"gonum.org/v1/gonum/mat"

	"github.com/numkit/numkit/numeric/ir"
)

// DType is an element type: Bool, Int32, Int64, Float32, Float64, Complex64 or
// Complex128.
type DType = ir.DType

// The element types.
const (
	Bool       = ir.Bool
	Int32      = ir.Int32
	Int64      = ir.Int64
	Float32    = ir.Float32
	Float64    = ir.Float64
	Complex64  = ir.Complex64
	Complex128 = ir.Complex128
)

// Result is an evaluation's value. Data is a []float64, []float32, []int64, []int32,
// []bool, []complex128 or []complex64 for an array result, or a float64, float32,
// int64, int32, bool, complex128 or complex64 for a scalar result (a reduction, or an
// expression of scalars only). Shape is an array result's
// shape (the inputs' broadcast shape; Data holds it in C order) and nil for a scalar.
type Result struct {
	Type   DType
	Scalar bool
	Data   any
	Shape  []int
}

// Array returns an array result as an N-d view in C order (a scalar result as a 0-d
// one).
func (r Result) Array() *Array {
	if r.Scalar {
		_, out := allocate(r.Type, true, 1)
		data := sliceOf(r.Type, out)
		storeValue(out.Ptr, r.Type, r.Data)
		return &Array{Data: data}
	}
	return &Array{Data: r.Data, Shape: append([]int(nil), r.Shape...)}
}

// Float64s returns the result as a []float64, or nil if it is not one.
func (r Result) Float64s() []float64 { s, _ := r.Data.([]float64); return s }

// Float64 returns a scalar result converted to float64, and false for an array result.
func (r Result) Float64() (float64, bool) {
	switch v := r.Data.(type) {
	case float64:
		return v, true
	case float32:
		return float64(v), true
	case int64:
		return float64(v), true
	case int32:
		return float64(v), true
	case bool:
		if v {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

// Len is the number of elements of an array result (1 for a scalar).
func (r Result) Len() int {
	switch v := r.Data.(type) {
	case []float64:
		return len(v)
	case []float32:
		return len(v)
	case []int64:
		return len(v)
	case []int32:
		return len(v)
	case []bool:
		return len(v)
	case []complex128:
		return len(v)
	case []complex64:
		return len(v)
	}
	return 1
}

// Eval evaluates the expression over vars and returns a newly allocated result.
func (e *Expr) Eval(ctx context.Context, vars Vars) (Result, error) {
	if e.axes != nil || e.reads != nil {
		outer, all, plan, err := e.axisOuter(ctx, vars)
		if err != nil || outer != e {
			if err != nil {
				return Result{}, err
			}
			r, err := outer.Eval(ctx, all)
			return r, plan.rename(err)
		}
	}
	var res Result
	var out output
	word, err := e.evaluate(ctx, vars, &out, func(t ir.DType, scalar bool, shape []int, n int) output {
		res = Result{Type: t, Scalar: scalar, Shape: shape}
		if scalar && t == ir.Complex128 { // wider than the returned word: stored at out.Ptr
			res.Data, out = allocate(t, true, 1)
			return out
		}
		if scalar {
			return output{Type: t, Scalar: true}
		}
		res.Data, out = allocate(t, scalar, n)
		return out
	})
	if err != nil {
		return Result{}, err
	}
	switch {
	case res.Scalar && res.Type == ir.Complex128:
		res.Data = res.Data.([]complex128)[0]
	case res.Scalar:
		res.Data = loadScalar(res.Type, unsafe.Pointer(&word))
	}
	return res, nil
}

// EvalInto evaluates the expression over vars into dst: a destination of the result's
// type and exactly the result's shape (the inputs' broadcast shape) — a slice for a
// 1-D result, a *mat.VecDense or *mat.Dense (any stride) for float64, or an *Array —
// or for a scalar result a pointer to one value (*float64, …). The shapes are checked
// before any work; a mismatch is ErrShape naming both. With contiguous 1-D inputs and
// destination it allocates nothing.
func (e *Expr) EvalInto(ctx context.Context, dst any, vars Vars) error {
	if e.axes != nil || e.reads != nil {
		outer, all, plan, err := e.axisOuter(ctx, vars)
		if err != nil || outer != e {
			if err != nil {
				return err
			}
			return plan.rename(outer.EvalInto(ctx, dst, all))
		}
	}
	out, err := outputOf(dst)
	if err != nil {
		return err
	}
	if d, ok := dst.(*complex128); ok {
		return e.evalComplex128(ctx, d, vars, out)
	}
	word, err := e.evaluate(ctx, vars, &out, nil)
	if err != nil || !out.Scalar {
		return err
	}
	// A scalar result comes back as a word and is stored through dst by type, so that
	// no pointer taken from dst reaches the heap (which would make the caller's
	// conversion to any allocate).
	p := unsafe.Pointer(&word)
	switch d := dst.(type) {
	case *float64:
		*d = *(*float64)(p)
	case *float32:
		*d = *(*float32)(p)
	case *int64:
		*d = *(*int64)(p)
	case *int32:
		*d = *(*int32)(p)
	case *bool:
		*d = *(*bool)(p)
	case *complex64:
		*d = *(*complex64)(p)
	}
	return nil
}

// evalComplex128 is EvalInto for a *complex128 destination: the value is wider than
// the word Run returns, so the VM stores it at out.Ptr (a temporary: a pointer taken
// from dst would make every EvalInto's conversion to any allocate).
func (e *Expr) evalComplex128(ctx context.Context, d *complex128, vars Vars, out output) error {
	v := new(complex128)
	out.Ptr = unsafe.Pointer(v)
	if _, err := e.evaluate(ctx, vars, &out, nil); err != nil {
		return err
	}
	*d = *v
	return nil
}

func outputOf(dst any) (output, error) {
	switch d := dst.(type) {
	case []float64:
		return sliceOutput(ir.Float64, d), nil
	case []float32:
		return sliceOutput(ir.Float32, d), nil
	case []int64:
		return sliceOutput(ir.Int64, d), nil
	case []int32:
		return sliceOutput(ir.Int32, d), nil
	case []bool:
		return sliceOutput(ir.Bool, d), nil
	case []complex128:
		return sliceOutput(ir.Complex128, d), nil
	case []complex64:
		return sliceOutput(ir.Complex64, d), nil
	case *mat.CDense:
		if d == nil {
			return output{}, fmt.Errorf("numeric: destination is a nil *mat.CDense: %w", ErrType)
		}
		b := cdenseBinding(d)
		return output{Type: ir.Complex128, Ptr: b.Ptr, N: b.N, Shape: b.Shape, Strides: b.Strides}, nil
	case *mat.VecDense:
		if d == nil {
			return output{}, fmt.Errorf("numeric: destination is a nil *mat.VecDense: %w", ErrType)
		}
		raw := d.RawVector()
		if raw.Inc == 1 || raw.N <= 1 {
			return sliceOutput(ir.Float64, raw.Data[:raw.N]), nil
		}
		return output{Type: ir.Float64, Ptr: unsafe.Pointer(&raw.Data[0]), N: raw.N, Shape: []int{raw.N}, Strides: []int{raw.Inc}}, nil
	case *mat.Dense:
		if d == nil {
			return output{}, fmt.Errorf("numeric: destination is a nil *mat.Dense: %w", ErrType)
		}
		b := denseBinding(d)
		return output{Type: ir.Float64, Ptr: b.Ptr, N: b.N, Shape: b.Shape, Strides: b.Strides}, nil
	case *Array:
		t, p, n, strides, err := d.view("the destination")
		if err != nil {
			return output{}, err
		}
		return output{Type: t, Ptr: p, N: n, Shape: append([]int{}, d.Shape...), Strides: strides}, nil
	case *DeviceArray:
		if d == nil {
			return deviceOutput(nil)
		}
		return deviceOutput(d.self)
	case *float64:
		return pointerOutput(ir.Float64, d == nil)
	case *float32:
		return pointerOutput(ir.Float32, d == nil)
	case *int64:
		return pointerOutput(ir.Int64, d == nil)
	case *int32:
		return pointerOutput(ir.Int32, d == nil)
	case *bool:
		return pointerOutput(ir.Bool, d == nil)
	case *complex128:
		return pointerOutput(ir.Complex128, d == nil)
	case *complex64:
		return pointerOutput(ir.Complex64, d == nil)
	}
	return output{}, fmt.Errorf("numeric: unsupported destination type %s (want a slice or a pointer of float64, float32, int64, int32, bool, complex128 or complex64, a *mat.VecDense, *mat.Dense, *mat.CDense or *Array): %w", typeName(dst), ErrType)
}

func sliceOutput[T any](t ir.DType, s []T) output {
	o := output{Type: t, N: len(s)}
	if len(s) > 0 {
		o.Ptr = unsafe.Pointer(&s[0])
	}
	return o
}

// typeName is %T without letting v escape (which would make every caller's conversion
// to any allocate).
func typeName(v any) string {
	if v == nil {
		return "nil"
	}
	return reflect.TypeOf(v).String()
}

// pointerOutput describes a scalar destination; EvalInto stores through it at the end.
func pointerOutput(t ir.DType, isNil bool) (output, error) {
	if isNil {
		return output{}, fmt.Errorf("numeric: destination is a nil *%s: %w", t, ErrType)
	}
	return output{Type: t, Scalar: true}, nil
}

// allocate makes a result of type t: n elements, or one for a scalar.
func allocate(t ir.DType, scalar bool, n int) (any, output) {
	if scalar {
		n = 1
	}
	var data any
	var out output
	switch t {
	case ir.Float64:
		s := make([]float64, n)
		data, out = s, sliceOutput(t, s)
	case ir.Float32:
		s := make([]float32, n)
		data, out = s, sliceOutput(t, s)
	case ir.Int64:
		s := make([]int64, n)
		data, out = s, sliceOutput(t, s)
	case ir.Int32:
		s := make([]int32, n)
		data, out = s, sliceOutput(t, s)
	case ir.Complex128:
		s := make([]complex128, n)
		data, out = s, sliceOutput(t, s)
	case ir.Complex64:
		s := make([]complex64, n)
		data, out = s, sliceOutput(t, s)
	default:
		s := make([]bool, n)
		data, out = s, sliceOutput(t, s)
	}
	out.Scalar = scalar
	return data, out
}

// storeWord writes a scalar register's value to p, an element of type t.
func storeWord(p unsafe.Pointer, t ir.DType, w uint64) {
	switch t.Size() {
	case 1:
		*(*byte)(p) = *(*byte)(unsafe.Pointer(&w))
	case 4:
		*(*uint32)(p) = *(*uint32)(unsafe.Pointer(&w))
	default:
		*(*uint64)(p) = w
	}
}

// sliceOf returns the slice out was allocated over (one element).
func sliceOf(t ir.DType, out output) any {
	switch t {
	case ir.Float64:
		return unsafe.Slice((*float64)(out.Ptr), 1)
	case ir.Float32:
		return unsafe.Slice((*float32)(out.Ptr), 1)
	case ir.Int64:
		return unsafe.Slice((*int64)(out.Ptr), 1)
	case ir.Int32:
		return unsafe.Slice((*int32)(out.Ptr), 1)
	case ir.Complex128:
		return unsafe.Slice((*complex128)(out.Ptr), 1)
	case ir.Complex64:
		return unsafe.Slice((*complex64)(out.Ptr), 1)
	}
	return unsafe.Slice((*bool)(out.Ptr), 1)
}

// storeValue writes a scalar result's value v to p, an element of type t.
func storeValue(p unsafe.Pointer, t ir.DType, v any) {
	switch v := v.(type) {
	case complex128:
		*(*complex128)(p) = v
	case complex64:
		*(*complex64)(p) = v
	default:
		storeWord(p, t, valueWord(t, v))
	}
}

// valueWord is a scalar result's value as a register word.
func valueWord(t ir.DType, v any) uint64 {
	var w uint64
	p := unsafe.Pointer(&w)
	switch v := v.(type) {
	case float64:
		*(*float64)(p) = v
	case float32:
		*(*float32)(p) = v
	case int64:
		*(*int64)(p) = v
	case int32:
		*(*int32)(p) = v
	case bool:
		*(*bool)(p) = v
	}
	return w
}

func loadScalar(t ir.DType, p unsafe.Pointer) any {
	switch t {
	case ir.Float64:
		return *(*float64)(p)
	case ir.Float32:
		return *(*float32)(p)
	case ir.Int64:
		return *(*int64)(p)
	case ir.Int32:
		return *(*int32)(p)
	case ir.Complex64:
		return *(*complex64)(p)
	case ir.Complex128:
		return *(*complex128)(p)
	}
	return *(*bool)(p)
}

// sliceAt is the n elements of type t from element i of base, as a Go slice.
func sliceAt(t DType, base unsafe.Pointer, i, n int) any {
	p := unsafe.Add(base, i*t.Size())
	switch t {
	case Float64:
		return unsafe.Slice((*float64)(p), n)
	case Float32:
		return unsafe.Slice((*float32)(p), n)
	case Int64:
		return unsafe.Slice((*int64)(p), n)
	case Int32:
		return unsafe.Slice((*int32)(p), n)
	case Complex128:
		return unsafe.Slice((*complex128)(p), n)
	case Complex64:
		return unsafe.Slice((*complex64)(p), n)
	}
	return unsafe.Slice((*bool)(p), n)
}
