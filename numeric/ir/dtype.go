package ir

import "fmt"

// DType is an element type. The order is the promotion order.
type DType uint8

// Element types, in promotion order.
const (
	Bool DType = iota
	Int32
	Int64
	Float32
	Float64
	numDTypes
)

var dtypeNames = [...]string{Bool: "bool", Int32: "int32", Int64: "int64", Float32: "float32", Float64: "float64"}

func (t DType) String() string {
	if t < numDTypes {
		return dtypeNames[t]
	}
	return fmt.Sprintf("DType(%d)", uint8(t))
}

// Size is the size of one element in bytes.
func (t DType) Size() int {
	switch t {
	case Bool:
		return 1
	case Int32, Float32:
		return 4
	}
	return 8
}

// IsInt reports whether t is int32 or int64.
func (t DType) IsInt() bool { return t == Int32 || t == Int64 }

// IsFloat reports whether t is float32 or float64.
func (t DType) IsFloat() bool { return t == Float32 || t == Float64 }

// IsNumber reports whether t is an integer or a float.
func (t DType) IsNumber() bool { return t.IsInt() || t.IsFloat() }

// Valid reports whether t is one of the five element types.
func (t DType) Valid() bool { return t < numDTypes }

// Promote returns the larger of a and b in promotion order.
func Promote(a, b DType) DType {
	if a > b {
		return a
	}
	return b
}

// FloatOf returns the float type a function of one argument of type t computes in:
// float32 for float32, float64 otherwise.
func FloatOf(t DType) DType {
	if t == Float32 {
		return Float32
	}
	return Float64
}
