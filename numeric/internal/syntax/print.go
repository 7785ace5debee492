package syntax

import "strings"

// Print returns e in a canonical, fully parenthesized form without spaces except after
// the commas of a call: every unary and binary expression is wrapped in parentheses, a
// ParenExpr adds none of its own, and literals keep their source text. So "-2**2" prints
// as "(-(2**2))" and "f(a+b, c,)" as "f((a+b), c)". Parsing the result gives a tree that
// prints the same (if it is within the parser's limits). Print(nil) is "".
func Print(e Expr) string {
	var b strings.Builder
	printExpr(&b, e)
	return b.String()
}

func printExpr(b *strings.Builder, e Expr) {
	switch x := e.(type) {
	case *Ident:
		b.WriteString(x.Name)
	case *BasicLit:
		b.WriteString(x.Value)
	case *UnaryExpr:
		b.WriteByte('(')
		b.WriteString(x.Op.String())
		printExpr(b, x.X)
		b.WriteByte(')')
	case *BinaryExpr:
		b.WriteByte('(')
		printExpr(b, x.X)
		b.WriteString(x.Op.String())
		printExpr(b, x.Y)
		b.WriteByte(')')
	case *CallExpr:
		b.WriteString(x.Fun.Name)
		b.WriteByte('(')
		for i, arg := range x.Args {
			if i > 0 {
				b.WriteString(", ")
			}
			printExpr(b, arg)
		}
		for i, kw := range x.Keywords {
			if i > 0 || len(x.Args) > 0 {
				b.WriteString(", ")
			}
			b.WriteString(kw.Name.Name)
			b.WriteByte('=')
			printExpr(b, kw.Value)
		}
		b.WriteByte(')')
	case *ParenExpr:
		printExpr(b, x.X)
	}
}

// Walk calls f for e and, if f returns true, walks e's operands in source order:
// the operand of a UnaryExpr, X then Y of a BinaryExpr, the arguments of a CallExpr
// (positional, then the keywords' values) and
// the inner expression of a ParenExpr. It does not visit a CallExpr's Fun, which names
// a function, not a value. Walk(nil, f) does nothing. The recursion is as deep as the
// tree, which Parse's MaxNodes bounds.
func Walk(e Expr, f func(Expr) bool) {
	if e == nil || !f(e) {
		return
	}
	switch x := e.(type) {
	case *UnaryExpr:
		Walk(x.X, f)
	case *BinaryExpr:
		Walk(x.X, f)
		Walk(x.Y, f)
	case *CallExpr:
		for _, arg := range x.Args {
			Walk(arg, f)
		}
		for _, kw := range x.Keywords {
			Walk(kw.Value, f)
		}
	case *ParenExpr:
		Walk(x.X, f)
	}
}

// Unparen returns e with any enclosing parentheses removed.
func Unparen(e Expr) Expr {
	for {
		p, ok := e.(*ParenExpr)
		if !ok {
			return e
		}
		e = p.X
	}
}
