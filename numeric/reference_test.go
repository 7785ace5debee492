package numeric

// An independent scalar reference interpreter of the language (docs/language.md). It
// evaluates the AST element by element over Vars, with its own typing rules written
// from the specification, and shares no code with the engine beyond the parser.

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/numkit/numkit/numeric/internal/syntax"
)

// refElem is one element: b for bool, i for int32/int64 (an int32 sign-extended), f for
// float32/float64 (a float32 held exactly in a float64), c for complex64/complex128 (a
// complex64 held exactly in a complex128).
type refElem struct {
	b bool
	i int64
	f float64
	c complex128
}

// refResult is the reference's answer: the type, whether it is a scalar, the elements.
type refResult struct {
	typ    DType
	scalar bool
	vals   []refElem
	shape  []int // an array result's broadcast shape (vals in C order)
}

// errRefEmpty marks min/max of no elements, the one evaluation-time value error.
var errRefEmpty = errors.New("reference: min/max of an empty array")

// refInfo is what the reference knows of a subexpression before evaluating it.
type refInfo struct {
	typ   DType
	array bool // varies with the element index (depends on an array input)
	konst bool // only literals: a "constant" for power rewriting
}

type refInput struct {
	typ   DType
	array bool
	n     int
	at    func(i int) refElem
	shape []int                   // an array's shape ((n,) for a slice)
	atIdx func(idx []int) refElem // an array's element at a multi-index
}

type refEval struct {
	src     string
	f32c    bool // WithFloat32Constants
	inputs  map[string]refInput
	info    map[syntax.Expr]refInfo
	folded  map[syntax.Expr]refElem // literal-only subexpressions, folded as Python does
	reduced map[syntax.Expr]refElem
	n       int
	shape   []int           // the broadcast shape of the arrays read outside reductions
	outer   map[string]bool // the variables read outside reductions
	vars    Vars
}

// refEvaluate evaluates src over vars. A non-nil error means the spec rejects the input
// (any class); errRefEmpty for min/max of an empty array.
func refEvaluate(src string, vars Vars, float32Consts bool) (refResult, error) {
	ast, err := syntax.Parse(src)
	if err != nil {
		return refResult{}, err
	}
	r := &refEval{src: src, f32c: float32Consts, inputs: map[string]refInput{},
		info: map[syntax.Expr]refInfo{}, folded: map[syntax.Expr]refElem{}, reduced: map[syntax.Expr]refElem{}}
	names, err := refNames(ast)
	if err != nil {
		return refResult{}, err
	}
	if len(names) > 64 {
		return refResult{}, fmt.Errorf("reference: %d inputs", len(names))
	}
	r.n = 1
	for _, name := range names {
		v, ok := vars[name]
		if !ok {
			return refResult{}, fmt.Errorf("reference: undefined variable %s", name)
		}
		in, err := refBind(v)
		if err != nil {
			return refResult{}, err
		}
		r.inputs[name] = in
	}
	root, err := r.check(ast)
	if err != nil {
		return refResult{}, err
	}
	// A reduction reduces its own argument's elements (NumPy): the result's shape is
	// the broadcast of the arrays read outside reductions (reduce evaluates an
	// argument that reads others, or arrays of another shape, alone).
	r.vars, r.outer = vars, map[string]bool{}
	outer := refOuterNames(ast)
	for _, name := range outer {
		r.outer[name] = true
	}
	shape, err := refBroadcast(outer, r.inputs)
	if err != nil {
		return refResult{}, err
	}
	r.shape = shape
	r.n = 1
	for _, d := range shape {
		r.n *= d
	}
	res := refResult{typ: root.typ, scalar: !root.array}
	if !res.scalar {
		res.shape = shape
	}
	count := r.n
	if res.scalar {
		count = 1
	}
	vals, err := r.vals(ast, count)
	if err != nil {
		return refResult{}, err
	}
	res.vals = vals
	return res, nil
}

// Type helpers, from the spec's order bool < int32 < int64 < float32 < float64.

func refRank(t DType) int {
	switch t {
	case Bool:
		return 0
	case Int32:
		return 1
	case Int64:
		return 2
	case Float32:
		return 3
	case Float64:
		return 4
	case Complex64:
		return 5
	}
	return 6
}

func refIsInt(t DType) bool    { return t == Int32 || t == Int64 }
func refIsFloat(t DType) bool  { return t == Float32 || t == Float64 }
func refIsNumber(t DType) bool { return t != Bool && !refIsComplex(t) } // a real number

func refFloatOf(t DType) DType {
	if t == Float32 {
		return Float32
	}
	return Float64
}

