package vm

import (
	"strings"

	"github.com/numkit/numkit/asm"
	"github.com/numkit/numkit/numeric/internal/generic"
	"github.com/numkit/numkit/numeric/ir"
)

// fusion is one row of the fusion table: a pattern, the portable loop that computes
// it, and optionally asm's loop with the same bits.
type fusion struct {
	// tree is a tree of IR operations over leaves: x, y, z and w are vector
	// registers, s, t and u scalar ones, in the order the loop takes them.
	// Operations whose operands commute (add, mul, eq, ne) or mirror (lt/gt, le/ge)
	// match either operand order.
	tree *patNode
	loop generic.Fused
	asm  *generic.Fused // the SIMD backend's loop for the row, or nil
	// negate has bit k set for scalar leaf k, which the loop takes negated: y - x*s is
	// y + x*(-s) exactly (negation is exact, and IEEE defines a - b as a + (-b)).
	negate uint8
	// Leaves have the root's type, but with wide the scalar ones are float64 (a
	// float32 array compared with a float64 constant).
	wide bool
}

// patNode is a pattern: an operation with operands, or a leaf.
type patNode struct {
	op   ir.Op // OpInvalid for a leaf
	leaf int   // for a leaf: its index in leafNames
	args []*patNode
}

// leafNames are the leaves' names: vectors, then scalars.
const leafNames = "xyzwstu"

const (
	numLeaves       = len(leafNames)
	firstScalarLeaf = 4
)

// String writes the pattern as the IR prints operations: "add(y, mul(x, s))".
func (n *patNode) String() string {
	if n.op == ir.OpInvalid {
		return leafNames[n.leaf : n.leaf+1]
	}
	args := make([]string, len(n.args))
	for i, a := range n.args {
		args[i] = a.String()
	}
	return n.op.String() + "(" + strings.Join(args, ", ") + ")"
}

// Pattern is the row's pattern, written as String writes it.
func (f *fusion) pattern() string { return f.tree.String() }

// fusions is the table, largest trees first: planFusion takes the first row that
// matches an instruction. The patterns are Go expressions, so a malformed one does
// not compile.
var fusions = fusionTable()

func fusionTable() []fusion {
	x, y, z, w := leaf(0), leaf(1), leaf(2), leaf(3)
	s, t, u := leaf(4), leaf(5), leaf(6)
	add := func(a, b *patNode) *patNode { return node(ir.OpAdd, a, b) }
	sub := func(a, b *patNode) *patNode { return node(ir.OpSub, a, b) }
	mul := func(a, b *patNode) *patNode { return node(ir.OpMul, a, b) }
	sqrt := func(a *patNode) *patNode { return node(ir.OpSqrt, a) }
	neg := func(leaves ...*patNode) uint8 {
		var m uint8
		for _, l := range leaves {
			m |= 1 << l.leaf
		}
		return m
	}
	aspst := &asmAddScaledProdScaled
	fs := []fusion{
		// Sums of three scaled terms, each sign folded into a scalar: one pass over
		// all the inputs, which streams from memory better than two.
		{tree: add(add(mul(x, s), mul(mul(y, z), t)), mul(w, u)), loop: generic.AddScaledProdScaled, asm: aspst},
		{tree: sub(add(mul(x, s), mul(mul(y, z), t)), mul(w, u)), loop: generic.AddScaledProdScaled, asm: aspst, negate: neg(u)},
		{tree: add(sub(mul(x, s), mul(mul(y, z), t)), mul(w, u)), loop: generic.AddScaledProdScaled, asm: aspst, negate: neg(t)},
		{tree: sub(sub(mul(x, s), mul(mul(y, z), t)), mul(w, u)), loop: generic.AddScaledProdScaled, asm: aspst, negate: neg(t, u)},
		{tree: add(sub(mul(mul(y, z), t), mul(x, s)), mul(w, u)), loop: generic.AddScaledProdScaled, asm: aspst, negate: neg(s)},
		{tree: sub(sub(mul(mul(y, z), t), mul(x, s)), mul(w, u)), loop: generic.AddScaledProdScaled, asm: aspst, negate: neg(s, u)},
		{tree: add(add(mul(x, s), mul(y, t)), mul(z, u)), loop: generic.AddScaled3},
		{tree: sub(add(mul(x, s), mul(y, t)), mul(z, u)), loop: generic.AddScaled3, negate: neg(u)},
		{tree: add(sub(mul(x, s), mul(y, t)), mul(z, u)), loop: generic.AddScaled3, negate: neg(t)},
		{tree: sub(sub(mul(x, s), mul(y, t)), mul(z, u)), loop: generic.AddScaled3, negate: neg(t, u)},
		// Two terms.
		{tree: sqrt(add(mul(x, y), mul(z, w))), loop: generic.SqrtAddProd2, asm: &asmSqrtAddProd2},
		{tree: add(mul(x, s), mul(mul(y, z), t)), loop: generic.AddScaledProd},
		{tree: sub(mul(x, s), mul(mul(y, z), t)), loop: generic.AddScaledProd, negate: neg(t)},
		{tree: sub(mul(mul(y, z), t), mul(x, s)), loop: generic.AddScaledProd, negate: neg(s)},
		{tree: add(mul(x, s), mul(y, t)), loop: generic.AddScaled2},
		{tree: sub(mul(x, s), mul(y, t)), loop: generic.AddScaled2, negate: neg(t)},
		{tree: add(mul(x, y), mul(z, w)), loop: generic.AddProd2},
		{tree: sub(mul(x, y), mul(z, w)), loop: generic.SubProd2},
		{tree: add(y, mul(x, s)), loop: generic.AddScaled},
		{tree: sub(y, mul(x, s)), loop: generic.AddScaled, negate: neg(s)},
		{tree: sub(mul(x, s), y), loop: generic.ScaledSub},
		{tree: add(z, mul(x, y)), loop: generic.AddProd},
		{tree: sub(z, mul(x, y)), loop: generic.SubProd},
		{tree: sub(mul(x, y), z), loop: generic.ProdSub},
	}
	// A comparison with a scalar fused into the where that selects with it: one
	// branch-free loop and no bool temporary. Over float32 arrays, a float64 constant
	// makes the front end compare == and != in float64 (cast(x) == 0.1): the wide rows
	// take that (it compares < <= > >= in float32 with a neighbouring constant,
	// narrowCompare in compile/lower.go).
	for _, op := range []ir.Op{ir.OpLt, ir.OpLe, ir.OpEq, ir.OpNe, ir.OpGe, ir.OpGt} {
		loop, _ := generic.WhereCompare(op, false)
		fs = append(fs, fusion{tree: node(ir.OpWhere, node(op, x, s), y, z), loop: loop})
		if op == ir.OpEq || op == ir.OpNe {
			loop, _ = generic.WhereCompare(op, true)
			fs = append(fs, fusion{tree: node(ir.OpWhere, node(op, node(ir.OpCast, x), s), y, z), loop: loop, wide: true})
		}
	}
	return fs
}

