package numeric

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// The reference interpreter's shapes, written from NumPy's broadcasting rules without
// the production code's helpers: inputs align from the right, a 1 stretches, and the
// result is walked in C order.

// refBroadcast computes the broadcast shape of the array inputs and points each one's
// at at the element that the result's flat (C-order) index reads.
func refBroadcast(names []string, inputs map[string]refInput) ([]int, error) {
	var shape []int
	for _, name := range names {
		in := inputs[name]
		if !in.array {
			continue
		}
		for len(shape) < len(in.shape) {
			shape = append([]int{1}, shape...)
		}
		for j := range in.shape {
			i := len(shape) - len(in.shape) + j
			d := in.shape[j]
			switch {
			case d == shape[i] || d == 1:
			case shape[i] == 1:
				shape[i] = d
			default:
				return nil, fmt.Errorf("reference: %s's shape %v does not broadcast against %v", name, in.shape, shape)
			}
		}
	}
	for _, name := range names {
		in := inputs[name]
		if !in.array {
			continue
		}
		in.at = refBroadcastAt(shape, in.shape, in.atIdx)
		inputs[name] = in
	}
	return shape, nil
}

// refBroadcastAt maps a flat C-order index of shape to an element of an input of
// shape inShape.
func refBroadcastAt(shape, inShape []int, atIdx func([]int) refElem) func(int) refElem {
	idx, in := make([]int, len(shape)), make([]int, len(inShape)) // reused: one evaluation is sequential
	return func(i int) refElem {
		for k := len(shape) - 1; k >= 0; k-- {
			idx[k] = i % shape[k]
			i /= shape[k]
		}
		for j := range inShape {
			if inShape[j] != 1 {
				in[j] = idx[len(shape)-len(inShape)+j]
			}
		}
		return atIdx(in)
	}
}

// refBindArray reads an *Array: element idx is Data[Offset + Σ idx[k]·stride[k]], the
// strides C order when nil.
func refBindArray(a *Array) (refInput, error) {
	strides := a.Strides
	if strides == nil {
		strides = make([]int, len(a.Shape))
		s := 1
		for k := len(a.Shape) - 1; k >= 0; k-- {
			strides[k] = s
			s *= a.Shape[k]
		}
	}
	n := 1
	for _, d := range a.Shape {
		n *= d
	}
	pos := func(idx []int) int {
		p := a.Offset
		for k, x := range idx {
			p += x * strides[k]
		}
		return p
	}
	var t DType
	var get func(p int) refElem
	switch d := a.Data.(type) {
	case []float64:
		t, get = Float64, func(p int) refElem { return refElem{f: d[p]} }
	case []float32:
		t, get = Float32, func(p int) refElem { return refElem{f: float64(d[p])} }
	case []int64:
		t, get = Int64, func(p int) refElem { return refElem{i: d[p]} }
	case []int32:
		t, get = Int32, func(p int) refElem { return refElem{i: int64(d[p])} }
	case []bool:
		t, get = Bool, func(p int) refElem { return refElem{b: d[p]} }
	case []complex128:
		t, get = Complex128, func(p int) refElem { return refElem{c: d[p]} }
	case []complex64:
		t, get = Complex64, func(p int) refElem { return refElem{c: complex128(d[p])} }
	default:
		return refInput{}, fmt.Errorf("reference: Array of %T", a.Data)
	}
	if len(a.Shape) == 0 {
		e := get(a.Offset)
		return refInput{typ: t, n: 1, at: func(int) refElem { return e }}, nil
	}
	return refInput{typ: t, array: true, n: n, shape: a.Shape, atIdx: func(idx []int) refElem { return get(pos(idx)) }}, nil
}

// refBind reads one Vars value.
func refBind(v any) (refInput, error) {
	arr := func(t DType, n int, at func(int) refElem) refInput {
		return refInput{typ: t, array: true, n: n, at: at, shape: []int{n}, atIdx: func(idx []int) refElem { return at(idx[0]) }}
	}
	sc := func(t DType, e refElem) refInput {
		return refInput{typ: t, n: 1, at: func(int) refElem { return e }}
	}
	switch v := v.(type) {
	case []bool:
		return arr(Bool, len(v), func(i int) refElem { return refElem{b: v[i]} }), nil
	case []int32:
		return arr(Int32, len(v), func(i int) refElem { return refElem{i: int64(v[i])} }), nil
	case []int64:
		return arr(Int64, len(v), func(i int) refElem { return refElem{i: v[i]} }), nil
	case []float32:
		return arr(Float32, len(v), func(i int) refElem { return refElem{f: float64(v[i])} }), nil
	case []float64:
		return arr(Float64, len(v), func(i int) refElem { return refElem{f: v[i]} }), nil
	case *mat.VecDense:
		return refBind(mat.Col(nil, 0, v))
	case *mat.Dense:
		r, c := v.Dims()
		return refInput{typ: Float64, array: true, n: r * c, shape: []int{r, c},
			atIdx: func(idx []int) refElem { return refElem{f: v.At(idx[0], idx[1])} }}, nil
	case []complex128:
		return arr(Complex128, len(v), func(i int) refElem { return refElem{c: v[i]} }), nil
	case []complex64:
		return arr(Complex64, len(v), func(i int) refElem { return refElem{c: complex128(v[i])} }), nil
	case *mat.CDense:
		r, c := v.Dims()
		return refInput{typ: Complex128, array: true, n: r * c, shape: []int{r, c},
			atIdx: func(idx []int) refElem { return refElem{c: v.At(idx[0], idx[1])} }}, nil
	case complex128:
		return sc(Complex128, refElem{c: v}), nil
	case complex64:
		return sc(Complex64, refElem{c: complex128(v)}), nil
	case *Array:
		return refBindArray(v)
	case bool:
		return sc(Bool, refElem{b: v}), nil
	case int32:
		return sc(Int32, refElem{i: int64(v)}), nil
	case int64:
		return sc(Int64, refElem{i: v}), nil
	case int:
		if v >= math.MinInt32 && v <= math.MaxInt32 {
			return sc(Int32, refElem{i: int64(v)}), nil
		}
		return sc(Int64, refElem{i: int64(v)}), nil
	case float32:
		return sc(Float32, refElem{f: float64(v)}), nil
	case float64:
		return sc(Float64, refElem{f: v}), nil
	}
	return refInput{}, fmt.Errorf("reference: unsupported type %T", v)
}
