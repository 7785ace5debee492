package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestConfigErrorsFailCommands: a bad NUMKIT_* value makes eval, stats, bench and
// calibrate exit 1 with the message naming the variable and what it accepts, before
// any work (issue #14: they exited 0 silently). info reports it itself; --help works.
func TestConfigErrorsFailCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	dir := t.TempDir()
	a := filepath.Join(dir, "a.npy")
	if err := os.WriteFile(a, npyBytes(t, []float64{1, 2, 3}), 0o644); err != nil {
		t.Fatal(err)
	}
	commands := [][]string{
		{"eval", "a+1", "-i", "a=" + a},
		{"stats", a},
		{"bench", "--expr", "a+1", "--n", "1000"},
		{"calibrate"},
	}
	envs := []struct {
		env  []string
		want []string
	}{
		{[]string{"NUMKIT_BACKEND=cuda"}, []string{`NUMKIT_BACKEND="cuda": want one of auto, gonum, simd, opencl`}},
		{[]string{"NUMKIT_THREADS=abc"}, []string{`NUMKIT_THREADS="abc": want a whole number of threads`}},
		{[]string{"NUMKIT_BACKEND=gonum", "NUMKIT_DEBUG=2", "NUMKIT_SIMD=avx9"},
			[]string{`NUMKIT_DEBUG="2": want one of 0, 1`, `NUMKIT_SIMD="avx9": want one of auto, avx512, avx2, neon, off`}},
		{[]string{"NUMKIT_OPENCL=on", "NUMKIT_OPENCL_LIBRARY=/nonexistent/libOpenCL.so.1"},
			[]string{"NUMKIT_OPENCL=on but OpenCL is unavailable", "/nonexistent/libOpenCL.so.1"}},
	}
	for _, e := range envs {
		for _, args := range commands {
			stdout, stderr, code := runChild(t, e.env, args...)
			if code != 1 {
				t.Errorf("%v numkit %v: exit %d, want 1\nstdout: %s\nstderr: %s", e.env, args, code, stdout, stderr)
				continue
			}
			for _, w := range e.want {
				if !strings.Contains(stderr, "numkit "+args[0]+": ") || !strings.Contains(stderr, w) {
					t.Errorf("%v numkit %v: stderr %q lacks %q", e.env, args, stderr, w)
				}
			}
		}
	}
	// The same environment with good values runs.
	if _, stderr, code := runChild(t, []string{"NUMKIT_BACKEND=GONUM", "NUMKIT_THREADS=2"}, "eval", "a+1", "-i", "a="+a); code != 0 {
		t.Errorf("good configuration: exit %d: %s", code, stderr)
	}
	if _, _, code := runChild(t, []string{"NUMKIT_BACKEND=cuda"}, "eval", "--help"); code != 0 {
		t.Errorf("eval --help under a bad configuration: exit %d, want 0", code)
	}
}

// runChild runs the test binary as numkit with args and env (no other NUMKIT_*).
func runChild(t *testing.T, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "NUMKIT_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, "NUMKIT_TEST_MAIN=1")
	cmd.Env = append(cmd.Env, env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}
