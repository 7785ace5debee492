package compile

import (
	"fmt"
	"math/big"
	"unsafe"

	"github.com/numkit/numkit/numeric/internal/generic"
	"github.com/numkit/numkit/numeric/internal/syntax"
	"github.com/numkit/numkit/numeric/ir"
)

// builder accumulates the SSA form of an expression: registers in creation order (which
// is a topological order), each temporary defined by one instruction.
type builder struct {
	src        string
	opt        Options
	regs       []ir.RegInfo
	defs       map[ir.Reg]ir.Instr // the instruction that defines each temporary
	reductions map[ir.Reg]ir.Reduction
	inputs     []ir.Input
	inputRegs  map[string]ir.Reg
	cse        map[cseKey]ir.Reg
	consts     map[ir.Value]ir.Reg
}

type cseKey struct {
	op     ir.Op
	typ    ir.DType
	args   [3]ir.Reg
	vector bool
	reduce bool
}

func newBuilder(src string, opt Options) *builder {
	return &builder{
		src:        src,
		opt:        opt,
		defs:       map[ir.Reg]ir.Instr{},
		reductions: map[ir.Reg]ir.Reduction{},
		inputRegs:  map[string]ir.Reg{},
		cse:        map[cseKey]ir.Reg{},
		consts:     map[ir.Value]ir.Reg{},
	}
}

func (b *builder) errorf(pos syntax.Pos, format string, args ...any) error {
	return syntax.Errorf(b.src, pos, format, args...)
}

func (b *builder) newReg(info ir.RegInfo) ir.Reg {
	b.regs = append(b.regs, info)
	return ir.Reg(len(b.regs) - 1)
}

func (b *builder) info(r ir.Reg) ir.RegInfo { return b.regs[r] }
func (b *builder) typ(r ir.Reg) ir.DType    { return b.regs[r].Type }
func (b *builder) isConst(r ir.Reg) bool    { return b.regs[r].Kind == ir.RegConst }

func (b *builder) input(name string, t ir.DType, scalar bool) ir.Reg {
	if r, ok := b.inputRegs[name]; ok {
		return r
	}
	r := b.newReg(ir.RegInfo{Type: t, Scalar: scalar, Kind: ir.RegInput, Input: len(b.inputs)})
	b.inputs = append(b.inputs, ir.Input{Name: name, Type: t, Scalar: scalar, Reg: r})
	b.inputRegs[name] = r
	return r
}

func (b *builder) constant(v ir.Value) ir.Reg {
	if r, ok := b.consts[v]; ok {
		return r
	}
	r := b.newReg(ir.RegInfo{Type: v.Type, Scalar: true, Kind: ir.RegConst, Const: v})
	b.consts[v] = r
	return r
}

// emit appends Op(args) with result type typ, folding constants and sharing common
// subexpressions. The result is scalar when every argument is.
func (b *builder) emit(op ir.Op, typ ir.DType, pos syntax.Pos, args ...ir.Reg) (ir.Reg, error) {
	return b.emitShaped(op, typ, pos, false, args...)
}

// broadcast turns a scalar into a vector register, for results that must keep the
// shape of the inputs (x**0 is a vector of ones when x is a vector).
func (b *builder) broadcast(r ir.Reg, pos syntax.Pos) (ir.Reg, error) {
	return b.emitShaped(ir.OpCopy, b.typ(r), pos, true, r)
}

// opaque returns constant c as a register of x's shape that is not a constant and
// that depends on x, for a value that depends on a variable x only through its shape
// and kind: numexpr's x**0 and ones_like(x) are arrays of ones, never constants, even
// for a 0-d x, so that (say) y ** ~(s**0) is y to a computed power, not a constant
// negative one. The register is where(x == x, c, c), so x is still evaluated: a
// ones_like(max(a)) of an empty a fails as max(a) does instead of folding it away.
// (A vector x takes this form only when it holds a reduction, which may fail; else
// c is broadcast.)
func (b *builder) opaque(x, c ir.Reg, pos syntax.Pos) (ir.Reg, error) {
	eq, err := b.emit(ir.OpEq, ir.Bool, pos, x, x)
	if err != nil {
		return 0, err
	}
	return b.emit(ir.OpWhere, b.typ(c), pos, eq, c, c)
}

// hasReduction says whether r's value depends on a reduction.
func (b *builder) hasReduction(r ir.Reg) bool {
	if _, ok := b.reductions[r]; ok {
		return true
	}
	in, ok := b.defs[r]
	if !ok {
		return false
	}
	for _, a := range in.Args[:in.Op.Arity()] {
		if b.hasReduction(a) {
			return true
		}
	}
	return false
}

func (b *builder) emitShaped(op ir.Op, typ ir.DType, pos syntax.Pos, vector bool, args ...ir.Reg) (ir.Reg, error) {
	scalar, allConst := !vector, !vector
	var key cseKey
	key.op, key.typ, key.vector = op, typ, vector
	for i, a := range args {
		key.args[i] = a
		scalar = scalar && b.regs[a].Scalar
		allConst = allConst && b.isConst(a)
	}
	from := typ
	if len(args) > 0 {
		from = b.typ(args[0])
		if op == ir.OpWhere {
			from = b.typ(args[1])
		}
	}
	kernel := generic.Lookup(op, typ, from)
	if kernel == nil {
		return 0, b.errorf(pos, "internal error: no kernel for %s %s from %s", op, typ, from)
	}
	if allConst {
		return b.fold(op, typ, pos, kernel, args)
	}
	if r, ok := b.identity(op, typ, args); ok && !vector {
		return r, nil
	}
	if r, ok := b.cse[key]; ok {
		return r, nil
	}
	r := b.newReg(ir.RegInfo{Type: typ, Scalar: scalar, Kind: ir.RegTemp})
	in := ir.Instr{Op: op, Type: typ, Dst: r, Pos: int(pos)}
	copy(in.Args[:], args)
	b.defs[r] = in
	b.cse[key] = r
	return r, nil
}

