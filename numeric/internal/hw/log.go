package hw

import (
	"context"
	"log/slog"
	"sync/atomic"
)

// logger is where numkit's warnings and debug messages go (SetLogger); nil means the
// default.
var logger atomic.Pointer[slog.Logger]

// SetLogger makes l receive numkit's warnings and, at debug level, its routing
// decisions; nil restores the default.
func SetLogger(l *slog.Logger) { logger.Store(l) }

// Logger returns the logger numkit writes to: the one SetLogger set, else one that
// discards everything (numkit never writes to standard error itself).
func Logger() *slog.Logger {
	if l := logger.Load(); l != nil {
		return l
	}
	return discardLogger
}

// Verbosity is the level NUMKIT_DEBUG=1 (debug) or NUMKIT_OPENCL_DUMP=1 alone (info)
// asks a program's logger for; ok is false when neither is set (or the variables are
// malformed: the configuration error says so elsewhere).
func Verbosity() (level slog.Level, ok bool) {
	cfg, _ := Env()
	switch {
	case cfg.Debug:
		return slog.LevelDebug, true
	case cfg.OpenCLDump:
		return slog.LevelInfo, true
	}
	return 0, false
}

// Debugging reports whether the logger records debug messages, so that callers build
// costly ones only then.
func Debugging() bool { return Logger().Enabled(context.Background(), slog.LevelDebug) }

var discardLogger = slog.New(slog.DiscardHandler)
