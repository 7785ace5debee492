package ir

// Op is an instruction's operation.
type Op uint8

// Operations. An instruction's result type is Instr.Type; its operands' types are their
// registers' types. Unless noted, operands have the result type.
const (
	OpInvalid Op = iota

	OpCopy // x
	OpCast // x converted to the result type (the operand has another type)

	// Arithmetic on numbers.
	OpAdd      // x + y
	OpSub      // x - y
	OpMul      // x * y
	OpDiv      // x / y (floats only: integers are cast first)
	OpFloorDiv // x // y, floored; integer division by zero gives 0
	OpMod      // x % y, sign of y; integer modulo by zero gives 0
	OpPow      // x ** y
	OpNeg      // -x
	OpMulAdd   // x*y + z, one rounding (floats only)

	// Comparisons: operands of one type, Bool result.
	OpLt
	OpLe
	OpEq
	OpNe
	OpGe
	OpGt

	// Logical on Bool, bitwise on integers.
	OpAnd
	OpOr
	OpXor
	OpNot
	OpShl // integers only
	OpShr // integers only, arithmetic

	// Selection: x is Bool, y and z have the result type.
	OpWhere // x ? y : z

	// Elementwise functions of numbers.
	OpAbs
	OpSign
	OpCeil
	OpFloor
	OpTrunc
	OpRound // half to even
	OpMax   // maximum, NaN-propagating
	OpMin   // minimum, NaN-propagating

	// Float functions.
	OpSqrt
	OpSin
	OpCos
	OpTan
	OpAsin
	OpAcos
	OpAtan
	OpSinh
	OpCosh
	OpTanh
	OpAsinh
	OpAcosh
	OpAtanh
	OpExp
	OpExpm1
	OpExp2
	OpLog
	OpLog1p
	OpLog2
	OpLog10
	OpAtan2     // atan2(x, y) with x the ordinate
	OpHypot     // hypot(x, y)
	OpFmod      // C fmod
	OpCopysign  // copysign(x, y)
	OpNextafter // nextafter(x, y)

	// Float predicates: Bool result.
	OpIsNaN
	OpIsInf
	OpIsFinite
	OpSignbit

	// Complex parts and construction. OpReal, OpImag and OpAbs of a complex operand
	// have its parts' float type; OpComplex takes two floats of one type.
	OpReal    // real part
	OpImag    // imaginary part
	OpConj    // complex conjugate
	OpComplex // complex(x, y) = x + y*1j
	// OpMulAddC is x*y + z on complex operands with OpMul's and OpAdd's roundings (the
	// product rounded, then added: the bits of the two instructions, in one pass).
	OpMulAddC

	numOps
)

// Class groups operations by cost for the router's estimate.
type Class uint8

// Cost classes.
const (
	ClassMove      Class = iota // copies, casts, selection
	ClassCheap                  // add, compare, logic, min/max, abs, rounding
	ClassDivide                 // division, modulo, sqrt
	ClassTranscend              // exp, log, trig, pow, ...
)

type opInfo struct {
	name  string
	arity int
	class Class
}

