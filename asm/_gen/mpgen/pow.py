#!/usr/bin/env python3
"""Tables and polynomials for numkit's pow (asm/math_coef.go, used by asm/math_scalar_inv.go),
with mpmath. Run: python3 asm/_gen/mpgen/pow.py 6 3 6 4 (the polynomial degrees; fit errors go to stderr)."""
import struct, sys
import mpmath
from mpmath import mp, mpf
mp.prec = 256

def bits(x): return struct.unpack("<Q", struct.pack("<d", x))[0]
def fbits(b): return struct.unpack("<d", struct.pack("<Q", b))[0]
def dd(v):
    h = float(v); return h, float(v - mpf(h))

def fit(g, a, b, deg, rel=None):
    cs = mpmath.chebyfit(g, [a, b], deg + 1)
    cs = [float(c) for c in reversed(cs)]
    return cs

def maxerr(f, cs, a, b, n=4000, w=lambda t: 1):
    err = 0
    for i in range(n + 1):
        t = a + (b - a) * mpf(i) / n
        p = mpf(0)
        for c in reversed(cs):
            p = p * t + mpf(c)
        e = abs((p - f(t)) * w(t))
        err = max(err, e)
    return err

out = []
def P(s): out.append(s)

# ---------------- float64 log table: N = 128 subintervals of z in [OFF, 2 OFF) by bits
N, SH = 128, 45
# 1.0 lies 2/3 into its subinterval's bit range
one = bits(1.0)
# choose OFF near sqrt(2)/2 with tmp(1.0) = m*2^45 + round(2/3 * 2^45), low 32 bits clear
target = bits(0.7071067811865476)
best = None
for m in range(0, 200):
    off = one - (m << SH) - (2 * (1 << SH)) // 3
    off &= ~((1 << 32) - 1)
    if best is None or abs(off - target) < abs(best - target):
        best = off
OFF = best
t1 = one - OFF
print("OFF %x zmin %r index(1)=%d frac=%f" % (OFF, fbits(OFF), t1 >> SH, (t1 % (1 << SH)) / 2 ** SH), file=sys.stderr)
i1 = t1 >> SH
LN2HI = float(mpmath.floor(mp.ln2 * 2 ** 43 + mpf(1) / 2) / 2 ** 43)
LN2LO = float(mp.ln2 - mpf(LN2HI))
logtab = []
rmin, rmax = mpf(0), mpf(0)
for i in range(N):
    lo_b = OFF + (i << SH)
    hi_b = OFF + ((i + 1) << SH)
    zlo, zhi = mpf(fbits(lo_b)), mpf(fbits(hi_b))
    if i == i1:
        invc = 1.0
    else:
        center = (zlo + zhi) / 2
        if center < 1:
            invc = float(mpmath.nint(128 / center) / 128)
        else:
            invc = float(mpmath.nint(256 / center) / 256)
    if invc == 1.0:
        logc, logct = 0.0, 0.0
    else:
        lc = -mpmath.log(mpf(invc))
        logc = float(mpmath.nint(lc * 2 ** 43) / 2 ** 43)
        logct = float(lc - mpf(logc))
    ra = zlo * mpf(invc) - 1
    rb = zhi * mpf(invc) - 1
    rmin, rmax = min(rmin, ra), max(rmax, rb)
    if invc != 1.0:
        assert abs(logc) > max(abs(ra), abs(rb)) * 1.01, i
        assert abs(logc) - max(abs(ra), abs(rb)) > 0.001, i
    M = mpf(invc) * (128 if invc > 1 else 256)
    assert M == int(M) and M <= 256, (i, invc)
    logtab.append((invc, logc, logct))
print("log r range", mpmath.nstr(rmin, 6), mpmath.nstr(rmax, 6), "index with c=1:", [i for i in range(N) if logtab[i][0] == 1.0], file=sys.stderr)

def g_log1p(r):  # log1p(r) = r - r^2/2 + r^3 g(r)
    if abs(r) < mpf(2) ** -60:
        return mpf(1) / 3 - r / 4 + r * r / 5
    return (mpmath.log1p(r) - r + r * r / 2) / r ** 3
a, b = rmin * (1 + mpf(2) ** -8), rmax * (1 + mpf(2) ** -8)
LOGDEG = int(sys.argv[1]) if len(sys.argv) > 1 else 6
lcs = fit(g_log1p, a, b, LOGDEG)
e = maxerr(g_log1p, lcs, a, b, w=lambda t: t * t)   # error relative to r
print("log1p poly deg %d: rel err (vs r) %s = 2^%s" % (LOGDEG, mpmath.nstr(e, 3), mpmath.nstr(mpmath.log(e, 2), 4)), file=sys.stderr)

