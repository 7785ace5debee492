package npy

import (
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf8"
)

// MaxHeaderSize is the longest header, in characters, that ReadHeader accepts: NumPy's
// default max_header_size. NumPy itself never writes a longer one for the dtypes this
// package supports (at most 64 dimensions).
const MaxHeaderSize = 10000

// maxDims is NumPy 2's NPY_MAXDIMS.
const maxDims = 64

const magic = "\x93NUMPY"

// Header is a .npy file's header.
type Header struct {
	Major, Minor int    // format version: 1.0, 2.0 or 3.0
	Descr        string // the dtype as written, e.g. "<f8" or ">i4"
	Fortran      bool   // fortran_order: the data is in column-major order
	Shape        []int  // the dimensions; empty for a 0-d array
	DataOffset   int64  // bytes before the data: magic, version, length and header

	dt dtype
}

// Len is the number of elements: the product of the dimensions (1 for a 0-d array).
func (h *Header) Len() int {
	n, _ := count(h.Shape)
	return n
}

// ItemSize is the size of one element in bytes.
func (h *Header) ItemSize() int { return h.dt.size }

// ReadHeader reads a .npy header from r and leaves r at the first byte of the data.
// It checks the magic string, the version, the header length (at most MaxHeaderSize
// characters), the dictionary's syntax and keys, the dtype, and that the element count
// and byte size fit in an int. Errors are *Error values naming the part and the offset.
func ReadHeader(r io.Reader) (*Header, error) {
	var pre [8]byte
	if k, err := io.ReadFull(r, pre[:]); err != nil {
		return nil, ioError("magic", int64(k), err, "the file ends after %d bytes, before the magic string and version", k)
	}
	if string(pre[:6]) != magic {
		return nil, newError("magic", 0, "not a .npy file: the first 6 bytes are %q, want %q", pre[:6], magic)
	}
	h := &Header{Major: int(pre[6]), Minor: int(pre[7])}
	var hlen int
	switch {
	case h.Major == 1 && h.Minor == 0:
		var b [2]byte
		if k, err := io.ReadFull(r, b[:]); err != nil {
			return nil, ioError("header", 8+int64(k), err, "the file ends inside the header length")
		}
		hlen = int(binary.LittleEndian.Uint16(b[:]))
		h.DataOffset = 10
	case (h.Major == 2 || h.Major == 3) && h.Minor == 0:
		var b [4]byte
		if k, err := io.ReadFull(r, b[:]); err != nil {
			return nil, ioError("header", 8+int64(k), err, "the file ends inside the header length")
		}
		v := binary.LittleEndian.Uint32(b[:])
		limit := uint32(MaxHeaderSize)
		if h.Major == 3 {
			limit *= utf8.UTFMax // a character is up to 4 bytes in UTF-8
		}
		if v > limit {
			return nil, newError("header", 8, "header length %d exceeds the limit of %d characters (NumPy's max_header_size)", v, MaxHeaderSize)
		}
		hlen = int(v)
		h.DataOffset = 12
	default:
		return nil, newError("magic", 6, "format version %d.%d is not supported (want 1.0, 2.0 or 3.0)", h.Major, h.Minor)
	}
	if h.Major != 3 && hlen > MaxHeaderSize {
		return nil, newError("header", 8, "header length %d exceeds the limit of %d characters (NumPy's max_header_size)", hlen, MaxHeaderSize)
	}
	text := make([]byte, hlen)
	if k, err := io.ReadFull(r, text); err != nil {
		return nil, ioError("header", h.DataOffset+int64(k), err, "the header is %d bytes long but the file ends after %d of them", hlen, k)
	}
	if h.Major == 3 {
		if !utf8.Valid(text) {
			return nil, newError("header", h.DataOffset, "a version 3.0 header must be UTF-8")
		}
		if n := utf8.RuneCount(text); n > MaxHeaderSize {
			return nil, newError("header", 8, "header of %d characters exceeds the limit of %d (NumPy's max_header_size)", n, MaxHeaderSize)
		}
	}
	p := parser{s: text, base: h.DataOffset, legacyLong: h.Major < 3}
	h.DataOffset += int64(hlen)
	if err := p.dict(h); err != nil {
		return nil, err
	}
	dt, err := parseDescr(h.Descr)
	if err != nil {
		e := newError("header", p.descrAt, "%v", err)
		e.Err = err
		return nil, e
	}
	h.dt = dt
	n, ok := count(h.Shape)
	if !ok || n > math.MaxInt/dt.size {
		return nil, newError("header", p.shapeAt, "shape %s of %s has more than %d bytes of data", shapeString(h.Shape), h.Descr, math.MaxInt)
	}
	return h, nil
}

