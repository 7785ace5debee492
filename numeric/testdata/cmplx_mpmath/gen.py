#!/usr/bin/env python3
"""Correctly rounded reference values of numkit's complex functions, from mpmath.

Run by hand (any Python 3 with mpmath; NumPy is not needed), from this directory:

    python3 gen.py | gzip -9n > cases.txt.gz

TestComplexMpmath (numeric/complex_mpmath_test.go) reads cases.txt.gz; no Python runs
at test time. Each line is one case,

    fn  k  prec  x.re x.im  y.re y.im  want.re want.im

as float.hex() text: fn the function (sqrt ... arctanh, abs, pow for z**w with both
operands arrays, powk for z**k with the constant k, div for z/w, mul for z*w), k the constant of
powk ("-" otherwise), prec 64 (complex128 operands, want rounded to float64) or 32
(complex64: every input part is a float32, want rounded to float32), y the second
operand (0 0 for unary functions). A want part written "0" is a zero whose sign the
generator leaves open; every other part, a signed zero included, is the exact value
rounded to nearest-even in the target format (with its subnormals and overflow to
inf), from mpmath at 256 bits (77 digits) plus twice the binary exponent range of the
arguments' parts (a part of the value can hide below the others by that many bits:
atanh(z) ~ 1/z), then at more until two successive precisions round alike.

Inputs: per function, random arguments whose parts are log-uniform over the whole
finite range, uniform in [-6, 6], drawn from a list of awkward values (subnormals,
1 +- ulp, pi/2, overflow thresholds) or +-0, in every quadrant, plus each function's
hard places: its branch cuts with both signs of zero (NumPy's and C99 Annex G's side:
the result is evaluated at a point 2**-150 * |z| off the cut on the zero's side),
branch points, poles, zeros, |z| near 1 for log, cancellation in expm1. Parts of
infinite or NaN arguments are not here: TestComplexNumPy (internal/generic) checks
those bit for bit against NumPy (Annex G). The random draws are seeded: the output is
reproducible.
"""
import math
import random
import struct
import sys

import mpmath
from mpmath import mp, mpc, mpf

UNARY = {
    "sqrt": mpmath.sqrt, "exp": mpmath.exp, "log": mpmath.log, "log1p": lambda z: log1p(z),
    "expm1": lambda z: expm1(z), "sin": mpmath.sin, "cos": mpmath.cos, "tan": mpmath.tan,
    "sinh": mpmath.sinh, "cosh": mpmath.cosh, "tanh": mpmath.tanh,
    "arcsin": mpmath.asin, "arccos": mpmath.acos, "arctan": mpmath.atan,
    "arcsinh": mpmath.asinh, "arccosh": mpmath.acosh, "arctanh": mpmath.atanh,
}
ENTIRE = {"exp", "expm1", "sin", "cos", "tan", "sinh", "cosh", "tanh"}  # no cuts
POWK = [2, 3, 4, 5, 7, 10, -1, -2, -3, 0.5, 1.5, -0.5, -2.5]
FMT = {64: (53, -1022, 1023), 32: (24, -126, 127)}  # precision, emin, emax


def to32(v):
    """v rounded to the nearest float32 (as a Python float)."""
    try:
        return struct.unpack("f", struct.pack("f", v))[0]
    except OverflowError:
        return math.copysign(math.inf, v)


def rnd(v, prec):
    """The mpf v rounded to nearest-even in the binary format prec (64 or 32)."""
    p, emin, emax = FMT[prec]
    if mpmath.isnan(v):
        return math.nan
    if mpmath.isinf(v):
        return math.inf if v > 0 else -math.inf
    if v == 0:
        return 0.0
    neg = v < 0
    m, e = abs(v).man_exp
    top = e + m.bit_length() - 1
    if top > emax:
        return -math.inf if neg else math.inf
    if top < emin - p - 1:  # below half the smallest subnormal: either zero will do
        return "0"
    q = max(top - (p - 1), emin - (p - 1))
    if e >= q:
        n = m << (e - q)
    else:
        s = q - e
        n, rem, half = m >> s, m & ((1 << s) - 1), 1 << (s - 1)
        if rem > half or (rem == half and n & 1):
            n += 1
    if n == 0:
        return "0"  # a nonzero value that rounds to zero: either zero will do
    if n.bit_length() + q > emax + 1:
        r = math.inf
    else:
        r = math.ldexp(n, q)
    return -r if neg else r


def hexf(v):
    return v.hex() if isinstance(v, float) else v


