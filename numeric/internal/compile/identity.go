package compile

import "github.com/numkit/numkit/numeric/ir"

// identity returns the register that op(args) of type typ equals bit for bit, when it is
// one of its operands: the algebraic no-ops that generated and hand-written expressions
// contain (the random benchmark's generator writes x*1, x/1, -(-x), ~(~t),
// where(c, x, x) and where over a constant condition). Each rule is exact for every value of the operand's type, NaN and
// ±Inf and -0 included, and keeps the result's shape and type; the operand kept is
// still evaluated, so its errors remain. The rules:
//
//   - x*1 and 1*x (x/1 arrives here as x*1) on integers and floats: exact in IEEE
//     arithmetic (NaN stays a NaN; its payload is not specified). Not on complex
//     numbers: (inf+1j)*(1+0j) is NaN in its real part.
//   - -(-x) and ~(~x): negation flips the sign bit, bitwise and logical not invert
//     bits; twice is the identity, on every type the operations are defined on.
//   - where(c, x, x) is x when c cannot fail at run time (it holds no reduction: min
//     and max of an empty array are errors that dropping c would hide) and when the
//     result's shape is x's (a scalar x under a vector c is broadcast), and x is not a
//     constant: where(x == x, c, c) is how opaque makes a value that is deliberately not
//     a constant.
//   - where(True, x, y) is x and where(False, x, y) is y (a folded condition such as
//     0.1 >= 1), under the same conditions: the branch dropped holds no reduction, the
//     one kept has the result's shape and is not a constant (so that no value becomes
//     a constant that was not one: y ** where(True, -1, k) stays a run-time power).
func (b *builder) identity(op ir.Op, typ ir.DType, args []ir.Reg) (ir.Reg, bool) {
	switch op {
	case ir.OpMul:
		if typ.IsComplex() || !typ.IsNumber() {
			return 0, false
		}
		for i, one := range args {
			x := args[1-i]
			if b.isConst(one) && b.isOne(one) && !b.isConst(x) && b.typ(x) == typ {
				return x, true
			}
		}
	case ir.OpNeg, ir.OpNot:
		in, ok := b.defs[args[0]]
		if ok && in.Op == op && in.Type == typ && b.typ(in.Args[0]) == typ && b.regs[in.Args[0]].Scalar == b.regs[args[0]].Scalar {
			return in.Args[0], true
		}
	case ir.OpWhere:
		c, x := args[0], args[1]
		if x == args[2] && !b.isConst(x) && b.typ(x) == typ && (!b.regs[x].Scalar || b.regs[c].Scalar) && !b.hasReduction(c) {
			return x, true
		}
		if b.isConst(c) {
			x, other := args[1], args[2]
			if !b.regs[c].Const.Bool() {
				x, other = other, x
			}
			scalar := b.regs[args[1]].Scalar && b.regs[args[2]].Scalar
			if !b.isConst(x) && b.typ(x) == typ && b.regs[x].Scalar == scalar && !b.hasReduction(other) {
				return x, true
			}
		}
	}
	return 0, false
}

// isOne reports whether constant r is 1 in its type.
func (b *builder) isOne(r ir.Reg) bool {
	v := b.regs[r].Const
	switch {
	case v.Type.IsFloat():
		return v.Float() == 1
	case v.Type.IsInt():
		return v.Int() == 1
	}
	return false
}
