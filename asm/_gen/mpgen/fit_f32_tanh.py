#!/usr/bin/env python3
"""float32 coefficients for tanhF32's polynomial (package asm, math_f32_tanh.go).

tanh(a) = a + a*z*P(z), z = a^2, 0 <= a <= 0.55 (plus margin), fitted with
fit_f32.py's method (float32 coefficients one at a time, Lawson reweighting).
The printed error is relative to tanh(a), in units of 2^-24.

Rerun from the repository root (a few seconds):

    python3 asm/_gen/mpgen/fit_f32_tanh.py [degree]
"""
import sys

import mpmath
from mpmath import mp, mpf

from fit_f32 import check, f32, fit

mp.prec = 120


def target(z):  # P(z) = (tanh(a) - a)/(a*z)
    if z < mpf(2) ** -40:
        return -mpf(1) / 3 + 2 * z / 15 - 17 * z * z / 315
    a = mpmath.sqrt(z)
    return (mpmath.tanh(a) - a) / (a * z)


def weight(z):  # the error of a*z*P relative to tanh(a)
    if z == 0:
        return mpf(0)
    a = mpmath.sqrt(z)
    return a * z / mpmath.tanh(a)


def main():
    deg = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    b = (mpf(0.55) * (1 + mpf(2) ** -10)) ** 2
    cs = fit(target, weight, mpf(0), b, deg)
    err = check(target, weight, mpf(0), b, cs)
    print("// tanhF32: degree %d in z on [0, %s], max error %s * 2^-24" % (deg, mpmath.nstr(b, 6), mpmath.nstr(err, 3)))
    for i, v in enumerate(cs):
        print("\ttanhF32P%d float32 = %r" % (i, f32(v)))


if __name__ == "__main__":
    main()
