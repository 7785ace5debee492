package numeric

// The reference interpreter's complex numbers (docs/language.md, "Complex numbers"):
// typing and promotion, conversions and the arithmetic, written from the spec. A
// complex64 element is held exactly in refElem.c (a complex128 of two float32 values).

import (
	"math"
	"math/cmplx"

	"github.com/numkit/numkit/numeric/internal/syntax"
)

func refIsComplex(t DType) bool { return t == Complex64 || t == Complex128 }

// refPromote is the spec's promotion of two types: the larger, except that complex64
// with int32, int64 or float64 is complex128 (complex64 holds only bool, float32 and
// complex64 values exactly).
func refPromote(a, b DType) DType {
	if refRank(a) > refRank(b) {
		a, b = b, a
	}
	if b == Complex64 && (refIsInt(a) || a == Float64) {
		return Complex128
	}
	return b
}

// refRealOf is the type of a complex type's parts; a real type is itself.
func refRealOf(t DType) DType {
	switch t {
	case Complex64:
		return Float32
	case Complex128:
		return Float64
	}
	return t
}

// refCRound rounds both parts of v to t's precision (complex64: float32 parts).
func refCRound(t DType, v complex128) complex128 {
	if t == Complex64 {
		return complex(float64(float32(real(v))), float64(float32(imag(v))))
	}
	return v
}

// refToComplex converts a real element of type from to the complex type to.
func refToComplex(v refElem, from, to DType) refElem {
	var f float64
	switch {
	case from == Bool:
		if v.b {
			f = 1
		}
	case refIsInt(from):
		f = float64(v.i)
		if to == Complex64 {
			f = float64(float32(v.i)) // one rounding, int64 to float32
		}
	case refIsComplex(from):
		return refElem{c: refCRound(to, v.c)}
	default:
		f = v.f
	}
	return refElem{c: refCRound(to, complex(f, 0))}
}

// refCOp is a complex + - * / in t's precision: + and - by parts, * the naive product
// with each product rounded once, / Smith's algorithm as the spec states it (NumPy's
// divide loop). Go's own complex / is a different algorithm (with C99's recovery of
// infinities), so the reference writes the spec's out rather than use it.
func refCOp(op syntax.Token, t DType, x, y complex128) complex128 {
	a, b, c, d := real(x), imag(x), real(y), imag(y)
	r := func(v float64) float64 { return refRound(refRealOf(t), v) }
	var re, im float64
	switch op {
	case syntax.ADD:
		re, im = r(a+c), r(b+d)
	case syntax.SUB:
		re, im = r(a-c), r(b-d)
	case syntax.MUL:
		re, im = r(r(a*c)-r(b*d)), r(r(a*d)+r(b*c))
	case syntax.DIV:
		ac, ad := math.Abs(c), math.Abs(d)
		switch {
		case ac >= ad && ac == 0: // 0/0 divisor: a complex Inf or NaN
			re, im = r(a/ac), r(b/ac)
		case ac >= ad:
			q := r(d / c)
			s := r(1 / r(c+r(d*q)))
			re, im = r(r(a+r(b*q))*s), r(r(b-r(a*q))*s)
		default: // |d| > |c|, or a NaN
			q := r(c / d)
			s := r(1 / r(d+r(c*q)))
			re, im = r(r(r(a*q)+b)*s), r(r(r(b*q)-a)*s)
		}
	default:
		panic("reference: complex operator " + op.String())
	}
	return complex(re, im)
}

// refCPowNumPy is NumPy's integer power (npy_cpow) for 0 < |n| < 100: x itself for
// n = 1, x·x for 2, x·(x·x) for 3, else binary powering from 1 (1·x is not x where x
// has an infinite part) and the reciprocal for n < 0.
func refCPowNumPy(t DType, x complex128, n int) complex128 {
	mul := func(a, b complex128) complex128 { return refCOp(syntax.MUL, t, a, b) }
	switch n {
	case 1:
		return x
	case 2:
		return mul(x, x)
	case 3:
		return mul(x, mul(x, x))
	}
	abs := n
	if abs < 0 {
		abs = -abs
	}
	p := complex128(1)
	for base := x; abs > 0; abs >>= 1 {
		if abs&1 != 0 {
			p = mul(p, base)
		}
		if abs > 1 {
			base = mul(base, base)
		}
	}
	if n < 0 {
		p = refCOp(syntax.DIV, t, 1, p)
	}
	return p
}

// refCPowInt is x**n for an integer n by binary powering: the factors x^(2^k) for the
// set bits of n, low to high, each multiplied onto the running product (x**0 is 1); a
// negative n takes the reciprocal 1/x**|n|.
func refCPowInt(t DType, x complex128, n int) complex128 {
	abs := n
	if abs < 0 {
		abs = -abs
	}
	var p complex128
	if abs == 0 {
		p = 1
	} else {
		have := false
		for base := x; ; base = refCOp(syntax.MUL, t, base, base) {
			if abs&1 != 0 {
				if have {
					p = refCOp(syntax.MUL, t, p, base)
				} else {
					p, have = base, true
				}
			}
			if abs >>= 1; abs == 0 {
				break
			}
		}
	}
	if n < 0 {
		p = refCOp(syntax.DIV, t, 1, p)
	}
	return p
}

