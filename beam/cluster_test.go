package beam

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// quoteWrapper starts Beam's Go boot program for prism's PROCESS environment. prism
// v2.78.0 runs the command as `COMMAND --id='ID' --provision_endpoint=ADDR`, with the
// quotes inside the argument; boot passes them on and the job hangs instead of
// failing. The wrapper strips them.
const quoteWrapper = `#!/bin/sh
id=$(printf '%%s' "$1" | sed "s/^--id=//; s/'//g")
shift
cd %[2]s # boot writes pipeline_options.json into its working directory
exec %[1]s --id="$id" --semi_persist_dir=%[2]s "$@"
`

// TestClusterMode runs the pricing example against a standalone prism job server (its
// own process), with workers in the PROCESS environment: prism starts Beam's boot
// program, which fetches the staged worker binary and runs it. The example's --check
// compares the moments the workers computed with numkit's in this process, bit for bit.
// It builds prism, boot and the example first (about a minute when the module's
// packages are in the build cache); -short skips it.
func TestClusterMode(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the cluster-mode test builds three binaries")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 6*time.Minute)
	defer cancel()
	dir := t.TempDir()
	bin := func(name string) string { return filepath.Join(dir, name) }
	start := time.Now()
	for name, pkg := range map[string]string{
		"prism":   "github.com/apache/beam/sdks/v2/go/cmd/prism",
		"boot":    "github.com/apache/beam/sdks/v2/go/container",
		"pricing": "./example/pricing",
	} {
		out, err := exec.CommandContext(ctx, "go", "build", "-o", bin(name), pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("building %s: %v\n%s", pkg, err, out)
		}
	}
	t.Logf("built prism, boot and the example in %v", time.Since(start).Round(time.Second))
	wrapper := bin("boot.sh")
	if err := os.MkdirAll(bin("persist"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(wrapper, fmt.Appendf(nil, quoteWrapper, bin("boot"), bin("persist")), 0o755); err != nil {
		t.Fatal(err)
	}
	port := freePort(t)
	server := exec.CommandContext(ctx, bin("prism"), "--job_port", fmt.Sprint(port), "--serve_http=false", "--log_level", "warn")
	var serverLog strings.Builder
	server.Stdout, server.Stderr = &serverLog, &serverLog
	// Workers inherit prism's output: do not wait for them to close it.
	server.WaitDelay = 2 * time.Second
	if err := server.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		_ = server.Process.Kill()
		_ = server.Wait()
	}()
	endpoint := fmt.Sprintf("localhost:%d", port)
	waitForPort(t, ctx, endpoint)

	job := exec.CommandContext(ctx, bin("pricing"),
		"--runner=universal", "--endpoint="+endpoint,
		"--environment_type=PROCESS", `--environment_config={"command":"`+wrapper+`"}`,
		"--worker_binary="+bin("pricing"),
		"--n=30000", "--chunks=7", "--dir="+bin("data"), "--check")
	job.WaitDelay = 2 * time.Second
	start = time.Now()
	out, err := job.CombinedOutput()
	t.Logf("the job ran in %v", time.Since(start).Round(time.Millisecond))
	if ctx.Err() != nil {
		t.Fatalf("the job did not finish in time (a hung PROCESS worker?)\njob:\n%s\nprism:\n%s", tail(out), serverLog.String())
	}
	if err != nil || !strings.Contains(string(out), "check: bit-identical") {
		t.Fatalf("the job failed: %v\n%s\nprism:\n%s", err, tail(out), serverLog.String())
	}
}

func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "localhost:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func waitForPort(t *testing.T, ctx context.Context, addr string) {
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("prism's job server did not listen on %s", addr)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

func tail(b []byte) string {
	const keep = 4000
	if len(b) > keep {
		b = b[len(b)-keep:]
	}
	return string(b)
}
