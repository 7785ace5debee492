#!/usr/bin/env python3
"""Writes asm/math_neon_arm64.s: the NEON kernels of float64 exp, log, sin and cos.

Go's arm64 assembler lacks most NEON floating-point mnemonics, so every vector
instruction is emitted as a WORD with the instruction in a comment; the encodings
come from llvm-mc (run: python3 asm/_gen/mathneon/gen.py > asm/math_neon_arm64.s).
Each kernel follows its pure-Go twin step by step (expF64 in math_exp.go, logF64
in math_log.go, sinCosF64 in math_sincos.go); the comments name the twin's step.
"""
import re
import subprocess
import sys

out = []


def go(s):
    out.append("\t" + s)


def label(s):
    out.append(s + ":")


def comment(s):
    out.append("\t// " + s)


pending = []  # (index in out, instruction, comment)


def n(ins, why=""):
    pending.append((len(out), ins, why))
    out.append(None)


def encode():
    src = "\n".join(p[1] for p in pending) + "\n"
    r = subprocess.run(["llvm-mc", "-triple=aarch64", "-mattr=+neon", "-show-encoding"],
                       input=src, capture_output=True, text=True, check=True)
    encs = re.findall(r"encoding: \[(0x[0-9a-f]{2}),(0x[0-9a-f]{2}),(0x[0-9a-f]{2}),(0x[0-9a-f]{2})\]", r.stdout)
    assert len(encs) == len(pending), (len(encs), len(pending), r.stderr)
    for (i, ins, why), e in zip(pending, encs):
        w = int(e[3], 16) << 24 | int(e[2], 16) << 16 | int(e[1], 16) << 8 | int(e[0], 16)
        line = "\tWORD $0x%08x // %s" % (w, ins)
        if why:
            line += " ; " + why
        out[i] = line


# ---- exp ---------------------------------------------------------------------
# Constants (expF64NEONTab): v16 = {log2e, 0.5}, v17 = {ln2Hi, ln2Lo}, v18 = max,
# v19 = min, v20 = 1.0, v21 = int64 1023, v22..v31 = C9..C0.

def exp_kernel():
    """v0 = exp(v0), two lanes; clobbers v1-v10."""
    n("fmax v0.2d, v0.2d, v19.2d", "x = max(x, expF64Min); NaN stays NaN")
    n("fmin v0.2d, v0.2d, v18.2d", "x = min(x, expF64Max)")
    n("fmul v1.2d, v0.2d, v16.d[0]", "x*log2e")
    n("frintn v1.2d, v1.2d", "k = RoundToEven(x*log2e)")
    n("mov v2.16b, v0.16b")
    n("fmls v2.2d, v1.2d, v17.d[0]", "r1 = FMA(-k, ln2Hi, x)")
    n("fmul v3.2d, v1.2d, v17.d[1]", "t = k*ln2Lo")
    n("fneg v4.2d, v3.2d")
    n("fmla v4.2d, v1.2d, v17.d[1]", "tl = FMA(k, ln2Lo, -t)")
    n("fsub v5.2d, v2.2d, v3.2d", "r = r1 - t")
    n("fsub v6.2d, v2.2d, v5.2d", "r1 - r")
    n("fsub v6.2d, v6.2d, v3.2d", "(r1 - r) - t")
    n("fsub v6.2d, v6.2d, v4.2d", "rl = ((r1 - r) - t) - tl")
    # expPolyP(r): p = C9; p = FMA(p, r, C8) ... FMA(p, r, C0), alternating v7/v8.
    acc, src = 7, 22
    for c in range(8, -1, -1):
        n("mov v%d.16b, v%d.16b" % (acc, 31 - c))
        n("fmla v%d.2d, v%d.2d, v5.2d" % (acc, src), "p = FMA(p, r, C%d)" % c)
        acc, src = (8 if acc == 7 else 7), acc
    assert src == 7
    n("fadd v8.2d, v20.2d, v5.2d", "h = 1 + r")
    n("fsub v9.2d, v20.2d, v8.2d", "1 - h")
    n("fadd v9.2d, v9.2d, v5.2d", "hl = (1 - h) + r")
    n("fmul v10.2d, v5.2d, v5.2d", "r*r")
    n("fmla v6.2d, v10.2d, v7.2d", "FMA(r*r, p, rl)")
    n("fadd v9.2d, v9.2d, v6.2d", "hl + FMA(r*r, p, rl)")
    n("fadd v8.2d, v8.2d, v9.2d", "p = h + (hl + FMA(r*r, p, rl))")
    n("fmul v2.2d, v1.2d, v16.d[1]", "k*0.5")
    n("frintm v2.2d, v2.2d", "k1 = Floor(k*0.5)")
    n("fsub v3.2d, v1.2d, v2.2d", "k2 = k - k1")
    n("fcvtzs v2.2d, v2.2d", "int64(k1)")
    n("fcvtzs v3.2d, v3.2d", "int64(k2)")
    n("add v2.2d, v2.2d, v21.2d", "+ 1023")
    n("add v3.2d, v3.2d, v21.2d")
    n("shl v2.2d, v2.2d, #52", "pow2(k1)")
    n("shl v3.2d, v3.2d, #52", "pow2(k2)")
    n("fmul v8.2d, v8.2d, v2.2d", "p*pow2(k1), exact")
    n("fmul v0.2d, v8.2d, v3.2d", "p*pow2(k1)*pow2(k2), rounded once")


