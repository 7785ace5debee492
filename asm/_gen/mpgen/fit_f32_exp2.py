#!/usr/bin/env python3
"""float32 coefficients for exp2F32's polynomial (package asm, math_f32_exp2.go).

2^r = 1 + r*Q(r), |r| <= 1/2 (plus margin), fitted with fit_f32.py's method
(float32 coefficients one at a time, Lawson reweighting). The printed error is
relative to 2^r, in units of 2^-24.

Rerun from the repository root (a few seconds):

    python3 asm/_gen/mpgen/fit_f32_exp2.py [degree]
"""
import sys

import mpmath
from mpmath import mp, mpf

from fit_f32 import check, f32, fit

mp.prec = 120


def target(r):  # Q(r) = (2^r - 1)/r
    if abs(r) < mpf(2) ** -40:
        return mp.ln2 + r * mp.ln2 ** 2 / 2
    return mpmath.expm1(r * mp.ln2) / r


def weight(r):  # the error of r*Q relative to 2^r
    return abs(r) / mpf(2) ** r


def main():
    deg = int(sys.argv[1]) if len(sys.argv) > 1 else 6
    b = mpf(1) / 2 * (1 + mpf(2) ** -10)
    cs = fit(target, weight, -b, b, deg)
    err = check(target, weight, -b, b, cs)
    print("// exp2F32: degree %d on [%s, %s], max error %s * 2^-24" % (deg, mpmath.nstr(-b, 6), mpmath.nstr(b, 6), mpmath.nstr(err, 3)))
    for i, v in enumerate(cs):
        print("\texp2F32Q%d float32 = %r" % (i, f32(v)))


if __name__ == "__main__":
    main()
