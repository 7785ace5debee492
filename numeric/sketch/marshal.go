package sketch

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
)

// The binary form, version 1, all integers little-endian:
//
//	magic    "NKCM"
//	version  1 byte (1)
//	flags    1 byte (bit 0: conservative update; the other bits 0)
//	width    uint32
//	depth    uint32
//	seed     uint64
//	total    uint64
//	counters width×depth unsigned varints, row by row
//	checksum uint32, CRC-32C (Castagnoli) of everything before it
//
// Varints keep the usual sketch, whose counters are mostly small, compact.

const (
	magic        = "NKCM"
	version      = 1
	flagConserve = 1
	headerSize   = 4 + 1 + 1 + 4 + 4 + 8 + 8
	checksumSize = 4
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// ErrCorrupt is returned (wrapped) by UnmarshalBinary for input that is not a sketch
// this package wrote: a bad magic number, version, shape, length or checksum.
var ErrCorrupt = errors.New("sketch: corrupt serialized sketch")

// MarshalBinary encodes the sketch (encoding.BinaryMarshaler).
func (c *CountMin) MarshalBinary() ([]byte, error) {
	b := make([]byte, 0, headerSize+len(c.counts)+checksumSize)
	b = append(b, magic...)
	var flags byte
	if c.conservative {
		flags |= flagConserve
	}
	b = append(b, version, flags)
	b = binary.LittleEndian.AppendUint32(b, c.width)
	b = binary.LittleEndian.AppendUint32(b, c.depth)
	b = binary.LittleEndian.AppendUint64(b, c.seed)
	b = binary.LittleEndian.AppendUint64(b, c.total)
	for _, v := range c.counts {
		b = binary.AppendUvarint(b, v)
	}
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli)), nil
}

// UnmarshalBinary replaces c with the sketch data encodes
// (encoding.BinaryUnmarshaler). Input that is not an intact sketch gives an error
// wrapping ErrCorrupt, and leaves c unchanged.
func (c *CountMin) UnmarshalBinary(data []byte) error {
	corrupt := func(format string, args ...any) error {
		return fmt.Errorf("sketch: UnmarshalBinary: %s: %w", fmt.Sprintf(format, args...), ErrCorrupt)
	}
	if len(data) < headerSize+checksumSize {
		return corrupt("%d bytes, shorter than a header", len(data))
	}
	if string(data[:4]) != magic {
		return corrupt("magic %q, want %q", data[:4], magic)
	}
	if data[4] != version {
		return corrupt("version %d, want %d", data[4], version)
	}
	body, sum := data[:len(data)-checksumSize], binary.LittleEndian.Uint32(data[len(data)-checksumSize:])
	if got := crc32.Checksum(body, castagnoli); got != sum {
		return corrupt("checksum %#08x, stored %#08x", got, sum)
	}
	flags := data[5]
	if flags&^flagConserve != 0 {
		return corrupt("unknown flags %#02x", flags)
	}
	width := binary.LittleEndian.Uint32(data[6:])
	depth := binary.LittleEndian.Uint32(data[10:])
	n := uint64(width) * uint64(depth)
	rest := body[headerSize:]
	// each counter takes at least one byte: a shape the data cannot hold is rejected
	// before anything is allocated for it
	if width == 0 || depth == 0 || n > MaxCounters || n > uint64(len(rest)) {
		return corrupt("shape %d×%d for %d bytes of counters", width, depth, len(rest))
	}
	counts := make([]uint64, n)
	for i := range counts {
		v, k := binary.Uvarint(rest)
		if k <= 0 {
			return corrupt("counter %d of %d is not a varint", i, n)
		}
		counts[i], rest = v, rest[k:]
	}
	if len(rest) != 0 {
		return corrupt("%d bytes after the counters", len(rest))
	}
	total := binary.LittleEndian.Uint64(data[22:])
	conservative := flags&flagConserve != 0
	if err := checkRows(counts, uint64(width), total, conservative); err != nil {
		return corrupt("%v", err)
	}
	*c = CountMin{width: width, depth: depth, seed: binary.LittleEndian.Uint64(data[14:]),
		conservative: conservative, total: total, counts: counts}
	return nil
}

// checkRows checks what every sketch satisfies unless it saturated: each row of a
// plain sketch sums to the total, each row of a conservative one to at most the total
// (an update raises a row by at most its count).
func checkRows(counts []uint64, width, total uint64, conservative bool) error {
	if total == math.MaxUint64 {
		return nil
	}
	for r := uint64(0); r*width < uint64(len(counts)); r++ {
		var s uint64
		for _, v := range counts[r*width : (r+1)*width] {
			s = satAdd(s, v)
		}
		if s > total || (!conservative && s != total) {
			return fmt.Errorf("row %d sums to %d; the total is %d", r, s, total)
		}
	}
	return nil
}
