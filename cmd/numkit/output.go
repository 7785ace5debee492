package main

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// output is where a command writes a result: stdout for "-", else a file.
//
// A regular file (new, or existing) is written atomically: into a temporary file in
// the same directory, renamed over the destination by commit, so a reader never sees
// half a result and a failure leaves the old file. A new file gets mode 0644 less the
// umask (the kernel applies it); an existing one keeps its mode. An existing symlink
// or special file (a device such as /dev/null or /dev/stdout, a FIFO, a socket) is
// opened and written in place: renaming over it would replace the link or the device
// by a regular file.
type output struct {
	w     io.Writer
	file  *os.File // nil for stdout
	tmp   string   // the temporary file renamed to final by commit; "" when in place
	final string
}

// createOutput opens path ("-": stdout) for writing.
func createOutput(path string, stdout io.Writer) (*output, error) {
	if path == "-" {
		return &output{w: stdout, final: "-"}, nil
	}
	st, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return createAtomic(path, 0o644, false)
	case err != nil:
		return nil, err
	case st.Mode().IsRegular():
		return createAtomic(path, st.Mode().Perm(), true)
	case st.IsDir():
		return nil, fmt.Errorf("%s is a directory", path)
	}
	// A symlink (to whatever it points at) or a special file: write in place. O_TRUNC
	// empties a regular target and is ignored by devices and FIFOs.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, err
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		f.Close()
		return nil, fmt.Errorf("%s is a directory", path)
	}
	return &output{w: f, file: f, final: path}, nil
}

// createAtomic creates a temporary file next to path with mode perm (less the umask,
// unless keep asks for exactly perm, the mode of the file it replaces).
func createAtomic(path string, perm fs.FileMode, keep bool) (*output, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	for range 100 {
		var b [6]byte
		if _, err := rand.Read(b[:]); err != nil {
			return nil, err
		}
		tmp := filepath.Join(dir, "."+base+".tmp-"+hex.EncodeToString(b[:]))
		f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if keep {
			if err := f.Chmod(perm); err != nil {
				f.Close()
				os.Remove(tmp)
				return nil, err
			}
		}
		return &output{w: f, file: f, tmp: tmp, final: path}, nil
	}
	return nil, fmt.Errorf("%s: no free temporary name in %s", path, dir)
}

// commit closes the file and, for an atomic write, renames it into place.
func (o *output) commit() error {
	if o.file == nil {
		return nil
	}
	if err := o.file.Close(); err != nil {
		o.abort()
		return err
	}
	if o.tmp == "" {
		return nil
	}
	if err := os.Rename(o.tmp, o.final); err != nil {
		os.Remove(o.tmp)
		return err
	}
	return nil
}

// abort closes the file and removes the temporary file; the destination is left as it
// was (for an in-place write, as far as it was written).
func (o *output) abort() {
	if o.file == nil {
		return
	}
	o.file.Close()
	if o.tmp != "" {
		os.Remove(o.tmp)
	}
}

// writeOutput opens path, lets write fill it, and commits it, or aborts on an error.
func writeOutput(path string, stdout io.Writer, write func(io.Writer) error) error {
	o, err := createOutput(path, stdout)
	if err != nil {
		return err
	}
	if err := write(o.w); err != nil {
		o.abort()
		return err
	}
	return o.commit()
}
