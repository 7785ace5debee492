package syntax

import "strings"

// Number literals follow Python's syntax:
//
//	int      = decimal | "0" ("x"|"X") ["_"] hexdigits | "0" ("o"|"O") ["_"] octdigits
//	         | "0" ("b"|"B") ["_"] bindigits .
//	decimal  = digits                   (no leading zeros, except for zero itself: 0, 00, 0_0)
//	float    = digits "." [digits] [exponent] | "." digits [exponent] | digits exponent .
//	exponent = ("e"|"E") ["+"|"-"] digits .
//	digits   = digit { ["_"] digit } .  (and likewise hexdigits, octdigits, bindigits)
//	imag     = (float | digits) ("j"|"J") .   (leading zeros allowed: 07j is 7j)
//
// A number followed directly by a letter, digit or "_" is an error, as in Python
// ("1abc", "0b102", "0x1j"). The token's text is kept as written: it is also valid
// input for strconv.ParseInt(text, 0, 64) (an int) or strconv.ParseFloat(text, 64) (a
// float, and an imaginary number without its suffix).

// scanNumber scans a number starting at s.off: a digit, or "." followed by a digit.
func (s *scanner) scanNumber() token {
	start := s.off
	if s.src[start] == '0' && start+1 < len(s.src) {
		switch lower(s.src[start+1]) {
		case 'x':
			return s.scanPrefixed(isHexDigit, "hexadecimal")
		case 'o':
			return s.scanPrefixed(isOctalDigit, "octal")
		case 'b':
			return s.scanPrefixed(isBinaryDigit, "binary")
		}
	}
	kind := tInt
	if s.src[s.off] != '.' {
		if t, ok := s.scanDigits(); !ok {
			return t
		}
	}
	intEnd := s.off
	if s.peek() == '.' {
		kind = tFloat
		s.off++
		if isDigit(s.peek()) {
			if t, ok := s.scanDigits(); !ok {
				return t
			}
		}
	}
	if lower(s.peek()) == 'e' {
		kind = tFloat
		s.off++
		if c := s.peek(); c == '+' || c == '-' {
			s.off++
		}
		if !isDigit(s.peek()) {
			return s.errorAt(start, "invalid number %q: the exponent has no digits", s.src[start:s.off])
		}
		if t, ok := s.scanDigits(); !ok {
			return t
		}
	}
	if lower(s.peek()) == 'j' {
		s.off++
		if c := s.peek(); isIdentChar(c) {
			return s.errorAt(s.off, "invalid character %q in number", string(rune(c)))
		}
		return token{kind: tImag, pos: Pos(start), end: Pos(s.off)}
	}
	if c := s.peek(); isIdentChar(c) {
		return s.errorAt(s.off, "invalid character %q in number", string(rune(c)))
	}
	if kind == tInt {
		digits := strings.ReplaceAll(s.src[start:intEnd], "_", "")
		if trimmed := strings.TrimLeft(digits, "0"); digits[0] == '0' && trimmed != "" {
			if strings.Trim(trimmed, "01234567") == "" {
				return s.errorAt(start, "leading zeros are not allowed in decimal integers: write %s, or 0o%s for octal", trimmed, trimmed)
			}
			return s.errorAt(start, "leading zeros are not allowed in decimal integers: write %s", trimmed)
		}
	}
	return token{kind: kind, pos: Pos(start), end: Pos(s.off)}
}

// scanDigits scans digit { ["_"] digit } at s.off, which must be a digit. On a misplaced
// underscore it returns an error token and false.
func (s *scanner) scanDigits() (token, bool) {
	for s.off < len(s.src) {
		c := s.src[s.off]
		switch {
		case isDigit(c):
			s.off++
		case c == '_' && isDigit(s.at(1)):
			s.off += 2
		case c == '_':
			return s.underscoreError(), false
		default:
			return token{}, true
		}
	}
	return token{}, true
}

// scanPrefixed scans a "0x", "0o" or "0b" integer; valid accepts its digits.
func (s *scanner) scanPrefixed(valid func(byte) bool, base string) token {
	start := s.off
	s.off += 2
	n := 0
	for s.off < len(s.src) {
		c := s.src[s.off]
		if valid(c) {
			s.off++
			n++
		} else if c == '_' && valid(s.at(1)) {
			s.off += 2
			n++
		} else {
			break
		}
	}
	switch c := s.peek(); {
	case c == '_':
		return s.underscoreError()
	case n == 0 && !isIdentChar(c):
		return s.errorAt(start, "invalid %s literal %q: no digits after the prefix", base, s.src[start:s.off])
	case isIdentChar(c):
		return s.errorAt(s.off, "invalid digit %q in %s literal", string(rune(c)), base)
	case c == '.':
		return s.errorAt(s.off, "invalid %s literal: only decimal numbers can have a fraction", base)
	}
	return token{kind: tInt, pos: Pos(start), end: Pos(s.off)}
}

func (s *scanner) underscoreError() token {
	return s.errorAt(s.off, `invalid "_" in number: an underscore may only separate two digits`)
}

// peek returns the byte at s.off, or 0 at the end of the source.
func (s *scanner) peek() byte { return s.at(0) }

// at returns the byte i after s.off, or 0 past the end of the source.
func (s *scanner) at(i int) byte {
	if s.off+i < len(s.src) {
		return s.src[s.off+i]
	}
	return 0
}
