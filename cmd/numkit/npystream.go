package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// The .npy code (npy.go) reads and writes files by path. These wrappers give it
// streams, for "-" (stdin, stdout), through a private temporary file; they are all
// that eval and stats call besides readNpy, so npy.go can change underneath.

// readNpyStream reads a .npy array from r; name stands for it in errors ("stdin").
func readNpyStream(r io.Reader, name string) (any, error) {
	f, err := os.CreateTemp("", "numkit-in-*.npy")
	if err != nil {
		return nil, err
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	_, err = io.Copy(f, r)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	v, err := readNpy(tmp)
	if err != nil {
		return nil, errors.New(strings.ReplaceAll(err.Error(), tmp, name))
	}
	return v, nil
}

// writeNpyStream writes v as a .npy array to w.
func writeNpyStream(w io.Writer, v any) error {
	dir, err := os.MkdirTemp("", "numkit-out-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "out.npy")
	if err := writeNpy(path, v); err != nil {
		return errors.New(strings.ReplaceAll(err.Error(), path, "the .npy output"))
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}