func leaf(k int) *patNode { return &patNode{leaf: k} }

func node(op ir.Op, args ...*patNode) *patNode { return &patNode{op: op, args: args} }

// fastFusions are the rows of the fast accuracy mode (Options.Fast, numeric's
// WithAccuracy("fast")): fused multiply-adds, one rounding instead of two, so each
// x*y + z is the exact value correctly rounded (within 0.5 ULP of it; the default
// mode's two roundings can lose all of a cancelling sum's digits). They are asm's
// kernels, whose every level gives the same bits (math.FMA's), so the rows run on the
// SIMD backend only.
var fastFusions = fastTable()

func fastTable() []fusion {
	x, y, z := leaf(0), leaf(1), leaf(2)
	s, t := leaf(4), leaf(5)
	add := func(a, b *patNode) *patNode { return node(ir.OpAdd, a, b) }
	sub := func(a, b *patNode) *patNode { return node(ir.OpSub, a, b) }
	mul := func(a, b *patNode) *patNode { return node(ir.OpMul, a, b) }
	fma := generic.Fused{ // x*y + z
		F32: func(dst []float32, o generic.Operands[float32]) { asm.MulAddF32(dst, o.V[0], o.V[1], o.V[2]) },
		F64: func(dst []float64, o generic.Operands[float64]) { asm.MulAddF64(dst, o.V[0], o.V[1], o.V[2]) },
	}
	axpy := generic.Fused{ // x*s + y
		F32: func(dst []float32, o generic.Operands[float32]) {
			asm.MulScalarAddF32(dst, o.V[0], float32(o.S[0]), o.V[1])
		},
		F64: func(dst []float64, o generic.Operands[float64]) { asm.MulScalarAddF64(dst, o.V[0], o.S[0], o.V[1]) },
	}
	affine := generic.Fused{ // x*s + t
		F32: func(dst []float32, o generic.Operands[float32]) {
			asm.MulAddScalarF32(dst, o.V[0], float32(o.S[0]), float32(o.S[1]))
		},
		F64: func(dst []float64, o generic.Operands[float64]) { asm.MulAddScalarF64(dst, o.V[0], o.S[0], o.S[1]) },
	}
	neg := func(k int) uint8 { return 1 << k }
	return []fusion{
		{tree: add(mul(x, y), z), loop: fma, asm: &fma},
		{tree: add(mul(x, s), y), loop: axpy, asm: &axpy},
		{tree: sub(y, mul(x, s)), loop: axpy, asm: &axpy, negate: neg(s.leaf)},
		{tree: add(mul(x, s), t), loop: affine, asm: &affine},
		{tree: sub(mul(x, s), t), loop: affine, asm: &affine, negate: neg(t.leaf)},
	}
}

// fastOrder is the table in fast mode: the rows with an asm loop, then the fused
// multiply-adds, then the portable rows.
var fastOrder = func() []fusion {
	var asmRows, rest []fusion
	for _, f := range fusions {
		if f.asm != nil {
			asmRows = append(asmRows, f)
		} else {
			rest = append(rest, f)
		}
	}
	return append(append(asmRows, fastFusions...), rest...)
}()
