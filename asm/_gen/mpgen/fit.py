#!/usr/bin/env python3
"""Polynomial coefficients for numkit's vector math kernels (package asm), fitted with mpmath.

Each kernel approximates a smooth auxiliary function g on a small interval by a
polynomial in t (t = r or t = r*r), using mpmath.chebyfit (Chebyshev interpolation,
within a small factor of the minimax error), then rounds the coefficients to float64.
The printed max errors are relative to g, measured at 4000 points with the rounded
coefficients. The Go constants in asm/math_*_coef.go were pasted from this output.

Rerun from the repository root (seconds):

    python3 asm/_gen/mpgen/fit.py            # polynomial coefficients
    python3 asm/_gen/mpgen/fit.py --tables   # 2/pi bits, dd constants (pow: pow.py)
"""
import mpmath
from mpmath import mp, mpf

mp.prec = 200

PIO4 = mp.pi / 4 * (1 + mpf(2) ** -10)  # a little margin: the reduced argument can exceed pi/4 by an ulp
HLN2 = mp.ln2 / 2 * (1 + mpf(2) ** -10)
SQ = (mp.sqrt(2) - 1) / (mp.sqrt(2) + 1)


def g_exp(r):  # exp(r) = 1 + r + r^2 * g(r)
    if abs(r) < mpf(2) ** -40:
        return mpf(1) / 2 + r / 6 + r * r / 24
    return (mpmath.expm1(r) - r) / (r * r)


def g_log(z):  # log((1+s)/(1-s)) = 2s + s*z*g(z), z = s^2
    if z == 0:
        return mpf(2) / 3
    s = mpmath.sqrt(z)
    return (mpmath.log((1 + s) / (1 - s)) - 2 * s) / (s * z)


def g_sin(y):  # sin(r) = r + r^3 g(y), y = r^2
    if y == 0:
        return -mpf(1) / 6
    r = mpmath.sqrt(y)
    return (mpmath.sin(r) - r) / (r * y)


def g_cos(y):  # cos(r) = 1 - y/2 + y^2 g(y)
    if y == 0:
        return mpf(1) / 24
    r = mpmath.sqrt(y)
    return (mpmath.cos(r) - 1 + y / 2) / (y * y)


def g_atan(z):  # atan(u) = u + u*z*g(z), z = u^2
    if z == 0:
        return -mpf(1) / 3
    u = mpmath.sqrt(z)
    return (mpmath.atan(u) - u) / (u * z)


TPI16 = mpmath.tan(mp.pi / 16) * (1 + mpf(2) ** -10)

KERNELS = [
    # name, g, interval, degree
    ("expF64", g_exp, (-HLN2, HLN2), 9),
    ("expF32", g_exp, (-HLN2, HLN2), 5),
    ("logF64", g_log, (0, SQ * SQ * (1 + mpf(2) ** -10)), 6),
    ("logF32", g_log, (0, SQ * SQ * (1 + mpf(2) ** -10)), 3),
    ("sinF64", g_sin, (0, PIO4 * PIO4), 5),
    ("cosF64", g_cos, (0, PIO4 * PIO4), 5),
    ("sinF32", g_sin, (0, PIO4 * PIO4), 3),
    ("cosF32", g_cos, (0, PIO4 * PIO4), 3),
    ("atanF64", g_atan, (0, TPI16 * TPI16), 9),
]


def fit(g, a, b, deg):
    coeffs = mpmath.chebyfit(g, [a, b], deg + 1)  # highest degree first
    cs = [float(c) for c in reversed(coeffs)]
    err = 0
    for i in range(4001):
        t = a + (b - a) * i / 4000
        p = mpf(0)
        for c in reversed(cs):
            p = p * t + mpf(c)
        gv = g(t)
        err = max(err, abs((p - gv) / gv))
    return cs, err


def main():
    for name, g, (a, b), deg in KERNELS:
        cs, err = fit(g, a, b, deg)
        print("// %s: degree %d on [%s, %s], max relative error %s" % (
            name, deg, mpmath.nstr(a, 6), mpmath.nstr(b, 6), mpmath.nstr(err, 3)))
        for i, c in enumerate(cs):
            print("\t%sC%d = %s" % (name, i, repr(c)))


def dd(v):
    hi = float(v)
    return hi, float(v - mpf(hi))


def tables():
    """2/pi bits for trigReducePH and double-double constants. (pow's tables and
    polynomials come from pow.py.)"""
    w = 2 / mp.pi
    words = []
    with mp.workprec(3000):
        w = 2 / mp.pi
        for _ in range(22):
            w *= 2 ** 64
            n = int(mpmath.floor(w))
            words.append(n)
            w -= n
    print("// twoOverPiBits")
    print(", ".join("0x%016x" % n for n in words))
    print("// pi/2, pi/8, pi, 1/ln2, 1/ln10, ln2, tan(pi/8) as double-doubles")
    for name, v in [("pio2", mp.pi / 2), ("pio8", mp.pi / 8), ("pi", mp.pi), ("invLn2", 1 / mp.ln2),
                    ("invLn10", 1 / mpmath.log(10)), ("ln2", mp.ln2), ("tanPio8", mpmath.tan(mp.pi / 8)),
                    ("tan3Pio8", mpmath.tan(3 * mp.pi / 8))]:
        h, l = dd(v)
        print("\t%sHi, %sLo = %r, %r" % (name, name, h, l))


if __name__ == "__main__":
    import sys
    if "--tables" in sys.argv or "--two-over-pi" in sys.argv:
        tables()
    else:
        main()
