package main

import (
	"fmt"
	"strings"
)

// xe emits amd64 assembly for one SIMD level.
type xe struct {
	b      *strings.Builder
	avx512 bool
	vbytes int // bytes per vector register
	nregs  int // vector registers available
	level  string
}

func newX86(b *strings.Builder, avx512 bool) *xe {
	if avx512 {
		return &xe{b: b, avx512: true, vbytes: 64, nregs: 32, level: "AVX512"}
	}
	return &xe{b: b, vbytes: 32, nregs: 16, level: "AVX2"}
}

func (e *xe) i(format string, a ...any) { fmt.Fprintf(e.b, "\t"+format+"\n", a...) }
func (e *xe) label(l string)            { fmt.Fprintf(e.b, "%s:\n", l) }

type vreg int

// v names r at full vector width; w names it at the width that holds bytes.
func (e *xe) v(r vreg) string { return e.w(r, e.vbytes) }
func (e *xe) w(r vreg, bytes int) string {
	switch {
	case bytes >= 64:
		return fmt.Sprintf("Z%d", r)
	case bytes == 32:
		return fmt.Sprintf("Y%d", r)
	}
	return fmt.Sprintf("X%d", r)
}

// slot is the register assignment of one vector step of an elementwise loop.
type slot struct {
	in    []vreg // one per operand, in op.ins order (scalars: their broadcast)
	tmp   []vreg
	c     []vreg // broadcast constants
	k     string // a free mask register (AVX-512)
	g     string // a free general register
	lanes int
}

// loc is where a body left its result: a vector register, or a general register
// holding packed bools (AVX2 comparisons).
type loc struct {
	r   vreg
	gpr string
}

// ---- bodies ----

func xBin(mn string, a, b int) func(*xe, *slot) loc {
	return func(e *xe, s *slot) loc {
		d := s.in[0]
		e.i("%s %s, %s, %s", mn, e.v(s.in[b]), e.v(s.in[a]), e.v(d))
		return loc{r: d}
	}
}

// xMinMax computes in[a] min/max in[b] with x86 semantics (ties and NaN in b give b)
// and then returns in[a] where in[a] is NaN.
func xMinMax(mn, P string, a, b int) func(*xe, *slot) loc {
	return func(e *xe, s *slot) loc {
		A, B := s.in[a], s.in[b]
		if e.avx512 {
			e.i("VCMP%s $7, %s, %s, %s", P, e.v(A), e.v(A), s.k)
			e.i("%s %s, %s, %s, %s", mn, e.v(B), e.v(A), s.k, e.v(A))
			return loc{r: A}
		}
		t1, t2 := s.tmp[0], s.tmp[1]
		e.i("%s %s, %s, %s", mn, e.v(B), e.v(A), e.v(t1))
		e.i("VCMP%s $3, %s, %s, %s", P, e.v(A), e.v(A), e.v(t2))
		e.i("VBLENDV%s %s, %s, %s, %s", P, e.v(t2), e.v(A), e.v(t1), e.v(A))
		return loc{r: A}
	}
}

func xFMA(P string, a, b, c int) func(*xe, *slot) loc {
	return func(e *xe, s *slot) loc {
		A := s.in[a]
		e.i("VFMADD213%s %s, %s, %s", P, e.v(s.in[c]), e.v(s.in[b]), e.v(A))
		return loc{r: A}
	}
}

// xSqrtAddProd2 computes sqrt(in[0]*in[1] + in[2]*in[3]), every operation rounded.
func xSqrtAddProd2(P string) func(*xe, *slot) loc {
	return func(e *xe, s *slot) loc {
		X, Y, Z, W := s.in[0], s.in[1], s.in[2], s.in[3]
		e.i("VMUL%s %s, %s, %s", P, e.v(Y), e.v(X), e.v(X))
		e.i("VMUL%s %s, %s, %s", P, e.v(W), e.v(Z), e.v(Z))
		e.i("VADD%s %s, %s, %s", P, e.v(Z), e.v(X), e.v(X))
		e.i("VSQRT%s %s, %s", P, e.v(X), e.v(X))
		return loc{r: X}
	}
}

// xAddScaledProdScaled computes (in[0]*s + (in[1]*in[2])*t) + in[3]*u, every
// operation rounded, each first operand the Go loop's.
func xAddScaledProdScaled(P string) func(*xe, *slot) loc {
	return func(e *xe, s *slot) loc {
		X, Y, Z, W, Sc, T, U := s.in[0], s.in[1], s.in[2], s.in[3], s.in[4], s.in[5], s.in[6]
		e.i("VMUL%s %s, %s, %s", P, e.v(Sc), e.v(X), e.v(X))
		e.i("VMUL%s %s, %s, %s", P, e.v(Z), e.v(Y), e.v(Y))
		e.i("VMUL%s %s, %s, %s", P, e.v(T), e.v(Y), e.v(Y))
		e.i("VADD%s %s, %s, %s", P, e.v(Y), e.v(X), e.v(X))
		e.i("VMUL%s %s, %s, %s", P, e.v(U), e.v(W), e.v(W))
		e.i("VADD%s %s, %s, %s", P, e.v(W), e.v(X), e.v(X))
		return loc{r: X}
	}
}

