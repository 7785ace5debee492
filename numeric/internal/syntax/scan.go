package syntax

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind is the kind of a scanned token.
type tokKind uint8

const (
	tEOF   tokKind = iota
	tError         // a lexical error; token.msg says what
	tIdent
	tInt
	tFloat
	tImag // a decimal number with the suffix j or J
	tOp   // an operator; token.op says which
	tLparen
	tRparen
	tComma

	// Python punctuation that the language rejects. It is scanned rather than refused at
	// once so that the parser can say what to use instead, which depends on where it is.
	tAssign    // =
	tAugAssign // += -= *= /= //= %= **= &= |= ^= <<= >>= @=
	tWalrus    // :=
	tColon     // :
	tSemi      // ;
	tAt        // @
	tBang      // !
	tDot       // .
	tLbrack    // [
	tRbrack    // ]
	tLbrace    // {
	tRbrace    // }
)

// token is one token of the source: src[pos:end].
type token struct {
	kind tokKind
	op   Token // for tOp
	pos  Pos
	end  Pos
	msg  string // for tError
}

// scanner splits the source into tokens, skipping whitespace and comments.
type scanner struct {
	src string
	off int // offset of the next unread byte
}

// scan returns the next token; at the end of the source it returns tEOF forever.
func (s *scanner) scan() token {
	s.skipSpace()
	start := s.off
	if start >= len(s.src) {
		return token{kind: tEOF, pos: Pos(start), end: Pos(start)}
	}
	c := s.src[start]
	switch {
	case isLetter(c):
		return s.scanIdent()
	case isDigit(c) || c == '.' && start+1 < len(s.src) && isDigit(s.src[start+1]):
		return s.scanNumber()
	case c >= utf8.RuneSelf:
		return s.scanNonASCII()
	}
	return s.scanPunct()
}

// skipSpace skips spaces, tabs, line breaks, form feeds and comments ("#" to the end of
// the line).
func (s *scanner) skipSpace() {
	for s.off < len(s.src) {
		switch s.src[s.off] {
		case ' ', '\t', '\n', '\r', '\f':
			s.off++
		case '#':
			for s.off < len(s.src) && s.src[s.off] != '\n' && s.src[s.off] != '\r' {
				s.off++
			}
		default:
			return
		}
	}
}

// errorAt returns an error token at offset pos.
func (s *scanner) errorAt(pos int, format string, args ...any) token {
	return token{kind: tError, pos: Pos(pos), end: Pos(pos), msg: fmt.Sprintf(format, args...)}
}

func (s *scanner) scanIdent() token {
	start := s.off
	for s.off < len(s.src) && isIdentChar(s.src[s.off]) {
		s.off++
	}
	name := s.src[start:s.off]
	if s.off < len(s.src) {
		next := s.src[s.off]
		if next >= utf8.RuneSelf {
			if r, _ := utf8.DecodeRuneInString(s.src[s.off:]); unicode.IsLetter(r) || unicode.IsDigit(r) {
				return s.errorAt(s.off, "non-ASCII character %q in name: names may use only ASCII letters, digits and _", string(r))
			}
		}
		if (next == '\'' || next == '"') && isStringPrefix(name) {
			return s.errorAt(start, "strings are not supported")
		}
	}
	if msg := s.keywordError(name); msg != "" {
		return s.errorAt(start, "%s", msg)
	}
	if strings.HasPrefix(name, "__") {
		return s.errorAt(start, "%q: names starting with __ are not allowed", name)
	}
	return token{kind: tIdent, pos: Pos(start), end: Pos(s.off)}
}

// keywordError returns the message for a Python keyword used as a name, or "" if name is
// not a keyword. True, False and None are literals, not errors.
func (s *scanner) keywordError(name string) string {
	switch name {
	case "True", "False", "None":
		return ""
	case "and":
		return `"and" is not supported: use "&", as in (a > 0) & (b > 0)`
	case "or":
		return `"or" is not supported: use "|", as in (a > 0) | (b > 0)`
	case "not":
		if s.nextWordIs("in") {
			return `"not in" is not supported`
		}
		return `"not" is not supported: use "~", as in ~(a > 0)`
	case "if", "else":
		return `conditional expressions ("if"/"else") are not supported: use where(cond, a, b)`
	case "lambda":
		return `"lambda" is not supported`
	case "is":
		return `"is" is not supported: use "==" or "!="`
	case "in":
		return `"in" is not supported`
	case "for":
		return `comprehensions ("for") are not supported`
	}
	if pythonKeywords[name] {
		return fmt.Sprintf("%q is a Python keyword and cannot be used as a name", name)
	}
	return ""
}

// pythonKeywords holds the Python keywords that keywordError has no specific message for.
var pythonKeywords = map[string]bool{
	"as": true, "assert": true, "async": true, "await": true, "break": true, "class": true, "continue": true,
	"def": true, "del": true, "elif": true, "except": true, "finally": true, "from": true,
	"global": true, "import": true, "nonlocal": true, "pass": true, "raise": true,
	"return": true, "try": true, "while": true, "with": true, "yield": true,
}

// nextWordIs reports whether the next token after the scanner's offset is the word w.
func (s *scanner) nextWordIs(w string) bool {
	i := s.off
	for i < len(s.src) && strings.IndexByte(" \t\n\r\f", s.src[i]) >= 0 {
		i++
	}
	rest := s.src[i:]
	return strings.HasPrefix(rest, w) && (len(rest) == len(w) || !isIdentChar(rest[len(w)]))
}

