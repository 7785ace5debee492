//go:build unix

package main

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

func TestOutputPermissions(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		umask int
		want  fs.FileMode
	}{{0o022, 0o644}, {0o077, 0o600}, {0o002, 0o644}} {
		old := syscall.Umask(tc.umask)
		path := filepath.Join(dir, "new.txt")
		os.Remove(path)
		err := writeOutput(path, nil, writeString("x"))
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		st, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode() != tc.want {
			t.Errorf("umask %03o: created %v, want %v", tc.umask, st.Mode(), tc.want)
		}
	}
	// Replacing a file keeps its mode, whatever the umask.
	path := filepath.Join(dir, "kept.txt")
	if err := os.WriteFile(path, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	os.Chmod(path, 0o640)
	if err := writeOutput(path, nil, writeString("new")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); st.Mode() != 0o640 {
		t.Errorf("replaced file has mode %v, want -rw-r-----", st.Mode())
	}
}

func TestOutputAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.txt")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := writeOutput(path, nil, func(w io.Writer) error { io.WriteString(w, "half"); return boom })
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("a failed write left %q, want the old contents", got)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("a failed write left %d files, want 1 (no temporary file)", len(ents))
	}
	if err := writeOutput(path, nil, writeString("new")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new" {
		t.Errorf("got %q, want new", got)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("%d files after a write, want 1", len(ents))
	}
}

func TestOutputSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.npy")
	if err := os.WriteFile(target, []byte("a longer old content"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.npy")
	if err := os.Symlink("target.npy", link); err != nil {
		t.Fatal(err)
	}
	a := writeTestNpy(t, "a.npy", []float64{1, 2})
	if _, errb, code := runEval(nil, "-i", "a="+a, "-o", link, "a*3"); code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("the symlink was replaced: %v %v", st.Mode(), err)
	}
	got, err := readNpy(target)
	if err != nil {
		t.Fatalf("the target: %v", err)
	}
	if want := []float64{3, 6}; !equalFloats(got, want) {
		t.Errorf("target holds %v, want %v", got, want)
	}
	if st, _ := os.Stat(target); st.Mode().Perm() != 0o600 {
		t.Errorf("target mode %v, want -rw------- (written in place)", st.Mode())
	}
	// A dangling symlink: its target is created.
	dangling := filepath.Join(dir, "dangling.txt")
	if err := os.Symlink("made.txt", dangling); err != nil {
		t.Fatal(err)
	}
	if err := writeOutput(dangling, nil, writeString("hi")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "made.txt")); string(got) != "hi" {
		t.Errorf("dangling symlink's target holds %q", got)
	}
	if st, _ := os.Lstat(dangling); st.Mode()&fs.ModeSymlink == 0 {
		t.Error("the dangling symlink was replaced")
	}
}

func equalFloats(got any, want []float64) bool {
	g, ok := got.([]float64)
	if !ok || len(g) != len(want) {
		return false
	}
	for i := range g {
		if g[i] != want[i] {
			return false
		}
	}
	return true
}

func TestOutputSpecialFiles(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	got := make(chan string, 1)
	go func() {
		b, err := os.ReadFile(fifo) // opens for reading, which lets the writer's open return
		if err != nil {
			got <- "error: " + err.Error()
			return
		}
		got <- string(b)
	}()
	if err := writeOutput(fifo, nil, writeString("through the fifo\n")); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "through the fifo\n" {
		t.Errorf("read %q from the fifo", s)
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the fifo was replaced: %v %v", st.Mode(), err)
	}
	// /dev/null stays a device (a rename over it, as root, would make it a file).
	a := writeTestNpy(t, "a.npy", []float64{1, 2})
	if _, errb, code := runEval(nil, "-i", "a="+a, "-o", os.DevNull, "a"); code != 0 {
		t.Fatalf("-o /dev/null: exit %d: %s", code, errb)
	}
	if st, err := os.Lstat(os.DevNull); err != nil || st.Mode()&fs.ModeCharDevice == 0 {
		t.Errorf("%s is no longer a character device: %v %v", os.DevNull, st.Mode(), err)
	}
	if ents, _ := os.ReadDir(filepath.Dir(os.DevNull)); len(ents) > 0 {
		for _, e := range ents {
			if len(e.Name()) > 6 && e.Name()[:6] == ".null." {
				t.Errorf("left a temporary file %s", e.Name())
			}
		}
	}
}
