package npy

import (
	"bytes"
	"encoding/binary"
	"flag"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite testdata/corpus from the table in corpus_test.go")

// file builds a .npy file: magic, version, header length, the header text as given
// (no padding added) and the data.
func file(major int, text string, data []byte) []byte {
	b := []byte(magic)
	b = append(b, byte(major), 0)
	if major == 1 {
		b = binary.LittleEndian.AppendUint16(b, uint16(len(text)))
	} else {
		b = binary.LittleEndian.AppendUint32(b, uint32(len(text)))
	}
	return append(append(b, text...), data...)
}

// padded pads a header text with spaces and a newline as NumPy does, for version 1.
func padded(text string) string {
	n := len(text) + 1
	return text + strings.Repeat(" ", 64-(10+n)%64) + "\n"
}

func f8le(v ...float64) []byte {
	var b []byte
	for _, x := range v {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(x))
	}
	return b
}

// bigDim is 2^62 on 64-bit machines (where the corpus's huge dimensions are valid).
var bigDim = int(uint64(1) << 62 & uint64(uint(math.MaxUint)))

const std3 = "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }"

// corpus is the table behind testdata/corpus: each file and what reading it gives,
// either an array (want) or an error containing msg.
var corpus = []struct {
	name string
	data []byte
	want *Array
	msg  string
}{
	// Valid files, read exactly.
	{"valid_numpy_v1.npy", file(1, padded(std3), f8le(1, 2, 3)), &Array{Shape: []int{3}, Data: []float64{1, 2, 3}}, ""},
	{"valid_reordered_keys.npy", file(1, padded("{'shape': (3,), 'fortran_order': False, 'descr': '<f8', }"), f8le(1, 2, 3)), &Array{Shape: []int{3}, Data: []float64{1, 2, 3}}, ""},
	{"valid_double_quotes.npy", file(1, padded(`{"descr": "<f8", "fortran_order": False, "shape": (3,)}`), f8le(1, 2, 3)), &Array{Shape: []int{3}, Data: []float64{1, 2, 3}}, ""},
	{"valid_no_spaces.npy", file(1, "{'descr':'<f8','fortran_order':False,'shape':(3,)}", f8le(1, 2, 3)), &Array{Shape: []int{3}, Data: []float64{1, 2, 3}}, ""},
	{"valid_no_trailing_comma.npy", file(1, padded("{'descr': '<f8', 'fortran_order': False, 'shape': (12,)}"), f8le(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)), &Array{Shape: []int{12}, Data: []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}}, ""},
	{"valid_no_newline.npy", file(1, std3, f8le(1, 2, 3)), &Array{Shape: []int{3}, Data: []float64{1, 2, 3}}, ""},
	{"valid_unaligned_offset_83.npy", file(1, std3+"          \n", f8le(1, 2, 3)), &Array{Shape: []int{3}, Data: []float64{1, 2, 3}}, ""},
	{"valid_tabs_newlines.npy", file(1, "\t{\n 'descr' :\t'<f8' ,\n 'fortran_order' : False ,\r\n 'shape' : ( 3 , ) , }\n", f8le(1, 2, 3)), &Array{Shape: []int{3}, Data: []float64{1, 2, 3}}, ""},
	{"valid_v2.npy", file(2, padded(std3)+"  ", f8le(1, 2, 3)), &Array{Shape: []int{3}, Data: []float64{1, 2, 3}}, ""},
	{"valid_v3_utf8.npy", file(3, padded(std3)+"  ", f8le(1, 2, 3)), &Array{Shape: []int{3}, Data: []float64{1, 2, 3}}, ""},
	{"valid_fortran_1d.npy", file(1, padded("{'descr': '<f8', 'fortran_order': True, 'shape': (3,), }"), f8le(1, 2, 3)), &Array{Shape: []int{3}, Fortran: true, Data: []float64{1, 2, 3}}, ""},
	{"valid_fortran_2x3.npy", file(1, padded("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }"), f8le(1, 4, 2, 5, 3, 6)), &Array{Shape: []int{2, 3}, Fortran: true, Data: []float64{1, 4, 2, 5, 3, 6}}, ""},
	{"valid_big_endian_f8.npy", file(1, padded("{'descr': '>f8', 'fortran_order': False, 'shape': (2,), }"), []byte{0x3f, 0xf0, 0, 0, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0}), &Array{Shape: []int{2}, Data: []float64{1, -2}}, ""},
	{"valid_big_endian_i4.npy", file(1, padded("{'descr': '>i4', 'fortran_order': False, 'shape': (2,), }"), []byte{0, 0, 1, 2, 0xff, 0xff, 0xff, 0xfe}), &Array{Shape: []int{2}, Data: []int32{258, -2}}, ""},
	{"valid_0d.npy", file(1, padded("{'descr': '<i8', 'fortran_order': False, 'shape': (), }"), []byte{42, 0, 0, 0, 0, 0, 0, 0}), &Array{Shape: []int{}, Data: []int64{42}}, ""},
	{"valid_empty.npy", file(1, padded("{'descr': '|b1', 'fortran_order': False, 'shape': (0,), }"), nil), &Array{Shape: []int{0}, Data: []bool{}}, ""},
	{"valid_empty_huge_dim.npy", file(1, padded("{'descr': '<f8', 'fortran_order': False, 'shape': (0, 4611686018427387904), }"), nil), &Array{Shape: []int{0, bigDim}, Data: []float64{}}, ""},
	{"valid_bool_nonzero_bytes.npy", file(1, padded("{'descr': '|b1', 'fortran_order': False, 'shape': (3,), }"), []byte{0, 1, 2}), &Array{Shape: []int{3}, Data: []bool{false, true, true}}, ""},
	{"valid_python2_long.npy", file(1, padded("{'descr': '<f8', 'fortran_order': False, 'shape': (3L,), }"), f8le(1, 2, 3)), &Array{Shape: []int{3}, Data: []float64{1, 2, 3}}, ""},
	{"valid_underscore_dim.npy", file(1, padded("{'descr': '|u1', 'fortran_order': False, 'shape': (1_0,), }"), []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}), &Array{Shape: []int{10}, Data: []uint8{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}}, ""},

	// Invalid files, refused with an error naming the part and offset.
	{"bad_empty.npy", nil, nil, "npy: magic: byte 0: the file ends after 0 bytes"},
	{"bad_magic.npy", append([]byte("\x93NUMPZ\x01\x00"), padded(std3)...), nil, "npy: magic: byte 0: not a .npy file"},
	{"bad_short_6_bytes.npy", file(1, padded(std3), f8le(1, 2, 3))[:6:6], nil, "npy: magic: byte 6: the file ends after 6 bytes"},
	{"bad_version_4.npy", append([]byte(magic+"\x04\x00\x76\x00\x00\x00"), padded(std3)...), nil, "npy: magic: byte 6: format version 4.0 is not supported"},
	{"bad_version_1_1.npy", append([]byte(magic+"\x01\x01\x10\x00"), padded(std3)...), nil, "npy: magic: byte 6: format version 1.1 is not supported"},
	{"bad_header_truncated.npy", file(1, padded(std3), nil)[:60], nil, "npy: header: byte 60: the header is 118 bytes long but the file ends after 50"},
	{"bad_header_huge_v1.npy", file(1, padded(std3)+strings.Repeat(" ", 20000), nil), nil, "npy: header: byte 8: header length 20118 exceeds the limit of 10000"},
	{"bad_header_huge_v2.npy", append([]byte(magic+"\x02\x00"), 0, 0, 0, 0x80), nil, "npy: header: byte 8: header length 2147483648 exceeds"},
	{"bad_truncated_data.npy", file(1, padded(std3), f8le(1, 2, 3)[:20]), nil, "npy: data: byte 128: shape (3,) of <f8 needs 24 bytes of data but the file has 20"},
	{"bad_lying_1e7.npy", file(1, padded("{'descr': '<f8', 'fortran_order': False, 'shape': (10000000,), }"), f8le(1, 2, 3)), nil, "needs 80000000 bytes of data but the file has 24"},
	{"bad_lying_2pow62.npy", file(1, padded("{'descr': '<f8', 'fortran_order': False, 'shape': (4611686018427387904,), }"), f8le(1)), nil, "npy: header: byte 60: shape (4611686018427387904,) of <f8 has more than"},
	{"bad_shape_product_overflow.npy", file(1, padded("{'descr': '|u1', 'fortran_order': False, 'shape': (4294967296, 4294967296), }"), nil), nil, "of |u1 has more than"},
	{"bad_dim_too_big.npy", file(1, padded("{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999999,), }"), nil), nil, "dimension 99999999999999999999999 does not fit in an int"},
	{"bad_negative_dim.npy", file(1, padded("{'descr': '<f8', 'fortran_order': False, 'shape': (-3,), }"), nil), nil, "npy: header: byte 61: negative dimension"},
	{"bad_shape_not_tuple.npy", file(1, padded("{'descr': '<f8', 'fortran_order': False, 'shape': (3), }"), f8le(1, 2, 3)), nil, "shape (3) is an integer, not a tuple"},
	{"bad_shape_list.npy", file(1, padded("{'descr': '<f8', 'fortran_order': False, 'shape': [3], }"), f8le(1, 2, 3)), nil, "shape must be a tuple"},
	{"bad_dtype_complex256.npy", file(1, padded("{'descr': '<c32', 'fortran_order': False, 'shape': (1,), }"), make([]byte, 32)), nil, "descr \"<c32\": unsupported dtype"},
	{"bad_dtype_object.npy", file(1, padded("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }"), make([]byte, 8)), nil, "descr \"|O\": unsupported dtype"},
	{"bad_dtype_pipe_f8.npy", file(1, padded("{'descr': '|f8', 'fortran_order': False, 'shape': (1,), }"), make([]byte, 8)), nil, "byte order '|' (not applicable) is only for 1-byte types"},
	{"bad_dtype_structured.npy", file(1, padded("{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (1,), }"), make([]byte, 8)), nil, "npy: header: byte 20: descr is a structured dtype"},
	{"bad_v3_not_utf8.npy", file(3, padded("{'descr': '<f8\xff', 'fortran_order': False, 'shape': (1,), }"), make([]byte, 8)), nil, "a version 3.0 header must be UTF-8"},
	{"bad_v3_non_ascii_descr.npy", file(3, padded("{'descr': '<f8é', 'fortran_order': False, 'shape': (1,), }"), make([]byte, 8)), nil, "unsupported dtype"},
	{"bad_missing_key.npy", file(1, padded("{'descr': '<f8', 'shape': (3,), }"), f8le(1, 2, 3)), nil, "the dictionary has no key \"fortran_order\""},
	{"bad_extra_key.npy", file(1, padded("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), 'x': 1, }"), f8le(1, 2, 3)), nil, "unexpected key \"x\""},
	{"bad_duplicate_key.npy", file(1, padded("{'descr': '<f8', 'shape': (3,), 'fortran_order': False, 'shape': (4,), }"), f8le(1, 2, 3)), nil, "key \"shape\" appears twice"},
	{"bad_fortran_int.npy", file(1, padded("{'descr': '<f8', 'fortran_order': 0, 'shape': (3,), }"), f8le(1, 2, 3)), nil, "fortran_order must be True or False"},
	{"bad_unclosed_dict.npy", file(1, padded("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), "), f8le(1, 2, 3)), nil, "want a quoted string, found the end of the header"},
	{"bad_unclosed_string.npy", file(1, "{'descr': '<f8, 'fortran_order': False, 'shape': (3,), }", f8le(1, 2, 3)), nil, "want ',' or '}' after the value of \"descr\""},
	{"bad_garbage_after_dict.npy", file(1, padded(std3+" x"), f8le(1, 2, 3)), nil, "unexpected 'x' after the dictionary"},
	{"bad_missing_colon.npy", file(1, padded("{'descr' '<f8', 'fortran_order': False, 'shape': (3,), }"), f8le(1, 2, 3)), nil, "npy: header: byte 19: want ':' after key \"descr\""},
	{"bad_trailing_data.npy", file(1, padded(std3), f8le(1, 2, 3, 4)), nil, "npy: data: byte 152: 8 bytes after the array's data"},
	{"bad_not_dict.npy", file(1, padded("[1, 2, 3]"), nil), nil, "want '{' to open the dictionary"},
}

