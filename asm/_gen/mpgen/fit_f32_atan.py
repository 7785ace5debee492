#!/usr/bin/env python3
"""float32 coefficients for atanF32L's polynomial (package asm, math_f32_atan.go).

atan(t) = t + t*z*P(z), z = t^2, |t| <= 1/2 (plus margin), fitted with
fit_f32.py's method (float32 coefficients one at a time, Lawson reweighting).
The printed error is relative to atan(t), in units of 2^-24.

Rerun from the repository root (a few seconds):

    python3 asm/_gen/mpgen/fit_f32_atan.py [degree]
"""
import sys

import mpmath
from mpmath import mp, mpf

from fit_f32 import check, f32, fit

mp.prec = 120


def target(z):  # P(z) = (atan(t) - t)/t^3
    if z < mpf(2) ** -40:
        return -mpf(1) / 3 + z / 5 - z * z / 7
    t = mpmath.sqrt(z)
    return (mpmath.atan(t) - t) / (t * z)


def weight(z):  # the error of t*z*P relative to atan(t)
    if z == 0:
        return mpf(0)
    t = mpmath.sqrt(z)
    return t * z / mpmath.atan(t)


def main():
    deg = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    b = (mpf(1) / 2 * (1 + mpf(2) ** -10)) ** 2
    cs = fit(target, weight, mpf(0), b, deg)
    err = check(target, weight, mpf(0), b, cs)
    print("// atanF32L: degree %d in z on [0, %s], max error %s * 2^-24" % (deg, mpmath.nstr(b, 6), mpmath.nstr(err, 3)))
    for i, v in enumerate(cs):
        print("\tatanF32LP%d float32 = %r" % (i, f32(v)))


if __name__ == "__main__":
    main()
