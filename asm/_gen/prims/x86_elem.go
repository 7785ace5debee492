package main

import "fmt"

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
