#!/usr/bin/python3
"""Numba column for a peers cases file, translated from the numexpr expression itself.

../shared/peers/run.sh --numba builds its Numba loop from the cases' C expression and
compiles only part of a random set (C library names and nested ?: it does not
translate). This script parses each case's numexpr expression with Python's ast and
writes the loop a Numba user would write by hand: one @njit(parallel=True) prange loop
per outermost reduction and one for the result, the element expression with math.*
functions, `x if c else y` for where, `not` for ~ on booleans, and error_model='numpy'
(IEEE results instead of ZeroDivisionError, as numexpr and NumPy give). Inputs and
timing are those of peers.py: a..e uniform in [0, 1) from numpy.random.default_rng(1),
output preallocated, the median of --repeat runs after one warm-up (which compiles).

Before timing, each loop is checked against numexpr at n = 1000 on the same kind of
inputs (NaN equal to NaN, rtol 1e-4 for float32, 1e-9 for float64; a float32 case
also against numexpr over the inputs in float64, as Numba's math.* compute in
float64); a case that
differs (a scalar at all, an array in more than 20 of the 1000 elements: ill-conditioned
float32 expressions amplify rounding) is reported and not timed.

Run:  /usr/bin/python3 bench/numba/loops.py CASES.tsv [--n N] [--repeat R] [--fastmath]
Prints one line per case: name, Numba median ms (or "failed: why"), as TSV.
"""
import argparse, ast, math, statistics, sys, time

FUNCS = {
    'sin': 'math.sin', 'cos': 'math.cos', 'tan': 'math.tan', 'arcsin': 'math.asin',
    'arccos': 'math.acos', 'arctan': 'math.atan', 'arctan2': 'math.atan2',
    'sinh': 'math.sinh', 'cosh': 'math.cosh', 'tanh': 'math.tanh',
    'arcsinh': 'math.asinh', 'arccosh': 'math.acosh', 'arctanh': 'math.atanh',
    'exp': 'math.exp', 'expm1': 'math.expm1', 'log': 'math.log', 'log10': 'math.log10',
    'log1p': 'math.log1p', 'log2': 'math.log2', 'sqrt': 'math.sqrt', 'abs': 'abs',
    'ceil': 'math.ceil', 'floor': 'math.floor', 'trunc': 'math.trunc', 'fmod': 'np.fmod',  # Numba 0.56 has no math.fmod
    'hypot': 'math.hypot', 'copysign': 'math.copysign', 'isnan': 'math.isnan',
    'isinf': 'math.isinf', 'isfinite': 'math.isfinite',
}
REDUCTIONS = {'sum', 'prod', 'min', 'max', 'mean'}
INPUTS = 'abcde'


class Translator:
    """Turns a numexpr AST into a scalar Python expression over a[i]..e[i]; outermost
    reductions become scalar variables r0, r1, ... computed by their own loops."""

    def __init__(self, dtype):
        self.dtype = dtype
        self.reductions = []  # (variable, function, element expression)

    def expr(self, node):
        m = getattr(self, 'do_' + type(node).__name__, None)
        if m is None:
            raise ValueError('cannot translate %s' % type(node).__name__)
        return m(node)

    def do_Name(self, n):
        if n.id in INPUTS:
            return '%s[i]' % n.id
        if n.id in ('True', 'False'):
            return n.id
        raise ValueError('unknown name %s' % n.id)

    def do_Constant(self, n):
        if isinstance(n.value, bool):
            return repr(n.value)
        if isinstance(n.value, (int, float)):
            return repr(n.value)
        raise ValueError('constant %r' % (n.value,))

    def do_UnaryOp(self, n):
        x = self.expr(n.operand)
        if isinstance(n.op, ast.Invert):
            return '(not %s)' % x  # ~ on a bool; ~ on an int would need -x-1
        if isinstance(n.op, ast.USub):
            return '(-%s)' % x
        if isinstance(n.op, ast.UAdd):
            return '(+%s)' % x
        raise ValueError('unary %s' % type(n.op).__name__)

    BINOPS = {ast.Add: '+', ast.Sub: '-', ast.Mult: '*', ast.Div: '/', ast.Pow: '**',
              ast.Mod: '%', ast.FloorDiv: '//', ast.BitAnd: '&', ast.BitOr: '|',
              ast.BitXor: '^', ast.LShift: '<<', ast.RShift: '>>'}
    CMPOPS = {ast.Lt: '<', ast.LtE: '<=', ast.Gt: '>', ast.GtE: '>=', ast.Eq: '==', ast.NotEq: '!='}

    def do_BinOp(self, n):
        op = self.BINOPS.get(type(n.op))
        if op is None:
            raise ValueError('operator %s' % type(n.op).__name__)
        right = self.expr(n.right)
        if op == '**' and right.lstrip('(-').rstrip(')').isdigit() and '-' in right:
            # Numba's integer power raises ZeroDivisionError for 1/x**k underflowing to 0,
            # whatever the error model: a negative integer exponent is written as a float.
            right = '(%s.0)' % right.strip('()')
        return '(%s %s %s)' % (self.expr(n.left), op, right)

    def do_Compare(self, n):
        if len(n.ops) != 1:
            raise ValueError('chained comparison')
        return '(%s %s %s)' % (self.expr(n.left), self.CMPOPS[type(n.ops[0])], self.expr(n.comparators[0]))

    def do_Call(self, n):
        name = n.func.id if isinstance(n.func, ast.Name) else None
        if n.keywords or name is None:
            raise ValueError('call form')
        args = n.args
        if name == 'where':
            c, x, y = (self.expr(a) for a in args)
            return '(%s if %s else %s)' % (x, c, y)
        if name in REDUCTIONS:
            if len(args) != 1:
                raise ValueError('%s with an axis' % name)
            var = 'r%d' % len(self.reductions)
            self.reductions.append((var, name, self.expr(args[0])))
            return var
        if name == 'exp2':
            return '(2.0 ** %s)' % self.expr(args[0])
        if name not in FUNCS:
            raise ValueError('function %s' % name)
        return '%s(%s)' % (FUNCS[name], ', '.join(self.expr(a) for a in args))