func xConstOp(mn string) func(*xe, *slot) loc {
	return func(e *xe, s *slot) loc {
		A := s.in[0]
		e.i("%s %s, %s, %s", mn, e.v(s.c[0]), e.v(A), e.v(A))
		return loc{r: A}
	}
}

// xSign computes copysign(1, in[0]) where in[0] is neither zero nor NaN, else in[0]
// (constants: the sign bit, one, zero).
func xSign(P string) func(*xe, *slot) loc {
	return func(e *xe, s *slot) loc {
		A, t, m := s.in[0], s.tmp[0], s.tmp[1]
		e.i("VANDP%s %s, %s, %s", P[1:], e.v(s.c[0]), e.v(A), e.v(t))
		e.i("VORP%s %s, %s, %s", P[1:], e.v(s.c[1]), e.v(t), e.v(t))
		if e.avx512 {
			e.i("VCMP%s $0x0c, %s, %s, %s", P, e.v(s.c[2]), e.v(A), s.k)
			e.i("VBLENDM%s %s, %s, %s, %s", P, e.v(t), e.v(A), s.k, e.v(A))
			return loc{r: A}
		}
		e.i("VCMP%s $0x0c, %s, %s, %s", P, e.v(s.c[2]), e.v(A), e.v(m))
		e.i("VBLENDV%s %s, %s, %s, %s", P, e.v(m), e.v(t), e.v(A), e.v(A))
		return loc{r: A}
	}
}

// xCopysign computes in[0] with in[1]'s sign bit (constants: the magnitude mask, the
// sign bit).
func xCopysign(P string) func(*xe, *slot) loc {
	return func(e *xe, s *slot) loc {
		A, B := s.in[0], s.in[1]
		e.i("VANDP%s %s, %s, %s", P[1:], e.v(s.c[0]), e.v(A), e.v(A))
		e.i("VANDP%s %s, %s, %s", P[1:], e.v(s.c[1]), e.v(B), e.v(B))
		e.i("VORP%s %s, %s, %s", P[1:], e.v(B), e.v(A), e.v(A))
		return loc{r: A}
	}
}

func xUnary(mn string) func(*xe, *slot) loc {
	return func(e *xe, s *slot) loc {
		A := s.in[0]
		e.i("%s %s, %s", mn, e.v(A), e.v(A))
		return loc{r: A}
	}
}

// xRound rounds with mode 0 nearest-even, 1 down, 2 up, 3 toward zero; bit 3 of
// the immediate suppresses the precision exception.
func xRound(P string, mode int) func(*xe, *slot) loc {
	return func(e *xe, s *slot) loc {
		A := s.in[0]
		if e.avx512 {
			e.i("VRNDSCALE%s $%d, %s, %s", P, mode|8, e.v(A), e.v(A))
		} else {
			e.i("VROUND%s $%d, %s, %s", P, mode|8, e.v(A), e.v(A))
		}
		return loc{r: A}
	}
}

// xCmp compares in[0] with in[1] and produces one byte (0 or 1) per lane.
func xCmp(t *elem, pred int) func(*xe, *slot) loc {
	P := t.pd
	return func(e *xe, s *slot) loc {
		A, B, o := s.in[0], s.in[1], s.tmp[0]
		if e.avx512 {
			e.i("VCMP%s $0x%02x, %s, %s, %s", P, pred, e.v(B), e.v(A), s.k)
			e.i("VPMOVM2B %s, %s", s.k, e.w(o, 16))
			e.i("VPABSB %s, %s", e.w(o, 16), e.w(o, 16))
			return loc{r: o}
		}
		e.i("VCMP%s $0x%02x, %s, %s, %s", P, pred, e.v(B), e.v(A), e.v(o))
		e.i("VMOVMSK%s %s, %s", P, e.v(o), s.g)
		e.i("MOVQ (R13)(%s*8), %s", s.g, s.g)
		return loc{gpr: s.g}
	}
}

func xSelect(t *elem) func(*xe, *slot) loc {
	P := t.pd
	return func(e *xe, s *slot) loc {
		C, X, Y := s.in[0], s.in[1], s.in[2]
		if e.avx512 {
			e.i("VPTESTMB %s, %s, %s", e.w(C, 16), e.w(C, 16), s.k)
			e.i("VBLENDM%s %s, %s, %s, %s", P, e.v(X), e.v(Y), s.k, e.v(Y))
			return loc{r: Y}
		}
		ext, sub := "VPMOVZXBQ", "VPSUBQ"
		if t == tF32 {
			ext, sub = "VPMOVZXBD", "VPSUBD"
		}
		e.i("%s %s, %s", ext, e.w(C, 16), e.v(C))
		e.i("%s %s, %s, %s", sub, e.v(C), e.v(s.c[0]), e.v(C))
		e.i("VBLENDV%s %s, %s, %s, %s", P, e.v(C), e.v(X), e.v(Y), e.v(Y))
		return loc{r: Y}
	}
}