// unify is the promoted type of args. With WithFloat32Constants a float64 that comes
// only from scalars (literals, Go scalars) combined with a float32 array is float32.
func (r *refEval) unify(args ...refInfo) DType {
	t := args[0].typ
	f32arr, f64arr, intArr := false, false, false // single, double precision (real or complex), integer arrays
	for _, a := range args {
		t = refPromote(t, a.typ)
		f32arr = f32arr || (a.array && (a.typ == Float32 || a.typ == Complex64))
		f64arr = f64arr || (a.array && (a.typ == Float64 || a.typ == Complex128))
		intArr = intArr || (a.array && refIsInt(a.typ))
	}
	if r.f32c && t == Float64 && f32arr && !f64arr {
		return Float32
	}
	if r.f32c && t == Complex128 && f32arr && !f64arr && !intArr {
		return Complex64
	}
	return t
}

func refErrorf(format string, args ...any) error {
	return fmt.Errorf("reference: "+format, args...)
}

// check types e and its subexpressions, recording refInfo for each, or rejects it.
func (r *refEval) check(e syntax.Expr) (refInfo, error) {
	info, err := r.check1(e)
	if err == nil {
		r.info[e] = info
	}
	return info, err
}

func (r *refEval) check1(e syntax.Expr) (refInfo, error) {
	if _, lit := e.(*syntax.BasicLit); !lit && refLiteralOnly(e) {
		t, v, err := refFold(e)
		if err != nil {
			return refInfo{}, err
		}
		r.folded[e] = v
		return refInfo{typ: t, konst: true}, nil
	}
	switch e := e.(type) {
	case *syntax.ParenExpr:
		return r.check(e.X)
	case *syntax.Ident:
		in := r.inputs[e.Name]
		return refInfo{typ: in.typ, array: in.array}, nil
	case *syntax.BasicLit:
		text := strings.ReplaceAll(e.Value, "_", "")
		switch e.Kind {
		case syntax.BoolLit:
			return refInfo{typ: Bool, konst: true}, nil
		case syntax.IntLit:
			v, err := strconv.ParseInt(text, 0, 64)
			if err != nil {
				return refInfo{}, refErrorf("integer literal %s out of range", e.Value)
			}
			if v >= math.MinInt32 && v <= math.MaxInt32 {
				return refInfo{typ: Int32, konst: true}, nil
			}
			return refInfo{typ: Int64, konst: true}, nil
		}
		v, _ := strconv.ParseFloat(strings.TrimRight(text, "jJ"), 64)
		if math.IsInf(v, 0) {
			return refInfo{}, refErrorf("float literal %s overflows", e.Value)
		}
		if e.Kind == syntax.ImagLit {
			return refInfo{typ: Complex128, konst: true}, nil
		}
		return refInfo{typ: Float64, konst: true}, nil
	case *syntax.UnaryExpr:
		x, err := r.check(e.X)
		if err != nil {
			return refInfo{}, err
		}
		if e.Op == syntax.NOT && (refIsFloat(x.typ) || refIsComplex(x.typ)) || e.Op == syntax.SUB && x.typ == Bool {
			return refInfo{}, refErrorf("unary %s on %s", e.Op, x.typ)
		}
		return x, nil
	case *syntax.BinaryExpr:
		x, err := r.check(e.X)
		if err != nil {
			return refInfo{}, err
		}
		y, err := r.check(e.Y)
		if err != nil {
			return refInfo{}, err
		}
		if e.Op == syntax.POW {
			return r.checkPow(e.Y, x, y)
		}
		return r.checkBinary(e.Op, x, y)
	case *syntax.CallExpr:
		argExprs, _ := refCallArgs(e)
		args := make([]refInfo, len(argExprs))
		for i, a := range argExprs {
			info, err := r.check(a)
			if err != nil {
				return refInfo{}, err
			}
			args[i] = info
		}
		return r.checkCall(e, args)
	}
	return refInfo{}, refErrorf("unexpected node %T", e)
}

func refJoin(t DType, args ...refInfo) refInfo {
	info := refInfo{typ: t, konst: true}
	for _, a := range args {
		info.array = info.array || a.array
		info.konst = info.konst && a.konst
	}
	return info
}