def loop_source(expr, dtype):
    """The Python source of f(a, b, c, d, e, o) -> scalar-or-0.0 for expr, and whether the
    result is a scalar (an outermost reduction)."""
    tree = ast.parse(expr, mode='eval').body
    tr = Translator(dtype)
    body = tr.expr(tree)
    lines = ['def f(a, b, c, d, e, o):', '    n = a.shape[0]']
    for var, name, elem in tr.reductions:
        init = {'sum': '0.0', 'mean': '0.0', 'prod': '1.0', 'min': 'math.inf', 'max': '-math.inf'}[name]
        lines.append('    %s = %s' % (var, init))
        lines.append('    for i in prange(n):')
        if name in ('sum', 'mean'):
            lines.append('        %s += %s' % (var, elem))
        elif name == 'prod':
            lines.append('        %s *= %s' % (var, elem))
        else:
            lines.append('        %s = %s(%s, %s)' % (var, name, var, elem))
        if name == 'mean':
            lines.append('    %s = %s / n' % (var, var))
    scalar = body in [v for v, _, _ in tr.reductions] or '[i]' not in body
    if scalar:
        lines.append('    return %s' % body)
    else:
        lines.append('    for i in prange(n):')
        lines.append('        o[i] = %s' % body)
        lines.append('    return 0.0')
    return '\n'.join(lines) + '\n', scalar


def load_cases(path):
    cases = []
    for line in open(path):
        if not line.strip() or line.startswith('#'):
            continue
        name, dtype, expr = line.rstrip('\n').split('\t')[:3]
        cases.append((name, dtype, expr))
    return cases


def median_time(f, repeat):
    f()
    ts = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        f()
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('cases')
    ap.add_argument('--n', type=int, default=20_000_000)
    ap.add_argument('--repeat', type=int, default=7)
    ap.add_argument('--fastmath', action='store_true', help='compile with fastmath=True')
    ap.add_argument('--show', action='store_true', help='print each generated loop to stderr')
    a = ap.parse_args()
    import numpy as np, numexpr as ne
    from numba import njit, prange
    for name, dtype, expr in load_cases(a.cases):
        dt = np.float64 if dtype == 'float64' else np.float32
        try:
            src, scalar = loop_source(expr, dtype)
            if a.show:
                print('# %s\n%s' % (name, src), file=sys.stderr)
            g = dict(math=math, np=np, prange=prange)
            exec(src, g)
            f = njit(parallel=True, error_model='numpy', fastmath=a.fastmath)(g['f'])
            rng = np.random.default_rng(1)
            small = {v: rng.random(1000).astype(dt) for v in INPUTS}
            out = np.zeros(1000, dtype=dt)
            with np.errstate(all='ignore'):
                got = f(*(small[v] for v in INPUTS), out)
                want = ne.evaluate(expr, local_dict=small)
            got = np.asarray(got if scalar else out, dtype=np.float64)
            want = np.asarray(want, dtype=np.float64)
            rtol = 1e-4 if dt == np.float32 else 1e-9
            if dt == np.float32 and not np.allclose(got, want, rtol=rtol, atol=0, equal_nan=True):
                # Numba's math.* compute float32 inputs in float64: compare with numexpr
                # over the same values in float64 where float32 rounding is amplified.
                with np.errstate(all='ignore'):
                    want = np.asarray(ne.evaluate(expr, local_dict={v: x.astype(np.float64) for v, x in small.items()}),
                                      dtype=np.float32).astype(np.float64)
            bad = np.flatnonzero(~np.isclose(got, want, rtol=rtol, atol=0, equal_nan=True))
            if len(bad) > (0 if scalar else 20):  # a few ill-conditioned elements may differ
                raise ValueError('differs from numexpr at n=1000 (%d elements; first: %r vs %r)' %
                                 (len(bad), got.flat[bad[0]], want.flat[bad[0]]))
            rng = np.random.default_rng(1)
            env = {v: rng.random(a.n).astype(dt) for v in INPUTS}
            o = np.empty(a.n, dtype=dt)
            args = [env[v] for v in INPUTS] + [o]
            with np.errstate(all='ignore'):
                s = median_time(lambda: f(*args), a.repeat)
            print('%s\t%.3f' % (name, s * 1e3), flush=True)
        except Exception as ex:
            print('%s\tfailed: %s' % (name, str(ex).strip().splitlines()[0][:160]), flush=True)


if __name__ == '__main__':
    main()