# ---- log ---------------------------------------------------------------------
# Constants (logF64NEONTab): v16 = {2^52, 0.5}, v17 = {ln2Hi, ln2Lo}, v18 = uint64 1<<52,
# v19 = -1075.0, v20 = -1023.0, v21 = 1<<52-1, v22 = 1.0, v23 = sqrt2, v24 = 2.0,
# v25 = math.NaN(), v26 = -Inf, v27 = +Inf, v28 = {C6, C5}, v29 = {C4, C3},
# v30 = {C2, C1}, v31 = {C0, 0}.

def log_kernel():
    """v12 = log(v0), two lanes; clobbers v1-v12."""
    comment("logSplit")
    n("cmhi v1.2d, v18.2d, v0.2d", "sub = bits(x) < 1<<52 (unsigned)")
    n("fmul v2.2d, v0.2d, v16.d[0]", "x * 2^52")
    n("bif v2.16b, v0.16b, v1.16b", "b = sub ? bits(x*2^52) : bits(x)")
    n("bsl v1.16b, v19.16b, v20.16b", "bias = sub ? -1023-52 : -1023")
    n("ushr v3.2d, v2.2d, #52", "b>>52")
    n("ucvtf v3.2d, v3.2d", "float64(b>>52)")
    n("fadd v3.2d, v3.2d, v1.2d", "e = float64(b>>52) + bias")
    n("and v4.16b, v2.16b, v21.16b", "b & (1<<52-1)")
    n("orr v4.16b, v4.16b, v22.16b", "m = frombits(b&(1<<52-1) | 0x3ff<<52)")
    n("fcmgt v5.2d, v4.2d, v23.2d", "m > sqrt2")
    n("fmul v6.2d, v4.2d, v16.d[1]", "m*0.5")
    n("bit v4.16b, v6.16b, v5.16b", "m *= 0.5 where m > sqrt2")
    n("fadd v6.2d, v3.2d, v22.2d", "e + 1")
    n("bit v3.16b, v6.16b, v5.16b", "e++ where m > sqrt2")
    comment("logF64")
    n("fsub v4.2d, v4.2d, v22.2d", "f = m - 1")
    n("fadd v5.2d, v24.2d, v4.2d", "2 + f")
    n("fdiv v5.2d, v4.2d, v5.2d", "s = f / (2 + f)")
    n("fmul v6.2d, v5.2d, v5.2d", "z = s*s")
    # logPolyP(z): p = C6; p = FMA(p, z, C5) ... FMA(p, z, C0), alternating v7/v8.
    n("dup v7.2d, v28.d[1]", "C5")
    n("fmla v7.2d, v6.2d, v28.d[0]", "p = FMA(C6, z, C5)")
    acc, src = 8, 7
    for c in range(4, -1, -1):
        reg, lane = 28 + (6 - c) // 2, (6 - c) % 2
        n("dup v%d.2d, v%d.d[%d]" % (acc, reg, lane), "C%d" % c)
        n("fmla v%d.2d, v%d.2d, v6.2d" % (acc, src), "p = FMA(p, z, C%d)" % c)
        acc, src = (8 if acc == 7 else 7), acc
    assert src == 8
    n("fmul v9.2d, v4.2d, v4.2d", "f*f")
    n("fmul v9.2d, v9.2d, v16.d[1]", "hfsq = 0.5*(f*f)")
    n("mov v10.16b, v9.16b")
    n("fmla v10.2d, v6.2d, v8.2d", "r = FMA(z, p, hfsq)")
    n("fmul v11.2d, v3.2d, v17.d[1]", "e*ln2Lo")
    n("fmla v11.2d, v5.2d, v10.2d", "t = FMA(s, r, e*ln2Lo)")
    n("fsub v12.2d, v9.2d, v11.2d", "hfsq - t")
    n("fsub v12.2d, v12.2d, v4.2d", "(hfsq - t) - f")
    n("fneg v12.2d, v12.2d")
    n("fmla v12.2d, v3.2d, v17.d[0]", "FMA(e, ln2Hi, -((hfsq - t) - f))")
    comment("logSpecial, blended in")
    n("fcmlt v1.2d, v0.2d, #0.0", "x < 0")
    n("bit v12.16b, v25.16b, v1.16b", "-> NaN")
    n("fcmeq v1.2d, v0.2d, #0.0", "x == 0")
    n("bit v12.16b, v26.16b, v1.16b", "-> -Inf")
    n("fcmeq v1.2d, v0.2d, v0.2d", "x == x")
    n("fcmeq v2.2d, v0.2d, v27.2d", "x == +Inf")
    n("orn v1.16b, v2.16b, v1.16b", "x != x || x > MaxFloat64")
    n("bit v12.16b, v0.16b, v1.16b", "-> x")


