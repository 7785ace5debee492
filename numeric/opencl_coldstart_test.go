package numeric

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/numkit/numkit/numeric/internal/opencl"
)

// clColdStartExpr is the expression the cold-start test times.
const clColdStartExpr = "2*a+3*b**2-c/4"

// TestOpenCLColdStart runs this test binary twice as a child process with empty
// caches (pocl's under POCL_CACHE_DIR, numkit's under NUMKIT_CACHE_DIR): the first
// child builds the kernel, the second finds it cached. Each child reports how long
// its first evaluation took, from before OpenCL is loaded to the result in host
// memory, and how much of that was compiling the expression for the device.
//
//	NUMKIT_REQUIRE_OPENCL=1 go test -run TestOpenCLColdStart -v ./numeric/
func TestOpenCLColdStart(t *testing.T) {
	if os.Getenv("NUMKIT_COLDSTART_CHILD") == "1" {
		clColdStartChild(t)
		return
	}
	clTestDevice(t)
	if testing.Short() {
		t.Skip("starts two processes")
	}
	for _, mode := range []string{"auto", "on"} { // auto: only the driver's cache on pocl
		dir := t.TempDir()
		var times [2][2]time.Duration
		for run := range 2 {
			cmd := exec.Command(os.Args[0], "-test.run", "^TestOpenCLColdStart$", "-test.v")
			cmd.Env = append(os.Environ(), "NUMKIT_COLDSTART_CHILD=1",
				"POCL_CACHE_DIR="+filepath.Join(dir, "pocl"), "NUMKIT_CACHE_DIR="+filepath.Join(dir, "numkit"),
				"NUMKIT_OPENCL_CACHE="+mode)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("child: %v\n%s", err, out)
			}
			m := regexp.MustCompile(`first-eval-ns=(\d+) compile-ns=(\d+)`).FindSubmatch(out)
			if m == nil {
				t.Fatalf("child printed no timing:\n%s", out)
			}
			for k := range 2 {
				ns, _ := strconv.ParseInt(string(m[k+1]), 10, 64)
				times[run][k] = time.Duration(ns)
			}
		}
		t.Logf("NUMKIT_OPENCL_CACHE=%s: first evaluation of %q in a new process: cold caches %v (compile %v), warm caches %v (compile %v)",
			mode, clColdStartExpr, times[0][0].Round(time.Millisecond), times[0][1].Round(time.Millisecond),
			times[1][0].Round(time.Millisecond), times[1][1].Round(time.Millisecond))
		if times[1][1] > times[0][1]/2 {
			t.Errorf("NUMKIT_OPENCL_CACHE=%s: compiling with warm caches took %v, cold %v: nothing was cached", mode, times[1][1], times[0][1])
		}
	}
}

// clColdStartChild times the first evaluation of the process.
func clColdStartChild(t *testing.T) {
	n := 1 << 16
	vars := Vars{"a": clRandom(n, 1), "b": clRandom(n, 2), "c": clRandom(n, 3)}
	start := time.Now()
	if err := opencl.Usable(); err != nil {
		t.Fatal(err)
	}
	e := MustCompile(clColdStartExpr, WithBackend(BackendOpenCL))
	setup := time.Since(start)
	compileStart := time.Now()
	sig, bindings := clSignature(e, vars)
	if _, err := e.forSignature(sig, bindings, nil); err != nil {
		t.Fatal(err)
	}
	compile := time.Since(compileStart)
	if _, err := e.Eval(context.Background(), vars); err != nil {
		t.Fatal(err)
	}
	total := time.Since(start)
	fmt.Printf("first-eval-ns=%d compile-ns=%d (setup %v)\n", total.Nanoseconds(), compile.Nanoseconds(), setup)
}

// clSignature binds vars for e, as evaluate does.
func clSignature(e *Expr, vars Vars) (signature, []binding) {
	bindings := make([]binding, len(e.names))
	var sig signature
	for i, name := range e.names {
		b, _ := bind(name, vars[name])
		bindings[i] = b
		sig.set(i, bindingCode(b))
	}
	return sig, bindings
}
