package opencl

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/numkit/numkit/numeric/internal/hw"
)

// diskMagic starts every cached binary file; the version changes with the format.
var diskMagic = []byte("numkit-opencl-binary-v1\n")

// diskCache keeps program binaries in files named by their key, each written to a
// temporary file and renamed into place, and laid out as
//
//	magic | length (8 bytes, little-endian) | SHA-256 of the binary | binary
//
// so that a truncated or corrupted file is detected (and rebuilt) rather than
// handed to the driver. A directory that cannot be written is a warning, printed
// once, never an error.
type diskCache struct {
	dir    string
	warned sync.Once
	report func(msg string) // where the warning goes (logWarning; tests collect it)
}

// logWarning sends a cache warning to numkit's logger.
func logWarning(msg string) { hw.Logger().Warn("numkit: opencl cache: " + msg) }

func (c *diskCache) warn(msg string) {
	c.warned.Do(func() { c.report(msg + " (further cache warnings are not shown)") })
}

func (c *diskCache) path(key string) string { return filepath.Join(c.dir, key+".bin") }

// load returns the binary stored under key, or false when there is none or the file
// is damaged (then it is removed).
func (c *diskCache) load(key string) ([]byte, bool) {
	data, err := os.ReadFile(c.path(key))
	if err != nil {
		return nil, false
	}
	head := len(diskMagic) + 8 + sha256.Size
	if len(data) < head || !bytes.Equal(data[:len(diskMagic)], diskMagic) {
		c.warn(fmt.Sprintf("%s is not a numkit binary; rebuilding", c.path(key)))
		c.remove(key)
		return nil, false
	}
	n := binary.LittleEndian.Uint64(data[len(diskMagic):])
	sum := data[len(diskMagic)+8 : head]
	bin := data[head:]
	if uint64(len(bin)) != n {
		c.warn(fmt.Sprintf("%s is truncated (%d of %d bytes); rebuilding", c.path(key), len(bin), n))
		c.remove(key)
		return nil, false
	}
	if got := sha256.Sum256(bin); !bytes.Equal(got[:], sum) {
		c.warn(fmt.Sprintf("%s fails its checksum; rebuilding", c.path(key)))
		c.remove(key)
		return nil, false
	}
	return bin, true
}

// store writes bin under key atomically: readers see the old file, no file, or the
// whole new one.
func (c *diskCache) store(key string, bin []byte) {
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		c.warn(fmt.Sprintf("cannot create %s: %v", c.dir, err))
		return
	}
	f, err := os.CreateTemp(c.dir, key+".*.tmp")
	if err != nil {
		c.warn(fmt.Sprintf("cannot write to %s: %v", c.dir, err))
		return
	}
	var head [8]byte
	binary.LittleEndian.PutUint64(head[:], uint64(len(bin)))
	sum := sha256.Sum256(bin)
	var buf bytes.Buffer
	buf.Write(diskMagic)
	buf.Write(head[:])
	buf.Write(sum[:])
	buf.Write(bin)
	_, err = f.Write(buf.Bytes())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), c.path(key))
	}
	if err != nil {
		_ = os.Remove(f.Name())
		c.warn(fmt.Sprintf("cannot store a binary in %s: %v", c.dir, err))
	}
}

func (c *diskCache) remove(key string) { _ = os.Remove(c.path(key)) }
