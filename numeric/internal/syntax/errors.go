package syntax

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Error is a problem found in an expression's source: a syntax error from Parse, or a
// type error from the checker (which builds it with Errorf). Its Error method gives the
// position, the message, the source line and a caret under the column:
//
//	1:5: unexpected ")"
//	  a + )
//	      ^
type Error struct {
	Src    string // the whole source
	Offset int    // byte offset of the problem in Src, in [0, len(Src)]
	Line   int    // 1-based line of Offset; "\n", "\r\n" and a lone "\r" each end a line
	Col    int    // 1-based column of Offset, in runes (characters), not bytes
	Msg    string // what is wrong, without the position
}

// Errorf returns an *Error at byte offset pos of src (clamped to [0, len(src)]) whose
// message is fmt.Sprintf(format, args...); it computes Line and Col from src.
func Errorf(src string, pos Pos, format string, args ...any) *Error {
	offset := clampOffset(int(pos), len(src))
	line, col, _ := position(src, offset)
	return &Error{Src: src, Offset: offset, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// Error returns "line:col: message", then, unless the line is blank, the source line
// and a caret line, each indented by two spaces. Tabs before the column are copied into
// the caret line so the caret stays under the character on a terminal; a line longer
// than 60 characters on either side of the column is cut to a window marked with "…".
// Control characters in the source line are shown as "?".
func (e *Error) Error() string {
	head := fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg)
	text, caret, ok := excerpt(e.Src, e.Offset)
	if !ok {
		return head
	}
	return head + "\n  " + text + "\n  " + caret
}

// contextRunes is how many characters Error shows on each side of the column.
const contextRunes = 60

// position returns the 1-based line and rune column of byte offset off in src, and the
// offset at which that line starts. A "\r" ends a line; a "\n" does too unless it follows
// a "\r", so "\r\n" counts once.
func position(src string, off int) (line, col, lineStart int) {
	line = 1
	for i := 0; i < off; i++ {
		switch src[i] {
		case '\n':
			if i == 0 || src[i-1] != '\r' {
				line++
			}
			lineStart = i + 1
		case '\r':
			line++
			lineStart = i + 1
		}
	}
	return line, utf8.RuneCountInString(src[lineStart:off]) + 1, lineStart
}

// excerpt returns the source line holding byte offset off (or a window of it) and the
// matching caret line; ok is false when that line is blank.
func excerpt(src string, off int) (text, caret string, ok bool) {
	off = clampOffset(off, len(src))
	_, _, start := position(src, off)
	end := len(src)
	if i := strings.IndexAny(src[start:], "\r\n"); i >= 0 {
		end = start + i
	}
	if strings.TrimSpace(src[start:end]) == "" {
		return "", "", false
	}
	before, after := []rune(src[start:off]), []rune(src[off:end])
	var t, c strings.Builder
	if len(before) > contextRunes {
		before = before[len(before)-contextRunes:]
		t.WriteString("…")
		c.WriteByte(' ')
	}
	for _, r := range before {
		t.WriteRune(visible(r))
		if r == '\t' {
			c.WriteByte('\t')
		} else {
			c.WriteByte(' ')
		}
	}
	c.WriteByte('^')
	cut := len(after) > contextRunes+1
	if cut {
		after = after[:contextRunes+1]
	}
	for _, r := range after {
		t.WriteRune(visible(r))
	}
	if cut {
		t.WriteString("…")
	}
	return t.String(), c.String(), true
}

// visible returns r, or '?' for a control or other unprintable character except tab.
func visible(r rune) rune {
	if r == '\t' || unicode.IsPrint(r) {
		return r
	}
	return '?'
}

func clampOffset(off, n int) int {
	return min(max(off, 0), n)
}
