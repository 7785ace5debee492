package main

import (
	"fmt"
	"strings"
)

// ne emits arm64 assembly. Go's assembler has no mnemonics for most NEON
// floating-point instructions, so they are emitted as WORD encodings with the
// instruction in a comment.
type ne struct{ b *strings.Builder }

func (n *ne) i(format string, a ...any) { fmt.Fprintf(n.b, "\t"+format+"\n", a...) }
func (n *ne) label(l string)            { fmt.Fprintf(n.b, "%s:\n", l) }

type nslot struct {
	in  []int // V register per operand (scalars: their broadcast)
	tmp []int
}

// Encodings (Q=1, size bit 22 selects float64).
const (
	encFADD  = 0x4E20D400
	encFSUB  = 0x4EA0D400
	encFMUL  = 0x6E20DC00
	encFDIV  = 0x6E20FC00
	encFMLA  = 0x4E20CC00
	encFCMGT = 0x6EA0E400
	encFCMEQ = 0x4E20E400
	encORN   = 0x4EE01C00 // no size bit
	encORR   = 0x4EA01C00
	encBIF   = 0x6EE01C00
	encFSQRT = 0x6EA1F800 // two registers (enc2)
)

var encNames = map[uint32]string{
	encFADD: "fadd", encFSUB: "fsub", encFMUL: "fmul", encFDIV: "fdiv", encFMLA: "fmla",
	encFCMGT: "fcmgt", encFCMEQ: "fcmeq", encORN: "orn", encORR: "orr", encBIF: "bif",
}

func arrLower(t *elem) string {
	if t == nil {
		return "16b"
	}
	return strings.ToLower(t.arr[1:] + t.arr[:1])
}

// enc3 emits a three-register vector instruction; t == nil means a bitwise one.
func (n *ne) enc3(base uint32, t *elem, d, rn, rm int) {
	w := base | uint32(rm)<<16 | uint32(rn)<<5 | uint32(d)
	if t != nil {
		w |= uint32(t.neonSz) << 22
	}
	a := arrLower(t)
	n.i("WORD $0x%08x // %s v%d.%s, v%d.%s, v%d.%s", w, encNames[base], d, a, rn, a, rm, a)
}

func (n *ne) enc2(base uint32, what string, t *elem, d, rn int) {
	w := base | uint32(t.neonSz)<<22 | uint32(rn)<<5 | uint32(d)
	a := arrLower(t)
	n.i("WORD $0x%08x // %s v%d.%s, v%d.%s", w, what, d, a, rn, a)
}

func nBin(name string, t *elem, a, b int) func(*ne, *nslot) int {
	base := map[string]uint32{"Add": encFADD, "Sub": encFSUB, "Mul": encFMUL, "Div": encFDIV}[name]
	return func(n *ne, s *nslot) int {
		d := s.in[0]
		n.enc3(base, t, d, s.in[a], s.in[b])
		return d
	}
}

// nMinMax keeps A where A < B (A > B for max) or A is NaN, and takes B elsewhere:
// the same rule as x86 MINPD/MAXPD followed by the NaN fix-up.
func nMinMax(m string, t *elem, a, b int) func(*ne, *nslot) int {
	return func(n *ne, s *nslot) int {
		n.minMax(m, t, s.in[a], s.in[b], s.tmp[0], s.tmp[1])
		return s.in[a]
	}
}

func (n *ne) minMax(m string, t *elem, A, B, T1, T2 int) {
	if m == "Min" || m == "min" {
		n.enc3(encFCMGT, t, T1, B, A)
	} else {
		n.enc3(encFCMGT, t, T1, A, B)
	}
	n.enc3(encFCMEQ, t, T2, A, A)
	n.enc3(encORN, nil, T1, T1, T2)
	n.enc3(encBIF, nil, A, B, T1)
}

// nFMA computes in[a]*in[b] + in[c] with FMLA; copy says in[c] is a broadcast
// scalar that must first be copied into a temporary.
func nFMA(t *elem, a, b, c int, copy bool) func(*ne, *nslot) int {
	return func(n *ne, s *nslot) int {
		d := s.in[c]
		if copy {
			d = s.tmp[0]
			n.enc3(encORR, nil, d, s.in[c], s.in[c])
		}
		n.enc3(encFMLA, t, d, s.in[a], s.in[b])
		return d
	}
}

// nSqrtAddProd2 computes sqrt(in[0]*in[1] + in[2]*in[3]), every operation rounded.
func nSqrtAddProd2(t *elem) func(*ne, *nslot) int {
	return func(n *ne, s *nslot) int {
		X, Y, Z, W := s.in[0], s.in[1], s.in[2], s.in[3]
		n.enc3(encFMUL, t, X, X, Y)
		n.enc3(encFMUL, t, Z, Z, W)
		n.enc3(encFADD, t, X, X, Z)
		n.enc2(encFSQRT, "fsqrt", t, X, X)
		return X
	}
}

