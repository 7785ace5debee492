package npy

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"testing/iotest"
)

// testLengths is every length 0..300, then a stride of 97 up to 70,000, plus the
// lengths around 4096, 8192, 16384, 32768 and 65536: the header padding (64 bytes),
// bufio's 4096-byte buffers, the old reader's failures and the 64 KiB boundary are all
// crossed for every item size. Under the race detector the stride is 997.
func testLengths() []int {
	seen := map[int]bool{}
	var ls []int
	add := func(n int) {
		if n >= 0 && !seen[n] {
			seen[n] = true
			ls = append(ls, n)
		}
	}
	for n := 0; n <= 300; n++ {
		add(n)
	}
	stride := 97
	if raceEnabled {
		stride = 997
	}
	for n := 301; n <= 70000; n += stride {
		add(n)
	}
	for _, b := range []int{4096, 8192, 16384, 32768, 65536} {
		for _, size := range []int{1, 4, 8} {
			for d := -2; d <= 2; d++ {
				add(b/size + d)
			}
		}
		for d := -2; d <= 2; d++ {
			add(b + d)
		}
	}
	add(70000)
	return ls
}

// testData is the array of n elements of the named dtype that the round-trip tests use;
// numpy_test.go's Python makes the same values.
func testData(dtype string, n int) any {
	switch dtype {
	case "float64":
		s := make([]float64, n)
		for i := range s {
			s[i] = float64(float64(i)*0.1) + 1.0/3.0 // the conversion forbids a fused multiply-add
		}
		return s
	case "float32":
		s := make([]float32, n)
		for i := range s {
			s[i] = float32(float64(float64(i)*0.1) + 1.0/3.0)
		}
		return s
	case "int64":
		s := make([]int64, n)
		for i := range s {
			s[i] = int64(i)*2654435761 - 1<<40
		}
		return s
	case "int32":
		s := make([]int32, n)
		for i := range s {
			s[i] = int32(int64(i)*2654435761%(1<<32) - 1<<31)
		}
		return s
	case "bool":
		s := make([]bool, n)
		for i := range s {
			s[i] = i*7919%3 == 0
		}
		return s
	case "complex128":
		s := make([]complex128, n)
		for i, re := range testData("float64", n).([]float64) {
			s[i] = complex(re, float64(i)*0.25-7)
		}
		return s
	case "complex64":
		s := make([]complex64, n)
		for i, z := range testData("complex128", n).([]complex128) {
			s[i] = complex64(z)
		}
		return s
	}
	panic("testData: unknown dtype " + dtype)
}

// equalData reports whether a and b are slices of the same type with the same bits.
func equalData(a, b any) bool {
	x, y := encode(nil, a, 0, sliceLen(a)), encode(nil, b, 0, sliceLen(b))
	return reflect.TypeOf(a) == reflect.TypeOf(b) && bytes.Equal(x, y)
}

func sliceLen(v any) int {
	_, _, n, _ := descrOf(v)
	return n
}

var roundTripDtypes = []string{"float64", "float32", "int64", "int32", "bool", "complex128", "complex64"}

// streamOnly hides every method but Read, so Read cannot tell how much data remains.
type streamOnly struct{ r io.Reader }

func (s streamOnly) Read(p []byte) (int, error) { return s.r.Read(p) }

