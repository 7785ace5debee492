package main

import (
	"fmt"
	"strings"
)

// Reductions and the shared tables of the amd64 output.

// redComb folds src (a register or memory operand at width bytes) into acc.
func (e *xe) redComb(kind string, t *elem, bytes int, acc vreg, src string, t1, t2 vreg) {
	P := t.pd
	A := e.w(acc, bytes)
	switch kind {
	case "sum", "dot":
		e.i("VADD%s %s, %s, %s", P, src, A, A)
	case "prod":
		e.i("VMUL%s %s, %s, %s", P, src, A, A)
	case "min", "max":
		mn := "VMIN" + P
		if kind == "max" {
			mn = "VMAX" + P
		}
		if e.avx512 {
			e.i("VCMP%s $7, %s, %s, K1", P, A, A)
			e.i("%s %s, %s, K1, %s", mn, src, A, A)
		} else {
			T1, T2 := e.w(t1, bytes), e.w(t2, bytes)
			e.i("%s %s, %s, %s", mn, src, A, T1)
			e.i("VCMP%s $3, %s, %s, %s", P, A, A, T2)
			e.i("VBLENDV%s %s, %s, %s, %s", P, T2, A, T1, A)
		}
	default:
		panic(kind)
	}
}

// reduceX86 emits a reduction in the canonical order: r.partial accumulators over
// the largest multiple of r.partial elements, the halving tree, then the tail in
// order.
func reduceX86(e *xe, o *op) {
	r := o.red
	t := r.t
	P, es := t.pd, t.size
	lanes := e.vbytes / es
	nacc := r.partial / lanes
	args, retOff, size := o.frame()
	dot := r.kind == "dot"
	fmt.Fprintf(e.b, "// func %s%s(%s) %s\n", o.lower(), e.level, goParams(o), t.goType)
	fmt.Fprintf(e.b, "TEXT ·%s%s(SB), NOSPLIT, $0-%d\n", o.lower(), e.level, size)
	e.i("MOVQ x_base+0(FP), SI")
	e.i("MOVQ x_len+8(FP), CX")
	if dot {
		e.i("MOVQ y_base+%d(FP), DX", args["y"])
	}
	if r.kind == "sum" || dot {
		for k := range nacc {
			e.i("VXOR%s %s, %s, %s", P, e.v(vreg(k)), e.v(vreg(k)), e.v(vreg(k)))
		}
	} else {
		e.i("MOVQ $0x%x, R11", r.initBits())
		e.i("VMOVQ R11, X0")
		if t == tF64 {
			e.i("VPBROADCASTQ X0, %s", e.v(0))
		} else {
			e.i("VPBROADCASTD X0, %s", e.v(0))
		}
		for k := 1; k < nacc; k++ {
			e.i("VMOVAP%s %s, %s", P[1:], e.v(0), e.v(vreg(k)))
		}
	}
	// Temporaries: AVX-512 uses Z8..Z15 and K1; AVX2 has Y8..Y11 left after 8 accumulators.
	tmp := func(k, j int) vreg {
		if e.avx512 {
			return vreg(8 + 2*(k%4) + j)
		}
		return vreg(8 + 2*(k%2) + j)
	}
	e.i("XORQ AX, AX")
	e.i("MOVQ CX, R10")
	e.i("ANDQ $%d, R10", -r.partial)
	e.i("JZ tail")
	e.label("loop")
	for k := range nacc {
		mem := fmt.Sprintf("%d(SI)(AX*%d)", k*e.vbytes, es)
		if dot {
			x := tmp(k, 0)
			e.i("VMOVU%s %s, %s", P, mem, e.v(x))
			e.i("VFMADD231%s %d(DX)(AX*%d), %s, %s", P, k*e.vbytes, es, e.v(x), e.v(vreg(k)))
			continue
		}
		e.redComb(r.kind, t, e.vbytes, vreg(k), mem, tmp(k, 0), tmp(k, 1))
	}
	e.i("ADDQ $%d, AX", r.partial)
	e.i("CMPQ AX, R10")
	e.i("JB loop")
	// The tail (fewer than r.partial elements) continues the same assignment of
	// elements to accumulators: whole vectors, then one partial vector whose
	// missing lanes leave their accumulator unchanged.
	e.label("tail")
	e.i("SUBQ AX, CX")
	e.i("JZ combine")
	for k := range nacc {
		e.i("CMPQ CX, $%d", lanes)
		e.i("JB part%d", k)
		mem := fmt.Sprintf("%d(SI)(AX*%d)", k*e.vbytes, es)
		if dot {
			x := tmp(k, 0)
			e.i("VMOVU%s %s, %s", P, mem, e.v(x))
			e.i("VFMADD231%s %d(DX)(AX*%d), %s, %s", P, k*e.vbytes, es, e.v(x), e.v(vreg(k)))
		} else {
			e.redComb(r.kind, t, e.vbytes, vreg(k), mem, tmp(k, 0), tmp(k, 1))
		}
		e.i("SUBQ $%d, CX", lanes)
		e.i("JZ combine")
	}
	e.i("JMP combine")
	for k := range nacc {
		e.label(fmt.Sprintf("part%d", k))
		mem := fmt.Sprintf("%d(SI)(AX*%d)", k*e.vbytes, es)
		memy := fmt.Sprintf("%d(DX)(AX*%d)", k*e.vbytes, es)
		A := e.v(vreg(k))
		if e.avx512 {
			e.i("MOVQ $1, R10")
			e.i("SHLQ CX, R10")
			e.i("DECQ R10")
			e.i("KMOVQ R10, K3")
			switch r.kind {
			case "sum":
				e.i("VADD%s %s, %s, K3, %s", P, mem, A, A)
			case "prod":
				e.i("VMUL%s %s, %s, K3, %s", P, mem, A, A)
			case "min", "max":
				e.i("VCMP%s $7, %s, %s, K3, K1", P, A, A)
				e.i("V%s%s %s, %s, K1, %s", upper(r.kind), P, mem, A, A)
			case "dot":
				e.i("VMOVU%s.Z %s, K3, Z16", P, mem)
				e.i("VFMADD231%s %s, Z16, K3, %s", P, memy, A)
			}
		} else {
			shift := map[int]int{8: 3, 4: 2}[es]
			e.i("LEAQ primTailMask<>+32(SB), R11")
			e.i("MOVQ CX, R12")
			e.i("SHLQ $%d, R12", shift)
			e.i("SUBQ R12, R11")
			e.i("VMOVDQU (R11), Y12")
			e.i("VMASKMOV%s %s, Y12, Y13", P, mem)
			e.i("VMOVAP%s %s, Y15", P[1:], A)
			if dot {
				e.i("VMASKMOV%s %s, Y12, Y14", P, memy)
				e.i("VFMADD231%s Y14, Y13, %s", P, A)
			} else {
				e.redComb(r.kind, t, e.vbytes, vreg(k), "Y13", 8, 9)
			}
			e.i("VBLENDV%s Y12, %s, Y15, %s", P, A, A)
		}
		e.i("JMP combine")
	}
	e.label("combine")
	for n := nacc; n > 1; n /= 2 {
		h := n / 2
		for k := range h {
			e.redComb(r.kind, t, e.vbytes, vreg(k), e.v(vreg(k+h)), tmp(k, 0), tmp(k, 1))
		}
	}
	for w := e.vbytes; w > 16; w /= 2 {
		if w == 64 {
			e.i("VEXTRACTF64X4 $1, Z0, Y1")
		} else {
			e.i("VEXTRACTF128 $1, Y0, X1")
		}
		e.redComb(r.kind, t, w/2, 0, e.w(1, w/2), tmp(0, 0), tmp(0, 1))
	}
	e.i("VPERMILPD $1, X0, X1")
	e.redComb(r.kind, t, 16, 0, "X1", tmp(0, 0), tmp(0, 1))
	if t == tF32 {
		e.i("VMOVSHDUP X0, X1")
		e.redComb(r.kind, t, 16, 0, "X1", tmp(0, 0), tmp(0, 1))
	}
	e.i("VZEROUPPER")
	e.i("VMOVS%s X0, ret+%d(FP)", P[1:], retOff)
	e.i("RET")
	fmt.Fprintln(e.b)
}

// tailMask emits 32 bytes of ones then 32 of zeros; loading 32 bytes at
// 32 - r*size gives a mask of the first r lanes.
func tailMask(b *strings.Builder) {
	for off := 0; off < 64; off += 8 {
		v := uint64(0)
		if off < 32 {
			v = ^uint64(0)
		}
		fmt.Fprintf(b, "DATA primTailMask<>+%d(SB)/8, $0x%016x\n", off, v)
	}
	fmt.Fprintf(b, "GLOBL primTailMask<>(SB), RODATA|NOPTR, $64\n\n")
}

// boolLUT emits the table that maps an 8-bit compare mask to eight bytes of 0 or 1.
func boolLUT(b *strings.Builder) {
	for m := range 256 {
		var v uint64
		for i := range 8 {
			if m>>i&1 == 1 {
				v |= 1 << (8 * i)
			}
		}
		fmt.Fprintf(b, "DATA primBoolLUT<>+%d(SB)/8, $0x%016x\n", m*8, v)
	}
	fmt.Fprintf(b, "GLOBL primBoolLUT<>(SB), RODATA|NOPTR, $2048\n\n")
}
