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
	Complex64  // two float32: real, imaginary
	Complex128 // two float64: real, imaginary
	numDTypes
)

var dtypeNames = [...]string{Bool: "bool", Int32: "int32", Int64: "int64", Float32: "float32", Float64: "float64",
	Complex64: "complex64", Complex128: "complex128"}

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
	case Complex128:
		return 16
	}
	return 8
}

// IsInt reports whether t is int32 or int64.
func (t DType) IsInt() bool { return t == Int32 || t == Int64 }

// IsFloat reports whether t is float32 or float64.
func (t DType) IsFloat() bool { return t == Float32 || t == Float64 }

// IsNumber reports whether t is an integer or a float (a real number: complex types
// are not numbers here, so that every real-only operation rejects them by default).
func (t DType) IsNumber() bool { return t.IsInt() || t.IsFloat() }

// IsComplex reports whether t is complex64 or complex128.
func (t DType) IsComplex() bool { return t == Complex64 || t == Complex128 }

// Valid reports whether t is one of the seven element types.
func (t DType) Valid() bool { return t < numDTypes }

// Promote returns the type a and b are converted to: the larger in promotion order,
// except that complex64 with int32, int64 or float64 gives complex128 (NumPy's rule:
// complex64 only where the other operand is bool, float32 or complex64, whose values
// it holds exactly).
func Promote(a, b DType) DType {
	if a > b {
		a, b = b, a
	}
	if b == Complex64 && (a == Int32 || a == Int64 || a == Float64) {
		return Complex128
	}
	return b
}

// RealOf is the type of a complex type's parts (float32 for complex64, float64 for
// complex128); other types are returned as they are.
func RealOf(t DType) DType {
	switch t {
	case Complex64:
		return Float32
	case Complex128:
		return Float64
	}
	return t
}

// ComplexOf is the complex type with parts of float type t: complex64 for float32,
// complex128 otherwise.
func ComplexOf(t DType) DType {
	if t == Float32 || t == Complex64 {
		return Complex64
	}
	return Complex128
}

// FloatOf returns the float type a function of one argument of type t computes in:
// float32 for float32, float64 otherwise.
func FloatOf(t DType) DType {
	if t == Float32 {
		return Float32
	}
	return Float64
}
