package syntax

import (
	"reflect"
	"testing"
)

func TestParsePrecedence(t *testing.T) {
	tests := []struct{ src, want string }{
		// Power: right-associative, tighter than a unary minus on its left.
		{"-2**2", "(-(2**2))"},
		{"2**-1", "(2**(-1))"},
		{"2**3**2", "(2**(3**2))"},
		{"-a**-b", "(-(a**(-b)))"},
		{"2**~a", "(2**(~a))"},
		{"a**b*c", "((a**b)*c)"},
		{"a*b**c", "(a*(b**c))"},
		{"(-2)**2", "((-2)**2)"},
		{"a**-b**c", "(a**(-(b**c)))"},
		{"a**+-b", "(a**(+(-b)))"},
		{"f(a)**2", "(f(a)**2)"},
		// Unary chains.
		{"--a", "(-(-a))"},
		{"+-a", "(+(-a))"},
		{"~~a", "(~(~a))"},
		{"-+~a", "(-(+(~a)))"},
		{"~a&b", "((~a)&b)"},
		{"-a*b", "((-a)*b)"},
		{"a*-b", "(a*(-b))"},
		{"a--b", "(a-(-b))"},
		// Multiplicative and additive levels, left-associative.
		{"a*b+c", "((a*b)+c)"},
		{"a+b*c", "(a+(b*c))"},
		{"a-b-c", "((a-b)-c)"},
		{"a/b/c", "((a/b)/c)"},
		{"a//b%c*d", "(((a//b)%c)*d)"},
		{"a+b-c+d", "(((a+b)-c)+d)"},
		// Shifts, bitwise operators, comparisons.
		{"a<<1+2", "(a<<(1+2))"},
		{"a>>b<<c", "((a>>b)<<c)"},
		{"a&b<<c", "(a&(b<<c))"},
		{"a^b&c", "(a^(b&c))"},
		{"a|b^c", "(a|(b^c))"},
		{"a&b|c&d", "((a&b)|(c&d))"},
		{"a|b|c", "((a|b)|c)"},
		{"a < b & c", "(a<(b&c))"},
		{"a | b < c", "((a|b)<c)"},
		{"a+1 >= b*2", "((a+1)>=(b*2))"},
		{"(a < b) & (b < c)", "((a<b)&(b<c))"},
		{"(a < b) < c", "((a<b)<c)"},
		{"a == b", "(a==b)"},
		{"a != b", "(a!=b)"},
		{"a <= b", "(a<=b)"},
		{"a > b", "(a>b)"},
		{"~(a > 0)", "(~(a>0))"},
		// Parentheses are kept in the tree but add nothing to the printed form.
		{"(a)", "a"},
		{"((a+b))*c", "((a+b)*c)"},
		// Calls.
		{"f()", "f()"},
		{"f(a)", "f(a)"},
		{"f(a,)", "f(a)"},
		{"f(a, b, c)", "f(a, b, c)"},
		{"f(g(a), -b)", "f(g(a), (-b))"},
		// numexpr examples.
		{"2*a + 3*b**2 - sin(c)", "(((2*a)+(3*(b**2)))-sin(c))"},
		{"where(a > 0.5, b, c)", "where((a>0.5), b, c)"},
		{"sum(a*b)", "sum((a*b))"},
		{"a - mean(a)", "(a-mean(a))"},
		{"where((a > 0) & ~isnan(b), b, 0)", "where(((a>0)&(~isnan(b))), b, 0)"},
		{"True & ~False", "(True&(~False))"},
		// Whitespace and comments.
		{"a +\n\tb # comment\r\n* c", "(a+(b*c))"},
		{"# leading comment\na", "a"},
		{"a\f+b", "(a+b)"},
		// Names that are soft keywords or start with one underscore are fine.
		{"_x + match + case + type + _ + a__b + x__", "((((((_x+match)+case)+type)+_)+a__b)+x__)"},
	}
	for _, tt := range tests {
		e, err := Parse(tt.src)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.src, err)
			continue
		}
		if got := Print(e); got != tt.want {
			t.Errorf("Parse(%q) = %s, want %s", tt.src, got, tt.want)
		}
	}
}

