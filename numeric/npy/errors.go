package npy

import (
	"errors"
	"fmt"
	"io"
)

// Error is the error for a file this package cannot read: it names the part of the
// file (magic, header or data), the byte offset where the problem was found, and what
// is wrong. Err is the underlying I/O error, if any.
type Error struct {
	Part   string // "magic", "header" or "data"
	Offset int64  // byte offset in the file
	Msg    string
	Err    error
}

func (e *Error) Error() string {
	return fmt.Sprintf("npy: %s: byte %d: %s", e.Part, e.Offset, e.Msg)
}

func (e *Error) Unwrap() error { return e.Err }

// ErrUnsupported is wrapped by the errors for valid .npy files this package does not
// read: structured, string, object, complex or float16 dtypes.
var ErrUnsupported = errors.New("unsupported dtype")

func newError(part string, off int64, format string, args ...any) *Error {
	return &Error{Part: part, Offset: off, Msg: fmt.Sprintf(format, args...)}
}

// ioError reports a failed read: a file that ends early (the message) or another
// I/O error (wrapped).
func ioError(part string, off int64, err error, format string, args ...any) *Error {
	e := newError(part, off, format, args...)
	if !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
		e.Msg = "read failed: " + err.Error()
	}
	e.Err = err
	return e
}
