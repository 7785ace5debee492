#!/usr/bin/env python3
"""Reference values for numkit's vector math (package asm), computed with mpmath.

Writes asm/testdata/ulp/<func>_<f64|f32>.txt. Each data line holds hex bit patterns:

    unary  f64:  x        hi       d
    binary f64:  x  y     hi       d         (in argument order: atan2(y, x), pow(x, y))
    unary  f32:  x(8 hex) hi(8 hex) d(16 hex, a float64)

hi is the correctly rounded result in the target type (round to nearest even,
gradual underflow, overflow to Inf) and lo the float64 nearest to (exact - hi),
so the error of a computed value v in ULPs is |(v - hi)/ulp - d|, where d is the
last column: (exact - hi) in ULPs of the exact value's binade, as a float64
(ulp = the ULP of hi's binade, halved when |hi| is a power of two and the exact
value lies below it, i.e. d and hi have opposite signs).
Only finite inputs whose result is a real number appear here; NaN, Inf and zero
inputs are checked against Go's math package in the tests.

Rerun (deterministic, a few minutes on one core), from the repository root:

    apt-get install -y python3-mpmath   # Debian's package; 1.3.0 was used
    python3 asm/_gen/mpgen/gen.py
"""
import math
import os
import random
import struct
import sys

import mpmath
from mpmath import mp, mpf

mp.prec = 300

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "testdata", "ulp")

F64 = dict(name="f64", p=53, emin=-1022, emax=1023, hexw=16)
F32 = dict(name="f32", p=24, emin=-126, emax=127, hexw=8)


def round_to(v, t):
    """Correctly round the mpf v to type t; returns a Python float (f32 values are exact)."""
    if v == 0:
        return 0.0
    if mpmath.isinf(v):
        return math.copysign(math.inf, v)
    sign = -1 if v < 0 else 1
    a = abs(v)
    e = int(mpmath.floor(mpmath.log(a, 2)))
    # guard against log2 being off by one at binade edges
    while mpmath.ldexp(1, e) > a:
        e -= 1
    while mpmath.ldexp(1, e + 1) <= a:
        e += 1
    qe = max(e, t["emin"]) - (t["p"] - 1)
    s = mpmath.ldexp(a, -qe)
    n = int(mpmath.floor(s))
    frac = s - n
    if frac > 0.5 or (frac == 0.5 and n % 2 == 1):
        n += 1
    if n.bit_length() + qe > t["emax"] + 1:
        return sign * math.inf
    return sign * math.ldexp(float(n), qe)


def bits(x, t):
    if t["name"] == "f64":
        return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]
    return "%08x" % struct.unpack("<I", struct.pack("<f", x))[0]