func TestParseLiterals(t *testing.T) {
	tests := []struct {
		src  string
		kind LitKind
	}{
		{"0", IntLit}, {"123", IntLit}, {"00", IntLit}, {"0_0", IntLit}, {"1_000", IntLit},
		{"1_2_3", IntLit}, {"0x1F", IntLit}, {"0X1f", IntLit}, {"0x_ff", IntLit},
		{"0o17", IntLit}, {"0O1_7", IntLit}, {"0b101", IntLit}, {"0B_1_0", IntLit},
		{"9223372036854775808", IntLit}, // range is the checker's business
		{"1.5", FloatLit}, {".5", FloatLit}, {"5.", FloatLit}, {"1e10", FloatLit},
		{"1E10", FloatLit}, {"1.5E-3", FloatLit}, {"1e+3", FloatLit}, {"1_000.5", FloatLit},
		{"1.5_5", FloatLit}, {"1e1_0", FloatLit}, {"1.e5", FloatLit}, {".5e-1", FloatLit},
		{"0.0", FloatLit}, {"00.5", FloatLit}, {"0123.5", FloatLit}, {"09e1", FloatLit},
		{"0e0", FloatLit}, {"1e999", FloatLit},
		{"True", BoolLit}, {"False", BoolLit},
	}
	for _, tt := range tests {
		e, err := Parse(tt.src)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.src, err)
			continue
		}
		want := &BasicLit{ValuePos: 0, Kind: tt.kind, Value: tt.src}
		if !reflect.DeepEqual(e, want) {
			t.Errorf("Parse(%q) = %#v, want %#v", tt.src, e, want)
		}
	}
}

// TestParseTree checks node types, fields and positions, not just the printed form.
func TestParseTree(t *testing.T) {
	src := " -x + f(1.5, (y))"
	//      0123456789012345678
	e, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	want := &BinaryExpr{
		X:     &UnaryExpr{OpPos: 1, Op: SUB, X: &Ident{NamePos: 2, Name: "x"}},
		OpPos: 4,
		Op:    ADD,
		Y: &CallExpr{
			Fun:    &Ident{NamePos: 6, Name: "f"},
			Lparen: 7,
			Args: []Expr{
				&BasicLit{ValuePos: 8, Kind: FloatLit, Value: "1.5"},
				&ParenExpr{Lparen: 13, X: &Ident{NamePos: 14, Name: "y"}, Rparen: 15},
			},
			Rparen: 16,
		},
	}
	if !reflect.DeepEqual(e, want) {
		t.Fatalf("Parse(%q) = %#v, want %#v", src, e, want)
	}
	if e.Pos() != 1 || e.End() != Pos(len(src)) {
		t.Errorf("Pos, End = %d, %d; want 1, %d", e.Pos(), e.End(), len(src))
	}
}

func TestWalk(t *testing.T) {
	e, err := Parse("f(a, -b) + (c * 2)")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	Walk(e, func(x Expr) bool {
		got = append(got, Print(x))
		_, isCall := x.(*CallExpr)
		return !isCall // skip the call's arguments
	})
	want := []string{"(f(a, (-b))+(c*2))", "f(a, (-b))", "(c*2)", "(c*2)", "c", "2"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Walk visited %q, want %q", got, want)
	}
	Walk(nil, func(Expr) bool { t.Error("Walk(nil) called f"); return true })
}

func TestUnparen(t *testing.T) {
	e, err := Parse("((a))")
	if err != nil {
		t.Fatal(err)
	}
	if id, ok := Unparen(e).(*Ident); !ok || id.Name != "a" {
		t.Errorf("Unparen(((a))) = %#v", Unparen(e))
	}
	if Print(nil) != "" {
		t.Errorf("Print(nil) = %q", Print(nil))
	}
}

func TestParseAttributesKeywordsNone(t *testing.T) {
	// numexpr allows .real and .imag, keyword arguments (axis=) and None; the parser
	// accepts them and leaves their meaning to the checker.
	tests := []struct{ src, want string }{
		{"a.real", "real(a)"},
		{"a.imag", "imag(a)"},
		{"(a+b).real**2", "(real((a+b))**2)"},
		{"-a.real", "(-real(a))"},
		{"1.5.imag", "imag(1.5)"},
		{"a.real.imag", "imag(real(a))"},
		{"a . real", "real(a)"},
		{"sum(a, axis=None)", "sum(a, axis=None)"},
		{"sum(a, axis = -1,)", "sum(a, axis=(-1))"},
		{"sum(a, None)", "sum(a, None)"},
		{"f(x=1, y=2)", "f(x=1, y=2)"},
	}
	for _, tt := range tests {
		e, err := Parse(tt.src)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.src, err)
			continue
		}
		if got := Print(e); got != tt.want {
			t.Errorf("Parse(%q) prints %s, want %s", tt.src, got, tt.want)
		}
		checkTree(t, tt.src, e)
	}
}
