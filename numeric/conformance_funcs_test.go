package numeric

// The conformance table's functions, reductions and lengths.

import (
	"fmt"
	"testing"
)

var (
	confFloatFuncs = []string{"sin", "cos", "tan", "arcsin", "arccos", "arctan", "sinh",
		"cosh", "tanh", "arcsinh", "arccosh", "arctanh", "exp", "expm1", "exp2", "log",
		"log1p", "log2", "log10", "sqrt"}
	confFloatFuncs2 = []string{"arctan2", "hypot", "fmod", "copysign", "nextafter", "pow"}
	confExactFuncs  = []string{"abs", "sign", "ceil", "floor", "trunc", "round", "isnan",
		"isinf", "isfinite", "signbit"}
)

// confFunctionCases: every function on every type, on special values and on smooth
// values in each function's domain.
func confFunctionCases() []confCase {
	var cases []confCase
	for _, f := range append(append([]string{}, confFloatFuncs...), confExactFuncs...) {
		for _, x := range confTypeVars {
			cases = append(cases,
				confCase{src: f + "(" + x.one + ")", n: confBlock, ulp: f},
				confCase{src: f + "(" + x.sc + ")", n: 1, ulp: f})
		}
		for _, x := range []string{"x", "xf", "y", "yf", "u", "uf", "w", "n32", "n64"} {
			cases = append(cases, confCase{src: f + "(" + x + ")", n: 300, ulp: f})
		}
	}
	for _, f := range append(append([]string{}, confFloatFuncs2...), "maximum", "minimum") {
		for _, x := range confTypeVars {
			for _, y := range confTypeVars {
				cases = append(cases, confCase{src: f + "(" + x.one + ", " + y.two + ")", n: confPairLen, ulp: f})
			}
			cases = append(cases, confCase{src: f + "(" + x.one + ", " + x.sc + ")", n: confBlock, ulp: f})
		}
		for _, xy := range [][2]string{{"x", "y"}, {"xf", "yf"}, {"u", "x"}, {"uf", "xf"}, {"n32", "y"}, {"w", "2.5"}} {
			cases = append(cases, confCase{src: f + "(" + xy[0] + ", " + xy[1] + ")", n: 300, ulp: f})
		}
	}
	for _, x := range confTypeVars {
		for _, y := range confTypeVars {
			cases = append(cases,
				confCase{src: fmt.Sprintf("where(%s, %s, %s)", x.one, y.one, x.two), n: confPairLen},
				confCase{src: fmt.Sprintf("clip(%s, %s, %s)", x.one, y.two, x.sc), n: confPairLen})
		}
	}
	cases = append(cases,
		confCase{src: "where(sb, x, y)", n: 10}, confCase{src: "where(c, 1, 0)", n: 10},
		confCase{src: "where(c, sd, s32)", n: 10}, confCase{src: "where(d1 > 0, d1, 0.0)", n: confBlock},
		confCase{src: "clip(d1, -1, 1)", n: confBlock}, confCase{src: "clip(d1, d2, 1)", n: confPairLen},
		confCase{src: "clip(x, 1, -1)", n: 20}, confCase{src: "clip(i1, -5, 5)", n: confBlock},
		confCase{src: "sin(x) * 2 + 1", n: 100, ulp: "sin"},
		confCase{src: "sqrt(x*x + y*y)", n: 100, ulp: "sqrt"},
		confCase{src: "sin(1e22) + cos(1e300) + tan(1e10)", n: 1, ulp: "tan"},
		confCase{src: "sin(x * 1e15)", n: 100, ulp: "sin"},
		confCase{src: "log(y) + log10(y) + log2(y)", n: 100, ulp: "log"},
		confCase{src: "exp(x * 250)", n: 100, ulp: "exp"},
		confCase{src: "exp(xf * 30)", n: 100, ulp: "exp"},
	)
	return cases
}

