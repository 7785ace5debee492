package syntax

import "fmt"

// errorOperand reports the current token, found where an operand was expected.
func (p *parser) errorOperand() {
	t := p.tok
	if msg := rejectedPunct(p.src, t); msg != "" {
		p.errorf(t.pos, "%s", msg)
	}
	switch t.kind {
	case tEOF:
		if p.prev.kind == tOp {
			p.errorf(p.prev.end, "unexpected end of expression after %q", p.prev.op)
		}
		p.errorf(p.prev.end, "unexpected end of expression")
	case tLbrack:
		p.errorf(t.pos, `unexpected "[": lists are not supported`)
	case tOp:
		if p.prev.kind == tOp {
			p.errorf(t.pos, "unexpected %q after %q", t.op, p.prev.op)
		}
		if t.op != POW { // "**" alone would also take a dict in Python; nothing to suggest
			p.errorf(t.pos, "unexpected %q: it needs an operand on its left", t.op)
		}
	}
	p.errorf(t.pos, "unexpected %s", p.describe(t))
}

// errorAfterOperand reports the current token, found after a complete operand where an
// operator, a closing parenthesis, a comma in a call or the end was expected. top says
// whether the operand is the whole expression.
func (p *parser) errorAfterOperand(top bool) {
	t := p.tok
	if msg := rejectedPunct(p.src, t); msg != "" {
		p.errorf(t.pos, "%s", msg)
	}
	switch t.kind {
	case tLbrack:
		p.errorf(t.pos, `unexpected "[": subscripts are not supported`)
	case tDot:
		p.errorf(t.pos, `unexpected ".": attribute access is not supported (except .real and .imag)`)
	case tLparen:
		p.errorf(t.pos, `unexpected "(" after expression: only a function name can be called (missing operator?)`)
	case tRparen, tRbrack, tRbrace:
		p.errorf(t.pos, "unmatched %s", p.describe(t))
	case tComma:
		if top {
			p.errorf(t.pos, `unexpected "," after expression: tuples are not supported, the input must be one expression`)
		}
	case tIdent, tInt, tFloat, tImag:
		p.errorf(t.pos, "unexpected %s after expression (missing operator?)", p.describe(t))
	case tOp:
		if t.op == NOT {
			p.errorf(t.pos, `unexpected "~" after expression: "~" is a unary operator`)
		}
	}
	p.errorf(t.pos, "unexpected %s after expression", p.describe(t))
}

// rejectedPunct returns the message for Python punctuation that is an error wherever it
// appears, or "".
func rejectedPunct(src string, t token) string {
	switch t.kind {
	case tAssign:
		return `"=" (assignment) is not supported: use "==" to compare`
	case tAugAssign:
		return fmt.Sprintf("%q (augmented assignment) is not supported", src[t.pos:t.end])
	case tWalrus:
		return `":=" (assignment expression) is not supported`
	case tSemi:
		return `";" is not allowed: the input must be one expression`
	case tAt:
		return `"@" (matrix multiplication) is not supported`
	case tBang:
		return `"!" is not an operator: use "~" for not and "!=" for not equal`
	case tLbrace:
		return `unexpected "{": sets and dicts are not supported`
	}
	return ""
}

// describe names a token for a message: `name "x"`, `number "1.5"`, `"+"`, or
// "end of expression".
func (p *parser) describe(t token) string {
	text := p.src[t.pos:t.end]
	switch t.kind {
	case tEOF:
		return "end of expression"
	case tIdent:
		if text == "True" || text == "False" || text == "None" {
			return fmt.Sprintf("%q", text)
		}
		return fmt.Sprintf("name %q", text)
	case tInt, tFloat, tImag:
		return fmt.Sprintf("number %q", text)
	}
	return fmt.Sprintf("%q", text)
}
