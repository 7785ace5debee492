package main

import (
	"fmt"
	"math"
)

// x86op is the amd64 description of an elementwise op: temporaries per vector
// step, broadcast constants, and the body that computes one vector step.
type x86op struct {
	ntmp   int
	consts []xconst
	lut    bool // the AVX2 body reads the bool lookup table through R13
	body   func(e *xe, s *slot) loc
}

// xconst is a constant broadcast to every lane of a register before the loop.
type xconst struct {
	bits uint64
	size int // 8 or 4 bytes per lane
}

// neonop is the arm64 description of an elementwise op.
type neonop struct {
	ntmp int
	body func(n *ne, s *nslot) int // returns the register holding the result
}

var floats = []*elem{tF64, tF32}

func vec(name string, t *elem) operand  { return operand{name: name, t: t} }
func scal(name string, t *elem) operand { return operand{name: name, t: t, scalar: true} }

func signBits(t *elem) xconst {
	if t == tF64 {
		return xconst{1 << 63, 8}
	}
	return xconst{1 << 31, 4}
}

func oneBits(t *elem) xconst {
	if t == tF64 {
		return xconst{math.Float64bits(1), 8}
	}
	return xconst{uint64(math.Float32bits(1)), 4}
}

func absBits(t *elem) xconst {
	if t == tF64 {
		return xconst{1<<63 - 1, 8}
	}
	return xconst{1<<31 - 1, 4}
}

