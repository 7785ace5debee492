package numeric

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

func TestOptionErrors(t *testing.T) {
	for _, c := range []struct {
		opt  Option
		want string // in the error; "" for none
	}{
		{WithThreads(0), "WithThreads(0): want at least 1"},
		{WithThreads(-3), "WithThreads(-3): want at least 1"},
		{WithThreads(2), ""},
		{WithBackend("cuda"), `WithBackend("cuda"): want one of auto, gonum, simd, opencl`},
		{WithBackend("GONUM"), ""},
		{WithBackend(" Auto "), ""},
	} {
		_, err := Compile("a + 1", c.opt)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("an accepted option: %v", err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("got %v, want an error containing %q", err, c.want)
		}
	}
	// SIMD in capitals names the simd backend: it compiles, or fails only because this
	// CPU has no SIMD kernels.
	if _, err := Compile("a + 1", WithBackend("SIMD")); err != nil && !errors.Is(err, ErrBackend) {
		t.Errorf(`WithBackend("SIMD"): %v`, err)
	}
}

// configChild is set in the environment of the test binary run as a child process,
// which has its own (once-read) configuration.
const configChild = "GO_NUMERIC_CONFIG_CHILD"

// TestConfigChild is the child's side of TestCompileConfigErrors: it prints what
// Compile and the configuration say.
func TestConfigChild(t *testing.T) {
	if os.Getenv(configChild) != "1" {
		t.Skip("run by TestCompileConfigErrors in a child process")
	}
	_, err := Compile("a + 1")
	var vars []string
	for e := range allConfigErrors(err) {
		vars = append(vars, e.Var)
	}
	o := &options{}
	fmt.Printf("RESULT backend=%s threads=%d bad=%s errbackend=%v err=%v\n", o.backendName(), o.threadCount(),
		strings.Join(vars, ","), errors.Is(err, ErrBackend), err)
}

// allConfigErrors yields the *ConfigErrors err joins.
func allConfigErrors(err error) func(func(*ConfigError) bool) {
	return func(yield func(*ConfigError) bool) {
		var walk func(error) bool
		walk = func(e error) bool {
			if ce, ok := e.(*ConfigError); ok {
				return yield(ce)
			}
			switch u := e.(type) {
			case interface{ Unwrap() []error }:
				for _, x := range u.Unwrap() {
					if !walk(x) {
						return false
					}
				}
			case interface{ Unwrap() error }:
				if x := u.Unwrap(); x != nil {
					return walk(x)
				}
			}
			return true
		}
		if err != nil {
			walk(err)
		}
	}
}

// TestCompileConfigErrors: a bad NUMKIT_* value makes Compile return the ConfigError,
// naming the variable; a bad variable does not disable the good ones; NUMKIT_OPENCL=on
// without a usable device is an error wrapping ErrBackend.
func TestCompileConfigErrors(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	cases := []struct {
		env  []string
		want []string // in the child's RESULT line
	}{
		{[]string{"NUMKIT_BACKEND=cuda"}, []string{"bad=NUMKIT_BACKEND ", `NUMKIT_BACKEND="cuda": want one of auto, gonum, simd, opencl`}},
		{[]string{"NUMKIT_THREADS=abc"}, []string{"bad=NUMKIT_THREADS ", `NUMKIT_THREADS="abc": want a whole number of threads`}},
		{[]string{"NUMKIT_BACKEND=GONUM", "NUMKIT_THREADS=3", "NUMKIT_DEBUG=2"},
			[]string{"backend=gonum threads=3 bad=NUMKIT_DEBUG ", `NUMKIT_DEBUG="2": want one of 0, 1`}},
		{[]string{"NUMKIT_SIMD=avx9", "NUMKIT_THREADS=0"}, []string{"bad=NUMKIT_SIMD,NUMKIT_THREADS "}},
		{[]string{"NUMKIT_OPENCL=on", "NUMKIT_OPENCL_LIBRARY=/nonexistent/libOpenCL.so.1"},
			[]string{"bad= errbackend=true", "NUMKIT_OPENCL=on but OpenCL is unavailable"}},
		{[]string{"NUMKIT_BACKEND=Gonum", "NUMKIT_THREADS=2"}, []string{"backend=gonum threads=2 bad= errbackend=false err=<nil>"}},
	}
	for _, c := range cases {
		cmd := exec.Command(os.Args[0], "-test.run=^TestConfigChild$", "-test.v")
		cmd.Env = append(cleanEnv(), configChild+"=1")
		cmd.Env = append(cmd.Env, c.env...)
		out, err := cmd.CombinedOutput()
		line := resultLine(string(out))
		if err != nil || line == "" {
			t.Fatalf("%v: child failed: %v\n%s", c.env, err, out)
		}
		for _, w := range c.want {
			if !strings.Contains(line, w) {
				t.Errorf("%v: %q lacks %q", c.env, line, w)
			}
		}
	}
}

// cleanEnv is the environment without NUMKIT_* variables.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "NUMKIT_") {
			env = append(env, kv)
		}
	}
	return env
}

func resultLine(out string) string {
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "RESULT ") {
			return l
		}
	}
	return ""
}
