package npy

import (
	"encoding/binary"
	"fmt"
	"math"
)

// dtype is a supported element type: its kind ('f', 'i', 'u' or 'b'), size in bytes
// and byte order.
type dtype struct {
	kind byte
	size int
	big  bool // big-endian (only meaningful for size > 1)
}

// parseDescr reads a NumPy dtype string as NumPy writes it in a header: a byte order
// ('<', '>', '|' or '='), a kind and an item size, e.g. "<f8", ">i4", "|b1", "|u1".
func parseDescr(s string) (dtype, error) {
	if len(s) < 3 {
		return dtype{}, fmt.Errorf("descr %q: %w (want f8, f4, i8, i4, i2, i1, u8, u4, u2, u1, b1, c16 or c8 with a byte order, e.g. '<f8')", s, ErrUnsupported)
	}
	var dt dtype
	order := s[0]
	switch order {
	case '<', '|':
	case '>':
		dt.big = true
	case '=':
		dt.big = binary.NativeEndian.Uint16([]byte{0, 1}) == 1
	default:
		return dtype{}, fmt.Errorf("descr %q: %w: byte order %q is not '<', '>', '|' or '='", s, ErrUnsupported, order)
	}
	dt.kind = s[1]
	switch s[1:] {
	case "c16":
		dt.size = 16
	case "f8", "i8", "u8", "c8":
		dt.size = 8
	case "f4", "i4", "u4":
		dt.size = 4
	case "i2", "u2":
		dt.size = 2
	case "i1", "u1", "b1":
		dt.size = 1
	default:
		return dtype{}, fmt.Errorf("descr %q: %w (want f8, f4, i8, i4, i2, i1, u8, u4, u2, u1, b1, c16 or c8)", s, ErrUnsupported)
	}
	if order == '|' && dt.size > 1 {
		return dtype{}, fmt.Errorf("descr %q: byte order '|' (not applicable) is only for 1-byte types", s)
	}
	return dt, nil
}

// order is the byte order of the file's data.
func (dt dtype) order() binary.ByteOrder {
	if dt.big {
		return binary.BigEndian
	}
	return binary.LittleEndian
}

// descrOf is the descr numkit writes for a Go slice type (little-endian, as NumPy on
// every common machine), and the item size.
func descrOf(data any) (string, int, int, bool) {
	switch s := data.(type) {
	case []float64:
		return "<f8", 8, len(s), true
	case []float32:
		return "<f4", 4, len(s), true
	case []int64:
		return "<i8", 8, len(s), true
	case []int32:
		return "<i4", 4, len(s), true
	case []int16:
		return "<i2", 2, len(s), true
	case []int8:
		return "|i1", 1, len(s), true
	case []uint64:
		return "<u8", 8, len(s), true
	case []uint32:
		return "<u4", 4, len(s), true
	case []uint16:
		return "<u2", 2, len(s), true
	case []uint8:
		return "|u1", 1, len(s), true
	case []bool:
		return "|b1", 1, len(s), true
	case []complex128:
		return "<c16", 16, len(s), true
	case []complex64:
		return "<c8", 8, len(s), true
	}
	return "", 0, 0, false
}

// decoder returns a function that decodes the elements of b (a whole number of items
// in the file's byte order) and appends them to dst, a slice of the Go type that
// matches dt, returning the extended slice.
func decode(dt dtype, dst any, b []byte) any {
	o := dt.order()
	switch dt.key() {
	case 'f'<<4 | 8:
		return appendEach(dst.([]float64), b, 8, func(b []byte) float64 { return math.Float64frombits(o.Uint64(b)) })
	case 'f'<<4 | 4:
		return appendEach(dst.([]float32), b, 4, func(b []byte) float32 { return math.Float32frombits(o.Uint32(b)) })
	case 'i'<<4 | 8:
		return appendEach(dst.([]int64), b, 8, func(b []byte) int64 { return int64(o.Uint64(b)) })
	case 'i'<<4 | 4:
		return appendEach(dst.([]int32), b, 4, func(b []byte) int32 { return int32(o.Uint32(b)) })
	case 'i'<<4 | 2:
		return appendEach(dst.([]int16), b, 2, func(b []byte) int16 { return int16(o.Uint16(b)) })
	case 'i'<<4 | 1:
		return appendEach(dst.([]int8), b, 1, func(b []byte) int8 { return int8(b[0]) })
	case 'u'<<4 | 8:
		return appendEach(dst.([]uint64), b, 8, o.Uint64)
	case 'u'<<4 | 4:
		return appendEach(dst.([]uint32), b, 4, o.Uint32)
	case 'u'<<4 | 2:
		return appendEach(dst.([]uint16), b, 2, o.Uint16)
	case 'u'<<4 | 1:
		return append(dst.([]uint8), b...)
	case 'b'<<4 | 1:
		return appendEach(dst.([]bool), b, 1, func(b []byte) bool { return b[0] != 0 })
	case 'c'<<4 | 16: // two float64, real part first, each in the file's byte order
		return appendEach(dst.([]complex128), b, 16, func(b []byte) complex128 {
			return complex(math.Float64frombits(o.Uint64(b)), math.Float64frombits(o.Uint64(b[8:])))
		})
	case 'c'<<4 | 8:
		return appendEach(dst.([]complex64), b, 8, func(b []byte) complex64 {
			return complex(math.Float32frombits(o.Uint32(b)), math.Float32frombits(o.Uint32(b[4:])))
		})
	}
	panic("npy: internal error: decode of unknown dtype") // parseDescr admits no other
}