// allOps builds the table of primitives in a stable order.
func allOps() []*op {
	var ops []*op
	add := func(o *op) { ops = append(ops, o) }

	for _, t := range floats {
		P, S := t.pd, t.suffix
		// Binary vector/vector.
		for _, b := range []struct{ name, sym, x86, what string }{
			{"Add", "+", "VADD", "sum x + y"},
			{"Sub", "-", "VSUB", "difference x - y"},
			{"Mul", "*", "VMUL", "product x * y"},
			{"Div", "/", "VDIV", "quotient x / y"},
		} {
			add(&op{name: b.name + S, family: "arith", out: t, tfloat: t,
				ins:  []operand{vec("x", t), vec("y", t)},
				doc:  fmt.Sprintf("stores the element-wise %s in dst.", b.what),
				loop: fmt.Sprintf("dst[i] = x[i] %s y[i]", b.sym),
				x86:  &x86op{body: xBin(b.x86+P, 0, 1)}, avx2: true,
				neon: &neonop{body: nBin(b.name, t, 0, 1)}})
		}
		for _, m := range []string{"Min", "Max"} {
			// Minimum/Maximum (numpy's names): MinF64/MaxF64 are the reductions.
			add(&op{name: m + "imum" + S, family: "arith", out: t, tfloat: t,
				ins: []operand{vec("x", t), vec("y", t)},
				doc: fmt.Sprintf("stores the element-wise %s of x and y in dst. "+
					"A NaN in either input gives NaN (the one from x if both are); if x and y "+
					"compare equal (for example -0 and +0) the result is y, on every level.", lowerWord(m)+"imum"),
				loop: fmt.Sprintf("dst[i] = sc%s%s(x[i], y[i])", m, S),
				x86:  &x86op{ntmp: 2, body: xMinMax("V"+upper(m)+P, P, 0, 1)}, avx2: true,
				neon: &neonop{ntmp: 2, body: nMinMax(m, t, 0, 1)}})
		}
		// Vector/scalar.
		for _, b := range []struct {
			name, loop, x86, nop, what string
			a, b                       int
		}{
			{"AddScalar", "x[i] + s", "VADD", "Add", "x + s", 0, 1},
			{"SubScalar", "x[i] - s", "VSUB", "Sub", "x - s", 0, 1},
			{"ScalarSub", "s - x[i]", "VSUB", "Sub", "s - x", 1, 0},
			{"MulScalar", "x[i] * s", "VMUL", "Mul", "x * s", 0, 1},
			{"DivScalar", "x[i] / s", "VDIV", "Div", "x / s", 0, 1},
			{"ScalarDiv", "s / x[i]", "VDIV", "Div", "s / x", 1, 0},
		} {
			add(&op{name: b.name + S, family: "arith", out: t, tfloat: t,
				ins:  []operand{vec("x", t), scal("s", t)},
				doc:  fmt.Sprintf("stores %s element-wise in dst.", b.what),
				loop: "dst[i] = " + b.loop,
				x86:  &x86op{body: xBin(b.x86+P, b.a, b.b)}, avx2: true,
				neon: &neonop{body: nBin(b.nop, t, b.a, b.b)}})
		}
		for _, m := range []string{"Min", "Max"} {
			add(&op{name: m + "Scalar" + S, family: "arith", out: t, tfloat: t,
				ins:  []operand{vec("x", t), scal("s", t)},
				doc:  fmt.Sprintf("stores the element-wise %s of x and s in dst, with the NaN and signed-zero rules of %simum%s.", lowerWord(m)+"imum", m, S),
				loop: fmt.Sprintf("dst[i] = sc%s%s(x[i], s)", m, S),
				x86:  &x86op{ntmp: 2, body: xMinMax("V"+upper(m)+P, P, 0, 1)}, avx2: true,
				neon: &neonop{ntmp: 2, body: nMinMax(m, t, 0, 1)}})
		}
		// Fused multiply-add: one rounding.
		add(&op{name: "MulAdd" + S, family: "arith", out: t, tfloat: t,
			ins:  []operand{vec("x", t), vec("y", t), vec("z", t)},
			doc:  "stores x*y + z element-wise in dst, computed as a fused multiply-add with a single rounding.",
			loop: fmt.Sprintf("dst[i] = scFMA%s(x[i], y[i], z[i])", S),
			x86:  &x86op{body: xFMA(P, 0, 1, 2)}, avx2: true,
			neon: &neonop{body: nFMA(t, 0, 1, 2, false)}})
		add(&op{name: "MulAddScalar" + S, family: "arith", out: t, tfloat: t,
			ins:  []operand{vec("x", t), scal("a", t), scal("b", t)},
			doc:  "stores x*a + b element-wise in dst (an affine map), fused with a single rounding.",
			loop: fmt.Sprintf("dst[i] = scFMA%s(x[i], a, b)", S),
			x86:  &x86op{body: xFMA(P, 0, 1, 2)}, avx2: true,
			neon: &neonop{ntmp: 1, body: nFMA(t, 0, 1, 2, true)}})
		add(&op{name: "MulScalarAdd" + S, family: "arith", out: t, tfloat: t,
			ins:  []operand{vec("x", t), scal("s", t), vec("y", t)},
			doc:  "stores x*s + y element-wise in dst (axpy), fused with a single rounding.",
			loop: fmt.Sprintf("dst[i] = scFMA%s(x[i], s, y[i])", S),
			x86:  &x86op{body: xFMA(P, 0, 1, 2)}, avx2: true,
			neon: &neonop{body: nFMA(t, 0, 1, 2, false)}})
		// sqrt(x*y + z*w), hypot's sqrt(a*a + b*b) in one pass: unlike MulAdd, every
		// operation rounds, so the result equals the separate Mul, Add and Sqrt.
		add(&op{name: "SqrtAddProd2" + S, family: "arith", out: t, tfloat: t,
			ins: []operand{vec("x", t), vec("y", t), vec("z", t), vec("w", t)},
			doc: "stores sqrt(x*y + z*w) element-wise in dst, rounding each product, the sum and " +
				"the root separately (no fused multiply-add), as Mul, Add and Sqrt in turn do.",
			loop: sqrtAddProd2Loop(t),
			x86:  &x86op{body: xSqrtAddProd2(P)}, avx2: true,
			neon: &neonop{body: nSqrtAddProd2(t)}})
		// (x*s + (y*z)*t) + w*u, the polynomial 2*a + 3*b**2 - c/4 in one pass (the
		// simd backend's fused plan, its signs folded into s, t and u): every product
		// and sum rounds, in this order, as the separate Mul, MulScalar and Add do.
		add(&op{name: "AddScaledProdScaled" + S, family: "arith", out: t, tfloat: t,
			ins: []operand{vec("x", t), vec("y", t), vec("z", t), vec("w", t), scal("s", t), scal("t", t), scal("u", t)},
			doc: "stores (x*s + (y*z)*t) + w*u element-wise in dst, rounding every product and " +
				"sum separately (no fused multiply-add) in that order, as Mul, MulScalar and Add in turn do.",
			loop: addScaledProdScaledLoop(t),
			x86:  &x86op{body: xAddScaledProdScaled(P)}, avx2: true,
			neon: &neonop{body: nAddScaledProdScaled(t)}})
	}

	for _, t := range floats {
		P, S := t.pd, t.suffix
		cv := func(f string) string { // float32 via float64 where math has no float32 form
			if t == tF64 {
				return fmt.Sprintf("math.%s(x[i])", f)
			}
			return fmt.Sprintf("float32(math.%s(float64(x[i])))", f)
		}
		add(&op{name: "Neg" + S, family: "unary", out: t, tfloat: t, ins: []operand{vec("x", t)},
			doc: "stores -x element-wise in dst (the sign bit flipped, NaNs included).", loop: "dst[i] = -x[i]",
			x86: &x86op{consts: []xconst{signBits(t)}, body: xConstOp("VXOR" + P)}, avx2: true,
			neon: &neonop{body: nUnary(0x6EA0F800, t, "fneg")}})
		add(&op{name: "Abs" + S, family: "unary", out: t, tfloat: t, ins: []operand{vec("x", t)},
			doc: "stores |x| element-wise in dst (the sign bit cleared, NaNs included).", loop: fmt.Sprintf("dst[i] = %s", absExpr(t)),
			x86: &x86op{consts: []xconst{absBits(t)}, body: xConstOp("VAND" + P)}, avx2: true,
			neon: &neonop{body: nUnary(0x4EA0F800, t, "fabs")}})
		add(&op{name: "Sqrt" + S, family: "unary", out: t, tfloat: t, ins: []operand{vec("x", t)},
			doc: "stores the correctly rounded square root of x element-wise in dst.", loop: "dst[i] = " + cv("Sqrt"),
			x86: &x86op{body: xUnary("VSQRT" + P)}, avx2: true,
			neon: &neonop{body: nUnary(encFSQRT, t, "fsqrt")}})
		for _, r := range []struct {
			name, gofn, what string
			mode             int
			neon             uint32
		}{
			{"Floor", "Floor", "rounds x down to an integer", 1, 0x4E219800},
			{"Ceil", "Ceil", "rounds x up to an integer", 2, 0x4EA18800},
			{"Trunc", "Trunc", "rounds x toward zero to an integer", 3, 0x4EA19800},
			{"Round", "RoundToEven", "rounds x to the nearest integer, halves to even (like numpy.round)", 0, 0x4E218800},
		} {
			add(&op{name: r.name + S, family: "unary", out: t, tfloat: t, ins: []operand{vec("x", t)},
				doc: r.what + " element-wise and stores the result in dst.", loop: "dst[i] = " + cv(r.gofn),
				x86: &x86op{body: xRound(P, r.mode)}, avx2: true,
				neon: &neonop{body: nUnary(r.neon, t, "frint-"+r.name)}})
		}
		add(&op{name: "Sign" + S, family: "unary", out: t, tfloat: t, ins: []operand{vec("x", t)},
			doc:  "stores the sign of x element-wise in dst: 1 for x > 0, -1 for x < 0, and x itself for ±0 and NaN.",
			loop: fmt.Sprintf("dst[i] = scSign%s(x[i])", S),
			x86:  &x86op{ntmp: 2, consts: []xconst{signBits(t), oneBits(t), {0, t.size}}, body: xSign(P)}, avx2: true})
		add(&op{name: "Copysign" + S, family: "arith", out: t, tfloat: t, ins: []operand{vec("x", t), vec("y", t)},
			doc:  "stores x with the sign bit of y element-wise in dst (math.Copysign; NaNs included).",
			loop: fmt.Sprintf("dst[i] = scCopysign%s(x[i], y[i])", S),
			x86:  &x86op{consts: []xconst{absBits(t), signBits(t)}, body: xCopysign(P)}, avx2: true})
	}

	cmps := []struct {
		name, sym string
		pred      int
	}{
		{"Less", "<", 0x11}, {"LessEq", "<=", 0x12}, {"Greater", ">", 0x1E},
		{"GreaterEq", ">=", 0x1D}, {"Equal", "==", 0x00}, {"NotEqual", "!=", 0x04},
	}
	for _, t := range floats {
		S := t.suffix
		for _, c := range cmps {
			add(&op{name: c.name + S, family: "compare", out: tBool, tfloat: t,
				ins:  []operand{vec("x", t), vec("y", t)},
				doc:  fmt.Sprintf("stores x %s y element-wise in dst. A comparison with NaN is false, except for NotEqual, where it is true.", c.sym),
				loop: fmt.Sprintf("dst[i] = x[i] %s y[i]", c.sym),
				x86:  &x86op{ntmp: 1, lut: true, body: xCmp(t, c.pred)}, avx2: true})
		}
		for _, c := range cmps {
			add(&op{name: c.name + "Scalar" + S, family: "compare", out: tBool, tfloat: t,
				ins:  []operand{vec("x", t), scal("s", t)},
				doc:  fmt.Sprintf("stores x %s s element-wise in dst, with the NaN rule of %s%s.", c.sym, c.name, S),
				loop: fmt.Sprintf("dst[i] = x[i] %s s", c.sym),
				x86:  &x86op{ntmp: 1, lut: true, body: xCmp(t, c.pred)}, avx2: true})
		}
		add(&op{name: "Select" + S, family: "compare", out: t, tfloat: t,
			ins:  []operand{vec("cond", tBool), vec("x", t), vec("y", t)},
			doc:  "stores x where cond is true and y elsewhere (numpy.where).",
			loop: "if cond[i] {\n\tdst[i] = x[i]\n} else {\n\tdst[i] = y[i]\n}",
			x86:  &x86op{consts: []xconst{{0, 8}}, body: xSelect(t)}, avx2: true})
	}
	for _, b := range []struct{ name, loop, x86, doc string }{
		{"AndBool", "x[i] && y[i]", "VPAND", "stores x AND y element-wise in dst."},
		{"OrBool", "x[i] || y[i]", "VPOR", "stores x OR y element-wise in dst."},
		{"XorBool", "x[i] != y[i]", "VPXOR", "stores x XOR y element-wise in dst."},
	} {
		add(&op{name: b.name, family: "compare", out: tBool,
			ins:  []operand{vec("x", tBool), vec("y", tBool)},
			doc:  b.doc + " The inputs must hold only the bytes 0 and 1, as Go's bools do.",
			loop: "dst[i] = " + b.loop,
			x86:  &x86op{body: xBoolOp(b.x86, false)}, avx2: true})
	}
	add(&op{name: "NotBool", family: "compare", out: tBool,
		ins:  []operand{vec("x", tBool)},
		doc:  "stores NOT x element-wise in dst. The input must hold only the bytes 0 and 1, as Go's bools do.",
		loop: "dst[i] = !x[i]",
		x86:  &x86op{consts: []xconst{{0x01010101, 4}}, body: xBoolOp("VPXOR", true)}, avx2: true})

	// Conversions.
	cvt := func(name string, out, in *elem, doc, loop string, x *x86op, avx2 bool) {
		add(&op{name: name, family: "convert", out: out, ins: []operand{vec("x", in)},
			doc: doc, loop: loop, x86: x, avx2: avx2})
	}
	c1 := math.Float64bits(3 * (1 << 67))
	c2 := math.Float64bits(3*(1<<67) + (1 << 52))
	c3 := math.Float64bits(1 << 52)
	cvt("Int32ToF64", tF64, tI32, "converts x to float64 element-wise (exact) and stores the result in dst.",
		"dst[i] = float64(x[i])", &x86op{body: xCvt("VCVTDQ2PD", 4, 8)}, true)
	cvt("Int64ToF64", tF64, tI64, "converts x to float64 element-wise, correctly rounded (exact for |x| <= 2^53), and stores the result in dst.",
		"dst[i] = float64(x[i])", &x86op{ntmp: 2, consts: []xconst{{0, 8}, {c1, 8}, {c2, 8}, {c3, 8}}, body: xCvtI64F64}, true)
	cvt("F64ToF32", tF32, tF64, "converts x to float32 element-wise, rounding to nearest even, and stores the result in dst.",
		"dst[i] = float32(x[i])", &x86op{body: xCvt("VCVTPD2PS", 8, 4)}, true)
	cvt("F32ToF64", tF64, tF32, "converts x to float64 element-wise (exact) and stores the result in dst.",
		"dst[i] = float64(x[i])", &x86op{body: xCvt("VCVTPS2PD", 4, 8)}, true)
	cvt("Int32ToF32", tF32, tI32, "converts x to float32 element-wise, rounding to nearest even, and stores the result in dst.",
		"dst[i] = float32(x[i])", &x86op{body: xCvt("VCVTDQ2PS", 4, 4)}, true)
	cvt("Int64ToF32", tF32, tI64, "converts x to float32 element-wise, correctly rounded, and stores the result in dst. "+
		"AVX2 has no such conversion; that level uses the pure-Go loop.",
		"dst[i] = float32(x[i])", &x86op{body: xCvt("VCVTQQ2PS", 8, 4)}, false)
	for _, t := range floats {
		cvt("BoolTo"+t.suffix, t, tBool, "stores 1 where x is true and 0 elsewhere.",
			"dst[i] = 0\nif x[i] {\n\tdst[i] = 1\n}", &x86op{body: xCvtBool(t)}, true)
	}

	// Reductions.
	for _, t := range floats {
		p := 256 / t.size
		for _, r := range []struct{ name, kind, doc string }{
			{"Sum", "sum", "returns the sum of x; it is 0 for an empty x."},
			{"Prod", "prod", "returns the product of x; it is 1 for an empty x."},
			{"Min", "min", "returns the smallest element of x, NaN if x holds a NaN. Callers must pass a non-empty x (an empty x gives +Inf). " +
				"Ties between -0 and +0 resolve as in MinimumF64, in the fixed order below."},
			{"Max", "max", "returns the largest element of x, NaN if x holds a NaN. Callers must pass a non-empty x (an empty x gives -Inf). " +
				"Ties between -0 and +0 resolve as in MaximumF64, in the fixed order below."},
		} {
			add(&op{name: r.name + t.suffix, family: "reduce", tfloat: t, ins: []operand{vec("x", t)},
				doc: r.doc, red: &reduction{t: t, kind: r.kind, partial: p},
				x86: &x86op{}, avx2: true, neon: &neonop{}})
		}
		add(&op{name: "Dot" + t.suffix, family: "reduce", tfloat: t, ins: []operand{vec("x", t), vec("y", t)},
			doc: "returns the dot product of x and y, each term folded in with a fused multiply-add; it is 0 for empty slices.",
			red: &reduction{t: t, kind: "dot", partial: p},
			x86: &x86op{}, avx2: true, neon: &neonop{}})
	}
	return ops
}

