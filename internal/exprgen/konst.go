package exprgen

// Constant values, as the language computes them (docs/language.md, "Literals and
// constant folding"). A subexpression of literals and operators only is folded by
// Python's rules, in exact arithmetic, and typed from its value: int32 when it fits,
// int64 otherwise, an error beyond int64. A constant expression with a function in it is
// folded in its operands' types, and an integer result that would wrap is an error. The
// generator computes these values so that every node's recorded type is the language's
// and no constant it emits is an error (Config.ConstOverflow asks for one on purpose).

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/numkit/numkit/asm"
)

// kind of a constant value (Python's types while folding).
type vkind uint8

const (
	vBool vkind = iota + 1
	vInt
	vFloat
)

// value is a constant's value; its zero value means unknown (not computed).
type value struct {
	kind vkind
	b    bool
	i    *big.Int
	f    float64
}

const maxFoldBits = 4096 // the language's bound on integers while folding

var (
	minInt64 = big.NewInt(math.MinInt64)
	maxInt64 = big.NewInt(math.MaxInt64)
	minInt32 = big.NewInt(math.MinInt32)
	maxInt32 = big.NewInt(math.MaxInt32)
)

// integer is v as an integer (a bool is 0 or 1).
func (v value) integer() *big.Int {
	if v.kind == vBool {
		if v.b {
			return big.NewInt(1)
		}
		return new(big.Int)
	}
	return v.i
}

// float is v as a float64 (ok false for an integer beyond float64, as Python raises).
func (v value) float() (float64, bool) {
	if v.kind == vFloat {
		return v.f, true
	}
	f, _ := new(big.Float).SetInt(v.integer()).Float64()
	return f, !math.IsInf(f, 0)
}

// isZero reports whether v is zero (0, 0.0, -0.0 or False); known is false for an
// unknown value.
func (v value) isZero() (zero, known bool) {
	switch v.kind {
	case vBool:
		return !v.b, true
	case vInt:
		return v.i.Sign() == 0, true
	case vFloat:
		return v.f == 0, true
	}
	return false, false
}

// one is the value 1 of type t.
func one(t Type) value {
	switch {
	case t == Bool:
		return value{kind: vBool, b: true}
	case t.IsFloat():
		return value{kind: vFloat, f: 1}
	}
	return value{kind: vInt, i: big.NewInt(1)}
}

// typeOf is the type the language gives a folded value; ok false beyond int64.
func (v value) typeOf() (Type, bool) {
	switch v.kind {
	case vBool:
		return Bool, true
	case vFloat:
		return Float64, true
	}
	switch {
	case v.i.Cmp(minInt32) >= 0 && v.i.Cmp(maxInt32) <= 0:
		return Int32, true
	case v.i.Cmp(minInt64) >= 0 && v.i.Cmp(maxInt64) <= 0:
		return Int64, true
	}
	return Int64, false
}

// fits reports whether the integer i is within t's range.
func fits(i *big.Int, t Type) bool {
	if t == Int32 {
		return i.Cmp(minInt32) >= 0 && i.Cmp(maxInt32) <= 0
	}
	return i.Cmp(minInt64) >= 0 && i.Cmp(maxInt64) <= 0
}

// literalOnly reports whether n is made of literals and operators only: numexpr has
// Python fold it.
func (n *Node) literalOnly() bool {
	switch n.Kind {
	case Lit:
		return true
	case Unary, Binary:
		for _, a := range n.Args {
			if !a.literalOnly() {
				return false
			}
		}
		return true
	}
	return false
}

// literal is a literal's value.
func literal(text string) value {
	switch text {
	case "True", "False":
		return value{kind: vBool, b: text == "True"}
	}
	clean := strings.ReplaceAll(text, "_", "")
	if i, ok := new(big.Int).SetString(clean, 0); ok {
		return value{kind: vInt, i: i}
	}
	f, _ := strconv.ParseFloat(clean, 64)
	return value{kind: vFloat, f: f}
}

