package syntax

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParse(f *testing.F) {
	seeds := []string{
		"2*a + 3*b**2 - sin(c)", "where(a > 0.5, b, c)", "sum(a*b)", "-2**2", "2**-1",
		"a < b & c", "f(a,)", "0x1F + 0o17 + 0b101 + 1_000 + 1.5e-3 + .5 + 5.",
		"(a < b) & ~(c >= d) | (e != f) ^ True", "a // b % c << 2 >> 1",
		"a +\r\n\tb # comment\n* c", "x\u00e9", "a + \xff", strings.Repeat("(", 300),
		"sum(a, axis=None)", "max(a, -1)", "(a+b).real.imag ** 2", "f(x=1, y=(2))", "None",
	}
	for _, tt := range rejectTests {
		seeds = append(seeds, tt.src)
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		e, err := Parse(src)
		if err != nil {
			checkError(t, src, err)
			if e != nil {
				t.Errorf("Parse(%q) returned both a tree and an error", src)
			}
			return
		}
		checkTree(t, src, e)
		printed := Print(e)
		e2, err := Parse(printed)
		if err != nil {
			// Print adds parentheses, so its output may pass a limit the input did not.
			if msg := err.(*Error).Msg; strings.Contains(msg, "too deeply") ||
				strings.Contains(msg, "too large") || strings.Contains(msg, "too long") {
				return
			}
			t.Fatalf("Parse(%q) printed %q, which does not parse: %v", src, printed, err)
		}
		if again := Print(e2); again != printed {
			t.Fatalf("Parse(%q) printed %q, which prints as %q", src, printed, again)
		}
	})
}

// checkError checks that err is an *Error for src whose position is consistent.
func checkError(t *testing.T, src string, err error) {
	t.Helper()
	se, ok := err.(*Error)
	if !ok {
		t.Fatalf("Parse(%q): error of type %T", src, err)
	}
	if se.Src != src || se.Msg == "" || se.Offset < 0 || se.Offset > len(src) {
		t.Fatalf("Parse(%q): bad error %+v", src, *se)
	}
	// An independent computation of line and column.
	before := strings.ReplaceAll(src[:se.Offset], "\r\n", "\n")
	before = strings.ReplaceAll(before, "\r", "\n")
	line := strings.Count(before, "\n") + 1
	col := utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:]) + 1
	if se.Line != line || se.Col != col {
		t.Fatalf("Parse(%q): error at offset %d is %d:%d, want %d:%d", src, se.Offset, se.Line, se.Col, line, col)
	}
	if s := se.Error(); !strings.HasPrefix(s, fmt.Sprintf("%d:%d: %s", line, col, se.Msg)) {
		t.Fatalf("Parse(%q): Error() = %q", src, s)
	}
}

// checkTree checks that every node of e lies within src, inside its parent, with the
// source text its fields say.
func checkTree(t *testing.T, src string, e Expr) {
	t.Helper()
	nodes := 0
	var check func(x Node, lo, hi Pos)
	check = func(x Node, lo, hi Pos) {
		nodes++
		pos, end := x.Pos(), x.End()
		if pos < lo || end > hi || pos >= end {
			t.Fatalf("Parse(%q): %T at [%d,%d) outside its parent [%d,%d)", src, x, pos, end, lo, hi)
		}
		at := func(p Pos, text string) {
			if !strings.HasPrefix(src[p:], text) {
				t.Fatalf("Parse(%q): %T: want %q at offset %d", src, x, text, p)
			}
		}
		switch x := x.(type) {
		case *Ident:
			at(pos, x.Name)
		case *BasicLit:
			at(pos, x.Value)
		case *UnaryExpr:
			at(x.OpPos, x.Op.String())
			check(x.X, x.OpPos+1, end)
		case *BinaryExpr:
			at(x.OpPos, x.Op.String())
			check(x.X, pos, x.OpPos)
			check(x.Y, x.OpPos+Pos(len(x.Op.String())), end)
		case *CallExpr:
			if x.Attr { // X.real: the operand, ".", the name
				check(x.Args[0], pos, x.Lparen)
				at(x.Lparen, ".")
				check(x.Fun, x.Lparen+1, end)
				break
			}
			check(x.Fun, pos, x.Lparen)
			at(x.Lparen, "(")
			at(x.Rparen, ")")
			lo := x.Lparen + 1
			for _, arg := range x.Args {
				check(arg, lo, x.Rparen)
				lo = arg.End()
			}
			for _, kw := range x.Keywords {
				check(kw.Name, lo, x.Rparen)
				check(kw.Value, kw.Name.End()+1, x.Rparen)
				lo = kw.Value.End()
			}
		case *ParenExpr:
			at(x.Lparen, "(")
			at(x.Rparen, ")")
			check(x.X, x.Lparen+1, x.Rparen)
		default:
			t.Fatalf("Parse(%q): unknown node %T", src, x)
		}
	}
	check(e, 0, Pos(len(src)))
	if nodes > MaxNodes {
		t.Fatalf("Parse(%q): %d nodes", src, nodes)
	}
}
