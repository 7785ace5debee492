package kernels

import (
	"fmt"

	"github.com/numkit/numkit/numeric/ir"
)

// floatFuncs are the OpenCL C built-ins of one float argument, by op.
var floatFuncs = map[ir.Op]string{
	ir.OpSqrt: "sqrt", ir.OpSin: "sin", ir.OpCos: "cos", ir.OpTan: "tan",
	ir.OpAsin: "asin", ir.OpAcos: "acos", ir.OpAtan: "atan",
	ir.OpSinh: "sinh", ir.OpCosh: "cosh", ir.OpTanh: "tanh",
	ir.OpAsinh: "asinh", ir.OpAcosh: "acosh", ir.OpAtanh: "atanh",
	ir.OpExp: "exp", ir.OpExpm1: "expm1", ir.OpExp2: "exp2",
	ir.OpLog: "log", ir.OpLog1p: "log1p", ir.OpLog2: "log2", ir.OpLog10: "log10",
	ir.OpCeil: "ceil", ir.OpFloor: "floor", ir.OpTrunc: "trunc", ir.OpRound: "rint",
	ir.OpAbs: "fabs",
}

// floatFuncs2 are the OpenCL C built-ins of two float arguments, by op.
var floatFuncs2 = map[ir.Op]string{
	ir.OpAtan2: "atan2", ir.OpHypot: "hypot", ir.OpFmod: "fmod", ir.OpCopysign: "copysign",
	ir.OpPow: "pow",
}

// viaFloat64 lists the float functions whose float32 version Float32ViaFloat64
// computes in double precision: those OpenCL does not require to be correctly
// rounded. (sqrt is correctly rounded with -cl-fp32-correctly-rounded-divide-sqrt;
// the rounding functions, fabs, fmod and copysign are exact.)
var viaFloat64 = map[ir.Op]bool{
	ir.OpSin: true, ir.OpCos: true, ir.OpTan: true, ir.OpAsin: true, ir.OpAcos: true,
	ir.OpAtan: true, ir.OpSinh: true, ir.OpCosh: true, ir.OpTanh: true, ir.OpAsinh: true,
	ir.OpAcosh: true, ir.OpAtanh: true, ir.OpExp: true, ir.OpExpm1: true, ir.OpExp2: true,
	ir.OpLog: true, ir.OpLog1p: true, ir.OpLog2: true, ir.OpLog10: true,
	ir.OpAtan2: true, ir.OpHypot: true, ir.OpPow: true,
}

var compareOps = map[ir.Op]string{
	ir.OpLt: "<", ir.OpLe: "<=", ir.OpEq: "==", ir.OpNe: "!=", ir.OpGe: ">=", ir.OpGt: ">",
}

var bitOps = map[ir.Op]string{ir.OpAnd: "&", ir.OpOr: "|", ir.OpXor: "^"}