// nAddScaledProdScaled computes (in[0]*s + (in[1]*in[2])*t) + in[3]*u, every
// operation rounded, each first operand the Go loop's.
func nAddScaledProdScaled(t *elem) func(*ne, *nslot) int {
	return func(n *ne, s *nslot) int {
		X, Y, Z, W, Sc, T, U := s.in[0], s.in[1], s.in[2], s.in[3], s.in[4], s.in[5], s.in[6]
		n.enc3(encFMUL, t, X, X, Sc)
		n.enc3(encFMUL, t, Y, Y, Z)
		n.enc3(encFMUL, t, Y, Y, T)
		n.enc3(encFADD, t, X, X, Y)
		n.enc3(encFMUL, t, W, W, U)
		n.enc3(encFADD, t, X, X, W)
		return X
	}
}

func nUnary(base uint32, t *elem, what string) func(*ne, *nslot) int {
	return func(n *ne, s *nslot) int {
		n.enc2(base, what, t, s.in[0], s.in[0])
		return s.in[0]
	}
}

var neonPtrs = []string{"R2", "R3", "R4", "R6"} // R5 counts

func fmovSuffix(t *elem) string {
	if t == tF64 {
		return "D"
	}
	return "S"
}

// elemNEON emits one elementwise float routine: four vectors per iteration, then
// single vectors, then single elements (loaded into lane 0, computed with the same
// vector instructions, stored from lane 0).
func elemNEON(n *ne, o *op) {
	t := o.out
	x := o.neon
	L := 16 / t.size
	vecs := o.vecIns()
	nv := len(vecs)
	args, _, size := o.frame()
	scalarReg := map[string]int{}
	top := 32
	for _, s := range o.scalarIns() {
		top--
		scalarReg[s.name] = top
	}
	if 4*(nv+x.ntmp) > top {
		panic(o.name + ": out of NEON registers")
	}
	fmt.Fprintf(n.b, "// func %sNEON(%s)\n", o.lower(), goParams(o))
	fmt.Fprintf(n.b, "TEXT ·%sNEON(SB), NOSPLIT, $0-%d\n", o.lower(), size)
	n.i("MOVD dst_base+0(FP), R0")
	n.i("MOVD dst_len+8(FP), R1")
	for k, v := range vecs {
		n.i("MOVD %s_base+%d(FP), %s", v.name, args[v.name], neonPtrs[k])
	}
	fs := fmovSuffix(t)
	lane := t.arr[:1]
	for _, s := range o.scalarIns() {
		r := scalarReg[s.name]
		n.i("FMOV%s %s+%d(FP), F%d", fs, s.name, args[s.name], r)
		n.i("VDUP V%d.%s[0], V%d.%s", r, lane, r, t.arr)
	}
	mk := func(u int) *nslot {
		s := &nslot{}
		kv := 0
		for _, in := range o.ins {
			if in.scalar {
				s.in = append(s.in, scalarReg[in.name])
			} else {
				s.in = append(s.in, 4*kv+u)
				kv++
			}
		}
		for j := 0; j < x.ntmp; j++ {
			s.tmp = append(s.tmp, 4*(nv+j)+u)
		}
		return s
	}
	list := func(first, cnt int) string {
		var p []string
		for j := range cnt {
			p = append(p, fmt.Sprintf("V%d.%s", first+j, t.arr))
		}
		return "[" + strings.Join(p, ", ") + "]"
	}
	n.i("AND $%d, R1, R5", -4*L)
	n.i("SUB R5, R1, R1")
	n.i("CBZ R5, one")
	n.label("loop")
	for k := range vecs {
		n.i("VLD1.P 64(%s), %s", neonPtrs[k], list(4*k, 4))
	}
	var r0 int
	for u := range 4 {
		r := x.body(n, mk(u))
		if u == 0 {
			r0 = r
		} else if r != r0+u {
			panic(o.name + ": NEON results not in consecutive registers")
		}
	}
	n.i("VST1.P %s, 64(R0)", list(r0, 4))
	n.i("SUBS $%d, R5, R5", 4*L)
	n.i("BNE loop")
	n.label("one")
	n.i("CMP $%d, R1", L)
	n.i("BLT tail")
	for k := range vecs {
		n.i("VLD1.P 16(%s), %s", neonPtrs[k], list(4*k, 1))
	}
	r := x.body(n, mk(0))
	n.i("VST1.P %s, 16(R0)", list(r, 1))
	n.i("SUB $%d, R1, R1", L)
	n.i("B one")
	n.label("tail")
	n.i("CBZ R1, done")
	for k := range vecs {
		n.i("FMOV%s.P %d(%s), F%d", fs, t.size, neonPtrs[k], 4*k)
	}
	r = x.body(n, mk(0))
	n.i("FMOV%s.P F%d, %d(R0)", fs, r, t.size)
	n.i("SUB $1, R1, R1")
	n.i("B tail")
	n.label("done")
	n.i("RET")
	fmt.Fprintln(n.b)
}