func (r *refEval) checkBinary(op syntax.Token, x, y refInfo) (refInfo, error) {
	tx, ty := x.typ, y.typ
	// A bool with a number is 0/1 of the number's type; bool+bool is |, bool*bool
	// is &, bool/bool is float64; other arithmetic on two bools is an error.
	bools := tx == Bool && ty == Bool
	if refIsComplex(tx) || refIsComplex(ty) {
		return r.checkComplexBinary(op, x, y)
	}
	switch op {
	case syntax.LT, syntax.LE, syntax.EQ, syntax.NE, syntax.GE, syntax.GT:
		return refJoin(Bool, x, y), nil
	case syntax.AND, syntax.OR, syntax.XOR:
		if refIsFloat(tx) || refIsFloat(ty) {
			return refInfo{}, refErrorf("%s on %s, %s", op, tx, ty)
		}
	case syntax.SHL, syntax.SHR:
		if refIsFloat(tx) || refIsFloat(ty) || bools {
			return refInfo{}, refErrorf("%s on %s, %s", op, tx, ty)
		}
	case syntax.ADD, syntax.MUL:
	case syntax.DIV:
		if bools {
			return refJoin(Float64, x, y), nil
		}
	default:
		if bools {
			return refInfo{}, refErrorf("%s on %s, %s", op, tx, ty)
		}
	}
	t := r.unify(x, y)
	if op == syntax.DIV && refIsInt(t) {
		t = Float64
	}
	return refJoin(t, x, y), nil
}

// checkPow types x ** y: a constant exponent takes x's float type when it is a float;
// an integer to a negative constant integer power is an error.
func (r *refEval) checkPow(yNode syntax.Expr, x, y refInfo) (refInfo, error) {
	if x.typ == Bool && y.typ == Bool {
		return refInfo{}, refErrorf("** on %s, %s", x.typ, y.typ)
	}
	if x.typ == Bool { // 0/1 in the other operand's type
		x.typ = y.typ
	} else if y.typ == Bool {
		y.typ = x.typ
	}
	if refIsComplex(x.typ) || refIsComplex(y.typ) {
		return refJoin(r.unify(x, y), x, y), nil
	}
	if !y.konst {
		return refJoin(r.unify(x, y), x, y), nil
	}
	if refIsFloat(y.typ) {
		return refJoin(refFloatOf(x.typ), x, y), nil
	}
	if refIsInt(x.typ) {
		// A constant: evaluate it now (its subexpressions were checked already).
		cs, err := r.vals(yNode, 1)
		if err != nil {
			return refInfo{}, err
		}
		if c := cs[0]; c.i < 0 {
			return refInfo{}, refErrorf("integer ** negative constant %d", c.i)
		}
	}
	return refJoin(r.unify(x, y), x, y), nil
}

func (r *refEval) checkCall(e *syntax.CallExpr, args []refInfo) (refInfo, error) {
	name := e.Fun.Name
	numbers := func() error {
		for _, a := range args {
			if !refIsNumber(a.typ) {
				return refErrorf("%s of %s", name, a.typ)
			}
		}
		return nil
	}
	if info, ok, err := r.checkComplexCall(name, args); ok {
		return info, err
	}
	switch {
	case name == "where":
		c, x, y := args[0], args[1], args[2]
		if c.typ != Bool {
			return refInfo{}, refErrorf("where(%s, %s, %s)", c.typ, x.typ, y.typ)
		}
		return refJoin(r.unify(x, y), args...), nil
	case name == "copy" || name == "real":
		return refJoin(args[0].typ, args[0]), nil
	case name == "imag" || name == "ones_like": // shaped like x; a constant only of a constant (numexpr's ones_like(x))
		return refInfo{typ: args[0].typ, array: args[0].array, konst: args[0].konst}, nil
	case refReductions[name]:
		t := args[0].typ
		switch {
		case refIsComplex(t) && (name == "min" || name == "max"):
			return refInfo{}, refErrorf("%s of %s", name, t)
		case refIsComplex(t):
		case name == "sum" || name == "prod":
			if !refIsFloat(t) {
				t = Int64
			}
		case t == Bool:
			return refInfo{}, refErrorf("%s of bool", name)
		case name == "mean" && refIsInt(t):
			t = Float64
		}
		return refInfo{typ: t, konst: args[0].konst && !args[0].array}, nil // of a constant, a constant
	}
	if err := numbers(); err != nil {
		return refInfo{}, err
	}
	switch {
	case name == "pow":
		return r.checkPow(e.Args[1], args[0], args[1])
	case refFloatFuncs[name] != nil, refFloatFuncs2[name] != nil:
		return refJoin(refFloatOf(r.unify(args...)), args...), nil
	case refPredicates[name] != nil:
		return refJoin(Bool, args...), nil
	}
	// abs, sign, rounding, maximum, minimum, clip: the promoted type.
	return refJoin(r.unify(args...), args...), nil
}
