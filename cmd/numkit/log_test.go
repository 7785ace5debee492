package main

import (
	"strings"
	"testing"
)

// TestDebugLogsToStderr: the library writes nothing itself; the numkit command logs
// its routing decisions to stderr at debug level under NUMKIT_DEBUG=1, and nothing
// without it.
func TestDebugLogsToStderr(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	args := []string{"eval", "2*a + 3*b**2", "--n", "300000"}
	_, stderr, code := runChild(t, []string{"NUMKIT_DEBUG=1"}, args...)
	if code != 0 || !strings.Contains(stderr, "level=DEBUG") {
		t.Errorf("NUMKIT_DEBUG=1: exit %d, stderr %q; want debug records", code, stderr)
	}
	_, stderr, code = runChild(t, nil, args...)
	if code != 0 || stderr != "" {
		t.Errorf("no NUMKIT_DEBUG: exit %d, stderr %q; want nothing", code, stderr)
	}
}
