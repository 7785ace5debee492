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

// Value is a constant of one of the element types.
type Value struct {
	Type DType
	bits uint64
}

// FloatValue, IntValue and BoolValue make constants.
func FloatValue(t DType, f float64) Value {
	if t == Float32 {
		return Value{Float32, uint64(math.Float32bits(float32(f)))}
	}
	return Value{Float64, math.Float64bits(f)}
}

// IntValue makes an integer constant of type t (Int32 values are truncated to 32 bits).
func IntValue(t DType, i int64) Value {
	if t == Int32 {
		i = int64(int32(i))
	}
	return Value{t, uint64(i)}
}

// BoolValue makes a Bool constant.
func BoolValue(b bool) Value {
	if b {
		return Value{Bool, 1}
	}
	return Value{Bool, 0}
}

// Float returns the value as a float64 (exact for floats, converted for the others).
func (v Value) Float() float64 {
	switch v.Type {
	case Float32:
		return float64(math.Float32frombits(uint32(v.bits)))
	case Float64:
		return math.Float64frombits(v.bits)
	}
	return float64(v.Int())
}

// Int returns the value as an int64 (floats are truncated toward zero).
func (v Value) Int() int64 {
	switch v.Type {
	case Float32, Float64:
		return int64(v.Float())
	}
	return int64(v.bits)
}

// Bool returns the value as a bool (non-zero is true).
func (v Value) Bool() bool {
	if v.Type.IsFloat() {
		return v.Float() != 0
	}
	return v.bits != 0
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
	}
	return fmt.Sprint(v.Float())
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
	}
	return FloatValue(t, *(*float64)(p))
}