def evaluate(fn, z, y, k):
    """The exact value (at mp.prec) of fn at the mpc z (and the float y), as an mpc."""
    if fn in UNARY:
        return mpc(UNARY[fn](z))
    if fn == "abs":
        return mpc(mpmath.hypot(z.real, z.imag))
    w = mpc(y.real, y.imag)
    if fn == "div":
        return z / w
    if fn == "mul":
        return z * w
    if fn == "powk":
        y = complex(k)
        w = mpc(k)
        if 2 * k == int(2 * k) and k != int(k):  # sqrt(z)**2k: exact zero parts stay zero
            return mpmath.sqrt(z) ** int(2 * k)
    if y.imag == 0 and y.real == int(y.real) and abs(y.real) < 1e4:
        return z ** int(y.real)  # exact zero parts stay zero
    return mpmath.exp(w * mpmath.log(z))  # NumPy's principal value


def side(x):
    """x with each zero part replaced by a step of its sign off the axis, small enough
    to be linear for every function here: 2**-150·min(1, |x|), or for x = 0 2**-200
    along the real axis and 2**-400 along the imaginary one (the real part's sign
    decides first, as atan2(±0, ±0) has it: log(-0 + 0j) is -inf + πj)."""
    if x == 0:
        sx = mpf(2) ** -200 if math.copysign(1, x.real) > 0 else -mpf(2) ** -200
        sy = mpf(2) ** -400 if math.copysign(1, x.imag) > 0 else -mpf(2) ** -400
        return mpc(sx, sy)
    eta = mpf(min(1.0, abs(x))) * mpf(2) ** -150

    def one(p):
        return mpf(p) if p != 0 else (eta if math.copysign(1, p) > 0 else -eta)
    return mpc(one(x.real), one(x.imag))


def exact(fn, x, y, k):
    """The value's parts, each an mpf or the string "0" (a zero whose sign is open),
    on the side of the cuts the signs of x's zero parts pick."""
    v0 = evaluate(fn, mpc(x.real, x.imag), y, k)
    if fn in ("abs", "div", "mul") or (x.real != 0 and x.imag != 0):
        return [p if p != 0 or mpmath.isnan(p) else "0" for p in (v0.real, v0.imag)]
    ve = evaluate(fn, side(x), y, k)
    if fn == "pow" or fn == "powk" and k < 0:
        # The zero's side of the cut (the sides of z**w differ by more than a sign for
        # a complex w); zero parts of the value left unsigned (z**-k is NumPy's
        # 1/z**k, whose zeros' signs are its algorithm's).
        return [b if a != 0 or mpmath.isnan(a) else "0" for a, b in zip((v0.real, v0.imag), (ve.real, ve.imag))]
    out = []
    # A part that is 0 at x is the step's first-order change off it (below 2**-60:
    # a sign) or, at a singular point (log(±0 ± 0j)), the side's limit (π).
    mod = mpmath.fabs(v0)
    scale = mod if 0 < mod < mpmath.inf else mpf(1)
    tiny = scale * mpf(2) ** -60
    pole = fn != "log" and (mpmath.isinf(v0.real) or mpmath.isinf(v0.imag))  # Annex G: inf ± 0j
    for a, b in ((v0.real, ve.real), (v0.imag, ve.imag)):
        if a == 0 and (fn in ENTIRE or pole or mpmath.fabs(b) <= tiny):  # a zero: its sign from the side
            out.append("0" if b == 0 else ("+0" if b > 0 else "-0"))
        elif a == 0 or fn not in ENTIRE and not mpmath.isinf(a) and abs(a - b) > scale * mpf(2) ** -80:
            out.append(b)  # on a cut (or at the singular z = 0 of log): the zero's side
        else:
            out.append(a)
    return out


def expm1(z):
    """e**z - 1 from real functions (mpmath's complex expm1 cancels in its real part)."""
    x, y = z.real, z.imag
    s = mpmath.sin(y / 2)
    return mpc(mpmath.expm1(x) * mpmath.cos(y) - 2 * s * s, mpmath.exp(x) * mpmath.sin(y))


def log1p(z):
    """log(1 + z) from real functions (1 + z rounds away a small z)."""
    x, y = z.real, z.imag
    if abs(x) > 0.5 or abs(y) > 0.5:
        return mpmath.log(1 + z)
    return mpc(mpmath.log1p(2 * x + x * x + y * y) / 2, mpmath.atan2(y, 1 + x))


