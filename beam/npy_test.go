package beam

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"

	"github.com/numkit/numkit/numeric/npy"
)

// rawNpy builds a version 1.0 .npy file by hand from a header dictionary and data.
func rawNpy(dict string, data []byte) []byte {
	hdr := dict + strings.Repeat(" ", (64-(10+len(dict)+1)%64)%64) + "\n"
	var b bytes.Buffer
	b.WriteString("\x93NUMPY\x01\x00")
	binary.Write(&b, binary.LittleEndian, uint16(len(hdr)))
	b.WriteString(hdr)
	b.Write(data)
	return b.Bytes()
}

// TestNpyColumn checks that .npy headers are parsed by numeric/npy: headers NumPy may
// write (keys in any order, a trailing comma) are read, and what cannot be read as a raw
// little-endian column is refused with the file named.
func TestNpyColumn(t *testing.T) {
	var buf bytes.Buffer
	if err := npy.Write(&buf, npy.Array{Shape: []int{3}, Data: []int32{1, 2, 3}}); err != nil {
		t.Fatal(err)
	}
	le := []byte{1, 0, 0, 0, 0, 0, 0, 0}
	for _, tc := range []struct {
		name string
		file []byte
		typ  string
		n    int
		err  string
	}{
		{"written", buf.Bytes(), "int32", 3, ""},
		{"reordered", rawNpy("{'shape': (1,), 'fortran_order': False, 'descr': '<f8',}", le), "float64", 1, ""},
		{"bool", rawNpy("{'descr': '|b1', 'fortran_order': False, 'shape': (2,), }", []byte{1, 0}), "bool", 2, ""},
		{"big-endian", rawNpy("{'descr': '>f8', 'fortran_order': False, 'shape': (1,), }", le), "", 0, `dtype ">f8"`},
		{"2-d", rawNpy("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1), }", le), "", 0, "shape [1 1]"},
		{"0-d", rawNpy("{'descr': '<f8', 'fortran_order': False, 'shape': (), }", le), "", 0, "shape []"},
		{"uint8", rawNpy("{'descr': '|u1', 'fortran_order': False, 'shape': (1,), }", le[:1]), "", 0, `dtype "|u1"`},
		{"not npy", []byte("hello, world"), "", 0, "not a .npy file"},
	} {
		typ, n, err := npyColumn(bytes.NewReader(tc.file), "x.npy")
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.err == "" && (typ != tc.typ || n != tc.n):
			t.Errorf("%s: %d of %s, want %d of %s", tc.name, n, typ, tc.n, tc.typ)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err) || !strings.Contains(err.Error(), "x.npy")):
			t.Errorf("%s: error %v, want one naming x.npy and mentioning %q", tc.name, err, tc.err)
		}
	}
}