var opInfos = [numOps]opInfo{
	OpInvalid: {"invalid", 0, ClassMove},
	OpCopy:    {"copy", 1, ClassMove}, OpCast: {"cast", 1, ClassMove},
	OpAdd: {"add", 2, ClassCheap}, OpSub: {"sub", 2, ClassCheap}, OpMul: {"mul", 2, ClassCheap},
	OpDiv: {"div", 2, ClassDivide}, OpFloorDiv: {"floordiv", 2, ClassDivide},
	OpMod: {"mod", 2, ClassDivide}, OpPow: {"pow", 2, ClassTranscend},
	OpNeg: {"neg", 1, ClassCheap}, OpMulAdd: {"muladd", 3, ClassCheap},
	OpLt: {"lt", 2, ClassCheap}, OpLe: {"le", 2, ClassCheap}, OpEq: {"eq", 2, ClassCheap},
	OpNe: {"ne", 2, ClassCheap}, OpGe: {"ge", 2, ClassCheap}, OpGt: {"gt", 2, ClassCheap},
	OpAnd: {"and", 2, ClassCheap}, OpOr: {"or", 2, ClassCheap}, OpXor: {"xor", 2, ClassCheap},
	OpNot: {"not", 1, ClassCheap}, OpShl: {"shl", 2, ClassCheap}, OpShr: {"shr", 2, ClassCheap},
	OpWhere: {"where", 3, ClassMove},
	OpAbs:   {"abs", 1, ClassCheap}, OpSign: {"sign", 1, ClassCheap},
	OpCeil: {"ceil", 1, ClassCheap}, OpFloor: {"floor", 1, ClassCheap},
	OpTrunc: {"trunc", 1, ClassCheap}, OpRound: {"round", 1, ClassCheap},
	OpMax: {"maximum", 2, ClassCheap}, OpMin: {"minimum", 2, ClassCheap},
	OpSqrt: {"sqrt", 1, ClassDivide},
	OpSin:  {"sin", 1, ClassTranscend}, OpCos: {"cos", 1, ClassTranscend},
	OpTan: {"tan", 1, ClassTranscend}, OpAsin: {"arcsin", 1, ClassTranscend},
	OpAcos: {"arccos", 1, ClassTranscend}, OpAtan: {"arctan", 1, ClassTranscend},
	OpSinh: {"sinh", 1, ClassTranscend}, OpCosh: {"cosh", 1, ClassTranscend},
	OpTanh: {"tanh", 1, ClassTranscend}, OpAsinh: {"arcsinh", 1, ClassTranscend},
	OpAcosh: {"arccosh", 1, ClassTranscend}, OpAtanh: {"arctanh", 1, ClassTranscend},
	OpExp: {"exp", 1, ClassTranscend}, OpExpm1: {"expm1", 1, ClassTranscend},
	OpExp2: {"exp2", 1, ClassTranscend}, OpLog: {"log", 1, ClassTranscend},
	OpLog1p: {"log1p", 1, ClassTranscend}, OpLog2: {"log2", 1, ClassTranscend},
	OpLog10: {"log10", 1, ClassTranscend}, OpAtan2: {"arctan2", 2, ClassTranscend},
	OpHypot: {"hypot", 2, ClassDivide}, OpFmod: {"fmod", 2, ClassDivide},
	OpCopysign: {"copysign", 2, ClassCheap}, OpNextafter: {"nextafter", 2, ClassCheap},
	OpIsNaN: {"isnan", 1, ClassCheap}, OpIsInf: {"isinf", 1, ClassCheap},
	OpIsFinite: {"isfinite", 1, ClassCheap}, OpSignbit: {"signbit", 1, ClassCheap},
	OpReal: {"real", 1, ClassMove}, OpImag: {"imag", 1, ClassMove},
	OpConj: {"conj", 1, ClassCheap}, OpComplex: {"complex", 2, ClassMove},
	OpMulAddC: {"cmuladd", 3, ClassCheap},
}

func (op Op) String() string {
	if op < numOps {
		return opInfos[op].name
	}
	return "invalid"
}

// Arity is the number of operands.
func (op Op) Arity() int {
	if op < numOps {
		return opInfos[op].arity
	}
	return 0
}

// Class is the op's cost class.
func (op Op) Class() Class {
	if op < numOps {
		return opInfos[op].class
	}
	return ClassMove
}

// NumOps is one past the largest Op, for tables indexed by Op.
const NumOps = int(numOps)

// IsCompare reports whether op is a comparison (Bool result).
func (op Op) IsCompare() bool { return op >= OpLt && op <= OpGt }

// Swapped returns the operation that gives the same result with its two operands
// swapped (x < y is y > x, NaN included; add, mul, == and != are their own), and
// whether there is one.
func (op Op) Swapped() (Op, bool) {
	switch op {
	case OpAdd, OpMul, OpEq, OpNe:
		return op, true
	case OpLt:
		return OpGt, true
	case OpGt:
		return OpLt, true
	case OpLe:
		return OpGe, true
	case OpGe:
		return OpLe, true
	}
	return op, false
}

// IsPredicate reports whether op is a float predicate (Bool result).
func (op Op) IsPredicate() bool { return op >= OpIsNaN && op <= OpSignbit }

// ReduceOp is a reduction.
type ReduceOp uint8

// Reductions.
const (
	ReduceSum ReduceOp = iota
	ReduceProd
	ReduceMin
	ReduceMax
	ReduceMean
	ReduceVar  // population variance (ddof = 0)
	ReduceStd  // population standard deviation
	ReduceSkew // population skewness g1
	ReduceKurt // population excess kurtosis g2
)

var reduceNames = [...]string{"sum", "prod", "min", "max", "mean", "var", "std", "skew", "kurt"}

func (r ReduceOp) String() string {
	if int(r) < len(reduceNames) {
		return reduceNames[r]
	}
	return "invalid"
}