# ---------------- float64 exp table: 2^(j/128), tail and bits - j<<45
EXPN = 128
LN2N = mp.ln2 / EXPN
LN2HIN = float(mpmath.floor(LN2N * 2 ** 42 + mpf(1) / 2) / 2 ** 42)   # ~ 53-18 bits: kN < 2^18
# ensure kd*LN2HIN exact for |kd| < 2^18: needs <= 35 significant bits
m, ex = mpmath.frexp(LN2HIN)
LN2LON = float(LN2N - mpf(LN2HIN))
print("ln2hiN", LN2HIN.hex(), "lo", LN2LON, file=sys.stderr)
exptab = []
for j in range(EXPN):
    v = mpf(2) ** (mpf(j) / EXPN)
    h = float(v)
    t = float((v - mpf(h)) / mpf(h))
    exptab.append((t, bits(h) - (j << 45)))
HR = LN2N / 2 * (1 + mpf(2) ** -6)
def g_exp(r):  # expm1(r) = r + r^2 g(r)
    if abs(r) < mpf(2) ** -60:
        return mpf(1) / 2 + r / 6 + r * r / 24
    return (mpmath.expm1(r) - r) / (r * r)
EXPDEG = int(sys.argv[2]) if len(sys.argv) > 2 else 3
ecs = fit(g_exp, -HR, HR, EXPDEG)
e = maxerr(g_exp, ecs, -HR, HR, w=lambda t: t * t)
print("exp poly deg %d: abs err %s = 2^%s" % (EXPDEG, mpmath.nstr(e, 3), mpmath.nstr(mpmath.log(e, 2), 4)), file=sys.stderr)

# ---------------- float32: log2 with N=32 table, exp2 with N=32 table
N32, SH32 = 32, 47
t1 = one - 0  # same scheme on float64 bits of the float32 value
best = None
for m in range(0, 200):
    off = one - (m << SH32) - (2 * (1 << SH32)) // 3
    off &= ~((1 << 32) - 1)
    if best is None or abs(off - target) < abs(best - target):
        best = off
OFF32 = best
tt = one - OFF32
i132 = tt >> SH32
print("OFF32 %x zmin %r index(1)=%d frac=%f" % (OFF32, fbits(OFF32), i132, (tt % (1 << SH32)) / 2 ** SH32), file=sys.stderr)
log2tab = []
rmin32, rmax32 = mpf(0), mpf(0)
for i in range(N32):
    zlo = mpf(fbits(OFF32 + (i << SH32)))
    zhi = mpf(fbits(OFF32 + ((i + 1) << SH32)))
    if i == i132:
        invc, l2c = 1.0, 0.0
    else:
        c = (zlo + zhi) / 2
        m, ex = mpmath.frexp(1 / c)
        invc = float(mpmath.ldexp(mpmath.nint(mpmath.ldexp(m, 29)), ex - 29))  # 29 bits: z*invc exact
        l2c = float(-mpmath.log(mpf(invc)) / mp.ln2)
    ra, rb = zlo * mpf(invc) - 1, zhi * mpf(invc) - 1
    rmin32, rmax32 = min(rmin32, ra), max(rmax32, rb)
    log2tab.append((invc, l2c))
print("log2 f32 r range", mpmath.nstr(rmin32, 6), mpmath.nstr(rmax32, 6), file=sys.stderr)
def g_log2(r):  # log2(1+r) = r * g(r)
    if r == 0:
        return 1 / mp.ln2
    return mpmath.log1p(r) / mp.ln2 / r
L2DEG = int(sys.argv[3]) if len(sys.argv) > 3 else 6
a, b = rmin32 * (1 + mpf(2) ** -8), rmax32 * (1 + mpf(2) ** -8)
l2cs = fit(g_log2, a, b, L2DEG)
e = maxerr(g_log2, l2cs, a, b, w=lambda t: mp.ln2)
print("log2 f32 poly deg %d: rel err %s = 2^%s" % (L2DEG, mpmath.nstr(e, 3), mpmath.nstr(mpmath.log(e, 2), 4)), file=sys.stderr)
EXP2N = 32
exp2tab = [bits(float(mpf(2) ** (mpf(j) / EXP2N))) - (j << 47) for j in range(EXP2N)]
H2 = mpf(1) / (2 * EXP2N) * (1 + mpf(2) ** -8)
def g_exp2(r):  # 2^r = 1 + r g(r)
    if r == 0:
        return mp.ln2
    return (mpf(2) ** r - 1) / r