func TestRoundTripLengths(t *testing.T) {
	lengths := testLengths()
	for _, dt := range roundTripDtypes {
		for _, n := range lengths {
			data := testData(dt, n)
			var buf bytes.Buffer
			if err := Write(&buf, Array{Shape: []int{n}, Data: data}); err != nil {
				t.Fatalf("%s n=%d: Write: %v", dt, n, err)
			}
			file := buf.Bytes()
			checkLayout(t, file, fmt.Sprintf("%s n=%d", dt, n))
			readers := map[string]io.Reader{
				"bytes.Reader": bytes.NewReader(file),
				"stream":       streamOnly{bytes.NewReader(file)},
				"HalfReader":   iotest.HalfReader(streamOnly{bytes.NewReader(file)}),
			}
			if n <= 300 {
				readers["OneByteReader"] = iotest.OneByteReader(bytes.NewReader(file))
			}
			for name, r := range readers {
				a, err := Read(r)
				if err != nil {
					t.Fatalf("%s n=%d via %s: %v", dt, n, name, err)
				}
				if !reflect.DeepEqual(a.Shape, []int{n}) || a.Fortran || !equalData(a.Data, data) {
					t.Fatalf("%s n=%d via %s: read back shape %v fortran %v, data equal: %v",
						dt, n, name, a.Shape, a.Fortran, equalData(a.Data, data))
				}
			}
		}
	}
}

// checkLayout checks what NumPy's format promises of a written file: the data starts
// at a multiple of 64 bytes, right after a header ending in '\n'.
func checkLayout(t *testing.T, file []byte, what string) {
	t.Helper()
	h, err := ReadHeader(bytes.NewReader(file))
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if h.DataOffset%64 != 0 || file[h.DataOffset-1] != '\n' || h.Major != 1 {
		t.Fatalf("%s: data offset %d, byte before it %q, version %d.%d; want a multiple of 64 after '\\n', version 1.0",
			what, h.DataOffset, file[h.DataOffset-1], h.Major, h.Minor)
	}
}

// TestRoundTripChunks crosses Read's own chunk boundary (1 MiB) for every item size.
func TestRoundTripChunks(t *testing.T) {
	for _, dt := range roundTripDtypes {
		size := map[string]int{"float64": 8, "float32": 4, "int64": 8, "int32": 4, "bool": 1, "complex128": 16, "complex64": 8}[dt]
		for _, n := range []int{chunkBytes/size - 1, chunkBytes / size, chunkBytes/size + 1, 2*chunkBytes/size + 3} {
			data := testData(dt, n)
			var buf bytes.Buffer
			if err := Write(&buf, Array{Shape: []int{n}, Data: data}); err != nil {
				t.Fatal(err)
			}
			for name, r := range map[string]io.Reader{
				"bytes.Reader": bytes.NewReader(buf.Bytes()),
				"HalfReader":   iotest.HalfReader(streamOnly{bytes.NewReader(buf.Bytes())}),
			} {
				a, err := Read(r)
				if err != nil || !equalData(a.Data, data) {
					t.Fatalf("%s n=%d via %s: err %v, data equal %v", dt, n, name, err, err == nil && equalData(a.Data, data))
				}
			}
		}
	}
}

