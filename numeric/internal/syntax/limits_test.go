package syntax

import (
	"strings"
	"testing"
)

func TestLimits(t *testing.T) {
	nest := func(open, inner, close string, n int) string {
		return strings.Repeat(open, n) + inner + strings.Repeat(close, n)
	}
	chain := func(terms int) string { return strings.Repeat("a+", terms-1) + "a" }
	tests := []struct {
		name string
		src  string
		msg  string // "" if the input is accepted
		off  int
	}{
		// Python (so numexpr) accepts 200 nested parentheses and no more.
		{"parentheses at the limit", nest("(", "a", ")", MaxDepth), "", 0},
		{"parentheses over the limit", nest("(", "a", ")", MaxDepth+1), "nested too deeply", MaxDepth + 1},
		{"30000 parentheses", nest("(", "a", ")", 30000), "nested too deeply", MaxDepth + 1},
		{"100000 parentheses", nest("(", "a", ")", 100000), "too long", 0},
		{"100000 unclosed parentheses", strings.Repeat("(", 100000), "too long", 0},
		{"60000 unclosed parentheses", strings.Repeat("(", 60000), "nested too deeply", MaxDepth + 1},
		{"unary minus at the limit", strings.Repeat("-", MaxDepth) + "a", "", 0},
		{"unary minus over the limit", strings.Repeat("-", MaxDepth+1) + "a", "nested too deeply", MaxDepth + 1},
		{"unary mix over the limit", strings.Repeat("-~+", 20000) + "a", "nested too deeply", MaxDepth + 1},
		{"power at the limit", "a" + strings.Repeat("**a", MaxDepth), "", 0},
		{"power over the limit", "a" + strings.Repeat("**a", MaxDepth+1), "nested too deeply", 3*MaxDepth + 3},
		{"calls at the limit", nest("f(", "a", ")", MaxDepth), "", 0},
		{"calls over the limit", nest("f(", "a", ")", MaxDepth+1), "nested too deeply", 2*MaxDepth + 2},
		{"chain below the node limit", chain(MaxNodes / 2), "", 0}, // 5000 names + 4999 operators
		{"chain over the node limit", chain(MaxNodes/2 + 1), "too large: more than 10000 nodes", MaxNodes - 1},
		{"chain of 30000 terms", chain(30000), "too large", MaxNodes - 1},
		{"chain of 100000 terms", chain(100000), "too long: 199999 bytes (the limit is 65536)", 0},
		{"many arguments", "f(" + strings.Repeat("a,", MaxNodes) + ")", "too large", 2 * MaxNodes},
		{"source at the limit", "a" + strings.Repeat(" ", MaxSourceLen-1), "", 0},
		{"source over the limit", "a" + strings.Repeat(" ", MaxSourceLen), "too long", 0},
	}
	for _, tt := range tests {
		e, err := Parse(tt.src)
		if tt.msg == "" {
			if err != nil {
				t.Errorf("%s: %v", tt.name, err.(*Error).Msg)
			}
			continue
		}
		if err == nil {
			t.Errorf("%s: Parse succeeded (%d nodes)", tt.name, countNodes(e))
			continue
		}
		se := err.(*Error)
		if !strings.Contains(se.Msg, tt.msg) || se.Offset != tt.off {
			t.Errorf("%s: error at %d: %s; want %q at %d", tt.name, se.Offset, se.Msg, tt.msg, tt.off)
		}
	}
}

// countNodes counts e's nodes as Parse does, call names included.
func countNodes(e Expr) int {
	n := 0
	Walk(e, func(x Expr) bool {
		n++
		if _, ok := x.(*CallExpr); ok {
			n++ // Fun
		}
		return true
	})
	return n
}

func TestNodeCount(t *testing.T) {
	// The parser's count and countNodes agree, so the limit means what it says.
	e, err := Parse("f(-a, (b)) + 2**c")
	if err != nil {
		t.Fatal(err)
	}
	if n := countNodes(e); n != 10 {
		t.Errorf("countNodes = %d, want 10", n)
	}
	src := strings.Repeat("f(-(a)) + ", 1666) + "f(-a)" // 1666*6 + 4 = 10000 nodes
	if e, err := Parse(src); err != nil || countNodes(e) != MaxNodes {
		t.Errorf("Parse of %d nodes: %v", MaxNodes, err)
	}
	if _, err := Parse(src + "+a"); err == nil || !strings.Contains(err.Error(), "too large") {
		t.Errorf("Parse of %d nodes: %v, want too large", MaxNodes+1, err)
	}
}