// refCPow is x ** y of complex values that are not rewritten (the spec's NumPy power):
// 1 for y = 0; for x = 0, 0 when y is real and positive, else NaN; binary powering for
// an integer real y with |y| < 100; else exp(y·log x) (refCPowGeneral). complex64
// operands are widened, and the value rounded once (NumPy's binary powering in float32
// gives NaN where an intermediate overflows float32: (1e30+1e30j)**-7 is 0 here).
func refCPow(t DType, x, y complex128) complex128 {
	if t == Complex64 { // computed in complex128 and rounded once, as the engine's functions
		return refCRound(t, refCPow(Complex128, x, y))
	}
	switch {
	case y == 0:
		return 1
	case x == 0:
		if imag(y) == 0 && real(y) > 0 {
			return 0
		}
		return complex(math.NaN(), math.NaN())
	case imag(y) == 0 && real(y) == math.Trunc(real(y)) && math.Abs(real(y)) < 100:
		return refCPowNumPy(t, x, int(real(y)))
	}
	return refCRound(t, refCPowGeneral(refCRound(t, x), refCRound(t, y)))
}

// refCPowGeneral is x**y = |x|**re(y)·e**(-arg(x)·im(y)) at the angle arg(x)·re(y) +
// im(y)·log|x| (x != 0), in complex128: the modulus by math.Pow keeps its accuracy
// where exp(y·log x) would carry the rounding of y·log|x| (|y·log|x|| ULPs).
func refCPowGeneral(x, y complex128) complex128 {
	if !refFinite(real(x)) || !refFinite(imag(x)) || !refFinite(real(y)) || !refFinite(imag(y)) {
		return cmplx.Pow(x, y) // the spec names Go's cmplx.Pow for these (no Annex G value)
	}
	abs := math.Hypot(real(x), imag(x))
	arg := refAtan2(imag(x), real(x))
	mod := math.Pow(abs, real(y))
	if abs > 0 && abs < 0x1p-1022 { // Go's math.Pow of a subnormal is off (golang/go#56600): scale it
		mod = math.Pow(abs*0x1p54, real(y)) * math.Pow(2, -54*real(y))
	}
	phase := arg * real(y)
	if imag(y) != 0 {
		mod *= math.Exp(-arg * imag(y))
		phase += imag(y) * refLogAbs(real(x), imag(x))
	}
	s, c := refSincos(phase)
	return complex(mod*c, mod*s)
}

// refCPowConst is x ** c for a constant real exponent c, as the spec rewrites it: an
// integer or half-integer |c| <= 50 into products, a reciprocal and sqrt; other
// exponents by refCPow.
func refCPowConst(t DType, x complex128, c float64) complex128 {
	abs := math.Abs(c)
	switch {
	case c == math.Trunc(c) && abs <= 50:
		return refCPowInt(t, x, int(c))
	case 2*c == math.Trunc(2*c) && abs <= 50:
		s := refCRound(t, refCFuncs["sqrt"](x))
		if whole := int(abs); whole > 0 {
			s = refCOp(syntax.MUL, t, refCPowInt(t, x, whole), s)
		}
		if c < 0 {
			s = refCOp(syntax.DIV, t, 1, s)
		}
		return s
	}
	return refCPow(t, x, complex(c, 0))
}

// checkComplexBinary types an operator with a complex operand: + - * / are complex,
// == and != bool; ordering comparisons, //, % and the bitwise operators are errors.
func (r *refEval) checkComplexBinary(op syntax.Token, x, y refInfo) (refInfo, error) {
	switch op {
	case syntax.EQ, syntax.NE:
		return refJoin(Bool, x, y), nil
	case syntax.ADD, syntax.SUB, syntax.MUL, syntax.DIV:
		return refJoin(r.unify(x, y), x, y), nil
	}
	return refInfo{}, refErrorf("%s on %s, %s: complex numbers have no %s", op, x.typ, y.typ, op)
}

