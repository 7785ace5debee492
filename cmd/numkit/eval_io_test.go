package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestMain runs the command itself when NUMKIT_TEST_MAIN is set, so that a test can
// run the test binary as numkit with real stdin and stdout files.
func TestMain(m *testing.M) {
	if os.Getenv("NUMKIT_TEST_MAIN") == "1" {
		main()
	}
	os.Exit(m.Run())
}

// runEval runs numkit eval in process with stdin.
func runEval(stdin []byte, args ...string) (stdout, stderr []byte, code int) {
	var out, errb bytes.Buffer
	c := &evalCommand{stdin: bytes.NewReader(stdin)}
	code = c.run(&out, &errb, args)
	return out.Bytes(), errb.Bytes(), code
}

// npyBytes is v as a .npy file's bytes.
func npyBytes(t *testing.T, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := writeNpyStream(&b, v); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestEvalStdinToStdout(t *testing.T) {
	in := npyBytes(t, []float64{1, 2.5, -3})
	out, errb, code := runEval(in, "-i", "a=-", "-o", "-", "--", "a*2")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	got, err := readNpyStream(bytes.NewReader(out), "stdout")
	if err != nil {
		t.Fatal(err)
	}
	if want := []float64{2, 5, -6}; !reflect.DeepEqual(got, want) {
		t.Errorf("a*2 = %v, want %v", got, want)
	}
	// Two inputs cannot both read stdin.
	if _, errb, code := runEval(in, "-i", "a=-", "-i", "b=-", "a+b"); code != 1 || !strings.Contains(string(errb), "stdin is already read by -i a=-") {
		t.Errorf("two -i from stdin: exit %d, %s", code, errb)
	}
	// Garbage on stdin is an error that says so.
	if _, errb, code := runEval([]byte("not npy"), "-i", "a=-", "a"); code != 1 || !strings.Contains(string(errb), "-i a=-: stdin") {
		t.Errorf("garbage on stdin: exit %d, %s", code, errb)
	}
}

// TestEvalPipeline runs the command of issue #18 with real files as stdin and stdout:
// numkit eval -i a=- -o - -- 'a*2' < a.npy > b.npy
func TestEvalPipeline(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.npy")
	if err := os.WriteFile(a, npyBytes(t, []float32{0.5, 1, 1.5}), 0o644); err != nil {
		t.Fatal(err)
	}
	stdin, err := os.Open(a)
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	b := filepath.Join(dir, "b.npy")
	stdout, err := os.Create(b)
	if err != nil {
		t.Fatal(err)
	}
	defer stdout.Close()
	cmd := exec.Command(os.Args[0], "eval", "-i", "a=-", "-o", "-", "--", "a*2")
	cmd.Env = append(os.Environ(), "NUMKIT_TEST_MAIN=1")
	cmd.Stdin, cmd.Stdout = stdin, stdout
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v: %s", err, &errb)
	}
	got, err := readNpy(b)
	if err != nil {
		t.Fatal(err)
	}
	if want := []float32{1, 2, 3}; !reflect.DeepEqual(got, want) {
		t.Errorf("b.npy = %v, want %v", got, want)
	}
}

