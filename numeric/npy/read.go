package npy

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
)

// chunkBytes is how much data Read reads at a time when it cannot tell how much the
// input holds: a header that declares more elements than the input has makes Read
// allocate at most about twice the data actually present plus one chunk.
const chunkBytes = 1 << 20

// Read reads one array from r: the header, then exactly the data it declares, leaving
// r after the array (so several arrays written one after another to a stream can be
// read in turn, as with NumPy's np.load on an open file).
//
// When r can tell how many bytes remain (a *bytes.Reader, *strings.Reader or
// *bytes.Buffer, a regular *os.File, or another io.Seeker), a header declaring more
// data than remains is an error before anything is allocated; otherwise the data is
// read in bounded chunks. Data that ends early is an error, never padded. Big-endian
// data is converted to native values.
func Read(r io.Reader) (Array, error) {
	h, err := ReadHeader(r)
	if err != nil {
		return Array{}, err
	}
	return readData(r, h, remaining(r))
}

// ReadFile reads the .npy file name, which must hold exactly one array: bytes after
// the array's data are an error.
func ReadFile(name string) (Array, error) {
	f, err := os.Open(name)
	if err != nil {
		return Array{}, err
	}
	defer f.Close()
	a, err := Read(f)
	if err != nil {
		return Array{}, fmt.Errorf("%s: %w", name, err)
	}
	var one [1]byte
	if k, err := io.ReadFull(f, one[:]); k > 0 {
		extra := "1 byte or more"
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			extra = fmt.Sprintf("%d bytes", fi.Size()-dataEnd(a))
		}
		return Array{}, fmt.Errorf("%s: %w", name, newError("data", dataEnd(a), "%s after the array's data (a .npy file holds one array)", extra))
	} else if err != io.EOF {
		return Array{}, fmt.Errorf("%s: %w", name, ioError("data", dataEnd(a), err, ""))
	}
	return a, nil
}

func dataEnd(a Array) int64 {
	_, size, _, _ := descrOf(a.Data)
	return a.offset + int64(a.Len())*int64(size)
}

// remaining is the number of bytes r holds from its current position, or -1 when r
// cannot tell without reading.
func remaining(r io.Reader) int64 {
	switch v := r.(type) {
	case *bytes.Reader:
		return int64(v.Len())
	case *strings.Reader:
		return int64(v.Len())
	case *bytes.Buffer:
		return int64(v.Len())
	case *os.File:
		fi, err := v.Stat()
		if err != nil || !fi.Mode().IsRegular() {
			return -1
		}
	}
	s, ok := r.(io.Seeker)
	if !ok {
		return -1
	}
	cur, err := s.Seek(0, io.SeekCurrent)
	if err != nil {
		return -1
	}
	end, err := s.Seek(0, io.SeekEnd)
	if err != nil {
		return -1
	}
	if _, err := s.Seek(cur, io.SeekStart); err != nil {
		return -1
	}
	if end < cur {
		return 0
	}
	return end - cur
}

// readData reads h's data from r, which holds avail bytes (-1: unknown).
func readData(r io.Reader, h *Header, avail int64) (Array, error) {
	n := h.Len()
	size := h.dt.size
	need := int64(n) * int64(size)
	if avail >= 0 && avail < need {
		return Array{}, newError("data", h.DataOffset, "shape %s of %s needs %d bytes of data but the file has %d after the header",
			shapeString(h.Shape), h.Descr, need, avail)
	}
	capacity := n
	if avail < 0 {
		capacity = min(n, chunkBytes/size)
	}
	data := makeSlice(h.dt, capacity)
	buf := make([]byte, min(need, chunkBytes))
	for got := int64(0); got < need; {
		b := buf[:min(need-got, int64(len(buf)))]
		k, err := io.ReadFull(r, b)
		if err != nil {
			return Array{}, ioError("data", h.DataOffset+got+int64(k), err,
				"truncated: shape %s of %s needs %d bytes of data, the file ends after %d", shapeString(h.Shape), h.Descr, need, got+int64(k))
		}
		data = decode(h.dt, data, b)
		got += int64(k)
	}
	shape := h.Shape
	if shape == nil {
		shape = []int{}
	}
	return Array{Shape: shape, Fortran: h.Fortran, Data: data, offset: h.DataOffset}, nil
}
