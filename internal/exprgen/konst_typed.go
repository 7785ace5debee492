package exprgen

import (
	"math/big"
	"slices"
)

// typedFold is the value of a constant with a function in it (or an operator on such a
// constant), computed in n's type. The engine folds it with its kernels and rejects an
// integer result that wraps (abs(-2147483648), pow(4294967296, 13)); the generator is
// stricter: it rejects (ok false) every integer constant whose exact value does not fit
// its type, or that it cannot compute where the engine checks for overflow.
func typedFold(n *Node) (value, bool) {
	vals := make([]value, len(n.Args))
	known := true
	for i, a := range n.Args {
		vals[i] = a.val
		known = known && a.val.kind != 0 && a.val.kind != vFloat
	}
	switch {
	case n.Type.IsFloat():
		return value{}, true
	case n.Kind == Call && n.Op == "where":
		if vals[0].kind != vBool {
			return value{}, true
		}
		v := vals[2]
		if vals[0].b {
			v = vals[1]
		}
		if v.kind == vFloat {
			return value{}, true
		}
		return v, true
	case n.Type == Bool:
		if !known {
			return value{}, true
		}
		return boolFold(n, vals), true
	}
	checked := n.Kind == Unary && n.Op == "-" || n.Kind == Binary && slices.Contains([]string{"+", "-", "*", "**"}, n.Op) ||
		n.Kind == Call && (n.Op == "abs" || n.Op == "pow")
	if !known {
		return value{}, !checked
	}
	r, ok := intFold(n, vals)
	if !ok || !fits(r, n.Type) {
		return value{}, false
	}
	return value{kind: vInt, i: r}, true
}

// boolFold is a bool constant's value from its arguments' (known, not float) values.
func boolFold(n *Node, v []value) value {
	switch {
	case n.Kind == Unary && n.Op == "~" && v[0].kind == vBool:
		return value{kind: vBool, b: !v[0].b}
	case n.Kind == Binary && slices.Contains(compareOps, n.Op):
		return value{kind: vBool, b: compare(n.Op, v[0], v[1])}
	case n.Kind == Binary && v[0].kind == vBool && v[1].kind == vBool && (n.Op == "+" || n.Op == "*"):
		return value{kind: vBool, b: n.Op == "+" && (v[0].b || v[1].b) || v[0].b && v[1].b} // or, and
	case n.Kind == Binary && v[0].kind == vBool && v[1].kind == vBool:
		if r, ok := pyBits(n.Op, v[0], v[1]); ok && r.kind == vBool {
			return r
		}
	}
	return value{}
}

// intFold is an integer constant's exact value; ok false where the language rejects
// it or its value is not the exact one (a shift out of range).
func intFold(n *Node, v []value) (*big.Int, bool) {
	x := v[0].integer()
	switch {
	case n.Kind == Unary && n.Op == "-":
		return new(big.Int).Neg(x), true
	case n.Kind == Unary && n.Op == "~":
		return new(big.Int).Not(x), true
	case n.Kind == Unary:
		return x, true
	case n.Kind == Call:
		return callFold(n.Op, x, v)
	}
	y := v[1].integer()
	switch n.Op {
	case "+", "-", "*", "//", "%":
		return intArith(n.Op, x, y)
	case "**":
		return intPow(x, y)
	case "&", "|", "^":
		r, _ := pyBits(n.Op, v[0], v[1])
		return r.integer(), r.kind != 0
	case "<<", ">>":
		width := int64(32)
		if n.Type == Int64 {
			width = 64
		}
		if y.Sign() < 0 || y.Cmp(big.NewInt(width)) >= 0 {
			return nil, false // 0 or -1 by the language; not generated
		}
		if n.Op == "<<" {
			return new(big.Int).Lsh(x, uint(y.Int64())), true
		}
		return new(big.Int).Rsh(x, uint(y.Int64())), true
	}
	return nil, false
}

func intPow(x, y *big.Int) (*big.Int, bool) {
	if y.Sign() < 0 || x.CmpAbs(big.NewInt(1)) > 0 && (!y.IsInt64() || y.Int64() > 128/int64(x.BitLen()-1)) {
		return nil, false
	}
	return new(big.Int).Exp(x, y, nil), true
}

func callFold(name string, x *big.Int, v []value) (*big.Int, bool) {
	switch name {
	case "abs":
		return new(big.Int).Abs(x), true
	case "sign":
		return big.NewInt(int64(x.Sign())), true
	case "ceil", "floor", "trunc", "round":
		return x, true
	case "pow":
		return intPow(x, v[1].integer())
	case "maximum", "minimum":
		y := v[1].integer()
		if (x.Cmp(y) < 0) == (name == "maximum") {
			return y, true
		}
		return x, true
	case "clip":
		r := x
		if lo := v[1].integer(); r.Cmp(lo) < 0 {
			r = lo
		}
		if hi := v[2].integer(); r.Cmp(hi) > 0 {
			r = hi
		}
		return r, true
	}
	return nil, false
}