func TestEvalFormats(t *testing.T) {
	a := writeTestNpy(t, "a.npy", []float64{1, 2, 3})
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"a*2", "--format", "text"}, "2\n4\n6\n"},
		{[]string{"a/4", "--format", "csv"}, "result\n0.25\n0.5\n0.75\n"},
		{[]string{"a > 1", "--format", "text"}, "false\ntrue\ntrue\n"},
		{[]string{"sum(a)", "--format", "text"}, "6\n"},
		{[]string{"-e", "-a", "--format", "text"}, "-1\n-2\n-3\n"},
		{[]string{"--format", "text", "--", "-a"}, "-1\n-2\n-3\n"},
		{[]string{"log(a-2)", "--format", "json"},
			`{"schema_version":1,"version":"` + numkitVersion() + `","expr":"log(a-2)","dtype":"float64","shape":[3],"data":[null,null,0]}` + "\n"},
		{[]string{"sum(a)", "--format", "json"},
			`{"schema_version":1,"version":"` + numkitVersion() + `","expr":"sum(a)","dtype":"float64","shape":[],"data":6}` + "\n"},
	} {
		out, errb, code := runEval(nil, append([]string{"-i", "a=" + a}, tc.args...)...)
		if code != 0 || string(out) != tc.want {
			t.Errorf("eval %q: exit %d, stdout %q, stderr %q; want %q", tc.args, code, out, errb, tc.want)
		}
	}
	// -o picks the format from the extension; --format overrides it.
	dir := t.TempDir()
	for file, want := range map[string]string{"r.csv": "result\n2\n4\n6\n", "r.txt": "2\n4\n6\n"} {
		path := filepath.Join(dir, file)
		if _, errb, code := runEval(nil, "-i", "a="+a, "-o", path, "a*2"); code != 0 {
			t.Fatalf("-o %s: exit %d: %s", file, code, errb)
		}
		if got, _ := os.ReadFile(path); string(got) != want {
			t.Errorf("-o %s wrote %q, want %q", file, got, want)
		}
	}
	var doc evalJSON
	path := filepath.Join(dir, "r.json")
	if _, errb, code := runEval(nil, "-i", "a="+a, "-o", path, "a+1"); code != 0 {
		t.Fatalf("-o r.json: exit %d: %s", code, errb)
	}
	if raw, err := os.ReadFile(path); err != nil || json.Unmarshal(raw, &doc) != nil || string(doc.Data) != "[2,3,4]" {
		t.Errorf("-o r.json: %+v, %v", doc, err)
	}
}

func TestEvalUsageErrors(t *testing.T) {
	a := writeTestNpy(t, "a.npy", []float64{1})
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"-i", "a=" + a, "-i", "a=" + a, "a"}, 1, "input a is given twice"},
		{[]string{"-s", "k=1", "-s", "k=2", "k"}, 1, "k is given twice"},
		{[]string{"-i", "a=" + a, "-s", "a=2", "a"}, 1, "a is given twice"},
		{[]string{"-e", "a", "a"}, 2, "two expressions"},
		{[]string{"-i", "a=" + a}, 2, "missing the expression"},
		{[]string{"-i", "a=" + a, "--format", "xml", "a"}, 2, `--format "xml": want npy, csv, json, text`},
		{[]string{"a", "b"}, 2, `unexpected argument "b"`},
		{[]string{"-i", "a=" + a, "-o", t.TempDir(), "a"}, 1, "is a directory"},
	} {
		_, errb, code := runEval(nil, tc.args...)
		if code != tc.code || !strings.Contains(string(errb), tc.msg) {
			t.Errorf("eval %q: exit %d, stderr %q; want %d and %q", tc.args, code, errb, tc.code, tc.msg)
		}
	}
}

func TestHelp(t *testing.T) {
	for _, c := range commands {
		for _, args := range [][]string{{c.name, "--help"}, {c.name, "-h"}, {"help", c.name}} {
			var out, errb bytes.Buffer
			code := run(&out, &errb, args)
			if code != 0 || !strings.HasPrefix(out.String(), "usage: numkit "+c.name) || errb.Len() != 0 {
				t.Errorf("numkit %s: exit %d, stdout %.60q, stderr %q; want 0 and the usage on stdout", strings.Join(args, " "), code, &out, &errb)
			}
		}
		// A bad flag: the usage goes to stderr, exit 2.
		var out, errb bytes.Buffer
		if code := run(&out, &errb, []string{c.name, "--no-such-flag"}); code != 2 || out.Len() != 0 || !strings.Contains(errb.String(), "usage: numkit "+c.name) {
			t.Errorf("numkit %s --no-such-flag: exit %d, stdout %q, stderr %.80q", c.name, code, &out, &errb)
		}
	}
	for _, tc := range []struct {
		args   []string
		code   int
		stdout bool
	}{
		{[]string{"--help"}, 0, true},
		{[]string{"help"}, 0, true},
		{nil, 2, false},
		{[]string{"help", "nope"}, 2, false},
		{[]string{"help", "eval", "bench"}, 2, false},
		{[]string{"nope"}, 2, false},
	} {
		var out, errb bytes.Buffer
		code := run(&out, &errb, tc.args)
		onStdout := strings.Contains(out.String(), "usage: numkit COMMAND")
		if code != tc.code || onStdout != tc.stdout || (!tc.stdout && errb.Len() == 0) {
			t.Errorf("numkit %q: exit %d, stdout %.40q, stderr %.40q", tc.args, code, &out, &errb)
		}
	}
}

