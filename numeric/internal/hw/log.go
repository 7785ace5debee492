package hw

import (
	"context"
	"log/slog"
	"os"
	"sync/atomic"
)

// logger is where numkit's warnings and debug messages go (SetLogger); nil means the
// default.
var logger atomic.Pointer[slog.Logger]

// SetLogger makes l receive numkit's warnings and, at debug level, its routing
// decisions; nil restores the default.
func SetLogger(l *slog.Logger) { logger.Store(l) }

// Logger returns the logger numkit writes to: the one SetLogger set, else the default,
// which discards everything unless NUMKIT_DEBUG=1 or NUMKIT_OPENCL_DUMP=1 asked for
// messages on standard error (debug level and up).
func Logger() *slog.Logger {
	if l := logger.Load(); l != nil {
		return l
	}
	if cfg, _ := Env(); cfg.Debug || cfg.OpenCLDump {
		return stderrLogger
	}
	return discardLogger
}

// Debugging reports whether the logger records debug messages, so that callers build
// costly ones only then.
func Debugging() bool { return Logger().Enabled(context.Background(), slog.LevelDebug) }

var (
	stderrLogger  = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	discardLogger = slog.New(slog.DiscardHandler)
)
