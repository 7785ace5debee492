package main

import (
	"fmt"
	"math"
	"strings"
)

// elem is an element type of a primitive's slices.
type elem struct {
	goType string // float64, int32, bool, ...
	suffix string // F64, F32, I32, I64, Bool
	size   int    // bytes
	float  bool
	pd     string // x86 packed suffix (PD/PS) for float types
	arr    string // NEON arrangement for float types (D2/S4)
	neonSz int    // NEON sz bit: 1 for float64
}

var (
	tF64  = &elem{goType: "float64", suffix: "F64", size: 8, float: true, pd: "PD", arr: "D2", neonSz: 1}
	tF32  = &elem{goType: "float32", suffix: "F32", size: 4, float: true, pd: "PS", arr: "S4"}
	tI32  = &elem{goType: "int32", suffix: "I32", size: 4}
	tI64  = &elem{goType: "int64", suffix: "I64", size: 8}
	tBool = &elem{goType: "bool", suffix: "Bool", size: 1}
)

// kindName is the name of the element kind in the generated test tables.
func (t *elem) kindName() string { return "prim" + t.suffix }

// operand is one argument after dst: a slice, or a scalar of the element type.
type operand struct {
	name   string
	t      *elem
	scalar bool
}

func (o operand) goType() string {
	if o.scalar {
		return o.t.goType
	}
	return "[]" + o.t.goType
}

// op is one primitive. Elementwise ops have out != nil; reductions have red != nil.
type op struct {
	name   string // exported name, e.g. AddF64
	family string // arith, unary, compare, convert, reduce
	out    *elem
	ins    []operand
	doc    string // first sentence(s) of the doc comment
	loop   string // body of the reference loop over i (elementwise ops)
	red    *reduction

	x86    *x86op  // nil: no amd64 assembly (generic twin on all amd64 levels)
	avx2   bool    // x86 has an AVX2 body (else the AVX2 level uses the twin)
	neon   *neonop // nil: the arm64 level uses the twin
	tfloat *elem   // float type the op works in (lanes); nil for bool logic
}

// lower is the unexported base name: addF64.
func (o *op) lower() string { return strings.ToLower(o.name[:1]) + o.name[1:] }

func (o *op) vecIns() []operand {
	var v []operand
	for _, in := range o.ins {
		if !in.scalar {
			v = append(v, in)
		}
	}
	return v
}

func (o *op) scalarIns() []operand {
	var v []operand
	for _, in := range o.ins {
		if in.scalar {
			v = append(v, in)
		}
	}
	return v
}

// params lists all parameters: dst first for elementwise ops.
func (o *op) params() []operand {
	if o.out != nil {
		return append([]operand{{name: "dst", t: o.out}}, o.ins...)
	}
	return o.ins
}

// maxSize is the widest element size among dst and the vector inputs; it fixes the
// number of lanes per vector step.
func (o *op) maxSize() int {
	m := 0
	if o.out != nil {
		m = o.out.size
	}
	for _, in := range o.vecIns() {
		m = max(m, in.t.size)
	}
	return m
}

// frame computes the ABI0 argument offsets and total size.
type frameArg struct {
	name string
	off  int
}

func (o *op) frame() (args map[string]int, retOff, size int) {
	args = map[string]int{}
	off := 0
	for _, p := range o.params() {
		if p.scalar {
			off = align(off, p.t.size)
			args[p.name] = off
			off += p.t.size
		} else {
			off = align(off, 8)
			args[p.name] = off
			off += 24
		}
	}
	if o.red != nil {
		off = align(off, 8)
		retOff = off
		off += o.red.t.size
	}
	return args, retOff, off
}

func align(n, a int) int { return (n + a - 1) / a * a }

// reduction describes Sum, Prod, Min, Max and Dot.
type reduction struct {
	t       *elem
	kind    string // sum, prod, min, max, dot
	partial int    // number of partial accumulators
}

// init is the accumulators' starting value as a Go expression and as bits.
func (r *reduction) initGo() string {
	switch r.kind {
	case "prod":
		return "1"
	case "min":
		return r.t.goType + "(math.Inf(1))"
	case "max":
		return r.t.goType + "(math.Inf(-1))"
	}
	return "0"
}

func (r *reduction) initBits() uint64 {
	v := 0.0
	switch r.kind {
	case "prod":
		v = 1
	case "min":
		v = math.Inf(1)
	case "max":
		v = math.Inf(-1)
	}
	if r.t == tF64 {
		return math.Float64bits(v)
	}
	return uint64(math.Float32bits(float32(v)))
}

// update is the Go statement that folds v (and w for dot) into accumulator a.
func (r *reduction) update(a, v, w string) string {
	switch r.kind {
	case "sum":
		return fmt.Sprintf("%s += %s", a, v)
	case "prod":
		return fmt.Sprintf("%s *= %s", a, v)
	case "min":
		return fmt.Sprintf("%s = scMin%s(%s, %s)", a, r.t.suffix, a, v)
	case "max":
		return fmt.Sprintf("%s = scMax%s(%s, %s)", a, r.t.suffix, a, v)
	case "dot":
		return fmt.Sprintf("%s = scFMA%s(%s, %s, %s)", a, r.t.suffix, v, w, a)
	}
	panic(r.kind)
}

// combine is the Go statement that folds accumulator b into a (the pairwise tree).
func (r *reduction) combine(a, b string) string {
	switch r.kind {
	case "sum", "dot":
		return fmt.Sprintf("%s += %s", a, b)
	case "prod":
		return fmt.Sprintf("%s *= %s", a, b)
	case "min":
		return fmt.Sprintf("%s = scMin%s(%s, %s)", a, r.t.suffix, a, b)
	case "max":
		return fmt.Sprintf("%s = scMax%s(%s, %s)", a, r.t.suffix, a, b)
	}
	panic(r.kind)
}