func TestRoundTripShapes(t *testing.T) {
	f := func(n int) []float64 { return testData("float64", n).([]float64) }
	for _, a := range []Array{
		{Shape: []int{}, Data: []float64{2.5}},
		{Shape: []int{}, Data: []bool{true}},
		{Shape: []int{0}, Data: []int32{}},
		{Shape: []int{2, 0, 3}, Data: []float32{}},
		{Shape: []int{2, 3}, Data: f(6)},
		{Shape: []int{2, 3}, Fortran: true, Data: f(6)},
		{Shape: []int{2, 3, 4}, Fortran: true, Data: f(24)},
		{Shape: []int{1, 1, 1, 1, 1, 1, 1, 1}, Data: []int8{-7}},
		{Shape: []int{3}, Data: []uint64{0, 1, 1<<64 - 1}},
		{Shape: []int{3}, Data: []uint32{0, 1, 1<<32 - 1}},
		{Shape: []int{3}, Data: []uint16{0, 1, 1<<16 - 1}},
		{Shape: []int{3}, Data: []uint8{0, 1, 255}},
		{Shape: []int{3}, Data: []int16{-1 << 15, 0, 1<<15 - 1}},
		{Shape: []int{3}, Data: []int8{-128, 0, 127}},
	} {
		var buf bytes.Buffer
		if err := Write(&buf, a); err != nil {
			t.Fatalf("%v: %v", a.Shape, err)
		}
		checkLayout(t, buf.Bytes(), shapeString(a.Shape))
		b, err := Read(&buf)
		if err != nil {
			t.Fatalf("%v: %v", a.Shape, err)
		}
		if !reflect.DeepEqual(b.Shape, a.Shape) || !reflect.DeepEqual(b.Data, a.Data) || b.Fortran != (a.Fortran && orderMatters(a.Shape)) {
			t.Errorf("shape %v fortran %v: read back shape %v fortran %v data %v", a.Shape, a.Fortran, b.Shape, b.Fortran, b.Data)
		}
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []int{0, 1, 17, 4095, 4096, 4097, 70000} {
		data := testData("float64", n)
		path := filepath.Join(dir, fmt.Sprintf("a%d.npy", n))
		var buf bytes.Buffer
		if err := Write(&buf, Array{Shape: []int{n}, Data: data}); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		a, err := ReadFile(path)
		if err != nil || !reflect.DeepEqual(a.Data, data) {
			t.Fatalf("n=%d: err %v", n, err)
		}
		// The same file with one byte more is refused, one byte less is truncated.
		if err := os.WriteFile(path, append(buf.Bytes(), 0), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := ReadFile(path); err == nil || !bytes.Contains([]byte(err.Error()), []byte("1 bytes after the array's data")) {
			t.Errorf("n=%d with a trailing byte: err %v; want trailing bytes refused", n, err)
		}
		if n > 0 {
			if err := os.WriteFile(path, buf.Bytes()[:buf.Len()-1], 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err := ReadFile(path); err == nil || !bytes.Contains([]byte(err.Error()), []byte("npy: data:")) {
				t.Errorf("n=%d less one byte: err %v; want a data error", n, err)
			}
		}
	}
}

func TestToC(t *testing.T) {
	// A 2×3×4 array whose element (i, j, k) is 100i + 10j + k, stored in Fortran order.
	shape := []int{2, 3, 4}
	f := make([]int32, 24)
	for i := range 2 {
		for j := range 3 {
			for k := range 4 {
				f[i+2*j+6*k] = int32(100*i + 10*j + k)
			}
		}
	}
	c, err := Array{Shape: shape, Fortran: true, Data: f}.C()
	if err != nil {
		t.Fatal(err)
	}
	got := c.Data.([]int32)
	for i := range 2 {
		for j := range 3 {
			for k := range 4 {
				if v := got[12*i+4*j+k]; v != int32(100*i+10*j+k) {
					t.Fatalf("C order (%d,%d,%d) = %d", i, j, k, v)
				}
			}
		}
	}
	if c.Fortran {
		t.Error("C() left Fortran set")
	}
	if _, err := (Array{Shape: []int{2, 2}, Fortran: true, Data: []int32{1}}).C(); err == nil {
		t.Error("C() of 1 element for shape (2, 2): no error")
	}
}

func TestWriteErrors(t *testing.T) {
	for _, tc := range []struct {
		a   Array
		msg string
	}{
		{Array{Shape: []int{3}, Data: []float64{1}}, "shape (3,) needs 3 elements, the data has 1"},
		{Array{Shape: []int{-1}, Data: []float64{}}, "negative"},
		{Array{Shape: []int{2}, Data: []string{"a", "b"}}, "[]string is not supported"},
		{Array{Shape: []int{math.MaxInt / 2, 3}, Data: []float64{}}, "overflows"},
		{Array{Shape: nil, Data: []float64{}}, "shape () needs 1 elements"},
	} {
		err := Write(io.Discard, tc.a)
		if err == nil || !bytes.Contains([]byte(err.Error()), []byte(tc.msg)) {
			t.Errorf("Write(%v, %T): %v; want %q", tc.a.Shape, tc.a.Data, err, tc.msg)
		}
	}
}