// redCombNEON folds register src into accumulator acc (T1, T2 temporaries).
func (n *ne) redComb(kind string, t *elem, acc, src, T1, T2 int) {
	switch kind {
	case "sum", "dot":
		n.enc3(encFADD, t, acc, acc, src)
	case "prod":
		n.enc3(encFMUL, t, acc, acc, src)
	case "min", "max":
		n.minMax(kind, t, acc, src, T1, T2)
	default:
		panic(kind)
	}
}

// reduceNEON follows the canonical order with 16 accumulator registers.
func reduceNEON(n *ne, o *op) {
	r := o.red
	t := r.t
	args, retOff, size := o.frame()
	dot := r.kind == "dot"
	fs := fmovSuffix(t)
	fmt.Fprintf(n.b, "// func %sNEON(%s) %s\n", o.lower(), goParams(o), t.goType)
	fmt.Fprintf(n.b, "TEXT ·%sNEON(SB), NOSPLIT, $0-%d\n", o.lower(), size)
	n.i("MOVD x_base+0(FP), R0")
	n.i("MOVD x_len+8(FP), R1")
	if dot {
		n.i("MOVD y_base+%d(FP), R2", args["y"])
	}
	if r.kind == "sum" || dot {
		n.i("VEOR V0.B16, V0.B16, V0.B16")
	} else {
		n.i("MOVD $0x%x, R3", r.initBits())
		n.i("VDUP R3, V0.%s", t.arr)
	}
	for k := 1; k < 16; k++ {
		n.i("VMOV V0.B16, V%d.B16", k)
	}
	n.i("AND $%d, R1, R5", -r.partial)
	n.i("SUB R5, R1, R1")
	n.i("CBZ R5, tail")
	n.label("loop")
	list := func(first int) string {
		var p []string
		for j := range 4 {
			p = append(p, fmt.Sprintf("V%d.%s", first+j, t.arr))
		}
		return "[" + strings.Join(p, ", ") + "]"
	}
	for g := range 4 {
		n.i("VLD1.P 64(R0), %s", list(16))
		if dot {
			n.i("VLD1.P 64(R2), %s", list(20))
		}
		for u := range 4 {
			if dot {
				n.enc3(encFMLA, t, 4*g+u, 16+u, 20+u)
			} else {
				n.redComb(r.kind, t, 4*g+u, 16+u, 24+u, 28+u)
			}
		}
	}
	n.i("SUBS $%d, R5, R5", r.partial)
	n.i("BNE loop")
	// The tail continues the same assignment of elements to accumulators: whole
	// vectors, then a partial vector padded with the identity (-0 for sums: x + -0
	// is x for every x; for Dot the padding is -0 * +0).
	n.label("tail")
	n.i("CBZ R1, combine")
	L := 16 / t.size
	for k := range 16 {
		n.i("CMP $%d, R1", L)
		n.i("BLT part%d", k)
		n.i("VLD1.P 16(R0), [V16.%s]", t.arr)
		if dot {
			n.i("VLD1.P 16(R2), [V20.%s]", t.arr)
			n.enc3(encFMLA, t, k, 16, 20)
		} else {
			n.redComb(r.kind, t, k, 16, 24, 28)
		}
		n.i("SUBS $%d, R1, R1", L)
		n.i("BEQ combine")
	}
	n.i("B combine")
	pad := r.initBits()
	if r.kind == "sum" || dot {
		pad = 1 << 63
		if t == tF32 {
			pad = 1 << 31
		}
	}
	lane := t.arr[:1]
	for k := range 16 {
		n.label(fmt.Sprintf("part%d", k))
		n.i("MOVD $0x%x, R3", pad)
		n.i("VDUP R3, V16.%s", t.arr)
		if dot {
			n.i("VEOR V20.B16, V20.B16, V20.B16")
		}
		for j := 0; j < L-1; j++ {
			n.i("VLD1.P %d(R0), V16.%s[%d]", t.size, lane, j)
			if dot {
				n.i("VLD1.P %d(R2), V20.%s[%d]", t.size, lane, j)
			}
			if j < L-2 {
				n.i("SUBS $1, R1, R1")
				n.i("BEQ pdone%d", k)
			}
		}
		n.label(fmt.Sprintf("pdone%d", k))
		if dot {
			n.enc3(encFMLA, t, k, 16, 20)
		} else {
			n.redComb(r.kind, t, k, 16, 24, 28)
		}
		n.i("B combine")
	}
	n.label("combine")
	for m := 16; m > 1; m /= 2 {
		for k := range m / 2 {
			n.redComb(r.kind, t, k, k+m/2, 24, 28)
		}
	}
	n.i("VEXT $8, V0.B16, V0.B16, V1.B16")
	n.redComb(r.kind, t, 0, 1, 24, 28)
	if t == tF32 {
		n.i("VEXT $4, V0.B16, V0.B16, V1.B16")
		n.redComb(r.kind, t, 0, 1, 24, 28)
	}
	n.label("done")
	n.i("FMOV%s F0, ret+%d(FP)", fs, retOff)
	n.i("RET")
	fmt.Fprintln(n.b)
}