// count is the product of the dimensions and whether it fits in an int. A zero
// dimension makes it 0 whatever the others are, as in NumPy.
func count(shape []int) (int, bool) {
	n := 1
	for _, d := range shape {
		if d == 0 {
			return 0, true
		}
	}
	for _, d := range shape {
		if d < 0 {
			return 0, false
		}
		if n > math.MaxInt/d {
			return 0, false
		}
		n *= d
	}
	return n, true
}

// shapeString writes a shape as Python's repr of a tuple: (), (3,), (2, 3).
func shapeString(shape []int) string {
	var b strings.Builder
	b.WriteByte('(')
	for i, d := range shape {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprint(&b, d)
	}
	if len(shape) == 1 {
		b.WriteByte(',')
	}
	b.WriteByte(')')
	return b.String()
}

// parser reads the header's Python dictionary literal.
type parser struct {
	s          []byte
	i          int
	base       int64 // file offset of s[0]
	legacyLong bool  // accept Python 2's "3L" integers (NumPy does for versions 1 and 2)

	descrAt, shapeAt int64
}

func (p *parser) errf(format string, args ...any) error {
	return newError("header", p.base+int64(p.i), format, args...)
}

func (p *parser) space() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r', '\f', '\v':
			p.i++
		default:
			return
		}
	}
}

func (p *parser) peek() byte {
	if p.i < len(p.s) {
		return p.s[p.i]
	}
	return 0
}

// what describes the next character for an error message.
func (p *parser) what() string {
	if p.i >= len(p.s) {
		return "the end of the header"
	}
	return fmt.Sprintf("%q", p.s[p.i])
}

// dict parses `{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }` with the keys
// in any order, either quote, any whitespace and an optional trailing comma.
func (p *parser) dict(h *Header) error {
	p.space()
	if p.peek() != '{' {
		return p.errf("want '{' to open the dictionary, found %s", p.what())
	}
	p.i++
	seen := map[string]bool{}
	for {
		p.space()
		if p.peek() == '}' {
			p.i++
			break
		}
		keyAt := p.i
		key, err := p.str()
		if err != nil {
			return err
		}
		if seen[key] {
			p.i = keyAt
			return p.errf("key %q appears twice", key)
		}
		seen[key] = true
		p.space()
		if p.peek() != ':' {
			return p.errf("want ':' after key %q, found %s", key, p.what())
		}
		p.i++
		p.space()
		switch key {
		case "descr":
			p.descrAt = p.base + int64(p.i)
			if c := p.peek(); c == '[' || c == '{' {
				e := p.errf("descr is a structured dtype: %v: only plain numeric and bool dtypes are read", ErrUnsupported).(*Error)
				e.Err = ErrUnsupported
				return e
			}
			if h.Descr, err = p.str(); err != nil {
				return err
			}
		case "fortran_order":
			at := p.i
			switch w := p.word(); w {
			case "True":
				h.Fortran = true
			case "False":
				h.Fortran = false
			default:
				p.i = at
				return p.errf("fortran_order must be True or False, found %s", p.what())
			}
		case "shape":
			p.shapeAt = p.base + int64(p.i)
			if h.Shape, err = p.tuple(); err != nil {
				return err
			}
		default:
			p.i = keyAt
			return p.errf("unexpected key %q (want only 'descr', 'fortran_order' and 'shape')", key)
		}
		p.space()
		switch p.peek() {
		case ',':
			p.i++
			continue
		case '}':
			p.i++
		default:
			return p.errf("want ',' or '}' after the value of %q, found %s", key, p.what())
		}
		break
	}
	p.space()
	if p.i < len(p.s) {
		return p.errf("unexpected %s after the dictionary", p.what())
	}
	for _, k := range []string{"descr", "fortran_order", "shape"} {
		if !seen[k] {
			return p.errf("the dictionary has no key %q", k)
		}
	}
	return nil
}