func TestVersion(t *testing.T) {
	fake := func() buildInfo {
		return buildInfo{SchemaVersion: 1, Module: "github.com/numkit/numkit", Version: "v0.1.0",
			Revision: "0123456789abcdef0123", Time: "2026-12-07T06:00:00Z", Modified: true, GoVersion: "go1.26.8", OS: "linux", Arch: "amd64"}
	}
	var out, errb bytes.Buffer
	if code := runVersion(&out, &errb, nil, fake); code != 0 {
		t.Fatalf("exit %d: %s", code, &errb)
	}
	for _, want := range []string{"numkit v0.1.0\n", "revision 0123456789abcdef0123 (modified)\n", "time     2026-12-07T06:00:00Z\n", "go       go1.26.8 linux/amd64\n"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("version output %q lacks %q", &out, want)
		}
	}
	for _, tc := range []struct {
		b    buildInfo
		want string
	}{
		{fake(), "v0.1.0-0123456789ab+dirty"},
		{buildInfo{Version: "(devel)"}, "(devel)"},
		{buildInfo{Version: "v0.0.0-20261207060542-0123456789ab+dirty", Revision: "0123456789abcdef", Modified: true}, "v0.0.0-20261207060542-0123456789ab+dirty"},
		{buildInfo{Version: "v1.2.3", Revision: "0123456789abcdef"}, "v1.2.3-0123456789ab"},
	} {
		if got := tc.b.short(); got != tc.want {
			t.Errorf("%+v.short() = %q, want %q", tc.b, got, tc.want)
		}
	}
	out.Reset()
	if code := runVersion(&out, &errb, []string{"--json"}, fake); code != 0 {
		t.Fatalf("--json: exit %d", code)
	}
	var b buildInfo
	if err := json.Unmarshal(out.Bytes(), &b); err != nil || b != fake() {
		t.Errorf("--json gave %+v (%v), want %+v", b, err, fake())
	}
	// The real build info: this test binary knows its Go version.
	if real := readBuildInfo(); real.GoVersion == "" || real.Version == "" {
		t.Errorf("readBuildInfo() = %+v", real)
	}
}

func TestStatsStdin(t *testing.T) {
	var out, errb bytes.Buffer
	c := &statsCommand{stdin: bytes.NewReader(npyBytes(t, []float64{2, 4, 4, 4, 5, 5, 7, 9}))}
	if code := c.run(&out, &errb, []string{"-"}); code != 0 {
		t.Fatalf("stats -: exit %d: %s", code, &errb)
	}
	if !strings.Contains(out.String(), "count  8\nmean   5\n") {
		t.Errorf("stats - printed %q", &out)
	}
	// FILE - has read stdin: an -i from stdin too is refused.
	out.Reset()
	errb.Reset()
	c = &statsCommand{stdin: bytes.NewReader(npyBytes(t, []float64{1}))}
	if code := c.run(&out, &errb, []string{"-", "--expr", "x+y", "-i", "y=-"}); code != 1 || !strings.Contains(errb.String(), "stdin is already read") {
		t.Errorf("stats - -i y=-: exit %d, %q", code, &errb)
	}
}
