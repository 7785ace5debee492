package ir

import (
	"fmt"
	"math"
	"strings"
	"unsafe"
)

// Reg is a virtual register: an index into Program.Regs.
type Reg int32

// RegKind says where a register's value comes from.
type RegKind uint8

// Register kinds.
const (
	RegTemp   RegKind = iota // written by an instruction
	RegInput                 // an input variable (Program.Inputs[RegInfo.Input])
	RegConst                 // a constant (RegInfo.Const)
	RegReduce                // written by a stage's reduction
)

// RegInfo describes a register.
type RegInfo struct {
	Type   DType
	Scalar bool // one value for all elements, else one per element
	Kind   RegKind
	Input  int   // for RegInput: index into Program.Inputs
	Const  Value // for RegConst
}

// Value is a constant of one of the element types. bits holds the value as Word lays
// it out (a complex64's two float32 parts included); hi holds a complex128's imaginary
// part's bits.
type Value struct {
	Type DType
	bits uint64
	hi   uint64
}

// ComplexValue makes a complex constant of type t (Complex64 parts are rounded to
// float32).
func ComplexValue(t DType, c complex128) Value {
	if t == Complex64 {
		re, im := math.Float32bits(float32(real(c))), math.Float32bits(float32(imag(c)))
		return Value{Complex64, uint64(re) | uint64(im)<<32, 0}
	}
	return Value{Complex128, math.Float64bits(real(c)), math.Float64bits(imag(c))}
}

// Complex returns the value as a complex128 (a real value has imaginary part 0).
func (v Value) Complex() complex128 {
	switch v.Type {
	case Complex64:
		return complex(float64(math.Float32frombits(uint32(v.bits))), float64(math.Float32frombits(uint32(v.bits>>32))))
	case Complex128:
		return complex(math.Float64frombits(v.bits), math.Float64frombits(v.hi))
	}
	return complex(v.Float(), 0)
}

// FloatValue, IntValue and BoolValue make constants.
func FloatValue(t DType, f float64) Value {
	if t == Float32 {
		return Value{Type: Float32, bits: uint64(math.Float32bits(float32(f)))}
	}
	return Value{Type: Float64, bits: math.Float64bits(f)}
}

// IntValue makes an integer constant of type t (Int32 values are truncated to 32 bits).
func IntValue(t DType, i int64) Value {
	if t == Int32 {
		i = int64(int32(i))
	}
	return Value{Type: t, bits: uint64(i)}
}

// BoolValue makes a Bool constant.
func BoolValue(b bool) Value {
	if b {
		return Value{Type: Bool, bits: 1}
	}
	return Value{Type: Bool}
}

// Float returns the value as a float64 (exact for floats, converted for the others).
func (v Value) Float() float64 {
	switch v.Type {
	case Float32:
		return float64(math.Float32frombits(uint32(v.bits)))
	case Float64:
		return math.Float64frombits(v.bits)
	case Complex64, Complex128:
		return real(v.Complex())
	}
	return float64(v.Int())
}

// Int returns the value as an int64 (floats are truncated toward zero; a complex
// value's real part is).
func (v Value) Int() int64 {
	switch v.Type {
	case Float32, Float64, Complex64, Complex128:
		return int64(v.Float())
	}
	return int64(v.bits)
}

// Bool returns the value as a bool (non-zero is true).
func (v Value) Bool() bool {
	if v.Type.IsFloat() {
		return v.Float() != 0
	}
	if v.Type.IsComplex() {
		return v.Complex() != 0
	}
	return v.bits != 0
}

// Words returns the value laid out as its element type sits in memory, over two
// 64-bit words: Word and, for complex128, the imaginary part's bits.
func (v Value) Words() [2]uint64 {
	if v.Type == Complex128 {
		return [2]uint64{v.bits, v.hi}
	}
	return [2]uint64{v.Word(), 0}
}

// ValueFromWords reads a value of type t laid out as Words lays it out.
func ValueFromWords(t DType, w [2]uint64) Value {
	if t == Complex128 {
		return Value{Complex128, w[0], w[1]}
	}
	return ValueFromWord(t, w[0])
}

// Bits returns the value's bit pattern in its own type, zero-extended to 64 bits.
func (v Value) Bits() uint64 { return v.bits }

func (v Value) String() string {
	switch v.Type {
	case Bool:
		if v.bits != 0 {
			return "True"
		}
		return "False"
	case Int32, Int64:
		return fmt.Sprint(v.Int())
	case Complex64, Complex128:
		c := v.Complex()
		return fmt.Sprintf("(%v%sj)", real(c), signed(imag(c)))
	}
	return fmt.Sprint(v.Float())
}

// signed formats f with its sign, as Python prints a complex number's imaginary part.
// (fmt writes +Inf with its sign already, and NaN as the real part's NaN).
func signed(f float64) string {
	switch {
	case math.IsNaN(f):
		return "+NaN"
	case math.Signbit(f) || math.IsInf(f, 1):
		return fmt.Sprint(f)
	}
	return "+" + fmt.Sprint(f)
}