// confReductionCases: every reduction on every type, scalars, empty arrays and
// reductions inside expressions.
func confReductionCases() []confCase {
	var cases []confCase
	for _, r := range []string{"sum", "prod", "min", "max", "mean"} {
		for _, x := range confTypeVars {
			cases = append(cases,
				confCase{src: r + "(" + x.one + ")", n: confBlock},
				confCase{name: r + "(" + x.one + ")/empty", src: r + "(" + x.one + ")", n: 0},
				confCase{src: r + "(" + x.sc + ")", n: 1},
				confCase{src: r + "(" + x.sc + ")", n: 5})
		}
		for _, x := range []string{"x", "xf", "n32", "n64", "c", "i1", "l1"} {
			cases = append(cases, confCase{src: r + "(" + x + ")", n: 1000})
		}
		cases = append(cases, confCase{src: r + "(2)", n: 1}, confCase{src: r + "(2.5)", n: 1},
			confCase{src: "x + " + r + "(3)", n: 10})
	}
	cases = append(cases,
		confCase{src: "a - mean(a)", vars: Vars{"a": []float64{1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 6}}},
		confCase{src: "x - mean(x)", n: 5000},
		confCase{src: "xf - mean(xf)", n: 5000},
		confCase{src: "sum(x - mean(x*2)) / sum(y)", n: 5000},
		confCase{src: "sum(xf - mean(xf*2)) / sum(yf)", n: 5000},
		confCase{src: "max(x) - min(x) + max(n32) * min(n64)", n: 5000},
		confCase{src: "sum(where(c, 1, 0)) + sum(c)", n: 5000},
		confCase{src: "prod(where(c, 1.0001, 0.9999))", n: 5000},
		confCase{src: "prod(where(n32 > 45, 2, 1))", n: 5000},
		confCase{src: "sum(n32 * 100000)", n: 5000},
		confCase{src: "sum(n64 * n64 * n64)", n: 5000},
		confCase{src: "mean(n32) + mean(n64)", n: 5000},
		confCase{src: "x / sum(y) * mean(x)", n: 100},
		confCase{src: "sum(sum(x) * x)", n: 100},
		confCase{src: "max(d1)", vars: Vars{"d1": []float64{1, -0.0, 0}}},
		confCase{src: "sum(x)", vars: Vars{"x": []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}}},
	)
	return cases
}

// confLengths are the lengths around the engine's block size (4096) and its parallel
// threshold (32768); -short leaves out the longest.
func confLengths() []int {
	lens := []int{0, 1, 2, 3, 4095, 4096, 4097, 8191, 8193}
	if !testing.Short() {
		lens = append(lens, 32767, 32768, 40000, 40001)
	}
	return lens
}

// confLengthCases: one expression of each kind at every length.
func confLengthCases() []confCase {
	exprs := []struct{ src, ulp string }{
		{"2*x + 3*y**2 - x*y", ""},
		{"where(c, x, -y) * n32", ""},
		{"n32 // 7 + n64 % 5 - (n32 << 3) + (n64 >> 2)", ""},
		{"xf * 2.5 + yf", ""}, {"xf * yf + xf / 3", "/"},
		{"(x < y) & ~c | (n32 > 0)", ""},
		{"exp(u)", "exp"}, {"sin(xf)", "sin"}, {"sqrt(y)", "sqrt"}, {"x ** 3 - y ** -2.5", "pow"},
		{"arctan2(x, y)", "arctan2"}, {"maximum(x, 0) + minimum(xf, 1)", ""},
		{"x // 0.3 + x % 0.3", "/"}, {"round(x * 10) + floor(xf) + ceil(n32 / 7)", "/"},
		{"sum(x)", ""}, {"sum(xf)", ""}, {"mean(x)", ""}, {"mean(xf)", ""}, {"prod(u*0.1+1)", ""},
		{"sum(n32)", ""}, {"sum(c)", ""}, {"prod(c)", ""}, {"mean(n64)", ""},
		{"x - mean(x)", ""}, {"sum(x - mean(x*2)) / sum(y)", ""},
		{"max(x)", ""}, {"min(xf)", ""}, {"max(n32)", ""}, {"min(n64)", ""},
	}
	var cases []confCase
	for _, e := range exprs {
		for _, n := range confLengths() {
			cases = append(cases, confCase{name: fmt.Sprintf("%s/n=%d", e.src, n), src: e.src, n: n, ulp: e.ulp})
		}
	}
	return cases
}