E2DEG = int(sys.argv[4]) if len(sys.argv) > 4 else 4
e2cs = fit(g_exp2, -H2, H2, E2DEG - 1)
e = maxerr(lambda t: mpf(2) ** t, [1.0] + [0.0] * 0 + [0] if False else None, -H2, H2) if False else None
def e2err():
    err = 0
    for i in range(4001):
        t = -H2 + 2 * H2 * mpf(i) / 4000
        p = mpf(0)
        for c in reversed(e2cs):
            p = p * t + mpf(c)
        err = max(err, abs(1 + t * p - mpf(2) ** t) / mpf(2) ** t)
    return err
e = e2err()
print("exp2 f32 poly deg %d: rel err %s = 2^%s" % (E2DEG, mpmath.nstr(e, 3), mpmath.nstr(mpmath.log(e, 2), 4)), file=sys.stderr)

# ---------------- print Go
P("// pow, float64: x = 2^k * z with z in [%r, %r)," % (fbits(OFF), 2 * fbits(OFF)))
P("// split at the top 7 significand bits of x - powLogOff into 128 subintervals;")
P("// powLogTab[i] = {1/c, log(c) hi, log(c) lo} for subinterval i: 1/c has at most 8")
P("// significant bits, so r = z/c - 1 is exact when formed from z's top 45 and low 8")
P("// bits; log(c) hi is a multiple of 2^-43, so k*powLn2Hi + log(c) hi is exact; and")
P("// c = 1 in the subinterval around 1. log(1+r) = r - r^2/2 + r^3*P(r), |r| < %s." % mpmath.nstr(max(-rmin, rmax), 4))
P("// exp: x = (k + j/128)*ln2 + r, |r| <= ln2/256, e^x = 2^k * 2^(j/128) * (1 + r + r^2*Q(r)),")
P("// powExpTab[j] = {2^(j/128)/hi - 1, bits(hi) - j<<45} with hi = 2^(j/128) rounded.")
P("// Fitted with mpmath.chebyfit as in asm/_gen/mpgen/fit.py: |P error| * r^2 < 2^-70")
P("// relative to log(1+r), |Q error| * r^2 < 2^-63.5; float32: L < 2^-51 and 1 + r*E(r) < 2^-42.5\n// relative.")
P("const (")
P("\tpowLogOff = 0x%x" % OFF)
P("\tpowLn2Hi  = %r // ln2 rounded to a multiple of 2^-43" % LN2HI)
P("\tpowLn2Lo  = %r" % LN2LO)
for i, c in enumerate(lcs):
    P("\tpowLogC%d = %r" % (i, c))
P("")
P("\tpowInvLn2N = %r // 128/ln2" % float(EXPN / mp.ln2))
P("\tpowLn2HiN  = %r // ln2/128 with its low bits clear" % LN2HIN)
P("\tpowLn2LoN  = %r" % LN2LON)
P("\tpowShift   = 0x1.8p52")
for i, c in enumerate(ecs):
    P("\tpowExpC%d = %r" % (i, c))
P(")")
P("")
P("var powLogTab = [128][3]float64{")
for t in logtab:
    P("\t{%r, %r, %r}," % t)
P("}")
P("")
P("var powExpTab = [128]struct {")
P("\ttail float64")
P("\tbits uint64")
P("}{")
for t in exptab:
    P("\t{%r, 0x%016x}," % t)
P("}")
P("")
P("// pow, float32 (computed in float64): log2(x) = k + log2(c) + r*L(r) with r = z/c - 1,")
P("// z and the 32 subintervals as for float64 (top 5 mantissa bits of x - powF32LogOff),")
P("// 1/c rounded to 29 bits so that z*(1/c) - 1 is exact for a float32 z, |r| < %s;" % mpmath.nstr(max(-rmin32, rmax32), 4))
P("// 2^t = 2^k * 2^(j/32) * (1 + r*E(r)), |r| <= 1/64.")
P("const (")
P("\tpowF32LogOff = 0x%x" % OFF32)
P("\tpowF32Shift  = 0x1.8p47 // 0x1.8p52 / 32: t + powF32Shift rounds t to a multiple of 1/32")
for i, c in enumerate(l2cs):
    P("\tpowF32LogC%d = %r" % (i, c))
for i, c in enumerate(e2cs):
    P("\tpowF32ExpC%d = %r" % (i, c))
P(")")
P("")
P("var powF32LogTab = [32][2]float64{ // {1/c, log2(c)}")
for t in log2tab:
    P("\t{%r, %r}," % t)
P("}")
P("")
P("var powF32ExpTab = [32]uint64{ // bits(2^(j/32)) - j<<47")
for i in range(0, 32, 4):
    P("\t" + " ".join("0x%016x," % v for v in exp2tab[i:i + 4]))
P("}")
print("\n".join(out))