// fold computes n's value from its arguments' values: by Python's rules when n is
// literal-only, else in n's type. ok false means the language rejects it (or, for a
// constant with a function, that it would wrap, which the language also rejects);
// a zero value with ok true means unknown or not a constant.
func fold(n *Node) (value, bool) {
	if (n.Op == "//" || n.Op == "%") && n.Type.IsInt() && n.Args[1].val.kind == vInt && n.Args[1].val.i.Sign() == 0 {
		// An integer division by a constant 0 gives 0, but the engine rewrites x**0 to 1,
		// so (x**0) // 0 is a constant division by zero: a compile error. Not generated.
		return value{}, false
	}
	if !n.Konst {
		return value{}, true
	}
	if n.Kind == Lit {
		return literal(n.Name), true
	}
	if n.literalOnly() {
		v, ok := pyFold(n)
		if !ok {
			return value{}, false
		}
		t, ok := v.typeOf()
		return v, ok && t == n.Type
	}
	return typedFold(n)
}

// pyFold is n's operation on its arguments' values by Python's rules.
func pyFold(n *Node) (value, bool) {
	x := n.Args[0].val
	if n.Kind == Unary {
		switch {
		case n.Op == "~" && x.kind == vBool:
			return value{kind: vBool, b: !x.b}, true
		case x.kind == vFloat && n.Op == "~":
			return value{}, false
		case x.kind == vFloat && n.Op == "-":
			return value{kind: vFloat, f: -x.f}, true
		case x.kind == vFloat:
			return x, true
		case n.Op == "~":
			return value{kind: vInt, i: new(big.Int).Not(x.integer())}, true
		case n.Op == "-":
			return value{kind: vInt, i: new(big.Int).Neg(x.integer())}, true
		}
		return value{kind: vInt, i: x.integer()}, true
	}
	y := n.Args[1].val
	anyFloat := x.kind == vFloat || y.kind == vFloat
	switch n.Op {
	case "<", "<=", "==", "!=", ">=", ">":
		return value{kind: vBool, b: compare(n.Op, x, y)}, true
	case "&", "|", "^", "<<", ">>":
		if anyFloat {
			return value{}, false
		}
		return pyBits(n.Op, x, y)
	case "**":
		return pyPow(x, y)
	case "/", "//", "%":
		if y.kind == vFloat && y.f == 0 || y.kind != vFloat && y.integer().Sign() == 0 {
			return value{}, false
		}
	}
	if anyFloat || n.Op == "/" {
		if !anyFloat {
			q, _ := new(big.Rat).SetFrac(x.integer(), y.integer()).Float64()
			return value{kind: vFloat, f: q}, !math.IsInf(q, 0)
		}
		fx, okx := x.float()
		fy, oky := y.float()
		return value{kind: vFloat, f: pyFloatArith(n.Op, fx, fy)}, okx && oky
	}
	r, ok := intArith(n.Op, x.integer(), y.integer())
	return value{kind: vInt, i: r}, ok && r.BitLen() <= maxFoldBits
}

// intArith is + - * // % of integers, exactly (// and % floored).
func intArith(op string, a, b *big.Int) (*big.Int, bool) {
	switch op {
	case "+":
		return new(big.Int).Add(a, b), true
	case "-":
		return new(big.Int).Sub(a, b), true
	case "*":
		return new(big.Int).Mul(a, b), a.BitLen()+b.BitLen() <= maxFoldBits+1
	case "//", "%":
		if b.Sign() == 0 {
			return nil, false
		}
		q, m := new(big.Int).DivMod(a, b, new(big.Int)) // Euclidean: a = q*b + m, m >= 0
		if m.Sign() != 0 && b.Sign() < 0 {              // floored: m takes b's sign
			q.Sub(q, big.NewInt(1)) // a = (q-1)*b + (m+b)
			m.Add(m, b)
		}
		if op == "%" {
			return m, true
		}
		return q, true
	}
	return nil, false
}

// pyFloatArith is + - * / // % of floats as Python computes them (y not 0 for the
// divisions).
func pyFloatArith(op string, x, y float64) float64 {
	switch op {
	case "+":
		return x + y
	case "-":
		return x - y
	case "*":
		return x * y
	case "/":
		return x / y
	}
	mod := math.Mod(x, y)
	div := (x - mod) / y
	switch {
	case mod != 0 && (y < 0) != (mod < 0):
		mod += y
		div--
	case mod == 0:
		mod = math.Copysign(0, y)
	}
	if op == "%" {
		return mod
	}
	if div == 0 {
		return math.Copysign(0, x/y)
	}
	fl := math.Floor(div)
	if div-fl > 0.5 {
		fl++
	}
	return fl
}