// checkComplexCall types complex() and conj(), and a call with a complex argument
// other than where, pow and the reductions (ok false: the caller types those).
func (r *refEval) checkComplexCall(name string, args []refInfo) (info refInfo, ok bool, err error) {
	switch name {
	case "complex":
		for _, a := range args {
			if !refIsNumber(a.typ) {
				return refInfo{}, true, refErrorf("complex of %s", a.typ)
			}
		}
		t := Complex64 // "complex64 from float32s, complex128 otherwise"
		for _, a := range args {
			if a.typ != Float32 {
				t = Complex128
			}
		}
		return refJoin(t, args...), true, nil
	case "conj":
		if args[0].typ == Bool {
			return refInfo{}, true, refErrorf("conj of bool")
		}
		return refJoin(args[0].typ, args[0]), true, nil
	case "where", "pow":
		return refInfo{}, false, nil
	}
	if refReductions[name] {
		return refInfo{}, false, nil
	}
	cx := DType(255)
	for _, a := range args {
		if refIsComplex(a.typ) {
			if cx == 255 {
				cx = a.typ
			}
			cx = refPromote(cx, a.typ)
		}
	}
	if cx == 255 {
		return refInfo{}, false, nil
	}
	switch {
	case name == "copy":
		return refJoin(cx, args...), true, nil
	case name == "real" || name == "abs":
		return refJoin(refRealOf(cx), args...), true, nil
	case name == "imag":
		return refInfo{typ: refRealOf(cx), array: args[0].array, konst: args[0].konst}, true, nil
	case name == "ones_like":
		return refInfo{typ: cx, array: args[0].array, konst: args[0].konst}, true, nil
	case refCFuncs[name] != nil:
		return refJoin(cx, args...), true, nil
	case name == "isnan" || name == "isinf" || name == "isfinite":
		return refJoin(Bool, args...), true, nil
	}
	return refInfo{}, true, refErrorf("%s of %s", name, cx)
}

// refCallComplex evaluates complex() and conj(), and a call with a complex argument
// other than where, pow and the reductions (ok false: the caller evaluates those). t
// is the call's type.
func refCallComplex(name string, t DType, args []refElem, types []DType) (refElem, bool) {
	switch name {
	case "complex":
		ft := refRealOf(t)
		return refElem{c: complex(refConv(args[0], types[0], ft).f, refConv(args[1], types[1], ft).f)}, true
	case "conj":
		if refIsComplex(t) {
			return refElem{c: complex(real(args[0].c), -imag(args[0].c))}, true
		}
		return args[0], true
	case "where", "pow":
		return refElem{}, false
	}
	if len(types) == 0 || !refIsComplex(types[0]) {
		return refElem{}, false
	}
	z := args[0].c
	re, im := real(z), imag(z)
	switch name {
	case "copy":
		return args[0], true
	case "real":
		return refElem{f: re}, true
	case "imag":
		return refElem{f: im}, true
	case "ones_like":
		return refElem{c: 1}, true
	case "abs": // hypot, rounded once to the parts' type
		return refElem{f: refRound(t, math.Hypot(re, im))}, true
	case "isnan":
		return refElem{b: math.IsNaN(re) || math.IsNaN(im)}, true
	case "isinf":
		return refElem{b: math.IsInf(re, 0) || math.IsInf(im, 0)}, true
	case "isfinite":
		return refElem{b: refFinite(re) && refFinite(im)}, true
	}
	if w, ok := refCSpecial(name, z); ok {
		return refElem{c: refCRound(t, w)}, true
	}
	if f := refCFuncs[name]; f != nil {
		return refElem{c: refCRound(t, f(z))}, true
	}
	return refElem{}, false
}

// refCanonReduceComplex is sum, prod or mean of complex values of type at in the
// spec's order: blocks of refBlockSize elements, in each half as many accumulators as
// the float reductions (16 complex128, 32 complex64) taking the elements in turn and
// folded in halves, in at's precision; the blocks' partials, in complex128, combined
// pairwise; the mean divides both parts by the count.
func refCanonReduceComplex(name string, at DType, vals []refElem) refElem {
	lanes := 16
	if at == Complex64 {
		lanes = 32
	}
	init, op := complex128(0), syntax.ADD
	if name == "prod" {
		init, op = 1, syntax.MUL
	}
	var partials []complex128
	for start := 0; start < len(vals); start += refBlockSize {
		block := vals[start:min(start+refBlockSize, len(vals))]
		acc := make([]complex128, lanes)
		for j := range acc {
			acc[j] = init
		}
		for i, v := range block {
			acc[i%lanes] = refCOp(op, at, acc[i%lanes], v.c)
		}
		for h := lanes / 2; h > 0; h /= 2 {
			for j := range h {
				acc[j] = refCOp(op, at, acc[j], acc[j+h])
			}
		}
		partials = append(partials, acc[0])
	}
	p := init
	if len(partials) > 0 {
		p = refCPairwise(partials, op)
	}
	if name == "mean" {
		n := float64(len(vals))
		p = complex(real(p)/n, imag(p)/n)
	}
	return refElem{c: refCRound(at, p)}
}

func refCPairwise(ps []complex128, op syntax.Token) complex128 {
	if len(ps) == 1 {
		return ps[0]
	}
	h := len(ps) / 2
	return refCOp(op, Complex128, refCPairwise(ps[:h], op), refCPairwise(ps[h:], op))
}
