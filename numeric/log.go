package numeric

import (
	"log/slog"

	"github.com/numkit/numkit/numeric/internal/hw"
)

// SetLogger sends numkit's warnings — an unreadable calibration profile or OpenCL
// binary cache, an OpenCL device that failed so that evaluations fall back to the
// CPU — and, at debug level, auto's routing decisions to l. numkit never writes to
// standard error itself: without a logger these messages are dropped, unless
// NUMKIT_DEBUG=1 (or NUMKIT_OPENCL_DUMP=1) asks for them on standard error. nil
// restores that default. It is safe for concurrent use.
func SetLogger(l *slog.Logger) { hw.SetLogger(l) }
