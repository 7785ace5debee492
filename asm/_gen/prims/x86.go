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

// ---- elementwise skeleton ----

var x86Ptrs = []string{"SI", "DX", "BX", "R8"}

// elemX86 emits one elementwise routine: an unrolled loop of four vector steps, a
// loop of single steps, and the tail (masked with K1 on AVX-512; on AVX2 copied
// through a stack buffer so that nothing past len is read or written).
func elemX86(e *xe, o *op) {
	x := o.x86
	L := e.vbytes / o.maxSize()
	vecs := o.vecIns()
	nv := len(vecs)
	per := nv + x.ntmp
	top := e.nregs
	scalarReg := map[string]vreg{}
	for _, s := range o.scalarIns() {
		top--
		scalarReg[s.name] = vreg(top)
	}
	var consts []vreg
	for range x.consts {
		top--
		consts = append(consts, vreg(top))
	}
	// Unroll by four, or by two where four steps' registers do not fit (AVX2 with
	// four vectors and three broadcast scalars).
	U := 4
	for U > 1 && U*per > top {
		U /= 2
	}
	if U*per > top {
		panic(fmt.Sprintf("%s %s: out of vector registers", o.name, e.level))
	}
	args, _, size := o.frame()
	frame := 0
	if !e.avx512 {
		frame = (nv + 1) * 32
	}
	fmt.Fprintf(e.b, "// func %s%s(%s)\n", o.lower(), e.level, goParams(o))
	fmt.Fprintf(e.b, "TEXT ·%s%s(SB), NOSPLIT, $%d-%d\n", o.lower(), e.level, frame, size)
	e.i("MOVQ dst_base+0(FP), DI")
	e.i("MOVQ dst_len+8(FP), CX")
	for k, v := range vecs {
		e.i("MOVQ %s_base+%d(FP), %s", v.name, args[v.name], x86Ptrs[k])
	}
	for _, s := range o.scalarIns() {
		e.i("VBROADCASTS%s %s+%d(FP), %s", s.t.pd[1:], s.name, args[s.name], e.v(scalarReg[s.name]))
	}
	for j, c := range x.consts {
		if c.size == 8 {
			e.i("MOVQ $0x%x, R11", c.bits)
			e.i("VMOVQ R11, %s", e.w(consts[j], 16))
			e.i("VPBROADCASTQ %s, %s", e.w(consts[j], 16), e.v(consts[j]))
		} else {
			e.i("MOVL $0x%x, R11", c.bits)
			e.i("VMOVD R11, %s", e.w(consts[j], 16))
			e.i("VPBROADCASTD %s, %s", e.w(consts[j], 16), e.v(consts[j]))
		}
	}
	if x.lut && !e.avx512 {
		e.i("LEAQ primBoolLUT<>(SB), R13")
	}
	mkSlot := func(u int) *slot {
		s := &slot{c: consts, k: fmt.Sprintf("K%d", 2+u), g: "R9", lanes: L}
		kv := 0
		for _, in := range o.ins {
			if in.scalar {
				s.in = append(s.in, scalarReg[in.name])
			} else {
				s.in = append(s.in, vreg(u*per+kv))
				kv++
			}
		}
		for t := 0; t < x.ntmp; t++ {
			s.tmp = append(s.tmp, vreg(u*per+nv+t))
		}
		return s
	}
	steps := func(n int, mem func(k, u int) string, dstMem func(u int) string, masked bool) {
		slots := make([]*slot, n)
		for u := range n {
			slots[u] = mkSlot(u)
			kv := 0
			for j, in := range o.ins {
				if !in.scalar {
					e.load(in.t, L*in.t.size, mem(kv, u), slots[u].in[j], masked)
					kv++
				}
			}
		}
		for u := range n {
			l := x.body(e, slots[u])
			e.store(o.out, L*o.out.size, l, dstMem(u), masked)
		}
	}
	mainMem := func(k, u int) string {
		es := vecs[k].t.size
		return fmt.Sprintf("%d(%s)(AX*%d)", u*L*es, x86Ptrs[k], es)
	}
	mainDst := func(u int) string { return fmt.Sprintf("%d(DI)(AX*%d)", u*L*o.out.size, o.out.size) }

	e.i("XORQ AX, AX")
	e.i("MOVQ CX, R10")
	e.i("ANDQ $%d, R10", -U*L)
	e.i("JZ one")
	e.label("loop")
	steps(U, mainMem, mainDst, false)
	e.i("ADDQ $%d, AX", U*L)
	e.i("CMPQ AX, R10")
	e.i("JB loop")
	e.label("one")
	e.i("MOVQ CX, R10")
	e.i("ANDQ $%d, R10", -L)
	e.i("CMPQ AX, R10")
	e.i("JAE tail")
	e.label("loop1")
	steps(1, mainMem, mainDst, false)
	e.i("ADDQ $%d, AX", L)
	e.i("CMPQ AX, R10")
	e.i("JB loop1")
	e.label("tail")
	e.i("SUBQ AX, CX")
	e.i("JZ done")
	if e.avx512 {
		e.i("MOVQ $1, R10")
		e.i("SHLQ CX, R10")
		e.i("DECQ R10")
		e.i("KMOVQ R10, K1")
		steps(1, mainMem, mainDst, true)
	} else {
		// Copy the last CX elements of each input into a zeroed-by-nobody stack
		// buffer, run one full step on the buffers, and copy CX results out.
		e.i("LEAQ (DI)(AX*%d), DI", o.out.size)
		for k, v := range vecs {
			es := v.t.size
			e.i("LEAQ (%s)(AX*%d), %s", x86Ptrs[k], es, x86Ptrs[k])
			e.i("LEAQ %d(SP), R12", k*32)
			e.i("XORQ R10, R10")
			e.label(fmt.Sprintf("copyin%d", k))
			e.i("%s (%s)(R10*%d), R11", gmov(es), x86Ptrs[k], es)
			e.i("%s R11, (R12)(R10*%d)", gmov(es), es)
			e.i("INCQ R10")
			e.i("CMPQ R10, CX")
			e.i("JB copyin%d", k)
			e.i("MOVQ R12, %s", x86Ptrs[k])
		}
		e.i("LEAQ %d(SP), R12", nv*32)
		steps(1, func(k, u int) string { return "(" + x86Ptrs[k] + ")" }, func(int) string { return "(R12)" }, false)
		es := o.out.size
		e.i("XORQ R10, R10")
		e.label("copyout")
		e.i("%s (R12)(R10*%d), R11", gmov(es), es)
		e.i("%s R11, (DI)(R10*%d)", gmov(es), es)
		e.i("INCQ R10")
		e.i("CMPQ R10, CX")
		e.i("JB copyout")
	}
	e.label("done")
	e.i("VZEROUPPER")
	e.i("RET")
	fmt.Fprintln(e.b)
}

// ---- reductions ----

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
