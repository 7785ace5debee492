package bench

import "slices"

// Helpers for evaluation results: a slice of a numkit dtype, or one value.

// isScalar reports whether a result is one value rather than a slice.
func isScalar(v any) bool {
	switch v.(type) {
	case float64, float32, int64, int32, bool:
		return true
	}
	return false
}

// elemSize is the size in bytes of one element of a slice result.
func elemSize(v any) int {
	switch v.(type) {
	case []float64, []int64:
		return 8
	case []float32, []int32:
		return 4
	case []bool:
		return 1
	}
	return 0
}

// cloneResult copies a slice result (scalars are values already).
func cloneResult(v any) any {
	switch s := v.(type) {
	case []float64:
		return slices.Clone(s)
	case []float32:
		return slices.Clone(s)
	case []int64:
		return slices.Clone(s)
	case []int32:
		return slices.Clone(s)
	case []bool:
		return slices.Clone(s)
	}
	return v
}

// scalarPointer returns a pointer to a zero value of a scalar result's type, the
// destination EvalInto takes for a reduction.
func scalarPointer(v any) any {
	switch v.(type) {
	case float32:
		return new(float32)
	case int64:
		return new(int64)
	case int32:
		return new(int32)
	case bool:
		return new(bool)
	}
	return new(float64)
}

// derefScalar returns the value a scalarPointer points to.
func derefScalar(p any) any {
	switch p := p.(type) {
	case *float64:
		return *p
	case *float32:
		return *p
	case *int64:
		return *p
	case *int32:
		return *p
	case *bool:
		return *p
	}
	return nil
}

// setScalar stores v in p, a scalarPointer made from v.
func setScalar(p, v any) {
	switch p := p.(type) {
	case *float64:
		*p = v.(float64)
	case *float32:
		*p = v.(float32)
	case *int64:
		*p = v.(int64)
	case *int32:
		*p = v.(int32)
	case *bool:
		*p = v.(bool)
	}
}