// expr returns the C expression computing instruction in from its operands.
func (g *gen) expr(in ir.Instr) (string, error) {
	p := g.prog
	n := in.Op.Arity()
	var a [3]string
	for k := 0; k < n; k++ {
		a[k] = g.operand(in.Args[k])
	}
	x, y, z := a[0], a[1], a[2]
	t := in.Type
	from := t
	if n > 0 {
		from = p.Regs[in.Args[0]].Type
	}
	if t.IsComplex() || from.IsComplex() || in.Op == ir.OpWhere && p.Regs[in.Args[1]].Type.IsComplex() {
		return g.complexExpr(in, t, from, x, y, z)
	}
	unsupported := func() (string, error) {
		return "", fmt.Errorf("kernels: no OpenCL code for %s (%s from %s)", p.InstrString(in), t, from)
	}
	switch op := in.Op; op {
	case ir.OpCopy:
		return x, nil
	case ir.OpCast:
		if t.IsFloat() && from != ir.Bool {
			return fmt.Sprintf("convert_%s_rte(%s)", ctype(t), x), nil
		}
		return fmt.Sprintf("((%s)%s)", ctype(t), x), nil
	case ir.OpAdd, ir.OpSub, ir.OpMul:
		sym := map[ir.Op]string{ir.OpAdd: "+", ir.OpSub: "-", ir.OpMul: "*"}[op]
		if t.IsInt() {
			return wrapping(t, x, sym, y), nil
		}
		if t.IsFloat() {
			return fmt.Sprintf("(%s %s %s)", x, sym, y), nil
		}
	case ir.OpDiv:
		if t.IsFloat() {
			return fmt.Sprintf("(%s / %s)", x, y), nil
		}
	case ir.OpFloorDiv, ir.OpMod:
		if t.IsNumber() {
			return fmt.Sprintf("%s(%s, %s)", g.helper(op.String(), t), x, y), nil
		}
	case ir.OpPow:
		if t.IsInt() {
			return fmt.Sprintf("%s(%s, %s)", g.helper("pow", t), x, y), nil
		}
		if t.IsFloat() {
			return g.floatCall("pow", op, t, x, y), nil
		}
	case ir.OpNeg:
		if t.IsInt() {
			return wrapping(t, "0", "-", x), nil
		}
		if t.IsFloat() {
			return fmt.Sprintf("(-%s)", x), nil
		}
	case ir.OpMulAdd:
		if t.IsFloat() {
			return fmt.Sprintf("fma(%s, %s, %s)", x, y, z), nil
		}
	case ir.OpLt, ir.OpLe, ir.OpEq, ir.OpNe, ir.OpGe, ir.OpGt:
		return fmt.Sprintf("((uchar)(%s %s %s))", x, compareOps[op], y), nil
	case ir.OpAnd, ir.OpOr, ir.OpXor:
		if t == ir.Bool || t.IsInt() {
			return fmt.Sprintf("((%s)(%s %s %s))", ctype(t), x, bitOps[op], y), nil
		}
	case ir.OpNot:
		if t == ir.Bool {
			return fmt.Sprintf("((uchar)(%s ^ 1))", x), nil
		}
		if t.IsInt() {
			return fmt.Sprintf("(~%s)", x), nil
		}
	case ir.OpShl, ir.OpShr:
		if t.IsInt() {
			return fmt.Sprintf("%s(%s, %s)", g.helper(op.String(), t), x, y), nil
		}
	case ir.OpWhere:
		return fmt.Sprintf("(%s ? %s : %s)", x, y, z), nil
	case ir.OpAbs:
		if t.IsInt() {
			return fmt.Sprintf("(%s < 0 ? %s : %s)", x, wrapping(t, "0", "-", x), x), nil
		}
	case ir.OpSign:
		if t.IsNumber() {
			return fmt.Sprintf("(%s > 0 ? %s : (%s < 0 ? %s : %s))", x, castLit(t, "1"), x, castLit(t, "(-1)"), x), nil
		}
	case ir.OpCeil, ir.OpFloor, ir.OpTrunc, ir.OpRound:
		if t.IsInt() {
			return x, nil
		}
	case ir.OpMax, ir.OpMin:
		name := map[ir.Op]string{ir.OpMax: "max", ir.OpMin: "min"}[op]
		if t.IsInt() {
			return fmt.Sprintf("%s(%s, %s)", name, x, y), nil
		}
		if t.IsFloat() {
			return fmt.Sprintf("%s(%s, %s)", g.helper(name, t), x, y), nil
		}
	case ir.OpNextafter:
		if t.IsFloat() {
			return fmt.Sprintf("%s(%s, %s)", g.helper("nextafter", t), x, y), nil
		}
	case ir.OpIsNaN, ir.OpIsInf, ir.OpIsFinite, ir.OpSignbit:
		if from.IsFloat() {
			name := map[ir.Op]string{ir.OpIsNaN: "isnan", ir.OpIsInf: "isinf", ir.OpIsFinite: "isfinite", ir.OpSignbit: "signbit"}[op]
			return fmt.Sprintf("((uchar)(%s(%s) != 0))", name, x), nil
		}
	}
	if !t.IsFloat() {
		return unsupported()
	}
	if f, ok := floatFuncs[in.Op]; ok {
		return g.floatCall(f, in.Op, t, x, ""), nil
	}
	if f, ok := floatFuncs2[in.Op]; ok {
		return g.floatCall(f, in.Op, t, x, y), nil
	}
	return unsupported()
}

// floatCall calls built-in f on x (and y unless ""), in double precision for a
// float32 function when the target asks for that.
func (g *gen) floatCall(f string, op ir.Op, t ir.DType, x, y string) string {
	if t == ir.Float32 && g.target.Float32ViaFloat64 && viaFloat64[op] {
		g.fp64 = true
		if y == "" {
			return fmt.Sprintf("convert_float_rte(%s((double)%s))", f, x)
		}
		return fmt.Sprintf("convert_float_rte(%s((double)%s, (double)%s))", f, x, y)
	}
	if y == "" {
		return fmt.Sprintf("%s(%s)", f, x)
	}
	return fmt.Sprintf("%s(%s, %s)", f, x, y)
}