// str parses a single- or double-quoted string without escapes.
func (p *parser) str() (string, error) {
	q := p.peek()
	if q != '\'' && q != '"' {
		return "", p.errf("want a quoted string, found %s", p.what())
	}
	start := p.i
	for j := p.i + 1; j < len(p.s); j++ {
		switch p.s[j] {
		case q:
			p.i = j + 1
			return string(p.s[start+1 : j]), nil
		case '\\':
			p.i = j
			return "", p.errf("escape sequences in strings are not supported")
		case '\n':
			p.i = j
			return "", p.errf("the string opened at byte %d is not closed on its line", p.base+int64(start))
		}
	}
	return "", p.errf("the string is not closed before the end of the header")
}

// word reads a run of ASCII letters.
func (p *parser) word() string {
	j := p.i
	for j < len(p.s) && (p.s[j] >= 'a' && p.s[j] <= 'z' || p.s[j] >= 'A' && p.s[j] <= 'Z') {
		j++
	}
	w := string(p.s[p.i:j])
	p.i = j
	return w
}

// tuple parses a Python tuple of non-negative integers: (), (3,), (2, 3), (2, 3,).
func (p *parser) tuple() ([]int, error) {
	if p.peek() != '(' {
		return nil, p.errf("shape must be a tuple such as (3,), found %s", p.what())
	}
	p.i++
	shape := []int{}
	for {
		p.space()
		if p.peek() == ')' {
			p.i++
			return shape, nil
		}
		if len(shape) == maxDims {
			return nil, p.errf("shape has more than %d dimensions", maxDims)
		}
		d, err := p.integer()
		if err != nil {
			return nil, err
		}
		shape = append(shape, d)
		p.space()
		switch p.peek() {
		case ',':
			p.i++
		case ')':
			if len(shape) == 1 {
				return nil, p.errf("shape (%d) is an integer, not a tuple: a 1-d shape is written (%d,)", d, d)
			}
			p.i++
			return shape, nil
		default:
			return nil, p.errf("want ',' or ')' in the shape, found %s", p.what())
		}
	}
}

// integer parses a dimension: a Python decimal integer literal (digits with single
// underscores between them, an optional '+'), rejecting negative values and values that
// do not fit in an int.
func (p *parser) integer() (int, error) {
	start := p.i
	if p.peek() == '+' {
		p.i++
		p.space()
	}
	if p.peek() == '-' {
		return 0, p.errf("negative dimension in the shape")
	}
	j := p.i
	var v uint64
	over := false
	for j < len(p.s) {
		c := p.s[j]
		if c == '_' && j > p.i && j+1 < len(p.s) && p.s[j+1] >= '0' && p.s[j+1] <= '9' && p.s[j-1] != '_' {
			j++
			continue
		}
		if c < '0' || c > '9' {
			break
		}
		if v > (math.MaxInt-uint64(c-'0'))/10 {
			over = true
		} else {
			v = v*10 + uint64(c-'0')
		}
		j++
	}
	if j == p.i {
		return 0, p.errf("want a dimension (a non-negative integer) in the shape, found %s", p.what())
	}
	digits := string(p.s[p.i:j])
	if len(digits) > 1 && digits[0] == '0' && strings.Trim(digits, "0_") != "" {
		return 0, p.errf("dimension %s has a leading zero, which Python does not allow", digits)
	}
	if over {
		if len(digits) > 40 {
			digits = digits[:40] + "..."
		}
		p.i = start
		return 0, p.errf("dimension %s does not fit in an int", digits)
	}
	p.i = j
	if p.legacyLong && (p.peek() == 'L' || p.peek() == 'l') {
		p.i++
	}
	return int(v), nil
}