// isStringPrefix reports whether name is a Python string prefix such as b, r, f or rb.
func isStringPrefix(name string) bool {
	if len(name) > 2 {
		return false
	}
	for i := 0; i < len(name); i++ {
		if !strings.ContainsRune("rRbBuUfFtT", rune(name[i])) {
			return false
		}
	}
	return true
}

// lookalikes maps non-ASCII characters that are easily typed for an operator to it.
var lookalikes = map[rune]string{
	'−': "-", '–': "-", '×': "*", '·': "*", '÷': "/", '≤': "<=", '≥': ">=", '≠': "!=",
	'¬': "~", '∧': "&", '∨': "|", '\u00a0': "a space", '‘': "no quotes", '’': "no quotes",
	'“': "no quotes", '”': "no quotes",
}

func (s *scanner) scanNonASCII() token {
	r, size := utf8.DecodeRuneInString(s.src[s.off:])
	switch {
	case r == utf8.RuneError && size == 1:
		return s.errorAt(s.off, "invalid UTF-8 encoding")
	case unicode.IsLetter(r):
		return s.errorAt(s.off, "non-ASCII letter %q: names may use only ASCII letters, digits and _", string(r))
	case lookalikes[r] != "":
		return s.errorAt(s.off, "unexpected character %q: use %s", string(r), lookalikes[r])
	}
	return s.errorAt(s.off, "unexpected character %q", string(r))
}

// scanPunct scans an operator or other punctuation at s.off.
func (s *scanner) scanPunct() token {
	start := s.off
	c := s.src[start]
	at := func(i int) byte { // the byte i after c, or 0
		if start+i < len(s.src) {
			return s.src[start+i]
		}
		return 0
	}
	tok := func(kind tokKind, op Token, n int) token {
		s.off = start + n
		return token{kind: kind, op: op, pos: Pos(start), end: Pos(s.off)}
	}
	// opOrAug scans op, n bytes long, or the augmented assignment op= after it.
	opOrAug := func(op Token, n int) token {
		if at(n) == '=' {
			return tok(tAugAssign, ILLEGAL, n+1)
		}
		return tok(tOp, op, n)
	}
	switch c {
	case '+':
		return opOrAug(ADD, 1)
	case '-':
		return opOrAug(SUB, 1)
	case '*':
		if at(1) == '*' {
			return opOrAug(POW, 2)
		}
		return opOrAug(MUL, 1)
	case '/':
		if at(1) == '/' {
			return opOrAug(FLOORDIV, 2)
		}
		return opOrAug(DIV, 1)
	case '%':
		return opOrAug(MOD, 1)
	case '&':
		if at(1) == '&' {
			return s.errorAt(start, `"&&" is not an operator: use "&"`)
		}
		return opOrAug(AND, 1)
	case '|':
		if at(1) == '|' {
			return s.errorAt(start, `"||" is not an operator: use "|"`)
		}
		return opOrAug(OR, 1)
	case '^':
		return opOrAug(XOR, 1)
	case '~':
		return tok(tOp, NOT, 1)
	case '<':
		switch at(1) {
		case '<':
			return opOrAug(SHL, 2)
		case '=':
			return tok(tOp, LE, 2)
		case '>':
			return s.errorAt(start, `"<>" is not an operator: use "!="`)
		}
		return tok(tOp, LT, 1)
	case '>':
		switch at(1) {
		case '>':
			return opOrAug(SHR, 2)
		case '=':
			return tok(tOp, GE, 2)
		}
		return tok(tOp, GT, 1)
	case '=':
		if at(1) == '=' {
			return tok(tOp, EQ, 2)
		}
		return tok(tAssign, ILLEGAL, 1)
	case '!':
		if at(1) == '=' {
			return tok(tOp, NE, 2)
		}
		return tok(tBang, ILLEGAL, 1)
	case ':':
		if at(1) == '=' {
			return tok(tWalrus, ILLEGAL, 2)
		}
		return tok(tColon, ILLEGAL, 1)
	case '@':
		if at(1) == '=' {
			return tok(tAugAssign, ILLEGAL, 2)
		}
		return tok(tAt, ILLEGAL, 1)
	case '(':
		return tok(tLparen, ILLEGAL, 1)
	case ')':
		return tok(tRparen, ILLEGAL, 1)
	case ',':
		return tok(tComma, ILLEGAL, 1)
	case ';':
		return tok(tSemi, ILLEGAL, 1)
	case '.':
		return tok(tDot, ILLEGAL, 1)
	case '[':
		return tok(tLbrack, ILLEGAL, 1)
	case ']':
		return tok(tRbrack, ILLEGAL, 1)
	case '{':
		return tok(tLbrace, ILLEGAL, 1)
	case '}':
		return tok(tRbrace, ILLEGAL, 1)
	case '\'', '"':
		return s.errorAt(start, "strings are not supported")
	case '\\':
		return s.errorAt(start, `unexpected "\\": line continuations are not needed, line breaks are whitespace`)
	}
	return s.errorAt(start, "unexpected character %q", string(rune(c)))
}

func isLetter(c byte) bool      { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' }
func isDigit(c byte) bool       { return '0' <= c && c <= '9' }
func isIdentChar(c byte) bool   { return isLetter(c) || isDigit(c) }
func isHexDigit(c byte) bool    { return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }
func isOctalDigit(c byte) bool  { return '0' <= c && c <= '7' }
func isBinaryDigit(c byte) bool { return c == '0' || c == '1' }
func lower(c byte) byte         { return c | 0x20 } // for ASCII letters only
