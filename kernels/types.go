package kernels

import (
	"fmt"
	"math"
	"strconv"

	"github.com/numkit/numkit/numeric/ir"
)

// ctype is the OpenCL C type of an element of type t. Bool is one byte, as in Go.
func ctype(t ir.DType) string {
	switch t {
	case ir.Bool:
		return "uchar"
	case ir.Int32:
		return "int"
	case ir.Int64:
		return "long"
	case ir.Float32:
		return "float"
	case ir.Complex64:
		return "float2"
	case ir.Complex128:
		return "double2"
	}
	return "double"
}

// CType is the OpenCL C type numkit stores elements of type t as.
func CType(t ir.DType) string { return ctype(t) }

// utype is the unsigned type of an integer type, in which wrapping arithmetic is
// defined.
func utype(t ir.DType) string {
	if t == ir.Int32 {
		return "uint"
	}
	return "ulong"
}

// suffix names a type in helper function names.
func suffix(t ir.DType) string {
	switch t {
	case ir.Bool:
		return "b"
	case ir.Int32:
		return "i32"
	case ir.Int64:
		return "i64"
	case ir.Float32:
		return "f32"
	}
	return "f64"
}

// bits is the width of type t.
func bits(t ir.DType) int { return t.Size() * 8 }

// castLit is a small integer constant text converted to type t.
func castLit(t ir.DType, text string) string {
	return fmt.Sprintf("((%s)%s)", ctype(t), text)
}

// floatLit is a float literal of type t in C syntax: "0.5f" or "0.5".
func floatLit(t ir.DType, text string) string {
	if t == ir.Float32 {
		return text + "f"
	}
	return text
}

// wrapping is x op y computed in the unsigned type of the integer type t and cast
// back: two's complement wrapping, where signed overflow would be undefined in C.
func wrapping(t ir.DType, x, op, y string) string {
	u := utype(t)
	return fmt.Sprintf("((%s)((%s)(%s) %s (%s)(%s)))", ctype(t), u, x, op, u, y)
}

// literal writes constant v exactly: integers in decimal, finite floats in
// hexadecimal, and NaN and the infinities by their bit patterns.
func literal(v ir.Value) string {
	switch v.Type {
	case ir.Complex64, ir.Complex128:
		return complexLiteral(v)
	case ir.Bool:
		if v.Bool() {
			return "((uchar)1)"
		}
		return "((uchar)0)"
	case ir.Int32:
		if v.Int() == math.MinInt32 {
			return "((int)(-2147483647 - 1))"
		}
		return fmt.Sprintf("((int)%d)", v.Int())
	case ir.Int64:
		if v.Int() == math.MinInt64 {
			return "((long)(-9223372036854775807L - 1L))"
		}
		return fmt.Sprintf("((long)%dL)", v.Int())
	case ir.Float32:
		f := v.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return fmt.Sprintf("as_float(0x%08xU)", uint32(v.Bits()))
		}
		return "(" + strconv.FormatFloat(f, 'x', -1, 32) + "f)"
	}
	f := v.Float()
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return fmt.Sprintf("as_double(0x%016xUL)", v.Bits())
	}
	return "(" + strconv.FormatFloat(f, 'x', -1, 64) + ")"
}
