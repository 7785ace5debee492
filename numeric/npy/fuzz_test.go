package npy

import (
	"bytes"
	"reflect"
	"testing"
	"testing/iotest"
)

// FuzzRead checks that Read never panics or hangs, allocates no more than the input's
// size allows, reads the same array whether or not it can tell the input's size, and
// never returns an array it did not read in full: a successful read consumed exactly
// the header and Len()×item size bytes of data, and the array written back reads the
// same.
func FuzzRead(f *testing.F) {
	for _, tc := range corpus {
		f.Add(tc.data)
	}
	for _, a := range []Array{
		{Shape: []int{5}, Data: []float64{1, 2, 3, 4, 5}},
		{Shape: []int{2, 3}, Fortran: true, Data: []int16{1, 2, 3, 4, 5, 6}},
		{Shape: []int{}, Data: []bool{true}},
	} {
		var buf bytes.Buffer
		if err := Write(&buf, a); err != nil {
			f.Fatal(err)
		}
		f.Add(buf.Bytes())
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := bytes.NewReader(data)
		var a Array
		var err error
		if alloc := allocated(func() { a, err = Read(r) }); alloc > uint64(2*len(data))+64<<10 {
			t.Fatalf("Read of %d bytes allocated %d", len(data), alloc)
		}
		var s Array
		var serr error
		if alloc := allocated(func() { s, serr = Read(iotest.HalfReader(streamOnly{bytes.NewReader(data)})) }); alloc > uint64(3*len(data))+2*chunkBytes+64<<10 {
			t.Fatalf("Read of a %d-byte stream allocated %d", len(data), alloc)
		}
		if (err == nil) != (serr == nil) {
			t.Fatalf("Read of the bytes: %v; of the same bytes as a stream: %v", err, serr)
		}
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %v is a %T, want *Error", err, err)
			}
			return
		}
		h, herr := ReadHeader(bytes.NewReader(data))
		if herr != nil {
			t.Fatalf("Read succeeded but ReadHeader fails: %v", herr)
		}
		_, size, n, ok := descrOf(a.Data)
		if !ok || n != a.Len() || n != h.Len() || size != h.ItemSize() || !reflect.DeepEqual(a.Shape, h.Shape) {
			t.Fatalf("array of %d elements (%T) for shape %v (header %v, item size %d)", n, a.Data, a.Shape, h.Shape, h.ItemSize())
		}
		if consumed := int64(len(data) - r.Len()); consumed != h.DataOffset+int64(n*size) {
			t.Fatalf("Read consumed %d bytes; the header (%d bytes) and data (%d×%d bytes) are %d",
				consumed, h.DataOffset, n, size, h.DataOffset+int64(n*size))
		}
		var want, got []byte
		want = encode(want, a.Data, 0, n)
		got = encode(got, s.Data, 0, n)
		if !bytes.Equal(want, got) || a.Fortran != s.Fortran || !reflect.DeepEqual(a.Shape, s.Shape) {
			t.Fatalf("Read of the bytes and of a stream disagree")
		}
		var buf bytes.Buffer
		if err := Write(&buf, a); err != nil {
			t.Fatalf("writing back what was read: %v", err)
		}
		b, err := Read(&buf)
		if err != nil {
			t.Fatalf("reading back what was written: %v", err)
		}
		got = encode(got[:0], b.Data, 0, n)
		if !bytes.Equal(want, got) || !reflect.DeepEqual(a.Shape, b.Shape) || b.Fortran != (a.Fortran && orderMatters(a.Shape)) {
			t.Fatalf("round trip changed the array")
		}
	})
}
