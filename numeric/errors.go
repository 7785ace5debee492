package numeric

import (
	"github.com/numkit/numkit/numeric/internal/exec"

	"github.com/numkit/numkit/numeric/internal/syntax"
)

// SyntaxError is the error for an expression numkit cannot compile: a syntax error, an
// unknown name or function, or an operation its operands' types do not support. It
// carries the byte offset, line and column, and its message shows the source with a
// caret under the problem. Its fields:
//
//	Src    string // the whole source
//	Offset int    // byte offset of the problem in Src, in [0, len(Src)]
//	Line   int    // 1-based line of Offset; "\n", "\r\n" and a lone "\r" each end a line
//	Col    int    // 1-based column of Offset, in runes (characters), not bytes
//	Msg    string // what is wrong, without the position
//
// Match it with errors.As(err, new(*SyntaxError)).
type SyntaxError = syntax.Error

// Sentinel errors, wrapped with context by the functions that return them.
var (
	// ErrShape: arrays of different lengths, or a destination of the wrong length.
	ErrShape = exec.ErrShape
	// ErrType: a variable or destination of an unsupported or wrong type.
	ErrType = exec.ErrType
	// ErrBackend: a backend that is not usable here was forced.
	ErrBackend = exec.ErrBackend
	// ErrEmpty: min or max of no elements.
	ErrEmpty = exec.ErrEmpty
)