def f64bits(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def to_type(x, t):
    """Round a Python float to the nearest value of type t (f32: via struct)."""
    if t["name"] == "f64":
        return x
    try:
        return struct.unpack("<f", struct.pack("<f", x))[0]
    except OverflowError:
        return math.copysign(3.4028234663852886e38, x)


rng = random.Random(20240604)


def loguni(lo, hi):
    return math.exp(rng.uniform(math.log(lo), math.log(hi)))


def sgn():
    return -1.0 if rng.random() < 0.5 else 1.0


def anyfinite(t):
    """Random finite positive value of type t, uniform in exponent and mantissa (incl. subnormals)."""
    if t["name"] == "f64":
        while True:
            b = rng.getrandbits(63)
            x = struct.unpack("<d", struct.pack("<Q", b))[0]
            if math.isfinite(x) and x != 0:
                return x
    while True:
        b = rng.getrandbits(31)
        x = struct.unpack("<f", struct.pack("<I", b))[0]
        if math.isfinite(x) and x != 0:
            return x


def neighbours(x, t, k=3):
    """x and the k representable values either side of it (for threshold probing)."""
    out = []
    x = to_type(x, t)
    if t["name"] == "f64":
        b = struct.unpack("<q", struct.pack("<d", x))[0]
        for d in range(-k, k + 1):
            out.append(struct.unpack("<d", struct.pack("<q", b + d))[0])
    else:
        b = struct.unpack("<i", struct.pack("<f", x))[0]
        for d in range(-k, k + 1):
            out.append(struct.unpack("<f", struct.pack("<i", b + d))[0])
    return [v for v in out if math.isfinite(v)]


def near_pio2_multiples(t, count, kmax):
    out = []
    for _ in range(count):
        k = rng.randint(1, kmax)
        x = float(mpf(k) * mp.pi / 2)
        out += neighbours(x, t, 1)
    return out


# ---- input sets per function -------------------------------------------------

def inputs(name, t, n):
    is64 = t["name"] == "f64"
    big = 1e300 if is64 else 3e38
    tiny = 1e-300 if is64 else 1e-40
    ov = 709.782712893384 if is64 else 88.72283935546875
    un = -745.1332191019412 if is64 else -103.97208404541016
    xs = []
    if name in ("exp", "expm1"):
        lo = un if name == "exp" else -50.0
        xs += [rng.uniform(lo, ov) for _ in range(n // 3)]
        xs += [sgn() * loguni(tiny, 700) for _ in range(n // 3)]
        xs += [rng.uniform(-1, 1) for _ in range(n // 6)]
        sub = -708.4 if is64 else -87.33
        xs += [rng.uniform(un - 0.5, sub) for _ in range(n // 12)]
        xs += neighbours(ov, t, 20) + neighbours(un, t, 20) + neighbours(sub, t, 5)
        xs += [ov + 1, un - 1, 1000.0, -1000.0, 1.0, -1.0, 0.5, 1e-10, -1e-10]
    elif name == "exp2":
        emax, emin = (1024.0, -1075.0) if is64 else (128.0, -150.0)
        xs += [rng.uniform(emin, emax) for _ in range(n // 2)]
        xs += [sgn() * loguni(tiny, 1000) for _ in range(n // 3)]
        xs += [rng.uniform(-1, 1) for _ in range(n // 6)]
        for v in (emax, emin, emin + 1, emax - 1, emin / 2 - 12, 0.5, -0.5):
            xs += neighbours(v, t, 5)
        xs += [float(i) for i in range(-20, 21)]
    elif name in ("log", "log2", "log10"):
        xs += [anyfinite(t) for _ in range(n // 2)]
        xs += [1.0 + sgn() * loguni(1e-17, 0.5) for _ in range(n // 3)]
        xs += [loguni(0.1, 10) for _ in range(n // 6)]
        xs += neighbours(1.0, t, 10) + neighbours(math.sqrt(2), t, 5) + neighbours(math.sqrt(0.5), t, 5)
        xs += [2.0 ** i for i in range(-149 if not is64 else -1074, 128 if not is64 else 1024, 7)]
        xs += [10.0 ** i for i in range(-30, 31)]
    elif name == "log1p":
        xs += [loguni(tiny, big) for _ in range(n // 3)]
        xs += [-loguni(tiny, 0.999) for _ in range(n // 3)]
        xs += [-1 + loguni(1e-16 if is64 else 1e-7, 0.5) for _ in range(n // 6)]
        xs += [sgn() * loguni(1e-10, 1) for _ in range(n // 6)]
        xs += neighbours(-0.5, t, 3) + neighbours(math.sqrt(2) - 1, t, 3) + neighbours(math.sqrt(0.5) - 1, t, 3)
    elif name in ("sin", "cos", "tan"):
        xs += [rng.uniform(-10, 10) for _ in range(n // 4)]
        xs += [sgn() * loguni(tiny, 1e5) for _ in range(n // 4)]
        xs += [sgn() * loguni(1e5, 1e22) for _ in range(n // 8)]
        xs += near_pio2_multiples(t, n // 24, 100000)
        xs += near_pio2_multiples(t, n // 48, 10 ** 8 if is64 else 10 ** 6)
        xs += [sgn() * loguni(1e22, big) for _ in range(n // 30)]
        xs += [sgn() * anyfinite(t) for _ in range(n // 30)]
        xs += neighbours(math.pi / 4, t, 3) + neighbours(math.pi / 2, t, 3) + neighbours(math.pi, t, 3)
        for thr in (2.0 ** 19, 2.0 ** 20, 1e6, 2.0 ** 29, 2.0 ** 30, 1e9, 2.0 ** 52, 2.0 ** 60):
            xs += neighbours(thr, t, 2)
    elif name in ("sinh", "cosh", "tanh"):
        hi = (710.4758600739439 if is64 else 89.41598629223294)
        xs += [rng.uniform(-hi - 1, hi + 1) for _ in range(n // 3)]
        xs += [sgn() * loguni(tiny, 30) for _ in range(n // 3)]
        xs += [rng.uniform(-2, 2) for _ in range(n // 6)]
        xs += neighbours(hi, t, 10) + neighbours(-hi, t, 10)
        xs += neighbours(0.5, t, 2) + neighbours(1.0, t, 2) + neighbours(22.0, t, 2) + neighbours(0.625, t, 2)
    elif name == "atan":
        xs += [sgn() * anyfinite(t) for _ in range(n // 2)]
        xs += [rng.uniform(-4, 4) for _ in range(n // 4)]
        xs += [sgn() * loguni(1e-10, 1e10) for _ in range(n // 4)]
    elif name in ("asin", "acos"):
        xs += [rng.uniform(-1, 1) for _ in range(n // 3)]
        xs += [sgn() * loguni(tiny, 1) for _ in range(n // 3)]
        xs += [sgn() * (1 - loguni(1e-16 if is64 else 1e-7, 0.5)) for _ in range(n // 3)]
        xs += neighbours(0.5, t, 3) + neighbours(-0.5, t, 3) + neighbours(1.0, t, 3)[:4] + neighbours(-1.0, t, 3)[-4:]
    elif name == "asinh":
        xs += [sgn() * anyfinite(t) for _ in range(n // 4)]
        xs += [rng.uniform(-4, 4) for _ in range(n // 4)]
        xs += [sgn() * loguni(tiny, 1e10) for _ in range(n // 4)]
        xs += [sgn() * loguni(1e-10, 1e-6) for _ in range(n // 8)]
        for v in (2.0 ** 28, 2.0 ** -28, 1.0, 0.5):
            xs += neighbours(v, t, 3) + neighbours(-v, t, 3)
    elif name == "acosh":
        xs += [1 + loguni(1e-16 if is64 else 1e-7, 1) for _ in range(n // 3)]
        xs += [loguni(1, big) for _ in range(n // 3)]
        xs += [rng.uniform(1, 10) for _ in range(n // 6)]
        xs += neighbours(1.0, t, 5) + neighbours(2.0 ** 28, t, 3) + neighbours(2.0, t, 2)
    elif name == "atanh":
        xs += [sgn() * loguni(tiny, 1) for _ in range(n // 3)]
        xs += [rng.uniform(-1, 1) for _ in range(n // 3)]
        xs += [sgn() * (1 - loguni(1e-16 if is64 else 1e-7, 0.5)) for _ in range(n // 3)]
        for v in (0.5, 2.0 ** -28, 1.0):
            xs += neighbours(v, t, 3) + neighbours(-v, t, 3)
    xs = [to_type(v, t) for v in xs]
    xs = [v for v in xs if math.isfinite(v)]
    if name in ("log", "log2", "log10"):
        xs = [v for v in xs if v > 0]
    elif name == "log1p":
        xs = [v for v in xs if v > -1]
    elif name in ("asin", "acos"):
        xs = [v for v in xs if -1 <= v <= 1]
    elif name == "acosh":
        xs = [v for v in xs if v >= 1]
    elif name == "atanh":
        xs = [v for v in xs if -1 < v < 1]
    return xs


def inputs2(name, t, n):
    is64 = t["name"] == "f64"
    out = []
    if name == "atan2":
        for _ in range(n):
            y = sgn() * (anyfinite(t) if rng.random() < 0.3 else loguni(1e-10, 1e10))
            r = rng.random()
            if r < 0.3:
                x = sgn() * anyfinite(t)
            elif r < 0.6:
                x = sgn() * abs(y) * loguni(1e-3, 1e3)
            else:
                x = sgn() * loguni(1e-10, 1e10)
            out.append((y, x))
    elif name == "pow":
        ov = 709.0 if is64 else 88.0
        un = -744.0 if is64 else -103.0
        for _ in range(n):
            r = rng.random()
            if r < 0.4:
                x = loguni(1e-300 if is64 else 1e-38, 1e300 if is64 else 1e38)
                y = rng.uniform(un, ov) / math.log(x) if x != 1 else 2.0
            elif r < 0.6:
                x = loguni(1e-3, 1e3)
                y = sgn() * loguni(1e-3, 50)
            elif r < 0.75:
                x = 1 + sgn() * loguni(1e-12 if is64 else 1e-6, 1e-1)
                y = sgn() * loguni(1, 1e6)
            elif r < 0.9:
                x = -loguni(1e-3, 1e3)
                y = float(rng.randint(-60, 60))
            else:
                x = loguni(0.1, 10)
                y = float(rng.randint(-300, 300))
            out.append((x, y))
    out = [(to_type(a, t), to_type(b, t)) for a, b in out]
    return [(a, b) for a, b in out if math.isfinite(a) and math.isfinite(b)]


# ---- reference functions -------------------------------------------------------

LN2 = None


def ref(name, x):
    x = mpf(x)
    if name == "exp":
        return mpmath.exp(x)
    if name == "expm1":
        return mpmath.expm1(x)
    if name == "exp2":
        return mpmath.power(2, x)
    if name == "log":
        return mpmath.log(x)
    if name == "log2":
        return mpmath.log(x) / mp.ln2
    if name == "log10":
        return mpmath.log10(x)
    if name == "log1p":
        return mpmath.log1p(x)
    if name == "sin":
        return mpmath.sin(x)
    if name == "cos":
        return mpmath.cos(x)
    if name == "tan":
        return mpmath.tan(x)
    if name == "sinh":
        return mpmath.sinh(x)
    if name == "cosh":
        return mpmath.cosh(x)
    if name == "tanh":
        return mpmath.tanh(x)
    if name == "atan":
        return mpmath.atan(x)
    if name == "asin":
        return mpmath.asin(x)
    if name == "acos":
        return mpmath.acos(x)
    if name == "asinh":
        return mpmath.asinh(x)
    if name == "acosh":
        return mpmath.acosh(x)
    if name == "atanh":
        return mpmath.atanh(x)
    raise ValueError(name)


def ref2(name, a, b):
    a, b = mpf(a), mpf(b)
    if name == "atan2":
        return mpmath.atan2(a, b)
    if name == "pow":
        if a < 0:
            r = mpmath.power(-a, b)
            return -r if int(b) % 2 else r
        return mpmath.power(a, b)
    raise ValueError(name)


def accurate(f):
    """Evaluate f at 300 bits and again at 600; widen until they agree (large trig args)."""
    with mp.workprec(300):
        v1 = f()
    with mp.workprec(600):
        v2 = f()
    if v1 != 0 and abs(v2 - v1) > abs(v2) * mpf(2) ** -120:
        with mp.workprec(2000):
            v2 = f()
    return v2


def lo_part(v, hi, t):
    """(exact - hi) in ULPs of the exact value's binade (a half-ULP or less)."""
    if math.isinf(hi) or v == 0:
        return 0.0
    with mp.workprec(2100):
        a = abs(v)
        e = int(mpmath.floor(mpmath.log(a, 2)))
        while mpmath.ldexp(1, e) > a:
            e -= 1
        while mpmath.ldexp(1, e + 1) <= a:
            e += 1
        ulp = mpmath.ldexp(1, max(e, t["emin"]) - (t["p"] - 1))
        return float((v - mpf(hi)) / ulp)


UNARY = ["exp", "expm1", "exp2", "log", "log1p", "log2", "log10", "sin", "cos", "tan",
         "tanh", "sinh", "cosh", "atan", "asin", "acos"]
BINARY = ["atan2", "pow"]
# Added later, each with its own seed so that the files above stay reproducible.
SEEDED = ["asinh", "acosh", "atanh"]
MAIN = {"exp", "log", "sin", "cos"}


def write(name, t, rows, header):
    path = os.path.join(OUT, "%s_%s.txt" % (name, t["name"]))
    with open(path, "w") as f:
        f.write("# %s %s: %s. Generated by asm/_gen/mpgen/gen.py (mpmath %s); do not edit.\n"
                % (name, t["name"], header, mpmath.__version__))
        for r in rows:
            f.write(" ".join(r) + "\n")
    print(path, len(rows), file=sys.stderr)


def main():
    only = set(sys.argv[1:])
    os.makedirs(OUT, exist_ok=True)
    for t in (F64, F32):
        for name in UNARY + SEEDED:
            if only and name not in only:
                continue
            n = 4000 if name in MAIN else 2500
            if t["name"] == "f32":
                n = n * 3 // 4
            state = rng.getstate()
            if name in SEEDED:
                rng.seed("%s_%s" % (name, t["name"]))
            xs = sorted(set(inputs(name, t, n)), key=lambda v: (abs(v), v))
            if name in SEEDED:
                rng.setstate(state)
            rows = []
            for x in xs:
                v = accurate(lambda: ref(name, x))
                hi = round_to(v, t)
                rows.append((bits(x, t), bits(hi, t), f64bits(lo_part(v, hi, t))))
            write(name, t, rows, "x hi d")
        for name in BINARY:
            if only and name not in only:
                continue
            n = 2000 if t["name"] == "f64" else 1500
            ps = inputs2(name, t, n)
            rows = []
            for a, b in ps:
                v = accurate(lambda: ref2(name, a, b))
                hi = round_to(v, t)
                rows.append((bits(a, t), bits(b, t), bits(hi, t), f64bits(lo_part(v, hi, t))))
            write(name, t, rows, "a b hi d")


if __name__ == "__main__":
    main()
