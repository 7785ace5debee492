#!/usr/bin/env python3
"""float32 polynomial coefficients for expF32 and logF32 (package asm, math_f32_coef.go).

The float32 kernels evaluate their polynomials in float32 arithmetic, so the
coefficients are float32 values. They are fitted one at a time, lowest degree first:
a weighted least-squares fit at Chebyshev nodes (close to minimax) gives every
remaining coefficient, the lowest is rounded to float32 and kept, and the rest are
refitted to absorb its rounding error. Lawson's iteration reweights the nodes so
the final error is near equioscillating.

  exp: exp(r) = 1 + r + r^2 * G(r),      |r| <= ln2/2 (plus margin), G of degree 4
  log: log1p(f) = f - f^2/2 + f^3 * R(f), f = m-1, m in [c, 2c), c = float32(sqrt(2)/2)

Errors are printed relative to exp(r) and log1p(f), the quantities the kernels
return before scaling, in units of 2^-24 (about an ulp of float32).

Rerun from the repository root (about a minute):

    python3 asm/_gen/mpgen/fit_f32.py
"""
import struct
import sys

import mpmath
from mpmath import mp, mpf

mp.prec = 120


def f32(v):
    return struct.unpack("<f", struct.pack("<f", float(v)))[0]


def exp_target(r):  # G(r) = (expm1(r) - r) / r^2
    if abs(r) < mpf(2) ** -30:
        return mpf(1) / 2 + r / 6 + r * r / 24
    return (mpmath.expm1(r) - r) / (r * r)


def exp_weight(r):  # the error of r^2*G relative to exp(r)
    return r * r / mpmath.exp(r)


def log_target(f):  # R(f) = (log1p(f) - f + f^2/2) / f^3
    if abs(f) < mpf(2) ** -30:
        return mpf(1) / 3 - f / 4 + f * f / 5
    return (mpmath.log1p(f) - f + f * f / 2) / (f ** 3)


def log_weight(f):  # the error of f^3*R relative to log1p(f)
    if f == 0:
        return mpf(0)
    return abs(f ** 3 / mpmath.log1p(f))


def nodes(a, b, n):
    return [(a + b) / 2 + (b - a) / 2 * mpmath.cos(mp.pi * (i + mpf(1) / 2) / n) for i in range(n)]


def lsq(ts, ys, ws, deg0, deg1, fixed):
    """Weighted least squares for the coefficients deg0..deg1 of sum c_j t^j, with
    the coefficients below deg0 given in fixed."""
    m = deg1 - deg0 + 1
    A = mpmath.matrix(len(ts), m)
    y = mpmath.matrix(len(ts), 1)
    for i, t in enumerate(ts):
        rest = ys[i] - sum(c * t ** j for j, c in enumerate(fixed))
        for j in range(m):
            A[i, j] = ws[i] * t ** (deg0 + j)
        y[i] = ws[i] * rest
    x, _ = mpmath.qr_solve(A, y)
    return [x[j] for j in range(m)]


def fit(target, weight, a, b, deg, npts=120, lawson=30):
    ts = nodes(a, b, npts)
    ys = [target(t) for t in ts]
    base = [weight(t) for t in ts]
    fixed = []
    for j in range(deg + 1):
        lw = [mpf(1)] * npts
        for _ in range(lawson if j < deg else 1):
            ws = [base[i] * mpmath.sqrt(lw[i]) for i in range(npts)]
            cs = lsq(ts, ys, ws, j, deg, fixed)
            full = fixed + cs
            errs = [abs(base[i] * (sum(c * ts[i] ** k for k, c in enumerate(full)) - ys[i])) for i in range(npts)]
            tot = sum(lw[i] * errs[i] for i in range(npts))
            lw = [lw[i] * errs[i] / tot for i in range(npts)]
        fixed.append(mpf(f32(cs[0])))
    return fixed


def check(target, weight, a, b, cs, n=4000):
    err = 0
    for i in range(n + 1):
        t = a + (b - a) * i / n
        p = sum(c * t ** k for k, c in enumerate(cs))
        err = max(err, abs(weight(t) * (p - target(t))))
    return err * 2 ** 24


def main():
    margin = 1 + mpf(2) ** -10
    hln2 = mp.ln2 / 2 * margin
    c = mpf(f32(mp.sqrt(2) / 2))
    kernels = [
        ("expF32", exp_target, exp_weight, -hln2, hln2, int(sys.argv[1]) if len(sys.argv) > 1 else 4),
        ("logF32", log_target, log_weight, (c - 1) * margin, (2 * c - 1) * margin, int(sys.argv[2]) if len(sys.argv) > 2 else 8),
    ]
    for name, target, weight, a, b, deg in kernels:
        cs = fit(target, weight, a, b, deg)
        err = check(target, weight, a, b, cs)
        print("// %s: degree %d on [%s, %s], max error %s * 2^-24" % (
            name, deg, mpmath.nstr(a, 6), mpmath.nstr(b, 6), mpmath.nstr(err, 3)))
        for i, v in enumerate(cs):
            print("\t%sP%d = %r" % (name, i, f32(v)))


if __name__ == "__main__":
    main()