def rounded(fn, x, y, k, prec):
    """The rounded parts: evaluated at 256 bits, then at more until two successive
    precisions round alike."""
    # A tiny part of the value can hide below the others by as many bits as the
    # arguments' parts span (atanh(z) ~ 1/z, asin(z) ~ z): start above twice that.
    span = max([abs(math.frexp(v)[1]) for v in (x.real, x.imag, y.real, y.imag) if v != 0] + [0])
    base = 256 + 2 * max(span, 400 if x == 0 else 150)
    res = []
    for bits in (base, base * 3 // 2, base * 3, base * 6):
        mp.prec = bits
        try:
            parts = exact(fn, x, y, k)
        except (ZeroDivisionError, ValueError):
            return None
        r = []
        for p in parts:
            if isinstance(p, str):
                r.append({"0": "0", "+0": 0.0, "-0": -0.0}[p])
            else:
                r.append(rnd(p, prec))
        if fn == "log1p" and x == 0:
            r[0] = "0"  # log1p(-0 ± 0j): NumPy's log(1 + z) gives +0, the limit -0
        res.append(r)
        if len(res) > 1 and [hexf(v) for v in res[-2]] == [hexf(v) for v in res[-1]]:
            return r
    raise SystemExit(f"{fn}({x}, {y}): the precisions round differently: {res}")


AWKWARD = [5e-324, 1e-310, 2.2250738585072014e-308, 1e-300, 1e-200, 1e-100, 1e-30, 1e-16,
           1.1102230246251565e-16, 1e-8, 1e-4, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99,
           0.9999999999999999, 1.0, 1.0000000000000002, 1.01, 1.5, 1.5707963267948966,
           2.0, 3.0, 3.141592653589793, 5.0, 10.0, 20.0, 30.0, 50.0, 100.0, 300.0, 700.0,
           709.78, 710.0, 1e3, 1e5, 1e10, 1e16, 1e20, 1e50, 1e100, 1e150, 1e200, 1e300,
           1.7e308]
AWKWARD32 = [1.4e-45, 1e-40, 1.1754944e-38, 1e-30, 1e-20, 1e-10, 5.9604645e-08, 1e-4, 0.01,
             0.1, 0.5, 0.9, 0.99999994, 1.0, 1.0000001, 1.5, 1.5707964, 2.0, 3.1415927,
             10.0, 30.0, 88.7, 89.0, 100.0, 1e4, 1e10, 1e20, 1e30, 3e38]


def part(rng, prec, lo=-320, hi=308):
    r = rng.random()
    s = rng.choice((1.0, -1.0))
    if prec == 32:
        lo, hi = max(lo, -45), min(hi, 38)
    if r < 0.4:
        v = s * 10 ** rng.uniform(lo, hi)
    elif r < 0.7:
        v = rng.uniform(-6, 6)
    elif r < 0.85:
        v = s * rng.choice(AWKWARD32 if prec == 32 else AWKWARD)
    else:
        v = s * 0.0
    if math.isinf(v):
        v = s * 1e300
    return to32(v) if prec == 32 else v


def cplx(rng, prec, lo=-320, hi=308):
    return complex(part(rng, prec, lo, hi), part(rng, prec, lo, hi))


def hard(fn, rng):
    """Each function's hard places (float64 values)."""
    out = []
    pz, nz = 0.0, -0.0
    mags = [1e-300, 1e-20, 0.5, 0.999, 1.0, 1.001, 2.0, 10.0, 1e10, 1e300]
    if fn in ("sqrt", "log"):  # the negative real axis
        out += [complex(-m, z) for m in mags for z in (pz, nz)] + [complex(m, z) for m in mags for z in (pz, nz)]
        out += [complex(pz, pz), complex(nz, pz), complex(nz, nz), complex(pz, nz)]
    if fn == "log":  # |z| near 1
        for _ in range(60):
            t, d = rng.uniform(-math.pi, math.pi), rng.choice((1, -1)) * 10 ** rng.uniform(-16, -1)
            out.append(complex((1 + d) * math.cos(t), (1 + d) * math.sin(t)))
    if fn == "log1p":  # the cut below -1, near 0, near -1, |1 + z| near 1
        out += [complex(-1 - m, z) for m in mags for z in (pz, nz)] + [complex(-m, z) for m in mags if m < 1 for z in (pz, nz)]
        for _ in range(60):
            t, d = rng.uniform(-math.pi, math.pi), rng.choice((1, -1)) * 10 ** rng.uniform(-16, -1)
            out.append(complex((1 + d) * math.cos(t) - 1, (1 + d) * math.sin(t)))
            out.append(complex(rng.choice((1, -1)) * 10 ** rng.uniform(-300, -3), rng.choice((1, -1)) * 10 ** rng.uniform(-300, -3)))
    if fn in ("arcsin", "arccos", "arctanh"):  # the real axis beyond +-1, branch points
        out += [complex(s * m, z) for s in (1, -1) for m in mags for z in (pz, nz)]
        out += [complex(s * (1 + d), z) for s in (1, -1) for d in (1e-16, 1e-8, -1e-8) for z in (1e-300, -1e-20, 1e-8)]
    if fn == "arccosh":  # the real axis below 1
        out += [complex(s * m, z) for s in (1, -1) for m in mags for z in (pz, nz)]
        out += [complex(pz, z) for z in (pz, nz)] + [complex(nz, z) for z in (pz, nz)]
    if fn in ("arctan", "arcsinh"):  # the imaginary axis beyond +-1j
        out += [complex(z, s * m) for s in (1, -1) for m in mags for z in (pz, nz)]
        out += [complex(z, s * (1 + d)) for s in (1, -1) for d in (1e-16, 1e-8, -1e-8) for z in (1e-300, -1e-20, 1e-8)]
    if fn in ("tan", "sin", "cos"):  # poles and zeros of tan, zeros of sin and cos
        for kk in (1, 2, 3, 10, 1000):
            for base in (math.pi / 2, math.pi):
                x = kk * base
                for y in (pz, nz, 1e-300, 1e-10, 0.5, 20.0, 400.0):
                    out.append(complex(x, y))
                    out.append(complex(-x, -y))
    if fn in ("tan", "tanh"):  # tan y below 1e-7 (Go's math.Tan returns y there)
        for t in (8.118417722680424e-08, 3e-8, 9.9e-8, 1.2e-7, 2e-300):
            for u in (0.0, -0.0, 1e-9, 0.3, 2.0):
                out.append(complex(t, u) if fn == "tan" else complex(u, t))
    if fn in ("tanh", "sinh", "cosh"):  # the same along the imaginary axis
        for kk in (1, 2, 3, 10, 1000):
            for base in (math.pi / 2, math.pi):
                y = kk * base
                for x in (pz, nz, 1e-300, 1e-10, 0.5, 20.0, 400.0):
                    out.append(complex(x, y))
                    out.append(complex(-x, -y))
    if fn == "exp":  # overflow and underflow thresholds
        out += [complex(x, y) for x in (709.7, 709.78, 709.8, 710.5, -745.0, -708.5, -740.0)
                for y in (pz, nz, 0.5, 3.0, 1e10, 1.5707963267948966)]
    if fn == "expm1":  # e**x·cos y = 1: the real part cancels
        for _ in range(80):
            y = rng.choice((1, -1)) * 10 ** rng.uniform(-10, 0.15)
            out.append(complex(-math.log(math.cos(y)), y))
        out += [complex(x, y) for x in (1e-300, -1e-20, 1e-10, -0.5, 709.7, 710.0) for y in (pz, nz, 1e-300, 1e-10, 6.283185307179586)]
    return out


def in_range(x, k, prec):
    """Whether |x|**|k| stays within the format (NumPy's binary powering and Smith's
    quotient make NaN from an intermediate inf - inf or 0·inf: numkit has NumPy's
    algorithms, so the table keeps their intermediates finite)."""
    digits = 300 if prec == 64 else 36
    return x != 0 and abs(abs(k) * math.log10(abs(x))) < digits


def cases(rng):
    for fn in list(UNARY) + ["abs", "div", "pow", "mul"]:
        for prec, n in ((64, 420), (32, 220)):
            for _ in range(n):
                x = cplx(rng, prec)
                y = 0j
                if fn == "mul":
                    x, y = cplx(rng, prec, -150, 150), cplx(rng, prec, -150, 150)
                    if prec == 32:
                        x, y = cplx(rng, prec, -18, 18), cplx(rng, prec, -18, 18)
                if fn == "div":
                    y = cplx(rng, prec)
                    if not 1e-300 < abs(y) if prec == 64 else not 1e-36 < abs(y):
                        continue
                if fn == "pow":
                    x = cplx(rng, prec, -30, 30)
                    if x == 0:
                        continue
                    y = complex(part(rng, prec, -3, 1.3), part(rng, prec, -3, 1.3))
                    y = complex(max(-20.0, min(20.0, y.real)), max(-20.0, min(20.0, y.imag)))
                    if y.imag == 0 and y.real == int(y.real) and not in_range(x, y.real, prec):
                        continue
                yield fn, "-", prec, x, y
        for x in hard(fn, rng):
            yield fn, "-", 64, x, 0j
            x32 = complex(to32(x.real), to32(x.imag))
            if x32.real - x32.real == 0 and x32.imag - x32.imag == 0:
                yield fn, "-", 32, x32, 0j
    for k in POWK:
        for prec, n in ((64, 90), (32, 50)):
            for _ in range(n):
                x = cplx(rng, prec, -25, 25)
                if not in_range(x, k, prec):
                    continue
                yield "powk", k, prec, x, complex(k, 0)


def main():
    rng = random.Random(20261207)
    w = sys.stdout.write
    for fn, k, prec, x, y in cases(rng):
        r = rounded(fn, x, y, k, prec)
        if r is None:
            continue
        w(f"{fn} {k} {prec} {x.real.hex()} {x.imag.hex()} {y.real.hex()} {y.imag.hex()} {hexf(r[0])} {hexf(r[1])}\n")


if __name__ == "__main__":
    main()
