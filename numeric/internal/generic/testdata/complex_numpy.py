#!/usr/bin/python3
"""Reference values of numkit's complex functions, from NumPy.

Writes to stdout one case a line,
    func  x.re x.im [y.re y.im]  want.re want.im
as float.hex() text. Inputs with a non-finite part take NumPy's complex128 result
(C99 Annex G special values, as NumPy's C library gives them); finite inputs take the
function computed in long double (np.clongdouble: 64-bit significands on x86-64) and
rounded once to complex128, so the reference is accurate to far below one ULP. log1p
and expm1 are computed from their definitions in long double (NumPy computes complex
log1p as log(1 + z), which loses small values). numkit's test
(complex_numpy_test.go) runs it when NumPy is installed and compares every case.
"""
import itertools
import sys

import numpy as np

np.seterr(all="ignore")
L = np.longdouble
CL = np.clongdouble

parts = [0.0, -0.0, 5e-324, 1e-300, 1e-20, 1e-8, 0.001, 0.25, 0.5, 0.75, 0.9999999, 1.0,
         1.0000001, 1.5, 2.0, 3.0, 7.5, 10.0, 30.0, 100.0, 700.0, 1e10, 1e150, 1e300]
parts = parts + [-p for p in parts if p != 0.0]
specials = [float("inf"), float("-inf"), float("nan")]
finite = [complex(a, b) for a, b in itertools.product(parts, parts)]
special = [complex(a, b) for a, b in itertools.product(parts + specials, specials)] + \
          [complex(a, b) for a, b in itertools.product(specials, parts)]

unary = {
    "sqrt": np.sqrt, "exp": np.exp, "log": np.log, "log10": np.log10,
    "sin": np.sin, "cos": np.cos, "tan": np.tan,
    "sinh": np.sinh, "cosh": np.cosh, "tanh": np.tanh,
    "arcsin": np.arcsin, "arccos": np.arccos, "arctan": np.arctan,
    "arcsinh": np.arcsinh, "arccosh": np.arccosh, "arctanh": np.arctanh,
    "log1p": np.log1p, "expm1": np.expm1,
}


def log1p_ld(z):
    x, y = L(z.real), L(z.imag)
    if abs(x) > 0.5 or abs(y) > 0.5:  # 1 + x is exact in long double here
        c = np.zeros(1, dtype=CL)
        c.real, c.imag = 1 + x, y
        return complex(np.log(c)[0])
    re = np.log1p(2 * x + x * x + y * y) / 2
    return complex(float(re), float(np.arctan2(y, 1 + x)))


def expm1_ld(z):
    x, y = L(z.real), L(z.imag)
    s = np.sin(y / 2)
    return complex(float(np.expm1(x) * np.cos(y) - 2 * s * s), float(np.exp(x) * np.sin(y)))


def ref(name, z):
    if name == "log1p" and np.isfinite(z):
        return log1p_ld(z)
    if name == "expm1" and np.isfinite(z):
        return expm1_ld(z)
    if np.isfinite(z):
        return complex(unary[name](CL(z)))
    return complex(unary[name](np.complex128(z)))


def h(f):
    return float(f).hex()


out = sys.stdout
for name in unary:
    for z in finite + special:
        w = ref(name, z)
        out.write(f"{name} {h(z.real)} {h(z.imag)} {h(w.real)} {h(w.imag)}\n")

# Arithmetic and powers on a smaller grid (products of all pairs).
small = [0.0, -0.0, 1e-300, 0.5, 1.0, -1.0, 2.0, -3.0, 1e10, 1e300, -1e300]
pz = [complex(a, b) for a, b in itertools.product(small, small)]
pspecial = [complex(float("inf"), 0.0), complex(0.0, float("nan")), complex(float("-inf"), 1.0)]
for x, y in itertools.product(pz + pspecial, pz + pspecial):
    cx, cy = np.complex128(x), np.complex128(y)
    for name, w in (("mul", cx * cy), ("div", cx / cy)):
        out.write(f"{name} {h(x.real)} {h(x.imag)} {h(y.real)} {h(y.imag)} {h(w.real)} {h(w.imag)}\n")
bases = [complex(a, b) for a, b in itertools.product([0.0, 0.5, 1.0, -2.0, 3.0], [0.0, 1.0, -0.5])]
exps = [complex(a, b) for a, b in itertools.product([0.0, 1.0, 2.0, 3.0, -1.0, -2.0, 0.5, 2.5, 7.0, 150.0], [0.0, 1.0])]
for x, y in itertools.product(bases, exps):
    w = np.complex128(x) ** np.complex128(y)
    out.write(f"pow {h(x.real)} {h(x.imag)} {h(y.real)} {h(y.imag)} {h(w.real)} {h(w.imag)}\n")
for z in finite + special:
    w = np.abs(np.complex128(z))
    out.write(f"abs {h(z.real)} {h(z.imag)} {h(w)} {h(0.0)}\n")