func appendEach[T any](dst []T, b []byte, size int, f func([]byte) T) []T {
	for i := 0; i+size <= len(b); i += size {
		dst = append(dst, f(b[i:i+size]))
	}
	return dst
}

// makeSlice makes an empty slice of dt's Go type with capacity c.
func makeSlice(dt dtype, c int) any {
	switch dt.key() {
	case 'f'<<4 | 8:
		return make([]float64, 0, c)
	case 'f'<<4 | 4:
		return make([]float32, 0, c)
	case 'i'<<4 | 8:
		return make([]int64, 0, c)
	case 'i'<<4 | 4:
		return make([]int32, 0, c)
	case 'i'<<4 | 2:
		return make([]int16, 0, c)
	case 'i'<<4 | 1:
		return make([]int8, 0, c)
	case 'u'<<4 | 8:
		return make([]uint64, 0, c)
	case 'u'<<4 | 4:
		return make([]uint32, 0, c)
	case 'u'<<4 | 2:
		return make([]uint16, 0, c)
	case 'u'<<4 | 1:
		return make([]uint8, 0, c)
	case 'b'<<4 | 1:
		return make([]bool, 0, c)
	case 'c'<<4 | 16:
		return make([]complex128, 0, c)
	case 'c'<<4 | 8:
		return make([]complex64, 0, c)
	}
	panic("npy: internal error: makeSlice of unknown dtype")
}

// encode appends the little-endian bytes of data[from:to] to b.
func encode(b []byte, data any, from, to int) []byte {
	le := binary.LittleEndian
	switch s := data.(type) {
	case []float64:
		for _, v := range s[from:to] {
			b = le.AppendUint64(b, math.Float64bits(v))
		}
	case []float32:
		for _, v := range s[from:to] {
			b = le.AppendUint32(b, math.Float32bits(v))
		}
	case []int64:
		for _, v := range s[from:to] {
			b = le.AppendUint64(b, uint64(v))
		}
	case []int32:
		for _, v := range s[from:to] {
			b = le.AppendUint32(b, uint32(v))
		}
	case []int16:
		for _, v := range s[from:to] {
			b = le.AppendUint16(b, uint16(v))
		}
	case []int8:
		for _, v := range s[from:to] {
			b = append(b, byte(v))
		}
	case []uint64:
		for _, v := range s[from:to] {
			b = le.AppendUint64(b, v)
		}
	case []uint32:
		for _, v := range s[from:to] {
			b = le.AppendUint32(b, v)
		}
	case []uint16:
		for _, v := range s[from:to] {
			b = le.AppendUint16(b, v)
		}
	case []uint8:
		b = append(b, s[from:to]...)
	case []bool:
		for _, v := range s[from:to] {
			if v {
				b = append(b, 1)
			} else {
				b = append(b, 0)
			}
		}
	case []complex128:
		for _, v := range s[from:to] {
			b = le.AppendUint64(le.AppendUint64(b, math.Float64bits(real(v))), math.Float64bits(imag(v)))
		}
	case []complex64:
		for _, v := range s[from:to] {
			b = le.AppendUint32(le.AppendUint32(b, math.Float32bits(real(v))), math.Float32bits(imag(v)))
		}
	}
	return b
}

// key combines kind and size for a switch.
func (dt dtype) key() int { return int(dt.kind)<<4 | dt.size }
