#!/usr/bin/env python3
"""Polynomial coefficients for the trig family's vector kernels (asm/math_trig_coef.go),
fitted with fit.py's method (mpmath.chebyfit, coefficients rounded to float64).

    python3 asm/_gen/mpgen/trig.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mpmath  # noqa: E402
from mpmath import mp, mpf  # noqa: E402
import fit  # noqa: E402

mp.prec = 200


def g_asin(z):  # asin(w) = w + w*z*g(z), z = w^2
    if z == 0:
        return mpf(1) / 6
    w = mpmath.sqrt(z)
    return (mpmath.asin(w) - w) / (w * z)


QUARTER = mpf(1) / 4 * (1 + mpf(2) ** -10)

KERNELS = [
    ("atanF32", fit.g_atan, (0, fit.TPI16 * fit.TPI16), 4),
    ("asinF64", g_asin, (0, QUARTER), 12),
    ("asinF32", g_asin, (0, QUARTER), 5),
]

if __name__ == "__main__":
    for name, g, (a, b), deg in KERNELS:
        cs, err = fit.fit(g, a, b, deg)
        print("// %s: degree %d on [%s, %s], max relative error %s" % (
            name, deg, mpmath.nstr(a, 6), mpmath.nstr(b, 6), mpmath.nstr(err, 3)))
        for i, c in enumerate(cs):
            print("\t%sC%d = %s" % (name, i, repr(c)))