func pyBits(op string, x, y value) (value, bool) {
	if x.kind == vBool && y.kind == vBool && op != "<<" && op != ">>" {
		b := op == "&" && x.b && y.b || op == "|" && (x.b || y.b) || op == "^" && x.b != y.b
		return value{kind: vBool, b: b}, true
	}
	a, c := x.integer(), y.integer()
	r := new(big.Int)
	switch op {
	case "&":
		return value{kind: vInt, i: r.And(a, c)}, true
	case "|":
		return value{kind: vInt, i: r.Or(a, c)}, true
	case "^":
		return value{kind: vInt, i: r.Xor(a, c)}, true
	}
	if c.Sign() < 0 {
		return value{}, false
	}
	if op == ">>" {
		if !c.IsInt64() || c.Int64() > maxFoldBits {
			if a.Sign() < 0 {
				return value{kind: vInt, i: big.NewInt(-1)}, true
			}
			return value{kind: vInt, i: r}, true
		}
		return value{kind: vInt, i: r.Rsh(a, uint(c.Int64()))}, true
	}
	if a.Sign() == 0 {
		return value{kind: vInt, i: r}, true
	}
	if !c.IsInt64() || c.Int64() > maxFoldBits || int64(a.BitLen())+c.Int64() > maxFoldBits {
		return value{}, false
	}
	return value{kind: vInt, i: r.Lsh(a, uint(c.Int64()))}, true
}

func pyPow(x, y value) (value, bool) {
	if x.kind != vFloat && y.kind != vFloat && y.integer().Sign() >= 0 {
		a, k := x.integer(), y.integer()
		// |a|**k has more than (bitlen(a)-1)*k bits; compared by division, which cannot
		// overflow as the product can (4 ** 9223372036854775807).
		if a.CmpAbs(big.NewInt(1)) > 0 && k.Sign() > 0 && (!k.IsInt64() || k.Int64() > maxFoldBits/int64(a.BitLen()-1)) {
			return value{}, false
		}
		return value{kind: vInt, i: new(big.Int).Exp(a, k, nil)}, true
	}
	fx, okx := x.float()
	fy, oky := y.float()
	switch {
	case !okx || !oky:
		return value{}, false
	case fy == 0:
		return value{kind: vFloat, f: 1}, true
	case fx == 0 && fy < 0:
		return value{}, false
	case fx < 0 && !math.IsInf(fx, 0) && !math.IsInf(fy, 0) && fy != math.Trunc(fy):
		return value{}, false
	}
	// CPython's float ** is libm's pow, within an ULP; the engine folds it with asm's
	// (Go's math.Pow multiplies out integer powers: 0.1 ** 51 is 16 ULP off).
	d := []float64{0}
	asm.PowF64(d, []float64{fx}, []float64{fy})
	r := d[0]
	if math.IsInf(r, 0) && !math.IsInf(fx, 0) && !math.IsInf(fy, 0) && !math.IsNaN(fx) {
		return value{}, false
	}
	return value{kind: vFloat, f: r}, true
}

// compare compares exactly, as Python compares ints and floats.
func compare(op string, x, y value) bool {
	var c int
	if x.kind != vFloat && y.kind != vFloat {
		c = x.integer().Cmp(y.integer())
	} else {
		fx, _ := x.float()
		fy, _ := y.float()
		if math.IsNaN(fx) || math.IsNaN(fy) {
			return op == "!="
		}
		switch {
		case math.IsInf(fx, 0) || math.IsInf(fy, 0):
			c = cmpFloat(fx, fy)
		default:
			c = rat(x).Cmp(rat(y))
		}
	}
	return op == "<" && c < 0 || op == "<=" && c <= 0 || op == "==" && c == 0 ||
		op == "!=" && c != 0 || op == ">=" && c >= 0 || op == ">" && c > 0
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func rat(v value) *big.Rat {
	if v.kind == vFloat {
		return new(big.Rat).SetFloat64(v.f)
	}
	return new(big.Rat).SetInt(v.integer())
}