# ---- sin, cos ----------------------------------------------------------------
# Constants (sinCosF64NEONTab): v16 = {twoOverPi, pio2C1}, v17 = {pio2C2, pio2C3},
# v18 = {0.5, -0.5}, v19 = trigF64Max, v20 = 1.0, v21 = 2^52, v22 = int64 1,
# v23 = sign bit, v24..v26 = {S5, S4}, {S3, S2}, {S1, S0}, v27..v29 = {C5, C4},
# {C3, C2}, {C1, C0}. v30 collects the big lanes.

def poly(acc_regs, y, pairs, what):
    """Horner over the coefficient pairs (highest first) with FMAs in y; returns the result register."""
    a, b = acc_regs
    n("dup v%d.2d, v%d.d[1]" % (a, pairs[0]), "%s4" % what)
    n("fmla v%d.2d, v%d.2d, v%d.d[0]" % (a, y, pairs[0]), "p = FMA(%s5, y, %s4)" % (what, what))
    acc, src = b, a
    for c in range(3, -1, -1):
        reg, lane = pairs[(5 - c) // 2], (5 - c) % 2
        n("dup v%d.2d, v%d.d[%d]" % (acc, reg, lane), "%s%d" % (what, c))
        n("fmla v%d.2d, v%d.2d, v%d.2d" % (acc, src, y), "p = FMA(p, y, %s%d)" % (what, c))
        acc, src = src, acc
    return src


def sincos_kernel(cos):
    """v11 = sin(v0) or cos(v0), two lanes; big lanes (|x| > trigF64Max, Inf) take x
    and are or-ed into v30. Clobbers v1-v15, v31."""
    comment("trigReduceCW(|x|)")
    n("fabs v1.2d, v0.2d", "ax = |x|")
    n("fcmgt v31.2d, v1.2d, v19.2d", "big = ax > trigF64Max")
    n("fmul v2.2d, v1.2d, v16.d[0]", "ax*twoOverPi")
    n("frintn v2.2d, v2.2d", "qf = RoundToEven(ax*twoOverPi)")
    n("mov v3.16b, v1.16b")
    n("fmls v3.2d, v2.2d, v16.d[1]", "r1 = FMA(-qf, pio2C1, ax)")
    n("fmul v4.2d, v2.2d, v17.d[0]", "ph = qf*pio2C2")
    n("fneg v5.2d, v4.2d")
    n("fmla v5.2d, v2.2d, v17.d[0]", "pl = FMA(qf, pio2C2, -ph)")
    n("fsub v6.2d, v3.2d, v4.2d", "s = r1 - ph")
    n("fsub v7.2d, v6.2d, v3.2d", "bb = s - r1")
    n("fsub v8.2d, v6.2d, v7.2d", "s - bb")
    n("fsub v8.2d, v3.2d, v8.2d", "r1 - (s - bb)")
    n("fadd v9.2d, v4.2d, v7.2d", "ph + bb")
    n("fsub v8.2d, v8.2d, v9.2d", "e = (r1 - (s - bb)) - (ph + bb)")
    n("fsub v8.2d, v8.2d, v5.2d", "e - pl")
    n("fmls v8.2d, v2.2d, v17.d[1]", "lo = FMA(-qf, pio2C3, e - pl)")
    n("fadd v9.2d, v6.2d, v8.2d", "hi = s + lo")
    n("fsub v10.2d, v9.2d, v6.2d", "hi - s")
    n("fsub v8.2d, v8.2d, v10.2d", "lo -= hi - s")
    n("fadd v2.2d, v2.2d, v21.2d", "n = bits(qf + 2^52)")
    if cos:
        n("add v2.2d, v2.2d, v22.2d", "n += 1 (cos)")
    comment("sinCosPairs(hi, lo)")
    n("fmul v10.2d, v9.2d, v9.2d", "y = hi*hi")
    sp = poly((11, 12), 10, (24, 25, 26), "S")
    assert sp == 11
    n("fmul v12.2d, v10.2d, v18.d[1]", "-0.5*y")
    n("mov v13.16b, v8.16b")
    n("fmla v13.2d, v12.2d, v8.2d", "FMA(-0.5*y, lo, lo)")
    n("fmul v14.2d, v9.2d, v10.2d", "hi*y")
    n("fmla v13.2d, v14.2d, v11.2d", "sl = FMA(hi*y, sp, FMA(-0.5*y, lo, lo))")
    n("fadd v11.2d, v9.2d, v13.2d", "sh + sl")
    cp = poly((12, 13), 10, (27, 28, 29), "C")
    assert cp == 12
    n("fmul v3.2d, v10.2d, v18.d[0]", "hy = 0.5*y")
    n("fsub v4.2d, v20.2d, v3.2d", "w = 1 - hy")
    n("fsub v5.2d, v20.2d, v4.2d", "1 - w")
    n("fsub v5.2d, v5.2d, v3.2d", "(1 - w) - hy")
    n("fneg v6.2d, v10.2d")
    n("fmla v6.2d, v9.2d, v9.2d", "FMA(hi, hi, -y)")
    n("fmul v6.2d, v6.2d, v18.d[0]", "0.5*FMA(hi, hi, -y)")
    n("fmla v6.2d, v9.2d, v8.2d", "u = FMA(hi, lo, 0.5*FMA(hi, hi, -y))")
    n("fmul v7.2d, v10.2d, v10.2d", "y*y")
    n("fneg v6.2d, v6.2d")
    n("fmla v6.2d, v7.2d, v12.2d", "FMA(y*y, cp, -u)")
    n("fadd v5.2d, v5.2d, v6.2d", "cl = ((1 - w) - hy) + FMA(y*y, cp, -u)")
    n("fadd v13.2d, v4.2d, v5.2d", "ch + cl")
    comment("sinCosKernel: select by n&1, negate by n&2")
    n("cmtst v3.2d, v2.2d, v22.2d", "n&1 != 0")
    n("bit v11.16b, v13.16b, v3.16b", "r = n&1 != 0 ? ch + cl : sh + sl")
    n("shl v3.2d, v2.2d, #62")
    n("and v3.16b, v3.16b, v23.16b", "(n&2)<<62")
    n("eor v11.16b, v11.16b, v3.16b", "bits(r) ^ (n&2)<<62")
    if not cos:
        n("and v3.16b, v0.16b, v23.16b", "sign of x")
        n("orr v3.16b, v3.16b, v20.16b", "Copysign(1, x)")
        n("fmul v11.2d, v3.2d, v11.2d", "Copysign(1, x) * r")
    comment("big lanes: x, finished by patchF64")
    n("bit v11.16b, v0.16b, v31.16b")
    n("orr v30.16b, v30.16b, v31.16b")


def func(name, tab, kernel, res, big=False):
    out.append("")
    if big:
        out.append("// func %s(dst, x []float64) (big bool)" % name)
        out.append("TEXT ·%s(SB), NOSPLIT, $0-49" % name)
    else:
        out.append("// func %s(dst, x []float64)" % name)
        out.append("TEXT ·%s(SB), NOSPLIT, $0-48" % name)
    go("MOVD dst_base+0(FP), R0")
    go("MOVD x_base+24(FP), R2")
    go("MOVD x_len+32(FP), R1")
    go("MOVD $·%s(SB), R4" % tab)
    go("VLD1.P 64(R4), [V16.D2, V17.D2, V18.D2, V19.D2]")
    go("VLD1.P 64(R4), [V20.D2, V21.D2, V22.D2, V23.D2]")
    go("VLD1.P 64(R4), [V24.D2, V25.D2, V26.D2, V27.D2]")
    if big:
        go("VLD1 (R4), [V28.D2, V29.D2]")
        n("movi v30.2d, #0", "no big lane yet")
    else:
        go("VLD1 (R4), [V28.D2, V29.D2, V30.D2, V31.D2]")
    label("loop")
    go("CMP $2, R1")
    go("BLT tail")
    go("VLD1.P 16(R2), [V0.D2]")
    kernel()
    go("VST1.P [V%d.D2], 16(R0)" % res)
    go("SUB $2, R1, R1")
    go("B loop")
    label("tail")
    comment("one element left: the same code on {x, 0}, one lane stored")
    go("CBZ R1, done")
    go("FMOVD (R2), F0")
    kernel()
    go("FMOVD F%d, (R0)" % res)
    label("done")
    if big:
        comment("big = v30 != 0")
        go("VMOV V30.D[0], R5")
        go("VMOV V30.D[1], R6")
        go("ORR R5, R6, R6")
        go("CMP $0, R6")
        go("CSET NE, R7")
        go("MOVB R7, big+48(FP)")
    go("RET")


func("expF64NEON", "expF64NEONTab", exp_kernel, 0)
func("logF64NEON", "logF64NEONTab", log_kernel, 12)
func("sinF64NEON", "sinCosF64NEONTab", lambda: sincos_kernel(False), 11, big=True)
func("cosF64NEON", "sinCosF64NEONTab", lambda: sincos_kernel(True), 11, big=True)
encode()
sys.stdout.write("""// Code generated by asm/_gen/mathneon/gen.py; DO NOT EDIT.

//go:build !noasm && gc

#include "textflag.h"

// NEON kernels of float64 exp, log, sin and cos, two lanes per Q register: each
// follows its twin (expF64 in math_exp.go, logF64 in math_log.go, sinCosF64 in
// math_sincos.go) step by step, the FMAs where the twin calls math.FMA and
// nowhere else. Vector instructions are WORD encodings (Go's assembler lacks
// them) with the instruction in the comment.
// Constants: expF64NEONTab, logF64NEONTab and sinCosF64NEONTab in math_neon_arm64.go,\n// loaded into V16-V31. sin and cos store x where |x| > trigF64Max (Inf included)\n// and report such lanes, which patchF64 finishes, as the amd64 kernels do.
""")
sys.stdout.write("\n".join(out) + "\n")
