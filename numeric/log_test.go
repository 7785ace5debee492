package numeric

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/numkit/numkit/cl"
)

// syncBuffer is a bytes.Buffer safe for the logger's concurrent writes.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestLoggerReceivesWarnings checks that a device fall-back reaches the logger given to
// SetLogger as a warning naming the expression and the OpenCL error, and the routing
// decision as a debug message.
func TestLoggerReceivesWarnings(t *testing.T) {
	var out syncBuffer
	SetLogger(slog.New(slog.NewTextHandler(&out, &slog.HandlerOptions{Level: slog.LevelDebug})))
	t.Cleanup(func() { SetLogger(nil) })
	dev := &fakeDevice{err: fmt.Errorf("numeric: opencl: a test failure: %w", cl.ErrOutOfResources)}
	fake, _ := withFakeDevice(t, dev, nil)
	e := MustCompile("2*a+3*b**2-c/4", WithThreads(2), fake)
	vars, dst := polyVars(1 << 20)
	if err := e.EvalInto(context.Background(), dst, vars); err != nil {
		t.Fatal(err)
	}
	if dev.runs.Load() != 1 {
		t.Fatalf("%d device runs, want 1 (the test needs the router to pick the device)", dev.runs.Load())
	}
	var warn, debug string
	for _, line := range strings.Split(out.String(), "\n") {
		switch {
		case strings.Contains(line, "level=WARN"):
			warn = line
		case strings.Contains(line, "level=DEBUG") && strings.Contains(line, "auto route for"):
			debug = line
		}
	}
	if !strings.Contains(warn, "OpenCL device failed") || !strings.Contains(warn, "CL_OUT_OF_RESOURCES") ||
		!strings.Contains(warn, "2*a+3*b**2-c/4") {
		t.Errorf("no warning for the fall-back naming the expression and the error; the log:\n%s", out.String())
	}
	if debug == "" {
		t.Errorf("no debug message for the routing decision; the log:\n%s", out.String())
	}
}

// TestNoStderrInLibrary: nothing in the library's packages writes to standard error
// itself (issue #18); messages go through SetLogger's logger.
func TestNoStderrInLibrary(t *testing.T) {
	for _, root := range []string{".", "../kernels", "../cl", "../asm"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && path != root && (strings.HasPrefix(d.Name(), "_") || d.Name() == "testdata") {
				return filepath.SkipDir // generators and test data are programs of their own
			}
			if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, banned := range []string{"os.Stderr", "os.Stdout", "println("} {
				if strings.Contains(string(src), banned) {
					t.Errorf("%s uses %s", path, banned)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