func xBoolOp(mn string, not bool) func(*xe, *slot) loc {
	return func(e *xe, s *slot) loc {
		m := mn
		if e.avx512 {
			m += "Q"
		}
		A := s.in[0]
		if not {
			e.i("%s %s, %s, %s", m, e.v(s.c[0]), e.v(A), e.v(A))
		} else {
			e.i("%s %s, %s, %s", m, e.v(s.in[1]), e.v(A), e.v(A))
		}
		return loc{r: A}
	}
}

func xCvt(mn string, inSize, outSize int) func(*xe, *slot) loc {
	return func(e *xe, s *slot) loc {
		A := s.in[0]
		m := mn
		if !e.avx512 && m == "VCVTPD2PS" {
			m = "VCVTPD2PSY"
		}
		e.i("%s %s, %s", m, e.w(A, s.lanes*inSize), e.w(A, s.lanes*outSize))
		return loc{r: A}
	}
}

// xCvtI64F64 converts int64 to float64. AVX-512DQ has VCVTQQ2PD; on AVX2 the value
// is split into its top 16 bits (placed in the mantissa of 3*2^67) and its low 48
// bits (placed in the mantissa of 2^52); both parts are exact doubles and the final
// addition rounds once, so the result is correctly rounded.
func xCvtI64F64(e *xe, s *slot) loc {
	A := s.in[0]
	if e.avx512 {
		e.i("VCVTQQ2PD %s, %s", e.v(A), e.v(A))
		return loc{r: A}
	}
	zero, c1, c2, c3 := s.c[0], s.c[1], s.c[2], s.c[3]
	t1, t2 := s.tmp[0], s.tmp[1]
	e.i("VPSRAD $16, %s, %s", e.v(A), e.v(t1))
	e.i("VPBLENDW $0x33, %s, %s, %s", e.v(zero), e.v(t1), e.v(t1))
	e.i("VPADDQ %s, %s, %s", e.v(c1), e.v(t1), e.v(t1))
	e.i("VPBLENDW $0x88, %s, %s, %s", e.v(c3), e.v(A), e.v(t2))
	e.i("VSUBPD %s, %s, %s", e.v(c2), e.v(t1), e.v(t1))
	e.i("VADDPD %s, %s, %s", e.v(t2), e.v(t1), e.v(A))
	return loc{r: A}
}

func xCvtBool(t *elem) func(*xe, *slot) loc {
	return func(e *xe, s *slot) loc {
		A, L := s.in[0], s.lanes
		e.i("VPMOVZXBD %s, %s", e.w(A, 16), e.w(A, L*4))
		if t == tF64 {
			e.i("VCVTDQ2PD %s, %s", e.w(A, L*4), e.w(A, L*8))
		} else {
			e.i("VCVTDQ2PS %s, %s", e.w(A, L*4), e.w(A, L*4))
		}
		return loc{r: A}
	}
}

// ---- loads and stores ----

func movFor(t *elem, avx512 bool) string {
	if t.float {
		return "VMOVU" + t.pd
	}
	if avx512 {
		return "VMOVDQU64"
	}
	return "VMOVDQU"
}

func maskedMov(t *elem) string {
	if t.float {
		return "VMOVU" + t.pd
	}
	return fmt.Sprintf("VMOVDQU%d", t.size*8)
}

func (e *xe) load(t *elem, bytes int, mem string, r vreg, masked bool) {
	if masked {
		e.i("%s.Z %s, K1, %s", maskedMov(t), mem, e.w(r, max(bytes, 16)))
		return
	}
	switch bytes {
	case 4:
		e.i("VMOVD %s, %s", mem, e.w(r, 16))
	case 8:
		e.i("VMOVQ %s, %s", mem, e.w(r, 16))
	default:
		e.i("%s %s, %s", movFor(t, e.avx512), mem, e.w(r, bytes))
	}
}

func (e *xe) store(t *elem, bytes int, l loc, mem string, masked bool) {
	if l.gpr != "" {
		e.i("%s %s, %s", gmov(bytes), l.gpr, mem)
		return
	}
	if masked {
		e.i("%s %s, K1, %s", maskedMov(t), e.w(l.r, max(bytes, 16)), mem)
		return
	}
	switch bytes {
	case 4:
		e.i("VMOVD %s, %s", e.w(l.r, 16), mem)
	case 8:
		e.i("VMOVQ %s, %s", e.w(l.r, 16), mem)
	default:
		e.i("%s %s, %s", movFor(t, e.avx512), e.w(l.r, bytes), mem)
	}
}

func gmov(bytes int) string {
	switch bytes {
	case 1:
		return "MOVB"
	case 4:
		return "MOVL"
	case 8:
		return "MOVQ"
	}
	panic(bytes)
}
