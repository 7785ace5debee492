package numeric

// The conformance table of numexpr 2.14's semantics (docs/language.md): literals and
// constant folding as Python computes them, bools in arithmetic, copy, ones_like, real,
// imag and the .real/.imag attributes, reductions with an axis, and 200 levels of
// parentheses. Each row is compared with the reference on every backend.

import "strings"

func confNumexprCases() []confCase {
	nest := strings.Repeat("(", 200) + "d1 + 1" + strings.Repeat(")", 200)
	srcs := []string{
		// Folding in exact arithmetic; the folded value's type is int32, int64 or float64.
		"2**40", "2**-1", "2**31", "-2**31", "-2**63", "2**62 + 2**62 - 1", "2**63 - 1",
		"d1 + 2**40", "f1 + 2**40", "i1 + 2**40", "i1 * 2**31", "i1 + (-2**31)",
		"i1 + 2**31 - 1", "d1 * 2**-1", "l1 + (1 << 40)", "(2**64 + 5) % 2**32",
		"10**18 * 10 // 100", "2**64 // 2**32 + i1", "-7 // 2 + d1", "7.0 // -2 + d1",
		"2**0.5 * d1", "True + True", "True * 3 + i1", "-True", "+True", "1/3 + d1",
		"(2**53 + 1) / 1", "2**53 + 1 == 2.0**53", "9007199254740993 * 1.0",
		"(-2)**63 + l1", "2**31 // 2 + i1", "-(-2**31) + i1", "4**0.5", "10**-3",
		"2 ** 3 ** 2 + i1", "0x7FFF_FFFF + 1", "-2147483648 + i1", "i1 ** (2**5 - 30)",
		"d1 ** (1/2)", "1e-320 * 2", "2.0**-1074", "10.0**-400",
		// Bools in arithmetic: 0/1 in the other operand's type; + is |, * is &.
		"b1 + b2", "b1 * b2", "b1 / b2", "b1 + i1", "b1 * d1", "b1 - f1", "l1 - b2",
		"b1 // i1", "d1 % b2", "b1 & i1", "b1 | l1", "b1 ^ i1", "i1 << b1", "b1 < d1",
		"b1 == 1", "b1 >= 0.5", "b1 ** 2", "d1 ** b1", "b1 ** 0.5", "f1 ** b2",
		"where(c, b1, i1)", "where(c, 2.5, b1)", "+b1", "b1 + sb", "sb * d1", "b1 + True",
		"b1 * True", "b1 + 1.5", "sum(b1 + b2)", "sum(b1 * d1)", "(d1 > 0) * d1",
		"(x > 0) + (y > 5)", "(x > 0) * (y > 5)",
		// copy, ones_like, real, imag and the attributes, on every type.
		"copy(d1)", "copy(f1)", "copy(b1)", "copy(i1) + 1", "ones_like(d1)", "ones_like(f1)",
		"ones_like(i1)", "ones_like(l1)", "ones_like(b1)", "ones_like(s32)", "ones_like(sd)",
		"real(f1)", "real(l1)", "imag(f1)", "imag(d1)", "imag(l1)", "imag(b1)", "d1.real",
		"d1.imag", "(d1 + f1).real * 2", "i1.imag + i1", "f1.real.real", "copy(2**40)",
		"sum(d1.real)", "d1 ** 2 + d1.imag", "1.5.real + d1", "sd.imag",
		// Reductions with an axis on 1-D inputs.
		"sum(d1, axis=None)", "sum(d1, axis=0)", "sum(d1, -1)", "prod(f1, 0)",
		"min(i1, axis=-1)", "max(l1, None)", "sum(b1, axis=0)", "sum(i1, axis=-1)",
		"d1 - max(d1, axis=0)", "sum(sd, axis=0)", "max(f1, axis=(-1))", "sum(d1, axis=1-1)",
		// Nesting.
		nest, strings.Repeat("-", 200) + "d1", strings.Repeat("copy(", 199) + "i1" + strings.Repeat(")", 199),
	}
	cases := make([]confCase, 0, len(srcs))
	for _, src := range srcs {
		name := src
		if len(name) > 60 {
			name = name[:30] + "…" + name[len(name)-10:]
		}
		cases = append(cases, confCase{name: name, src: src, n: confBlock + 3, ulp: confNumexprULP(src)})
	}
	return cases
}

func confNumexprULP(src string) string {
	if strings.Contains(src, "**") {
		return "pow"
	}
	return ""
}