func TestCorpus(t *testing.T) {
	dir := filepath.Join("testdata", "corpus")
	if *update {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range corpus {
		if strconv.IntSize < 64 && tc.name == "valid_empty_huge_dim.npy" {
			continue // 2^62 does not fit in a 32-bit int
		}
		path := filepath.Join(dir, tc.name)
		if *update {
			if err := os.WriteFile(path, tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		disk, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -run TestCorpus -update)", err)
		}
		if !bytes.Equal(disk, tc.data) {
			t.Fatalf("%s differs from the table (run go test -run TestCorpus -update)", path)
		}
		var got Array
		alloc := allocated(func() { got, err = ReadFile(path) })
		if tc.want != nil {
			if err != nil {
				t.Errorf("%s: %v; want %v", tc.name, err, *tc.want)
			} else if !reflect.DeepEqual(got.Shape, tc.want.Shape) || got.Fortran != tc.want.Fortran || !reflect.DeepEqual(got.Data, tc.want.Data) {
				t.Errorf("%s: read %v %v %v; want %v %v %v", tc.name, got.Shape, got.Fortran, got.Data, tc.want.Shape, tc.want.Fortran, tc.want.Data)
			}
		} else if err == nil || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: error %v; want one containing %q", tc.name, err, tc.msg)
		}
		if limit := uint64(2*len(tc.data)) + 64<<10; alloc > limit {
			t.Errorf("%s: ReadFile allocated %d bytes for a %d-byte file; want at most %d", tc.name, alloc, len(tc.data), limit)
		}
		// Through a stream that cannot tell its size: the same outcome (bar trailing
		// data, which a stream leaves unread), in bounded time and memory.
		start := time.Now()
		alloc = allocated(func() { got, err = Read(streamOnly{bytes.NewReader(tc.data)}) })
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%s: reading the stream took %v", tc.name, d)
		}
		if limit := uint64(3*len(tc.data)) + 2*chunkBytes + 64<<10; alloc > limit {
			t.Errorf("%s: Read of a stream allocated %d bytes for %d bytes of input; want at most %d", tc.name, alloc, len(tc.data), limit)
		}
		if testing.Verbose() {
			t.Logf("%s: stream: %v", tc.name, err)
		}
		if (err == nil) != (tc.want != nil) && tc.name != "bad_trailing_data.npy" {
			t.Errorf("%s: from a stream: %v; want the same outcome as from the file", tc.name, err)
		}
	}
}

// allocated returns the bytes f allocates on the heap.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
