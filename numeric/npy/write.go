package npy

import (
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"strings"
)

// growthDigits is NumPy's GROWTH_AXIS_MAX_DIGITS: the header leaves room for the
// growth axis's length to reach 21 digits.
const growthDigits = 21

// align is NumPy's ARRAY_ALIGN: the data starts at a multiple of 64 bytes.
const align = 64

// Write writes a to w in .npy format, byte for byte as NumPy's np.save writes the same
// array: version 1.0 unless the header needs 2.0, the keys in NumPy's order, the header
// padded with spaces and a newline so that the data starts at a multiple of 64 bytes,
// the data little-endian. A Fortran-ordered array is written with fortran_order True
// only when the order matters (as NumPy does for arrays that are both C- and
// F-contiguous).
func Write(w io.Writer, a Array) error {
	if err := a.check(); err != nil {
		return err
	}
	descr, size, n, _ := descrOf(a.Data)
	fortran := a.Fortran && orderMatters(a.Shape)
	hdr, err := header(descr, fortran, a.Shape)
	if err != nil {
		return err
	}
	if _, err := w.Write(hdr); err != nil {
		return err
	}
	step := max(1, chunkBytes/size)
	buf := make([]byte, 0, min(n, step)*size)
	for i := 0; i < n; i += step {
		buf = encode(buf[:0], a.Data, i, min(n, i+step))
		if _, err := w.Write(buf); err != nil {
			return err
		}
	}
	return nil
}

// header returns the magic string, version, header length and padded header NumPy's
// _write_array_header writes.
func header(descr string, fortran bool, shape []int) ([]byte, error) {
	var d strings.Builder
	fo := "False"
	if fortran {
		fo = "True"
	}
	fmt.Fprintf(&d, "{'descr': '%s', 'fortran_order': %s, 'shape': %s, }", descr, fo, shapeString(shape))
	if len(shape) > 0 {
		grow := shape[0]
		if fortran {
			grow = shape[len(shape)-1]
		}
		d.WriteString(strings.Repeat(" ", max(0, growthDigits-len(fmt.Sprint(grow)))))
	}
	text := d.String()
	for _, v := range []struct {
		major, lenSize int
		max            int64
	}{{1, 2, math.MaxUint16}, {2, 4, math.MaxUint32}} {
		prefix := len(magic) + 2 + v.lenSize
		hlen := len(text) + 1
		pad := align - (prefix+hlen)%align
		if int64(hlen+pad) > v.max {
			continue
		}
		out := make([]byte, 0, prefix+hlen+pad)
		out = append(out, magic...)
		out = append(out, byte(v.major), 0)
		if v.lenSize == 2 {
			out = binary.LittleEndian.AppendUint16(out, uint16(hlen+pad))
		} else {
			out = binary.LittleEndian.AppendUint32(out, uint32(hlen+pad))
		}
		out = append(out, text...)
		out = append(out, strings.Repeat(" ", pad)...)
		return append(out, '\n'), nil
	}
	return nil, fmt.Errorf("npy: header of %d bytes is too long", len(text))
}