// fold evaluates an instruction on constants with the generic kernel, so folded
// constants mean exactly what evaluation would compute.
func (b *builder) fold(op ir.Op, typ ir.DType, pos syntax.Pos, kernel generic.Kernel, args []ir.Reg) (ir.Reg, error) {
	var vals [3][2]uint64 // two words: a complex128 is 16 bytes
	var ptrs [3]unsafe.Pointer
	for i, a := range args {
		v := b.regs[a].Const
		if (op == ir.OpFloorDiv || op == ir.OpMod) && i == 1 && v.Type.IsInt() && v.Int() == 0 {
			return 0, b.errorf(pos, "integer division by zero in a constant expression")
		}
		if op == ir.OpPow && i == 1 && v.Type.IsInt() && v.Int() < 0 {
			return 0, b.errorf(pos, "integers to negative integer powers are not allowed")
		}
		vals[i] = v.Words()
		ptrs[i] = unsafe.Pointer(&vals[i])
	}
	var out [2]uint64
	kernel(1, unsafe.Pointer(&out), &ptrs)
	res := ir.ValueFromWords(typ, out)
	if typ.IsInt() && !foldedExactly(op, res, args, b) {
		return 0, b.errorf(pos, "integer overflow in a constant expression: %s does not fit in %s", op, typ)
	}
	return b.constant(res), nil
}

// foldedExactly reports whether an integer constant op's result res is its exact
// value, so that no folded constant wraps silently.
func foldedExactly(op ir.Op, res ir.Value, args []ir.Reg, b *builder) bool {
	arg := func(i int) *big.Int {
		v := b.regs[args[i]].Const
		if v.Type == ir.Bool {
			if v.Bool() {
				return big.NewInt(1)
			}
			return big.NewInt(0)
		}
		return big.NewInt(v.Int())
	}
	var want *big.Int
	switch op {
	case ir.OpAbs:
		want = new(big.Int).Abs(arg(0))
	case ir.OpNeg:
		want = new(big.Int).Neg(arg(0))
	case ir.OpAdd:
		want = new(big.Int).Add(arg(0), arg(1))
	case ir.OpSub:
		want = new(big.Int).Sub(arg(0), arg(1))
	case ir.OpMul:
		want = new(big.Int).Mul(arg(0), arg(1))
	case ir.OpCast:
		if !b.typ(args[0]).IsInt() {
			return true
		}
		want = arg(0)
	default:
		return true
	}
	return want.IsInt64() && want.Int64() == res.Int()
}

// convert returns r as type t.
func (b *builder) convert(r ir.Reg, t ir.DType, pos syntax.Pos) (ir.Reg, error) {
	if b.typ(r) == t {
		return r, nil
	}
	return b.emit(ir.OpCast, t, pos, r)
}

// reduce appends a reduction of arg.
func (b *builder) reduce(op ir.ReduceOp, arg ir.Reg, pos syntax.Pos) (ir.Reg, error) {
	res, ok := generic.ReduceResult(op, b.typ(arg))
	if !ok {
		return 0, b.errorf(pos, "%s is not defined on %s", op, b.typ(arg))
	}
	if b.regs[arg].Scalar { // a scalar is one element
		return b.reduceScalar(op, arg, res, pos)
	}
	key := cseKey{op: ir.OpInvalid, typ: res, args: [3]ir.Reg{arg, ir.Reg(op)}, reduce: true}
	if r, ok := b.cse[key]; ok {
		return r, nil
	}
	r := b.newReg(ir.RegInfo{Type: res, Scalar: true, Kind: ir.RegReduce})
	b.reductions[r] = ir.Reduction{Op: op, Arg: arg, Out: r, Pos: int(pos)}
	b.cse[key] = r
	return r, nil
}

// reduceScalar is op over the single element x: x itself for most reductions; for
// var and std x-x (0, or NaN for NaN and ±Inf, as over a one-element array); for skew
// and kurt (x-x)/(x-x), which is NaN: one element has no spread.
func (b *builder) reduceScalar(op ir.ReduceOp, x ir.Reg, res ir.DType, pos syntax.Pos) (ir.Reg, error) {
	x, err := b.convert(x, res, pos)
	if err != nil {
		return 0, err
	}
	switch op {
	case ir.ReduceVar, ir.ReduceStd:
		return b.emit(ir.OpSub, res, pos, x, x)
	case ir.ReduceSkew, ir.ReduceKurt:
		zero, err := b.emit(ir.OpSub, res, pos, x, x)
		if err != nil {
			return 0, err
		}
		return b.emit(ir.OpDiv, res, pos, zero, zero)
	}
	return x, nil
}

func (b *builder) describe(r ir.Reg) string {
	info := b.regs[r]
	if info.Scalar {
		return fmt.Sprintf("%s scalar", info.Type)
	}
	return info.Type.String()
}