// Input is an input variable.
type Input struct {
	Name   string
	Type   DType
	Scalar bool
	Reg    Reg
}

// Instr is one instruction: Dst = Op(Args[:Op.Arity()]). Pos is the byte offset of the
// source construct it came from.
type Instr struct {
	Op   Op
	Type DType // the result type (Dst's type)
	Dst  Reg
	Args [3]Reg
	Pos  int
}

// Reduction reduces the vector register Arg over all elements into the scalar register
// Out.
type Reduction struct {
	Op  ReduceOp
	Arg Reg
	Out Reg
	Pos int
}

// Stage is one pass over the data: first the scalar code runs once, then the vector code
// for every element, then the reductions combine Arg over all elements.
type Stage struct {
	Scalar     []Instr
	Vector     []Instr
	Reductions []Reduction
}

// Program is a compiled, typed expression.
type Program struct {
	Source string
	Regs   []RegInfo
	Inputs []Input
	Stages []Stage // at least one; the last one computes Result
	Result Reg
	Cost   Cost
}

// ResultType is the type of the result.
func (p *Program) ResultType() DType { return p.Regs[p.Result].Type }

// ScalarResult reports whether the result is one value rather than one per element.
func (p *Program) ScalarResult() bool { return p.Regs[p.Result].Scalar }

// Cost estimates the work per element of the vector code of all stages, for the router.
type Cost struct {
	BytesRead    int    // bytes of input read per element, over all stages
	BytesWritten int    // bytes of output written per element
	Ops          [4]int // instructions per element by Class
	Passes       int    // passes over the inputs (stages with vector code)
}

// String prints the program, one instruction per line, for debugging.
func (p *Program) String() string {
	var b strings.Builder
	for _, in := range p.Inputs {
		fmt.Fprintf(&b, "input %s %s %s\n", p.RegName(in.Reg), in.Name, p.typeString(in.Reg))
	}
	for i, r := range p.Regs {
		if r.Kind == RegConst {
			fmt.Fprintf(&b, "const %s = %v %s\n", p.RegName(Reg(i)), r.Const, r.Type)
		}
	}
	for i, st := range p.Stages {
		fmt.Fprintf(&b, "stage %d:\n", i)
		for _, in := range st.Scalar {
			fmt.Fprintf(&b, "  scalar %s\n", p.InstrString(in))
		}
		for _, in := range st.Vector {
			fmt.Fprintf(&b, "  vector %s\n", p.InstrString(in))
		}
		for _, r := range st.Reductions {
			fmt.Fprintf(&b, "  reduce %s = %s(%s) %s\n", p.RegName(r.Out), r.Op, p.RegName(r.Arg), p.typeString(r.Out))
		}
	}
	fmt.Fprintf(&b, "result %s %s\n", p.RegName(p.Result), p.typeString(p.Result))
	return b.String()
}

// InstrString formats one instruction.
func (p *Program) InstrString(in Instr) string {
	args := make([]string, in.Op.Arity())
	for k := range args {
		args[k] = p.RegName(in.Args[k])
	}
	return fmt.Sprintf("%s = %s(%s) %s", p.RegName(in.Dst), in.Op, strings.Join(args, ", "), p.typeString(in.Dst))
}

// RegName names a register for printing: r3, or the constant's value.
func (p *Program) RegName(r Reg) string {
	if int(r) < len(p.Regs) && p.Regs[r].Kind == RegConst {
		return p.Regs[r].Const.String()
	}
	return fmt.Sprintf("r%d", r)
}

func (p *Program) typeString(r Reg) string {
	info := p.Regs[r]
	if info.Scalar {
		return info.Type.String() + " scalar"
	}
	return info.Type.String()
}

// Word lays the value out as its element type sits in memory, at the start of a
// 64-bit word: the form backends keep scalar registers in.
func (v Value) Word() uint64 {
	var w uint64
	p := unsafe.Pointer(&w)
	switch v.Type {
	case Bool:
		*(*bool)(p) = v.Bool()
	case Int32:
		*(*int32)(p) = int32(v.Int())
	case Int64:
		*(*int64)(p) = v.Int()
	case Float32:
		*(*float32)(p) = float32(v.Float())
	case Float64:
		*(*float64)(p) = v.Float()
	case Complex64:
		w = v.bits
	case Complex128:
		w = v.bits // the real part; Words has both
	}
	return w
}

// ValueFromWord reads a value of type t laid out as Word lays it out.
func ValueFromWord(t DType, w uint64) Value {
	p := unsafe.Pointer(&w)
	switch t {
	case Bool:
		return BoolValue(*(*bool)(p))
	case Int32:
		return IntValue(t, int64(*(*int32)(p)))
	case Int64:
		return IntValue(t, *(*int64)(p))
	case Float32:
		return FloatValue(t, float64(*(*float32)(p)))
	case Complex64:
		return Value{Complex64, w, 0}
	case Complex128:
		return Value{Complex128, w, 0} // the real part only; see ValueFromWords
	}
	return FloatValue(t, *(*float64)(p))
}