func upper(s string) string {
	b := []byte(s)
	for i := range b {
		if b[i] >= 'a' && b[i] <= 'z' {
			b[i] -= 'a' - 'A'
		}
	}
	return string(b)
}

func lowerWord(s string) string {
	b := []byte(s)
	for i := range b {
		if b[i] >= 'A' && b[i] <= 'Z' {
			b[i] += 'a' - 'A'
		}
	}
	return string(b)
}

func absExpr(t *elem) string {
	if t == tF64 {
		return "math.Abs(x[i])"
	}
	return "math.Float32frombits(math.Float32bits(x[i]) &^ (1 << 31))"
}

// sqrtAddProd2Loop is SqrtAddProd2's reference loop. The conversions round each
// product on its own, which keeps the compiler from contracting a product and the
// sum into a fused multiply-add (it does on arm64, and on amd64 with GOAMD64=v3); the
// float32 square root goes through float64, which rounds it correctly.
func sqrtAddProd2Loop(t *elem) string {
	if t == tF64 {
		return "dst[i] = math.Sqrt(float64(x[i]*y[i]) + float64(z[i]*w[i]))"
	}
	return "dst[i] = float32(math.Sqrt(float64(float32(x[i]*y[i]) + float32(z[i]*w[i]))))"
}

// addScaledProdScaledLoop is AddScaledProdScaled's reference loop: each conversion
// rounds a product on its own, so that no product and sum contract into a fused
// multiply-add.
func addScaledProdScaledLoop(t *elem) string {
	T := "float64"
	if t != tF64 {
		T = "float32"
	}
	return fmt.Sprintf("dst[i] = %[1]s(%[1]s(x[i]*s)+%[1]s(%[1]s(y[i]*z[i])*t)) + %[1]s(w[i]*u)", T)
}
