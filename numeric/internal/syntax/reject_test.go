package syntax

import (
	"errors"
	"strings"
	"testing"
)

// rejectTests are inputs Parse must reject: msg is a substring of the message, and
// off, line, col the exact position.
var rejectTests = []struct {
	src       string
	msg       string
	off       int
	line, col int
}{
	// Empty input, lone operators, unbalanced parentheses, trailing garbage.
	{"", "empty expression", 0, 1, 1},
	{"  \n\t# only a comment", "empty expression", 0, 1, 1},
	{"+", `unexpected end of expression after "+"`, 1, 1, 2},
	{"a +", `unexpected end of expression after "+"`, 3, 1, 4},
	{"a + \n", `unexpected end of expression after "+"`, 3, 1, 4},
	{"*", `unexpected "*": it needs an operand on its left`, 0, 1, 1},
	{"**", `unexpected "**"`, 0, 1, 1},
	{"a ** ", `unexpected end of expression after "**"`, 4, 1, 5},
	{"** a", `unexpected "**"`, 0, 1, 1},
	{"a + * b", `unexpected "*" after "+"`, 4, 1, 5},
	{"a + )", `unexpected ")"`, 4, 1, 5},
	{"()", `unexpected ")"`, 1, 1, 2},
	{"(a + b", `unclosed "("`, 0, 1, 1},
	{"x * ((a + b)", `unclosed "("`, 4, 1, 5},
	{"(", `unclosed "("`, 0, 1, 1},
	{"f(a, b", `unclosed "(" of the call of f`, 1, 1, 2},
	{"f(a,", `unclosed "(" of the call of f`, 1, 1, 2},
	{"f(", `unclosed "(" of the call of f`, 1, 1, 2},
	{"a)", `unmatched ")"`, 1, 1, 2},
	{"(a))", `unmatched ")"`, 3, 1, 4},
	{"(a]", `unmatched "]"`, 2, 1, 3},
	{"a}", `unmatched "}"`, 1, 1, 2},
	{"a b", `unexpected name "b" after expression (missing operator?)`, 2, 1, 3},
	{"(a b)", `unexpected name "b" after expression`, 3, 1, 4},
	{"f(a b)", `unexpected name "b" after expression`, 4, 1, 5},
	{"2 3", `unexpected number "3" after expression`, 2, 1, 3},
	{"a True", `unexpected "True" after expression`, 2, 1, 3},
	{"a ~ b", `"~" is a unary operator`, 2, 1, 3},
	{"a:", `unexpected ":" after expression`, 1, 1, 2},
	{":", `unexpected ":"`, 0, 1, 1},
	{"a < b < c", "chained comparisons are not supported: write (a < b) & (b < c)", 6, 1, 7},
	{"a == b <= c", "write (a == b) & (b <= c) instead of a == b <= c", 7, 1, 8},
	{"(a < b < c)", "chained comparisons", 7, 1, 8},

	// Calls.
	{"f(,)", `unexpected ","`, 2, 1, 3},
	{"f(a,,b)", `unexpected ","`, 4, 1, 5},
	{"f(x=1, a)", "positional argument follows keyword argument in the call of f", 7, 1, 8},
	{"f(x=1, x=2)", "keyword argument x repeated in the call of f", 7, 1, 8},
	{"f(x=)", `unexpected ")"`, 4, 1, 5},
	{"f(a+1=2)", `"=" (assignment) is not supported`, 5, 1, 6},
	{"f(*a)", `unexpected "*"`, 2, 1, 3},
	{"(a)(b)", `only a function name can be called`, 3, 1, 4},
	{"2(3)", `only a function name can be called`, 1, 1, 2},
	{"True(1)", `only a function name can be called`, 4, 1, 5},
	{"f(a)(b)", `only a function name can be called`, 4, 1, 5},

	// Python keywords.
	{"a and b", `"and" is not supported: use "&"`, 2, 1, 3},
	{"a or b", `"or" is not supported: use "|"`, 2, 1, 3},
	{"not a", `"not" is not supported: use "~"`, 0, 1, 1},
	{"a not in b", `"not in" is not supported`, 2, 1, 3},
	{"a in b", `"in" is not supported`, 2, 1, 3},
	{"a is b", `"is" is not supported: use "==" or "!="`, 2, 1, 3},
	{"a if c else b", "use where(cond, a, b)", 2, 1, 3},
	{"lambda x: x", `"lambda" is not supported`, 0, 1, 1},
	{"sum(x for x in a)", `comprehensions ("for") are not supported`, 6, 1, 7},
	{"a + None b", `unexpected name "b" after expression`, 9, 1, 10},
	{"import", `"import" is a Python keyword`, 0, 1, 1},
	{"yield(a)", `"yield" is a Python keyword`, 0, 1, 1},
	{"await a", `"await" is a Python keyword`, 0, 1, 1},

	// Dunder names, attributes, subscripts (numexpr's CVE-2023-39631 family).
	{"__import__('os')", "names starting with __ are not allowed", 0, 1, 1},
	{"a + __class__", "names starting with __ are not allowed", 4, 1, 5},
	{"__x", "names starting with __ are not allowed", 0, 1, 1},
	{"a.b", `unexpected ".": attribute access is not supported`, 1, 1, 2},
	{"a.__class__", "names starting with __ are not allowed", 2, 1, 3},
	{"f(a).conj", "attribute access is not supported (except .real and .imag)", 4, 1, 5},
	{"(a).b", "attribute access is not supported", 3, 1, 4},
	{"1.5.real.T", "attribute access is not supported", 8, 1, 9},
	{"a.real(1)", "only a function name can be called", 6, 1, 7},
	{"a.", "attribute access is not supported", 1, 1, 2},
	{"a[0]", `unexpected "[": subscripts are not supported`, 1, 1, 2},
	{"[1, 2]", `unexpected "[": lists are not supported`, 0, 1, 1},
	{"{1}", "sets and dicts are not supported", 0, 1, 1},
	{"a + .", `unexpected "."`, 4, 1, 5},

	// Assignment, statements, tuples, other operators.
	{"a = 1", `"=" (assignment) is not supported: use "==" to compare`, 2, 1, 3},
	{"= a", `"=" (assignment) is not supported`, 0, 1, 1},
	{"a := 1", `":=" (assignment expression) is not supported`, 2, 1, 3},
	{"a += 1", `"+=" (augmented assignment) is not supported`, 2, 1, 3},
	{"a **= 2", `"**=" (augmented assignment)`, 2, 1, 3},
	{"a //= 2", `"//=" (augmented assignment)`, 2, 1, 3},
	{"a <<= 2", `"<<=" (augmented assignment)`, 2, 1, 3},
	{"a >>= 2", `">>=" (augmented assignment)`, 2, 1, 3},
	{"a @= b", `"@=" (augmented assignment)`, 2, 1, 3},
	{"a; b", `";" is not allowed`, 1, 1, 2},
	{"a;", `";" is not allowed`, 1, 1, 2},
	{"a, b", `tuples are not supported`, 1, 1, 2},
	{"a,", `tuples are not supported`, 1, 1, 2},
	{"(a, b)", `unexpected ",": tuples are not supported`, 2, 1, 3},
	{"a @ b", `"@" (matrix multiplication) is not supported`, 2, 1, 3},
	{"!a", `"!" is not an operator: use "~" for not and "!=" for not equal`, 0, 1, 1},
	{"a ! b", `"!" is not an operator`, 2, 1, 3},
	{"a && b", `"&&" is not an operator: use "&"`, 2, 1, 3},
	{"a || b", `"||" is not an operator: use "|"`, 2, 1, 3},
	{"a <> b", `"<>" is not an operator: use "!="`, 2, 1, 3},
	{"a $ b", `unexpected character "$"`, 2, 1, 3},
	{"a ? b", `unexpected character "?"`, 2, 1, 3},
	{"a\x00", `unexpected character "\x00"`, 1, 1, 2},
	{"a \\\n+ b", "line continuations are not needed", 2, 1, 3},

	// Strings and complex numbers.
	{"'x'", "strings are not supported", 0, 1, 1},
	{`a + "x"`, "strings are not supported", 4, 1, 5},
	{"b'x'", "strings are not supported", 0, 1, 1},
	{"rb'x'", "strings are not supported", 0, 1, 1},
	{`f"{a}"`, "strings are not supported", 0, 1, 1},
	{"1jj", `invalid character "j" in number`, 2, 1, 3},
	{"a * 2.5J0", `invalid character "0" in number`, 8, 1, 9},
	{"0x1j", `invalid digit "j" in hexadecimal literal`, 3, 1, 4},
	{"1j_", `invalid character "_" in number`, 2, 1, 3},

	// Malformed numbers.
	{"0123", "leading zeros are not allowed in decimal integers: write 123, or 0o123 for octal", 0, 1, 1},
	{"a+09", "leading zeros are not allowed in decimal integers: write 9", 2, 1, 3},
	{"0_1", "leading zeros", 0, 1, 1},
	{"0x", `invalid hexadecimal literal "0x": no digits after the prefix`, 0, 1, 1},
	{"0o", `invalid octal literal "0o": no digits`, 0, 1, 1},
	{"0b", `invalid binary literal "0b": no digits`, 0, 1, 1},
	{"0x_", `invalid "_" in number`, 2, 1, 3},
	{"0xg", `invalid digit "g" in hexadecimal literal`, 2, 1, 3},
	{"0b102", `invalid digit "2" in binary literal`, 4, 1, 5},
	{"0o8", `invalid digit "8" in octal literal`, 2, 1, 3},
	{"0x1__2", `invalid "_" in number`, 3, 1, 4},
	{"0x1_", `invalid "_" in number`, 3, 1, 4},
	{"0x1.5", "only decimal numbers can have a fraction", 3, 1, 4},
	{"1e", `invalid number "1e": the exponent has no digits`, 0, 1, 1},
	{"1e+", `invalid number "1e+": the exponent has no digits`, 0, 1, 1},
	{"1.5E-", "the exponent has no digits", 0, 1, 1},
	{"1e_5", "the exponent has no digits", 0, 1, 1},
	{"1__0", `invalid "_" in number: an underscore may only separate two digits`, 1, 1, 2},
	{"1_", `invalid "_" in number`, 1, 1, 2},
	{"1_.5", `invalid "_" in number`, 1, 1, 2},
	{"1._5", `invalid character "_" in number`, 2, 1, 3},
	{"1.5_", `invalid "_" in number`, 3, 1, 4},
	{"1e5_", `invalid "_" in number`, 3, 1, 4},
	{"12abc", `invalid character "a" in number`, 2, 1, 3},
	{"1.5x", `invalid character "x" in number`, 3, 1, 4},

	// Non-ASCII input; columns count characters.
	{"é", `non-ASCII letter "é"`, 0, 1, 1},
	{"aé", `non-ASCII character "é" in name`, 1, 1, 2},
	{"π*r**2", `non-ASCII letter "π"`, 0, 1, 1},
	{"a − b", `unexpected character "−": use -`, 2, 1, 3},
	{"a × b", `unexpected character "×": use *`, 2, 1, 3},
	{"a\u00a0+ b", `use a space`, 1, 1, 2},
	{"a ≤ b", `use <=`, 2, 1, 3},
	{"a ✓", `unexpected character "✓"`, 2, 1, 3},
	{"a + \xff", "invalid UTF-8 encoding", 4, 1, 5},
	{"é + (a b)", `non-ASCII letter "é"`, 0, 1, 1}, // the first problem wins
	{"(é) ", `non-ASCII letter "é"`, 1, 1, 2},
	{"where(x > 0, é, b)", `non-ASCII letter`, 13, 1, 14},
	{"a + ü + )", `non-ASCII letter "ü"`, 4, 1, 5},
	{"ü + ü", "non-ASCII", 0, 1, 1},
	{"'é' + )", "strings are not supported", 0, 1, 1},
	{"(a + b) * (c + d))", `unmatched ")"`, 17, 1, 18},
	{"/* é */ a", `unexpected "/"`, 0, 1, 1},
	{"x = 'ü' + )", `"=" (assignment)`, 2, 1, 3},
	{"ééé + )", `non-ASCII letter "é"`, 0, 1, 1},
	{"a # é ü\n+ )", `unexpected ")"`, 12, 2, 3},
	{"ab # ü\n)", `unmatched ")"`, 8, 2, 1},
	{"€ + )", `unexpected character "€"`, 0, 1, 1},
	{"(a + ü", `non-ASCII letter`, 5, 1, 6},
	{"1 + 2 # ü\n+ 3 + )", `unexpected ")"`, 17, 2, 7},

	// Multi-line input, tabs, CR LF.
	{"a +\nb +\n)", `unexpected ")"`, 8, 3, 1},
	{"a +\r\nb +\r\n  )", `unexpected ")"`, 12, 3, 3},
	{"a +\rb +\r)", `unexpected ")"`, 8, 3, 1},
	{"\ta +\n\t\t)", `unexpected ")"`, 7, 2, 3},
	{"where(a > 0,\n      b,\n      c d)", `unexpected name "d"`, 30, 3, 9},
	{"(\n\n  a", `unclosed "("`, 0, 1, 1},
}

func TestParseRejects(t *testing.T) {
	for _, tt := range rejectTests {
		e, err := Parse(tt.src)
		if err == nil {
			t.Errorf("Parse(%q) = %s, want an error", tt.src, Print(e))
			continue
		}
		var se *Error
		if !errors.As(err, &se) {
			t.Errorf("Parse(%q): error %T, want *Error", tt.src, err)
			continue
		}
		if !strings.Contains(se.Msg, tt.msg) {
			t.Errorf("Parse(%q): message %q, want it to contain %q", tt.src, se.Msg, tt.msg)
		}
		if se.Offset != tt.off || se.Line != tt.line || se.Col != tt.col {
			t.Errorf("Parse(%q) %q: at offset %d (%d:%d), want %d (%d:%d)",
				tt.src, se.Msg, se.Offset, se.Line, se.Col, tt.off, tt.line, tt.col)
		}
		if se.Src != tt.src {
			t.Errorf("Parse(%q): Src = %q", tt.src, se.Src)
		}
	}
}
